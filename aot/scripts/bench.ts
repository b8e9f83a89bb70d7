// `npm run bench`: the benchmark suite. Runs, in this order (so timings never overlap):
//   1. program benchmarks (aot/bench/harness/program-bench.ts): executed guest instructions
//      of C# programs compiled by sharpaot at -O0 and -O2 against the same algorithms in C
//      built by gcc -O2, all booted in QEMU with -icount (exact, deterministic counts);
//   2. component benchmarks (aot/bench/harness/components.ts): cecil-ts, the x86 encoder,
//      the register allocator, the optimisation passes;
//   3. compile speed (aot/bench/harness/compile-speed.ts): sharpaot build against
//      mono --aot on a generated 5,000-method program.
// Prints tables on stdout and writes every figure to bench-results/latest.json. Exits 1
// if a program fails or the programs' results disagree (targets missed are only reported).
//
//   node --import=tsx aot/scripts/bench.ts [--quick] [--only=programs,components,compile]
//        [--methods=N] [--runs=N]
//   --quick  fewer timed rounds (compile speed: 1 run; regalloc and encoder: quick modes)

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROGRAM_BENCHMARKS } from '../bench/harness/catalogue.ts';
import { GCC_FLAGS } from '../bench/harness/c-kernel.ts';
import { runCompileSpeed, type CompileSpeedResult } from '../bench/harness/compile-speed.ts';
import { runComponentBenchmarks, type ComponentResults } from '../bench/harness/components.ts';
import { isFailure, runProgramBenchmarks, TARGETS, type ProgramRow } from '../bench/harness/program-bench.ts';
import { compileSpeedTable, componentLines, geometricMean, programTable } from '../bench/harness/report.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS = path.join(REPO, 'bench-results');
const SECTIONS = ['programs', 'components', 'compile'] as const;
type Section = (typeof SECTIONS)[number];

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find(a => a.startsWith(prefix))?.slice(prefix.length);
}

function positiveInt(name: string, fallback: number): number {
  const text = option(name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) usage(`--${name} must be a positive integer, got '${text}'`);
  return n;
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\nusage: node --import=tsx aot/scripts/bench.ts [--quick] [--only=${SECTIONS.join(',')}] [--methods=N] [--runs=N]\n`);
  process.exit(2);
}

/** First line of a tool's version output, or why there is none. */
function version(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0]!.trim();
  } catch {
    return `${command}: not available`;
  }
}

const known = new Set(['--quick', ...['only', 'methods', 'runs'].map(o => `--${o}=`)]);
for (const a of process.argv.slice(2)) if (!known.has(a) && !known.has(a.slice(0, a.indexOf('=') + 1))) usage(`unknown argument '${a}'`);
const quick = process.argv.includes('--quick');
const only = (option('only')?.split(',') ?? [...SECTIONS]) as Section[];
for (const s of only) if (!SECTIONS.includes(s)) usage(`unknown section '${s}'`);
const methods = positiveInt('methods', 5000);
const runs = positiveInt('runs', quick ? 1 : 3);

const work = path.join(RESULTS, 'work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const say = (text: string) => process.stderr.write(text + '\n');
let failed = false;

const meta = {
  date: new Date().toISOString(),
  commit: version('git', ['-C', REPO, 'describe', '--always', '--dirty']),
  cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
  node: process.version,
  qemu: version('qemu-system-i386', ['--version']),
  gcc: version('gcc', ['--version']),
  gccFlags: GCC_FLAGS.join(' '),
  mono: version('mono', ['--version']),
};

let programs: Awaited<ReturnType<typeof runProgramBenchmarks>> | undefined;
if (only.includes('programs')) {
  say(`bench: ${PROGRAM_BENCHMARKS.length} programs × (sharpaot -O0, -O2, gcc -O2) in QEMU, and mono as the oracle`);
  programs = await runProgramBenchmarks({
    programs: PROGRAM_BENCHMARKS,
    sizeOf: p => p.size,
    workDir: path.join(work, 'programs'),
    onResult: r => say(`  ${r.name}: ${isFailure(r) ? 'FAILED' : r.agree ? 'done' : 'results differ'}`),
  });
  failed ||= programs.some(r => isFailure(r) || !r.agree);
  console.log('\n' + programTable(programs));
}

let components: ComponentResults | undefined;
if (only.includes('components')) {
  say('bench: component benchmarks, one process each');
  components = await runComponentBenchmarks({ quick, onStart: name => say(`  ${name}`) });
  console.log('\n' + componentLines(components));
}

let compileSpeed: CompileSpeedResult | { error: string } | undefined;
if (only.includes('compile')) {
  say(`bench: compile speed, ${methods} generated methods, ${runs} run(s) each`);
  try {
    compileSpeed = await runCompileSpeed({ methods, runs, workDir: path.join(work, 'compile-speed') });
    console.log('\n' + compileSpeedTable(compileSpeed));
  } catch (e) {
    compileSpeed = { error: e instanceof Error ? e.message : String(e) };
    console.log(`\nCompile speed FAILED: ${compileSpeed.error}`);
    failed = true;
  }
}

const rows = programs?.filter((r): r is ProgramRow => !isFailure(r)) ?? [];
const report = {
  meta,
  ...(programs && {
    programs: {
      targets: TARGETS,
      results: programs,
      ...(rows.length > 0 && { geomean: { o2OverGcc: geometricMean(rows.map(r => r.o2OverGcc)), o0OverO2: geometricMean(rows.map(r => r.o0OverO2)) } }),
    },
  }),
  ...(components && { components }),
  ...(compileSpeed && { compileSpeed }),
};
writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
console.log(`\nbench: results in ${path.relative(process.cwd(), path.join(RESULTS, 'latest.json')) || 'bench-results/latest.json'}`);
process.exitCode = failed ? 1 : 0;
