// Options shared by `sharpaot build` and `sharpaot run`, and their translation into a
// BuildRequest.

import type { Argv } from 'yargs';
import { fail } from '../diagnostics.ts';
import { isPassName, type OptLevel, type PassName } from '../passes/pipeline.ts';
import type { BuildRequest } from '../driver/build.ts';
import { SUPPORTED_ARCHS } from '../driver/build.ts';

export interface BuildArgs {
  inputs: string[];
  arch: string;
  O: number;
  verify: boolean;
  map?: string;
  'emit-asm'?: string;
  'dump-ir'?: string | boolean;
  filter?: string;
}

export function withBuildOptions<T>(y: Argv<T>) {
  return y
    .positional('inputs', { describe: 'C# sources (.cs, compiled together against korlib) and/or assemblies (.dll, .exe)', type: 'string', array: true, demandOption: true })
    .option('arch', { describe: 'target architecture', choices: SUPPORTED_ARCHS as unknown as string[], default: 'x86' })
    .option('O', { describe: 'optimisation level: 0 (none, for debugging), 1, 2', type: 'number', default: 2, nargs: 1 })
    .option('verify', { describe: 'check the IR after every pass and every register allocation', type: 'boolean', default: false })
    .option('map', { describe: 'write a map file (address, size, section, symbol)', type: 'string', requiresArg: true })
    .option('emit-asm', { describe: 'write the image as GNU assembler source (and FILE.ld, its linker script)', type: 'string', requiresArg: true })
    .option('dump-ir', { describe: 'print the IR after every pass, or after one (--dump-ir=sccp; "build" for the builder\'s output)', type: 'string' })
    .option('filter', { describe: 'with --dump-ir: only methods whose name contains this text', type: 'string', requiresArg: true });
}

export function buildRequest(args: BuildArgs): Omit<BuildRequest, 'output' | 'iso'> {
  if (![0, 1, 2].includes(args.O)) fail('SA1006', `-O${args.O} is not an optimisation level`, { hint: 'use -O0, -O1 or -O2' });
  let dumpIr: BuildRequest['dumpIr'];
  const d = args['dump-ir'];
  if (d !== undefined && d !== false) {
    const pass = d === true || d === '' ? undefined : d;
    if (pass !== undefined && pass !== 'build' && !isPassName(pass)) fail('SA1006', `--dump-ir=${pass}: no such pass`);
    dumpIr = {
      ...(pass !== undefined ? { pass: pass as PassName | 'build' } : {}),
      ...(args.filter !== undefined ? { filter: args.filter } : {}),
      write: text => process.stdout.write(text + '\n'),
    };
  }
  return {
    inputs: args.inputs,
    arch: args.arch,
    optLevel: args.O as OptLevel,
    verify: args.verify,
    ...(args.map !== undefined ? { map: args.map } : {}),
    ...(args['emit-asm'] !== undefined ? { emitAsm: args['emit-asm'] } : {}),
    ...(dumpIr !== undefined ? { dumpIr } : {}),
  };
}
