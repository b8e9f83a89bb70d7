// The program benchmarks: each program of the catalogue built three ways (sharpaot -O0,
// sharpaot -O2, gcc -O2), booted in QEMU with -icount shift=0 so the reported count of
// executed guest instructions is exact and the same on every run, plus the C# program
// under mono as the oracle of the printed result. Builds run in this process one after
// the other; the QEMU boots and mono runs overlap them, one per core.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { limitConcurrency } from '../../../test-qemu/harness/concurrency.ts';
import type { ProgramBenchmark } from './catalogue.ts';
import { buildCKernel } from './c-kernel.ts';
import { bootBenchKernel, buildCSharpKernel, compileForMono, runOnMono, type KernelRun } from './program-run.ts';

/** The goals set for the compiler (instruction counts, lower is better). */
export const TARGETS = {
  /** sharpaot -O2 may execute at most this many times gcc -O2's instructions. */
  o2OverGccMax: 1.5,
  /** -O0 should execute at least this many times -O2's instructions. */
  o0OverO2Min: 3,
} as const;

export type Variant = 'O0' | 'O2' | 'gcc';
export const VARIANTS: readonly Variant[] = ['O0', 'O2', 'gcc'];

export interface ProgramRow {
  readonly name: string;
  readonly measures: string;
  readonly size: number;
  /** Executed instructions of the timed kernel, per variant. */
  readonly instructions: Record<Variant, number>;
  /** The line each printed ("NAME n = result"); mono's is the oracle. */
  readonly output: Record<Variant | 'mono', string>;
  /** All four printed the same line. */
  readonly agree: boolean;
  readonly o2OverGcc: number;
  readonly o0OverO2: number;
}

export interface ProgramFailure {
  readonly name: string;
  readonly size: number;
  readonly error: string;
}

export interface ProgramBenchOptions {
  readonly programs: readonly ProgramBenchmark[];
  /** The n each program runs with. */
  readonly sizeOf: (p: ProgramBenchmark) => number;
  /** Where the images go. */
  readonly workDir: string;
  /** Called as each program finishes. */
  readonly onResult?: (r: ProgramRow | ProgramFailure) => void;
}

export async function runProgramBenchmarks(opts: ProgramBenchOptions): Promise<(ProgramRow | ProgramFailure)[]> {
  mkdirSync(opts.workDir, { recursive: true });
  const external = limitConcurrency();
  const pending = opts.programs.map(async p => {
    const n = opts.sizeOf(p);
    const image = (suffix: string) => path.join(opts.workDir, `${p.name}-${suffix}`);
    // Boots start as soon as their image exists; a failure is `kept` for the await below
    // (the no-op catch only stops Node from reporting it as unhandled meanwhile).
    const kept = <T>(task: Promise<T>): Promise<T> => {
      task.catch(() => undefined);
      return task;
    };
    const boot = (file: string): Promise<KernelRun> => kept(external(() => bootBenchKernel(file, n)));
    try {
      const mono = kept(compileForMono(p.name).then(exe => external(() => runOnMono(exe, n))));
      const o0 = boot(await buildCSharpKernel(p.name, 0, image('O0.bin')));
      const o2 = boot(await buildCSharpKernel(p.name, 2, image('O2.bin')));
      const gcc = boot(await external(() => buildCKernel(p.name, image('gcc.elf'))));
      const runs = { O0: await o0, O2: await o2, gcc: await gcc };
      const output = { O0: runs.O0.stdout, O2: runs.O2.stdout, gcc: runs.gcc.stdout, mono: await mono };
      const instructions = { O0: runs.O0.instructions, O2: runs.O2.instructions, gcc: runs.gcc.instructions };
      const row: ProgramRow = {
        name: p.name,
        measures: p.measures,
        size: n,
        instructions,
        output,
        agree: Object.values(output).every(o => o === output.mono),
        o2OverGcc: instructions.O2 / instructions.gcc,
        o0OverO2: instructions.O0 / instructions.O2,
      };
      opts.onResult?.(row);
      return row;
    } catch (e) {
      const failure: ProgramFailure = { name: p.name, size: n, error: e instanceof Error ? e.message : String(e) };
      opts.onResult?.(failure);
      return failure;
    }
  });
  return Promise.all(pending);
}

export function isFailure(r: ProgramRow | ProgramFailure): r is ProgramFailure {
  return 'error' in r;
}
