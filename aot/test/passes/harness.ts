// Shared by the pass tests: running a module in the IR interpreter and comparing the
// behaviour (outcome, value, effects) of two versions of a module.

import type { Func } from '../../src/ir/ir.ts';
import { describeResult, interpret, type InterpOptions, type InterpResult, type Value } from '../../src/ir/interp.ts';
import type { Type } from '../../src/ir/types.ts';

export interface Behaviour {
  readonly args: Value[];
  readonly result: InterpResult;
  readonly text: string;
}

/** Runs `entry` once per argument list. */
export function behaviours(module: Map<string, Func>, entry: string, argSets: Value[][], opts: InterpOptions = {}): Behaviour[] {
  return argSets.map(args => {
    const result = interpret(module, entry, args, { maxSteps: 200_000, ...opts });
    return { args, result, text: describeResult(result) };
  });
}

/**
 * Differences between a reference run and a run of the transformed module, as readable
 * lines (empty when they agree). A reference that hit the step limit proves nothing.
 */
export function differences(reference: Behaviour[], actual: Behaviour[]): string[] {
  const out: string[] = [];
  reference.forEach((r, i) => {
    if (r.result.outcome === 'step-limit') return;
    const a = actual[i]!;
    if (a.text !== r.text) out.push(`args (${r.args.map(String).join(', ')}):\n  expected: ${r.text.replaceAll('\n', '\n            ')}\n  actual:   ${a.text.replaceAll('\n', '\n            ')}`);
  });
  return out;
}

/** A few argument lists for a signature: zeros, small, negative, extreme values. */
export function defaultArgs(params: readonly Type[]): Value[][] {
  const pick = (t: Type, i32: number, i64: bigint, f: number): Value => (t === 'i64' ? i64 : t === 'i32' ? i32 : t === 'f32' ? Math.fround(f) : f);
  return [
    params.map(t => pick(t, 0, 0n, 0)),
    params.map((t, i) => pick(t, i + 1, BigInt(i + 2), i + 0.5)),
    params.map((t, i) => pick(t, -3 - i, -7n, -2.5)),
    params.map((t, i) => pick(t, i % 2 === 0 ? 0x7fffffff : -0x80000000, -(1n << 63n), 1e300)),
    params.map((t, i) => pick(t, 100 * (i + 1) - 37, 123456789012345n, NaN)),
  ];
}
