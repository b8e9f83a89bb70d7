// Long random differential testing: generates programs with
// test-qemu/generators/random-program.ts for consecutive seeds, runs each under mono and
// under sharpaot (--verify) in QEMU at each -O level, and for every program that differs,
// fails to compile or hangs saves its C# source and what went wrong under /tmp/sharpaot-fuzz/.
//
//   node --import=tsx aot/scripts/fuzz.ts [--count N] [--seed S] [--levels 0,2] [--jobs J]
//
// --seed defaults to one derived from the clock (printed, so a run can be repeated);
// --jobs runs that many worker processes (compilation is CPU-bound and synchronous).
// Exits 1 when any program differed. mono's and sharpaot's caches go under
// /tmp/sharpaot-fuzz/ too, so a long run does not fill node_modules/.cache.

import { fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { differential } from '../../test-qemu/generators/differential.ts';
import { randomProgram } from '../../test-qemu/generators/random-program.ts';
import type { OptLevel } from '../src/passes/pipeline.ts';

const OUT = '/tmp/sharpaot-fuzz';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20' },
    seed: { type: 'string' },
    levels: { type: 'string', default: '0,2' },
    jobs: { type: 'string', default: '1' },
    // Internal: this process is worker `shard` of `of`.
    shard: { type: 'string' },
    of: { type: 'string' },
  },
});

const count = positive('count', values.count!);
const seed = values.seed === undefined ? Date.now() % 1_000_000_000 : positive('seed', values.seed, 0);
const levels = values.levels!.split(',').map(l => {
  if (l !== '0' && l !== '1' && l !== '2') usage(`--levels takes 0, 1 and 2 separated by commas, not '${l}'`);
  return Number(l) as OptLevel;
});
const jobs = positive('jobs', values.jobs!);

function positive(name: string, text: string, min = 1): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) usage(`--${name} takes an integer of at least ${min}, not '${text}'`);
  return n;
}

function usage(message: string): never {
  process.stderr.write(`fuzz: ${message}\nusage: node --import=tsx aot/scripts/fuzz.ts [--count N] [--seed S] [--levels 0,2] [--jobs J]\n`);
  process.exit(2);
}

mkdirSync(OUT, { recursive: true });
process.env['SHARPAOT_ORACLE_CACHE'] ??= path.join(OUT, 'oracle-cache');
process.env['SHARPAOT_CACHE'] ??= path.join(OUT, 'sharpaot-cache');

if (values.shard !== undefined) {
  process.exitCode = (await runShard(Number(values.shard), Number(values.of))) ? 1 : 0;
} else {
  process.stdout.write(`fuzz: ${count} programs from seed ${seed} at -O${levels.join(', -O')}, ${jobs} job(s); failures go to ${OUT}/\n`);
  const failed = jobs === 1 ? await runShard(0, 1) : (await Promise.all(Array.from({ length: jobs }, (_, k) => worker(k)))).some(f => f);
  process.stdout.write(failed ? 'fuzz: some programs differed (see above)\n' : `fuzz: all ${count} programs agreed with mono\n`);
  process.exitCode = failed ? 1 : 0;
}

function worker(shard: number): Promise<boolean> {
  const args = ['--count', `${count}`, '--seed', `${seed}`, '--levels', levels.join(','), '--shard', `${shard}`, '--of', `${jobs}`];
  return new Promise(resolve => fork(new URL(import.meta.url).pathname, args, { stdio: 'inherit' }).on('exit', code => resolve(code !== 0)));
}

/** Runs the seeds of one shard; true if any program failed. */
async function runShard(shard: number, of: number): Promise<boolean> {
  const work = path.join(OUT, `work-${process.pid}`);
  let failed = false;
  try {
    for (let s = seed + shard; s < seed + count; s += of) {
      const program = randomProgram(s);
      const started = Date.now();
      let problems: string[];
      let lines = 0;
      try {
        const r = await differential(work, program.name, program.source, levels);
        problems = r.discrepancies;
        lines = r.lines;
      } catch (e) {
        // mcs rejecting a generated program, or mono failing, is a generator bug: report it like a mismatch.
        problems = [`the oracle failed: ${e instanceof Error ? e.message : String(e)}`];
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (problems.length === 0) {
        process.stdout.write(`seed ${s}: ok, ${lines} lines (${seconds} s)\n`);
        continue;
      }
      failed = true;
      const file = path.join(OUT, `${program.name}.cs`);
      writeFileSync(file, program.source);
      writeFileSync(path.join(OUT, `${program.name}.txt`), problems.join('\n') + '\n');
      process.stdout.write(`seed ${s}: DIFFERS, saved ${file} (${seconds} s)\n${problems.map(p => `  ${p.split('\n')[0]}`).join('\n')}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return failed;
}
