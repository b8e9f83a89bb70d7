// korlib's algorithms checked on the host at scale: their C# sources (kernel/korlib,
// unchanged) compiled by plain mcs together with a checking program against Mono's own
// corlib, which then compares korlib's answer with Mono's over a large seeded sample.
// The booted tests (korlib-*.test.ts) cover the same code compiled by sharpaot on fewer
// values. Results are cached by the host oracle under the hash of the sources. Where
// korlib's elementary functions print differently from Mono's, a long-double evaluation
// (gcc, glibc) judges which of the two is right.

import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostOracle } from './harness/host-oracle.ts';
import { program } from './harness/sharpaot.ts';

const KORLIB = fileURLToPath(new URL('../kernel/korlib/System/', import.meta.url));
const korlib = (...names: string[]) => names.map(n => path.join(KORLIB, n));
const numberSources = () => readdirSync(KORLIB).filter(f => /^Number.*\.cs$/.test(f)).sort();

test('number formatting and parsing equal Mono over a large random sample', async t => {
  const r = await hostOracle([program('korlib/host/number-check.cs'), ...korlib(...numberSources(), 'Text/ValueStringBuilder.cs')], { unsafe: true, timeoutMs: 120_000 });
  const m = /^checked (\d+) mismatches (\d+)$/m.exec(r.stdout);
  t.truthy(m, r.stdout + r.stderr);
  t.is(m![2], '0', r.stdout);
  t.true(Number(m![1]) > 1_000_000, `only ${m![1]} comparisons`);
  t.is(r.exitCode, 0);
});

/** Compiles the long-double judge (test-qemu/programs/korlib/host/math-judge.c) and runs it on MISMATCH lines. */
async function judge(lines: string[]): Promise<string[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'korlib-judge-'));
  try {
    const exe = path.join(work, 'judge');
    await run('gcc', ['-O2', '-o', exe, program('korlib/host/math-judge.c'), '-lm']);
    return (await run(exe, [], lines.join('\n') + '\n')).split('\n').filter(l => l.length > 0);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { maxBuffer: 64 << 20 }, (e, stdout, stderr) => (e ? reject(new Error(`${cmd} failed: ${e.message}\n${stderr}`)) : resolve(stdout)));
    if (input !== undefined) child.stdin!.end(input);
  });
}

test('elementary functions print as Mono prints them, except where Mono (glibc) is not correctly rounded', async t => {
  const sources = [program('korlib/host/math-check.cs'), ...korlib('DoubleDouble.cs', ...readdirSync(KORLIB).filter(f => /^Libm.*\.cs$/.test(f)).sort())];
  const r = await hostOracle(sources, { unsafe: true, timeoutMs: 120_000 });
  t.is(r.exitCode, 0, r.stderr);
  const summaries = [...r.stdout.matchAll(/^(\w+): (\d+) checked, (\d+) bits differ, (\d+) prints differ$/gm)];
  t.is(summaries.length, 21, r.stdout);
  // Functions korlib rounds correctly: every value printed differently must be one where
  // korlib's double is the closer to the exact result (judged in long double); glibc's cbrt
  // is only faithful, its others are very rarely off by one unit in the last place. The
  // rest use fdlibm's formulas as glibc does, where glibc's FMA build may round a step
  // differently, or emulate x87 fsin/fcos (Sin, Cos), whose last bit may differ from the
  // instruction's own rounding: only the rate of differences is bounded for them.
  const correctlyRounded = new Set(['Exp', 'Log', 'Cbrt', 'Tan', 'Asin', 'Acos', 'Atan', 'Atan2', 'Pow']);
  const mismatches = r.stdout.split('\n').filter(l => l.startsWith('MISMATCH ') && correctlyRounded.has(l.split(' ')[1]!));
  const verdicts = await judge(mismatches);
  t.is(verdicts.length, mismatches.length);
  t.deepEqual(
    mismatches.filter((_, i) => verdicts[i] !== 'korlib'),
    [],
    'korlib farther from the exact value than Mono',
  );
  let checked = 0;
  let printed = 0;
  for (const [, name, n, , p] of summaries) {
    if (name === 'Cbrt') continue;
    checked += Number(n);
    printed += Number(p);
  }
  t.true(checked > 400_000, `only ${checked} values checked`);
  t.true(printed * 10_000 <= checked, `${printed} of ${checked} values print differently from Mono`);
});
