// The sharpaot side of differential tests: compile C# sources with sharpaot (in process,
// through the same driver as `sharpaot build`) and boot the image in QEMU. `expectSameAsMono`
// runs a program both ways — mono on the host is the oracle — and compares stdout and the
// exit code at each optimisation level.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExecutionContext } from 'ava';
import { runImage, type RunResult } from 'qemu-runner';
import { build } from '../../aot/src/driver/build.ts';
import type { OptLevel } from '../../aot/src/passes/pipeline.ts';
import { hostOracle } from './host-oracle.ts';
import { limitConcurrency } from './concurrency.ts';

/** QEMU boots of this test process, one per core at a time. */
const boot = limitConcurrency();

export interface SharpaotRunOptions {
  readonly optLevel?: OptLevel;
  readonly timeoutMs?: number;
  /** Boot through GRUB from an ISO. */
  readonly iso?: boolean;
  /** Verify IR and register allocation while compiling (default: on in tests). */
  readonly verify?: boolean;
}

export async function runWithSharpaot(sources: readonly string[], opts: SharpaotRunOptions = {}): Promise<RunResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'sharpaot-test-'));
  try {
    const output = path.join(work, 'kernel.bin');
    const iso = opts.iso ? path.join(work, 'kernel.iso') : undefined;
    await build({ inputs: sources, arch: 'x86', output, optLevel: opts.optLevel ?? 2, verify: opts.verify ?? true, ...(iso ? { iso } : {}) });
    return await boot(() => runImage({ ...(iso ? { iso, icount: 7 } : { image: output }), timeoutMs: opts.timeoutMs ?? 90_000 }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Asserts that the program prints the same and exits with the same code under mono and under sharpaot at each level. */
export async function expectSameAsMono(t: ExecutionContext, sources: readonly string[], levels: readonly OptLevel[] = [0, 2], opts: { unsafe?: boolean } = {}): Promise<void> {
  const expected = await hostOracle([...sources], opts.unsafe ? { unsafe: true } : {});
  await Promise.all(
    levels.map(async level => {
      const got = await runWithSharpaot(sources, { optLevel: level });
      t.is(got.outcome, 'exit', `-O${level}: ${got.outcome} ${got.qemuStderr}`);
      t.is(got.stdout, expected.stdout, `-O${level}: stdout differs from mono's`);
      t.is(got.exitCode, expected.exitCode, `-O${level}: exit code differs from mono's`);
    }),
  );
}

export const PROGRAMS = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'programs');

export function program(name: string): string {
  return path.join(PROGRAMS, name);
}
