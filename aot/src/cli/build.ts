// `sharpaot build <inputs...>`: compile to a bootable kernel image.

import type { CommandModule } from 'yargs';
import { build } from '../driver/build.ts';
import { buildRequest, withBuildOptions, type BuildArgs } from './build-options.ts';

interface Args extends BuildArgs {
  output?: string;
  iso?: string;
}

export const buildCommand: CommandModule<object, Args> = {
  command: 'build <inputs...>',
  describe: 'compile C# sources or assemblies into a multiboot kernel image',
  builder: y =>
    withBuildOptions(y)
      .option('output', { alias: 'o', describe: 'image file (default: <first input>.bin)', type: 'string', requiresArg: true })
      .option('iso', { describe: 'also write a bootable GRUB ISO', type: 'string', requiresArg: true })
      .example('$0 build kernel.dll --arch x86', 'writes kernel.bin')
      .example('$0 build hello.cs -o hello.bin --map hello.map', 'compiles hello.cs against korlib first') as never,
  handler: async args => {
    const result = await build({
      ...buildRequest(args),
      ...(args.output !== undefined ? { output: args.output } : {}),
      ...(args.iso !== undefined ? { iso: args.iso } : {}),
    });
    process.stderr.write(`sharpaot: wrote ${result.output} (${result.image.length} bytes, ${result.methods.length} methods)${result.iso ? ` and ${result.iso}` : ''}\n`);
  },
};
