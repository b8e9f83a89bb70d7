// The IR interpreter, oracle of the passes, checked against an independent oracle: every
// arithmetic, comparison, conversion, negation and memory-width operation of the IR on
// boundary operands, computed once by the interpreter and once by C on the host's
// x86-64 SSE hardware (oracle/ir-ops.c, compiled with gcc; one process for all cases).

import test from 'ava';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allCases, run } from './op-cases.ts';

test('every IR operation agrees with C on x86-64 on boundary values', t => {
  const cases = allCases();
  const dir = mkdtempSync(join(tmpdir(), 'ir-ops-'));
  const exe = join(dir, 'ir-ops');
  execFileSync('gcc', ['-O1', '-std=gnu11', '-ffp-contract=off', '-o', exe, fileURLToPath(new URL('./oracle/ir-ops.c', import.meta.url)), '-lm']);
  const expected = execFileSync(exe, { input: cases.map(c => c.line).join('\n') + '\n', maxBuffer: 64 << 20 }).toString().trimEnd().split('\n');
  t.is(expected.length, cases.length);
  const mismatches: string[] = [];
  let compared = 0;
  cases.forEach((c, i) => {
    if (expected[i] === 'skip') return;
    compared++;
    const actual = run(c);
    if (actual !== expected[i] && mismatches.length < 20) mismatches.push(`${c.line}: C says ${expected[i]}, interpreter says ${actual}`);
  });
  t.deepEqual(mismatches, []);
  t.true(compared > 10_000, `only ${compared} cases compared`);
});
