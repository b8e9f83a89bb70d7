// The mono oracle harness: what it reports about a C# program is checked against values
// computed here independently (JavaScript arithmetic, the test's own strings).

import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileForHost, hostOracle, HostOracleError, runOnHost } from './host-oracle.ts';

let dir = '';
test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'host-oracle-test-'));
  // A cold cache of our own: every run of this file really compiles, and the cache test
  // may tamper with entries.
  process.env.SHARPAOT_ORACLE_CACHE = join(dir, 'cache');
});
test.after.always(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function source(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

test('stdout, stderr and the exit code of a program come from mono', async t => {
  const a = 6;
  const b = 7;
  const path = await source(
    'arith.cs',
    `using System;
     class Program {
       static int Main() {
         int a = ${a}, b = ${b};
         Console.WriteLine(a * b);
         Console.WriteLine("grüße ✓ " + 0.5);
         Console.Error.WriteLine("to stderr");
         return a + b;
       }
     }`,
  );
  const r = await hostOracle([path]);
  t.is(r.stdout, `${a * b}\ngrüße ✓ ${0.5}\n`);
  t.is(r.stderr, 'to stderr\n');
  t.is(r.exitCode, a + b);
});

test('results are cached by content: the same source is neither compiled nor run again', async t => {
  const text = 'class P { static int Main() { System.Console.Write(1 << 10); return 300; } }';
  const path = await source('cached.cs', text);
  const run = await hostOracle([path]);
  t.is(run.stdout, String(1 << 10));
  t.is(run.exitCode, 300 & 0xff); // a process exit status keeps the low 8 bits
  const exe = await compileForHost([path]);
  t.deepEqual(await runOnHost(exe), run);
  // Proof that the cache answers: a doctored entry comes back as it is.
  const doctored = { ...run, stdout: 'from the cache' };
  await writeFile(join(dirname(exe), 'run.json'), JSON.stringify(doctored));
  t.deepEqual(await hostOracle([path]), doctored);
  // A different source is a different entry.
  t.not(await compileForHost([await source('cached.cs', text + ' ')]), exe);
});

test('unsafe code needs opts.unsafe', async t => {
  const path = await source('unsafe.cs', 'class P { static unsafe int Main() { int x = 5; int* p = &x; *p += 1; return *p; } }');
  await t.throwsAsync(compileForHost([path]), { instanceOf: HostOracleError, message: /CS0227/ });
  t.is((await hostOracle([path], { unsafe: true })).exitCode, 5 + 1);
});

test('an unhandled exception exits with 1 and names the exception on stderr', async t => {
  const path = await source('throws.cs', 'class P { static void Main() { throw new System.InvalidOperationException("boom"); } }');
  const r = await hostOracle([path]);
  t.is(r.exitCode, 1);
  t.regex(r.stderr, /System\.InvalidOperationException: boom/);
});

test('a compile error throws with mcs\'s messages', async t => {
  const path = await source('broken.cs', 'class P { static void Main() { int x = ; } }');
  const e = await t.throwsAsync(hostOracle([path]), { instanceOf: HostOracleError });
  t.regex(e.message, /broken\.cs\(1,\d+\): error CS\d{4}/);
});

test('a missing source file is a clear error', async t => {
  await t.throwsAsync(compileForHost([join(dir, 'nope.cs')]), { instanceOf: HostOracleError, message: /nope\.cs: no such file/ });
});

test('a program that does not finish is reported, not waited for', async t => {
  const exe = await compileForHost([await source('loop.cs', 'class P { static void Main() { while (true) { } } }')]);
  await t.throwsAsync(runOnHost(exe, { timeoutMs: 500 }), { instanceOf: HostOracleError, message: /did not finish within 500 ms/ });
});
