// `sharpaot run <inputs...> [-- qemu args]`: build (unless given an image), boot it in
// QEMU headless with COM1 on stdout and COM2 on stderr, and exit with the guest's exit
// code. A triple fault exits 125 and a timeout 124, each with a message on stderr.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CommandModule } from 'yargs';
import { runImage } from 'qemu-runner';
import { build } from '../driver/build.ts';
import { fail } from '../diagnostics.ts';
import { buildRequest, withBuildOptions, type BuildArgs } from './build-options.ts';

interface Args extends BuildArgs {
  iso: boolean;
  timeout: number;
  '--'?: (string | number)[];
}

export const EXIT_TIMEOUT = 124;
export const EXIT_TRIPLE_FAULT = 125;

export const runCommand: CommandModule<object, Args> = {
  command: 'run <inputs...>',
  describe: 'build, boot in QEMU, stream the serial console, exit with the program\'s exit code',
  builder: y =>
    withBuildOptions(y)
      .option('iso', { describe: 'boot through GRUB from an ISO instead of qemu -kernel', type: 'boolean', default: false })
      .option('timeout', { describe: 'seconds before the run is stopped (exit code 124)', type: 'number', default: 60 })
      .parserConfiguration({ 'populate--': true })
      .example('$0 run hello.cs', 'prints what hello.cs prints and exits with its code')
      .example('$0 run kernel.bin -- -m 512', 'boots an existing image with extra QEMU arguments') as never,
  handler: async args => {
    const work = mkdtempSync(path.join(tmpdir(), 'sharpaot-run-'));
    try {
      let image: string;
      let iso: string | undefined;
      if (args.inputs.length === 1 && /\.bin$/i.test(args.inputs[0]!)) {
        image = args.inputs[0]!;
        if (args.iso) fail('SA1006', '--iso needs sources or assemblies to build from', { hint: 'use sharpaot build --iso, then boot the ISO with qemu' });
      } else {
        image = path.join(work, 'kernel.bin');
        if (args.iso) iso = path.join(work, 'kernel.iso');
        await build({ ...buildRequest(args), output: image, ...(iso !== undefined ? { iso } : {}) });
      }
      const result = await runImage({
        ...(iso !== undefined ? { iso } : { image }),
        timeoutMs: args.timeout * 1000,
        extraArgs: (args['--'] ?? []).map(String),
        onStdout: chunk => process.stdout.write(chunk),
        onStderr: chunk => process.stderr.write(chunk),
      });
      switch (result.outcome) {
        case 'exit':
          process.exitCode = result.exitCode ?? 0;
          return;
        case 'timeout':
          process.stderr.write(`sharpaot: the guest did not exit within ${args.timeout} s (stopped)\n`);
          process.exitCode = EXIT_TIMEOUT;
          return;
        case 'triple-fault':
          process.stderr.write(`sharpaot: the guest triple-faulted (CPU reset)\n${result.qemuStderr}`);
          process.exitCode = EXIT_TRIPLE_FAULT;
          return;
        case 'qemu-error':
          fail('SA5002', `QEMU failed: ${result.qemuStderr.trim()}`);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
