// `npm start`: builds korlib and the demo kernel (kernel/*.cs with the ADC interface and
// x86 layer in adc/), then boots it in QEMU with the serial console on this terminal.
// Exits with the kernel's exit code.

import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImage } from 'qemu-runner';
import { build } from '../src/driver/build.ts';
import { reportAndExit } from '../src/cli/report.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cs = (dir: string) => readdirSync(path.join(root, dir)).filter(f => f.endsWith('.cs')).sort().map(f => path.join(root, dir, f));

try {
  const inputs = [...cs('kernel'), ...cs('adc'), ...cs('adc/x86')];
  const output = path.join(root, 'build', 'kernel.bin');
  mkdirSync(path.dirname(output), { recursive: true });
  process.stderr.write(`sharpaot: building the demo kernel (${inputs.length} source files) → build/kernel.bin\n`);
  const result = await build({ inputs, arch: 'x86', output });
  process.stderr.write(`sharpaot: ${result.methods.length} methods, ${result.image.length} bytes; booting in QEMU\n\n`);
  const run = await runImage({ image: output, timeoutMs: 30_000, onStdout: c => process.stdout.write(c), onStderr: c => process.stderr.write(c) });
  process.stderr.write(`\nsharpaot: ${run.outcome === 'exit' ? `kernel exited with code ${run.exitCode}` : `run ended: ${run.outcome}`}\n`);
  process.exitCode = run.outcome === 'exit' ? (run.exitCode ?? 0) : 1;
} catch (e) {
  reportAndExit(e);
}
