// Benchmark of the optimisation pipeline: the -O1 and -O2 pipelines on large generated
// functions in the builder's pre-SSA form (the random generator of the pass tests, with
// a large statement budget), reported as input instructions per second, with the time
// spent in each pass. Run: node --import=tsx aot/src/passes/bench/passes-bench.ts
// (the export is for a suite that collects benchmarks).

import { pathToFileURL } from 'node:url';
import type { Func } from '../../ir/ir.ts';
import { cloneFunc } from '../../ir/clone.ts';
import { runPipeline, type OptLevel } from '../pipeline.ts';
import { generateModule } from '../../../test/passes/random-ir.ts';

export interface PassesBenchResult {
  readonly level: OptLevel;
  readonly functions: number;
  readonly instructions: number;
  readonly seconds: number;
  readonly instructionsPerSecond: number;
  /** Seconds per pass name, summed over functions and rounds. */
  readonly perPass: Record<string, number>;
}

/** Generated functions of roughly `statements` statements each (deterministic). */
function workload(count: number, statements: number): Map<string, Func> {
  const funcs = new Map<string, Func>();
  for (let seed = 0; seed < count; seed++) {
    const m = generateModule(1000 + seed, { functions: 4, statements, depth: 4 });
    for (const [name, f] of m.funcs) funcs.set(`${seed}:${name}`, f);
  }
  return funcs;
}

/** Best of `repeats` timed runs, after one untimed run that warms up the JIT. */
export function runPassesBench(level: OptLevel, count = 12, statements = 300, repeats = 5): PassesBenchResult {
  const funcs = workload(count, statements);
  let instructions = 0;
  for (const f of funcs.values()) instructions += [...f.instructions()].length;
  const perPass: Record<string, number> = {};
  let best = Infinity;
  for (let r = -1; r < repeats; r++) {
    const copies = [...funcs].map(([name, f]) => [name, cloneFunc(f)] as const);
    const lookup = (sym: string) => {
      for (const [name, f] of funcs) if (name.endsWith(`:${sym}`)) return cloneFunc(f);
      return undefined;
    };
    const times: Record<string, number> = {};
    const start = performance.now();
    for (const [, fn] of copies) {
      let last = performance.now();
      runPipeline(fn, {
        level,
        inlineLookup: lookup,
        dump: pass => {
          const now = performance.now();
          times[pass] = (times[pass] ?? 0) + (now - last) / 1000;
          last = now;
        },
      });
    }
    const seconds = (performance.now() - start) / 1000;
    if (r >= 0 && seconds < best) {
      best = seconds;
      Object.assign(perPass, times);
    }
  }
  return { level, functions: funcs.size, instructions, seconds: best, instructionsPerSecond: instructions / best, perPass };
}

function main(): void {
  for (const level of [1, 2] as OptLevel[]) {
    const r = runPassesBench(level);
    console.log(`passes -O${level}: ${r.functions} functions, ${r.instructions} instructions in ${r.seconds.toFixed(3)} s = ${Math.round(r.instructionsPerSecond).toLocaleString('en-US')} instructions/s (best of 5)`);
    const rows = Object.entries(r.perPass).sort((a, b) => b[1] - a[1]);
    for (const [pass, s] of rows) console.log(`  ${pass.padEnd(22)} ${(s * 1000).toFixed(1).padStart(8)} ms  ${((100 * s) / r.seconds).toFixed(1).padStart(5)} %`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
