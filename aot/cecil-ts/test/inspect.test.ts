// `sharpaot inspect`: --il prints monodis's notation, so its output parses with the same
// parser as monodis's and matches it method by method; --method filters; bad input gives
// a diagnostic with a code and exit status 1, never a stack trace.

import test from 'ava';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildFeatures, MONO_LIB } from './helpers/fixtures.ts';
import { ldstrValue, monodis, normalizeOperand, parseDisassembly } from './helpers/monodis.ts';

const sharpaot = fileURLToPath(new URL('../../bin/sharpaot.js', import.meta.url));

async function inspect(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [sharpaot, 'inspect', ...args], { maxBuffer: 1 << 28 }).then(
    r => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** Instructions per method as text comparable across the two printers. */
function comparable(text: string): Map<number, string[]> {
  const alias: Record<string, string> = { ldelem: 'ldelem.any', stelem: 'stelem.any' };
  return new Map([...parseDisassembly(text)].map(([row, insns]) => [row, insns.map(i => `${i.offset} ${alias[i.opcode] ?? i.opcode} ${i.opcode === 'ldstr' ? JSON.stringify(ldstrValue(i.operand)) : normalizeOperand(i.operand)}`)]));
}

for (const [label, path] of [['features.exe', undefined], ['Mono.Security.dll', join(MONO_LIB, 'Mono.Security.dll')]] as const) {
  test(`inspect --il ${label} reads as monodis's disassembly`, async t => {
    const file = path ?? (await buildFeatures());
    const [ours, theirs] = await Promise.all([inspect(file, '--il'), monodis([file])]);
    t.is(ours.code, 0, ours.stderr);
    const a = comparable(ours.stdout);
    const b = comparable(theirs);
    t.deepEqual([...a.keys()].sort((x, y) => x - y), [...b.keys()].filter(k => b.get(k)!.length > 0).sort((x, y) => x - y));
    let lines = 0;
    for (const [row, insns] of a) {
      t.deepEqual(insns, b.get(row), `method line ${row}`);
      lines += insns.length;
    }
    t.log(`${a.size} methods, ${lines} instructions`);
  });
}

test('inspect --il --method prints just that method', async t => {
  const r = await inspect(join(MONO_LIB, 'System.dll'), '--il', '--method', 'System.Uri::get_Host');
  t.is(r.code, 0);
  t.is(r.stdout.match(/\/\/ method line/g)?.length, 1);
  t.regex(r.stdout, /IL_0001: {2}call instance bool class System\.Uri::get_IsNotAbsoluteUri\(\)/);
  const missing = await inspect(join(MONO_LIB, 'System.dll'), '--il', '--method', 'System.Uri::NoSuchMethod');
  t.is(missing.code, 1);
  t.regex(missing.stderr, /error SA2003: no method System\.Uri::NoSuchMethod/);
});

test('bad input is a diagnostic, not a crash', async t => {
  const truncated = join(tmpdir(), `cecil-ts-truncated-${process.pid}.dll`);
  writeFileSync(truncated, readFileSync(join(MONO_LIB, 'Mono.Security.dll')).subarray(0, 300));
  t.teardown(() => rmSync(truncated, { force: true }));
  const r = await inspect(truncated, '--tables');
  t.is(r.code, 1);
  t.regex(r.stderr, /^error SA2001: .*truncated.*file offset 0x[0-9a-f]+/m);
  t.notRegex(r.stderr, /internal compiler error|    at /);
  const missing = await inspect('/nonexistent/x.dll', '--tables');
  t.is(missing.code, 1);
  t.regex(missing.stderr, /error SA1001: input file not found/);
  const usage = await inspect(truncated);
  t.is(usage.code, 1);
  t.regex(usage.stderr, /error SA1006: give --tables or --il/);
});
