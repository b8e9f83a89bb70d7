// End to end: C# programs compiled by sharpaot and booted in QEMU behave as the same
// programs do under mono on the host (stdout and exit code, computed at test time); the
// runner reports triple faults and hangs as such; the demo kernel boots, also from a
// GRUB ISO, and builds deterministically; unsupported C# gives a diagnostic.

import test from 'ava';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostOracle } from './harness/host-oracle.ts';
import { expectSameAsMono, program, runWithSharpaot } from './harness/sharpaot.ts';
import { build } from '../aot/src/driver/build.ts';
import { CompileError } from '../aot/src/diagnostics.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'aot', 'bin', 'sharpaot.js');

function sharpaot(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, [CLI, ...args], { cwd, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

const demoSources = () => ['kernel', 'adc', 'adc/x86'].flatMap(d => readdirSync(path.join(ROOT, d)).filter(f => f.endsWith('.cs')).sort().map(f => path.join(ROOT, d, f)));

test('sharpaot run hello.cs prints what mono prints and exits with the same code', async t => {
  const expected = await hostOracle([program('hello.cs')]);
  const got = await sharpaot(['run', program('hello.cs')]);
  t.is(got.stdout, expected.stdout);
  t.is(got.code, expected.exitCode);
  t.is(expected.exitCode, 3);
});

test('a non-zero exit code reaches the host', async t => {
  await expectSameAsMono(t, [program('exit-code.cs')]);
});

test('strings, characters and int32 arithmetic print as under mono', async t => {
  await expectSameAsMono(t, [program('strings-ints.cs')], [0, 1, 2]);
});

test('a triple fault is reported as such, never as success', async t => {
  const r = await runWithSharpaot([program('triple-fault.cs')]);
  t.is(r.outcome, 'triple-fault');
  t.is(r.stdout, 'about to fault\n');
  const cli = await sharpaot(['run', program('triple-fault.cs')]);
  t.is(cli.code, 125);
  t.regex(cli.stderr, /triple-faulted/);
});

test('a hang is reported as a timeout', async t => {
  const r = await runWithSharpaot([program('hang.cs')], { timeoutMs: 2000 });
  t.is(r.outcome, 'timeout');
  t.is(r.stdout, 'hanging\n');
  const cli = await sharpaot(['run', program('hang.cs'), '--timeout', '2']);
  t.is(cli.code, 124);
  t.regex(cli.stderr, /did not exit within 2 s/);
});

test('the demo kernel boots with -kernel and from a GRUB ISO with the same output', async t => {
  const direct = await runWithSharpaot(demoSources());
  t.is(direct.outcome, 'exit');
  t.is(direct.exitCode, 0);
  const lines = direct.stdout.split('\n');
  t.is(lines[0], 'sharpaot demo kernel');
  t.is(lines[2], 'Loader: multiboot');
  t.regex(direct.stdout, /^CPU vendor: [\x20-\x7e]{12}$/m);
  t.regex(direct.stdout, /^Memory: lower \d+ KiB, upper \d+ KiB$/m);
  t.regex(direct.stdout, /^Fibonacci\(20\) = 6765$/m);
  t.regex(direct.stdout, /^Primes below 100: 25$/m);
  const grub = await runWithSharpaot(demoSources(), { iso: true });
  t.is(grub.outcome, 'exit');
  t.is(grub.exitCode, 0);
  // GRUB passes its own memory map; everything else is the same.
  const strip = (s: string) => s.replace(/^Memory.*$/gm, '');
  t.is(strip(grub.stdout), strip(direct.stdout));
});

test('unsupported C# gives a diagnostic with code, method and IL offset, and no image', async t => {
  const work = mkdtempSync(path.join(tmpdir(), 'sharpaot-diag-'));
  try {
    const output = path.join(work, 'out.bin');
    const e = await t.throwsAsync(build({ inputs: [program('unsupported.cs')], arch: 'x86', output }), { instanceOf: CompileError });
    t.is(e!.diagnostics[0]!.code, 'SA3001');
    t.is(e!.diagnostics[0]!.method, 'Unsupported::Main()');
    t.is(typeof e!.diagnostics[0]!.ilOffset, 'number');
    t.false(existsSync(output));
    const cli = await sharpaot(['build', program('unsupported.cs'), '-o', output]);
    t.is(cli.code, 1);
    t.regex(cli.stderr, /error SA3001: IL instruction 'mkrefany' is not supported\n {2}in Unsupported::Main\(\) at IL_[0-9a-f]{4} \(.*unsupported\.cs:10\)/);
    t.false(existsSync(output));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
