// Long random differential testing: generates programs with
// test-qemu/generators/random-program.ts for consecutive seeds, runs them under mono and
// under sharpaot (--verify) in QEMU at each -O level, and for every program that differs,
// fails to compile or hangs saves its C# source and what went wrong under /tmp/sharpaot-fuzz/.
//
//   node --import=tsx aot/scripts/fuzz.ts [--count N] [--seed S] [--levels 0,2] [--jobs J] [--batch B]
//
// --seed defaults to one derived from the clock (printed, so a run can be repeated);
// --jobs runs that many worker processes (compilation is CPU-bound and synchronous);
// --batch puts that many seeds in one image (default 4: the per-image compile cost is
// shared); a batch that differs is rerun seed by seed to find the programs to save.
// Exits 1 when any program differed. mono's and sharpaot's caches go under
// /tmp/sharpaot-fuzz/ too, so a long run does not fill node_modules/.cache.

import { fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { differential } from '../../test-qemu/generators/differential.ts';
import { randomProgram, randomPrograms } from '../../test-qemu/generators/random-program.ts';
import type { GeneratedProgram } from '../../test-qemu/generators/program.ts';
import type { OptLevel } from '../src/passes/pipeline.ts';

const OUT = '/tmp/sharpaot-fuzz';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20' },
    seed: { type: 'string' },
    levels: { type: 'string', default: '0,2' },
    jobs: { type: 'string', default: '1' },
    batch: { type: 'string', default: '4' },
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
const batch = positive('batch', values.batch!);

function positive(name: string, text: string, min = 1): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) usage(`--${name} takes an integer of at least ${min}, not '${text}'`);
  return n;
}

function usage(message: string): never {
  process.stderr.write(`fuzz: ${message}\nusage: node --import=tsx aot/scripts/fuzz.ts [--count N] [--seed S] [--levels 0,2] [--jobs J] [--batch B]\n`);
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
  const args = ['--count', `${count}`, '--seed', `${seed}`, '--levels', levels.join(','), '--batch', `${batch}`, '--shard', `${shard}`, '--of', `${jobs}`];
  return new Promise(resolve => fork(new URL(import.meta.url).pathname, args, { stdio: 'inherit' }).on('exit', code => resolve(code !== 0)));
}

/** Runs the batches of one shard (batch k goes to shard k mod of); true if any program failed. */
async function runShard(shard: number, of: number): Promise<boolean> {
  const work = path.join(OUT, `work-${process.pid}`);
  let failed = false;
  try {
    for (let first = seed + shard * batch; first < seed + count; first += of * batch) {
      const seeds = Array.from({ length: Math.min(batch, seed + count - first) }, (_, k) => first + k);
      const started = Date.now();
      const batched = await check(work, randomPrograms(seeds));
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (batched.problems.length === 0) {
        process.stdout.write(`seeds ${seeds.join(', ')}: ok, ${batched.lines} lines (${seconds} s)\n`);
        continue;
      }
      failed = true;
      process.stdout.write(`seeds ${seeds.join(', ')}: DIFFER (${seconds} s); rerunning them one by one\n`);
      let found = false;
      for (const s of seeds) {
        const program = randomProgram(s);
        const alone = await check(work, program);
        if (alone.problems.length === 0) continue;
        found = true;
        report(program, alone.problems);
      }
      // Only together (e.g. one program's code or size changes how another compiles): keep the batch.
      if (!found) report(randomPrograms(seeds), batched.problems);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return failed;
}

async function check(work: string, program: GeneratedProgram): Promise<{ problems: string[]; lines: number }> {
  try {
    const r = await differential(work, program.name, program.source, levels);
    return { problems: r.discrepancies, lines: r.lines };
  } catch (e) {
    // mcs rejecting a generated program, or mono failing, is a generator bug: report it like a mismatch.
    return { problems: [`the oracle failed: ${e instanceof Error ? e.message : String(e)}`], lines: 0 };
  }
}

function report(program: GeneratedProgram, problems: readonly string[]): void {
  const file = path.join(OUT, `${program.name}.cs`);
  writeFileSync(file, program.source);
  writeFileSync(path.join(OUT, `${program.name}.txt`), problems.join('\n') + '\n');
  process.stdout.write(`  ${program.name}: saved ${file}\n${problems.map(p => `    ${p.split('\n')[0]}`).join('\n')}\n`);
}
