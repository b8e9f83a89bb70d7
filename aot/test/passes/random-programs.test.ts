// Differential testing of the passes with the IR interpreter as the oracle: seeded random
// programs in the builder's pre-SSA form (random-ir.ts) must behave the same (outcome,
// value, trap kind, sequence of effects) at -O0, -O1 and -O2, with the verifier on after
// every pass, and also after every single pass (each function in turn, the rest of the
// module unchanged), which names the pass that broke a program; and no instruction may
// change EH region. `npm test` runs a
// bounded number of programs; SHARPAOT_LONG=1 runs many more, SHARPAOT_SEED=<n> one.

import test from 'ava';
import type { Func } from '../../src/ir/ir.ts';
import { cloneFunc } from '../../src/ir/clone.ts';
import { printFunc } from '../../src/ir/printer.ts';
import { verifyFunc } from '../../src/ir/verifier.ts';
import { runPipeline, type OptLevel } from '../../src/passes/pipeline.ts';
import { behaviours, differences } from './harness.ts';
import { generateModule } from './random-ir.ts';

const ONE = process.env.SHARPAOT_SEED;
const SEEDS = ONE !== undefined ? [Number(ONE)] : Array.from({ length: process.env.SHARPAOT_LONG === '1' ? 3000 : 60 }, (_, i) => i);
const CHUNK = 30;
const LEVELS: OptLevel[] = [0, 1, 2];

for (let i = 0; i < SEEDS.length; i += CHUNK) {
  const seeds = SEEDS.slice(i, i + CHUNK);
  test(`random programs ${seeds[0]}..${seeds[seeds.length - 1]} behave the same after every pass and at -O0/-O1/-O2`, t => {
    const failures: string[] = [];
    const outcomes = new Map<string, number>();
    for (const seed of seeds) {
      failures.push(...checkProgram(seed, outcomes));
      if (failures.length >= 3) break;
    }
    t.deepEqual(failures, []);
    // The programs must mostly run to the end, or they test little.
    const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
    t.true((outcomes.get('return') ?? 0) >= total / 2, `outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);
  });
}

function checkProgram(seed: number, outcomes: Map<string, number>): string[] {
  const m = generateModule(seed);
  const run = { memorySymbols: m.memorySymbols, initialData: m.initialData, externals: m.externals };
  for (const f of m.funcs.values()) verifyFunc(f);
  const reference = behaviours(m.funcs, m.entry, m.argSets, run);
  for (const r of reference) outcomes.set(r.result.outcome, (outcomes.get(r.result.outcome) ?? 0) + 1);
  const lookup = (sym: string) => {
    const f = m.funcs.get(sym);
    return f && cloneFunc(f);
  };
  const failures: string[] = [];
  for (const level of LEVELS) {
    const optimised = new Map<string, Func>();
    for (const [name, original] of m.funcs) {
      const fn = cloneFunc(original);
      const regionOf = new Map<number, number | undefined>();
      for (const b of original.blocks) for (const i of b.insts) regionOf.set(i.id, b.region?.id);
      let broken: string | undefined;
      try {
        runPipeline(fn, {
          level,
          verify: true,
          inlineLookup: lookup,
          dump: (pass, after) => {
            if (broken !== undefined) return;
            for (const b of after.blocks) {
              for (const i of b.insts) {
                if (regionOf.has(i.id) && regionOf.get(i.id) !== b.region?.id) broken = `seed ${seed} -O${level}: ${name}: ${pass} moved v${i.id} (${i.op}) from region r${regionOf.get(i.id)} to r${b.region?.id}`;
              }
            }
            if (broken !== undefined) return;
            const diff = differences(reference, behaviours(new Map(m.funcs).set(name, after), m.entry, m.argSets, run));
            if (diff.length > 0) broken = `seed ${seed} -O${level}: ${name} behaves differently after ${pass}\n${diff[0]}\n${printFunc(after)}`;
          },
        });
      } catch (e) {
        broken = `seed ${seed} -O${level}: ${name}: ${e instanceof Error ? e.message : String(e)}`;
      }
      if (broken !== undefined) return [broken];
      optimised.set(name, fn);
    }
    const diff = differences(reference, behaviours(optimised, m.entry, m.argSets, run));
    if (diff.length > 0) failures.push(`seed ${seed} -O${level}: the optimised module behaves differently\n${diff[0]}`);
  }
  return failures;
}
