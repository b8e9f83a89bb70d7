// The command line: help for every command, the outputs --map and --emit-asm produce for a
// compiled kernel (the GNU as source, assembled and linked, gives the image's own bytes:
// two independent emission paths that agree), and the error for each kind of bad input.

import test from 'ava';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = path.join(ROOT, 'aot', 'bin', 'sharpaot.js');
const HELLO = path.join(ROOT, 'test-qemu', 'programs', 'hello.cs');
const run = promisify(execFile);

async function sharpaot(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [CLI, ...args], { cwd, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'sharpaot-cli-'));
test.after.always(() => rmSync(work, { recursive: true, force: true }));

for (const command of ['build', 'run', 'inspect']) {
  test(`sharpaot ${command} --help describes the command`, async t => {
    const r = await sharpaot([command, '--help']);
    t.is(r.code, 0);
    t.regex(r.stdout, new RegExp(`sharpaot ${command} <`));
  });
}

test('--map lists the methods sorted by address and --emit-asm reassembles to the same bytes', async t => {
  const out = path.join(work, 'hello.bin');
  const map = path.join(work, 'hello.map');
  const asm = path.join(work, 'hello.s');
  const r = await sharpaot(['build', HELLO, '-o', out, '--map', map, '--emit-asm', asm]);
  t.is(r.code, 0, r.stderr);
  const mapText = readFileSync(map, 'utf8');
  t.regex(mapText, /Hello::Main\(\)/);
  const addresses = [...mapText.matchAll(/^0x([0-9a-f]{8})\s/gm)].map(m => parseInt(m[1]!, 16));
  t.true(addresses.length > 20);
  t.deepEqual(addresses, [...addresses].sort((a, b) => a - b));
  // The independent path: GNU as and ld on the printed source.
  const obj = path.join(work, 'hello.o');
  const elf = path.join(work, 'hello.elf');
  await run('as', ['--32', asm, '-o', obj]);
  await run('ld', ['-m', 'elf_i386', '-T', asm.replace(/\.s$/, '.ld'), obj, '-o', elf]);
  for (const section of ['.text', '.rdata']) {
    const a = path.join(work, `ours${section}`);
    const b = path.join(work, `gnu${section}`);
    await run('objcopy', ['-O', 'binary', '-j', section, out, a]);
    await run('objcopy', ['-O', 'binary', '-j', section, elf, b]);
    t.true(readFileSync(a).equals(readFileSync(b)), `${section} differs`);
  }
});

test('objdump -d names the compiled methods', async t => {
  const out = path.join(work, 'named.bin');
  t.is((await sharpaot(['build', HELLO, '-o', out])).code, 0);
  const { stdout } = await run('objdump', ['-d', out], { maxBuffer: 64 << 20 });
  t.regex(stdout, /<Hello::Main\(\)>:/);
  t.regex(stdout, /call\s+[0-9a-f]+ <[\w.]+::\w+\([^)]*\)>/);
});

test('bad input gives a diagnostic with a code and exit status 1, never a crash', async t => {
  const junk = path.join(work, 'junk.dll');
  writeFileSync(junk, Buffer.from('MZ this is not an assembly'));
  const cases: [string[], RegExp][] = [
    [['build', path.join(work, 'missing.cs')], /error SA1001: input file not found/],
    [['build', path.join(work, 'x.txt')], /error SA1001|error SA1002/],
    [['build', junk, '-o', path.join(work, 'junk.bin')], /error SA2001/],
    [['build', HELLO, '-O', '7'], /error SA1006: -O7 is not an optimisation level/],
    [['build', HELLO, '--no-such-option'], /error SA1006/],
    [['build', HELLO, '--dump-ir=nonsense'], /error SA1006: --dump-ir=nonsense: no such pass/],
    [['inspect', junk, '--tables'], /error SA2001/],
  ];
  for (const [args, message] of cases) {
    const r = await sharpaot(args, work);
    t.is(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    t.regex(r.stderr, message);
    t.notRegex(r.stderr, /internal compiler error/);
  }
  t.false(existsSync(path.join(work, 'junk.bin')));
});

test('a C# compile error is reported with mcs\'s message and SA1003', async t => {
  const bad = path.join(work, 'bad.cs');
  writeFileSync(bad, 'class Bad { static void Main() { int x = "no"; } }\n');
  const r = await sharpaot(['build', bad, '-o', path.join(work, 'bad.bin')]);
  t.is(r.code, 1);
  t.regex(r.stderr, /error SA1003: mcs could not compile bad\.cs/);
  t.regex(r.stderr, /CS0029/);
});

test('--dump-ir prints the IR after the chosen pass for the filtered method', async t => {
  const r = await sharpaot(['build', HELLO, '-o', path.join(work, 'd.bin'), '--dump-ir=sccp', '--filter', 'Hello::Main']);
  t.is(r.code, 0, r.stderr);
  t.regex(r.stdout, /; Hello::Main\(\) after sccp\nfunction @"Hello::Main\(\)" \(\) -> i32 \{/);
  t.notRegex(r.stdout, /after ssa/);
});
