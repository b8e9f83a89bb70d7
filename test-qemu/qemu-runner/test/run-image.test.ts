// runImage against real QEMU: kernels assembled at test time (asm-kernel.ts) exercise
// each part of the guest protocol; what the guest writes and the exit code it chooses
// are in the kernel source below, so every expectation comes from the guest's side.

import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Decoder, DecoderOptions } from 'iced-x86';
import { qemuCommand, runImage as runImageNow, RunnerOptionsError, type RunOptions, type RunResult } from '../src/index.ts';
import { limitConcurrency } from '../../harness/concurrency.ts';
import { asciz, buildKernels, bytesBetween, type KernelSource } from './asm-kernel.ts';

const COM1_TEXT = 'Hello from COM1: grüße ✓\n';
const COM2_TEXT = 'and this goes to COM2\n';
const EXIT_CODES = [0, 3, 42, 200, -1, 300];
const BULK_LINES = 20_000;
const MEASURED_ADDS = 40;

function exitKernel(code: number): KernelSource {
  return {
    name: `exit${code}`,
    code: `
    mov $0x3f8, %dx
    mov $out_text, %esi
    call puts
    mov $0x2f8, %dx
    mov $err_text, %esi
    call puts
    mov $${code}, %eax
    call exit`,
    data: `out_text: ${asciz(COM1_TEXT + `exit code ${code}\n`)}\nerr_text: ${asciz(COM2_TEXT)}\n`,
  };
}

const KERNELS: KernelSource[] = [
  ...EXIT_CODES.map(exitKernel),
  {
    // Only the isa-debug-exit half of the protocol: the code comes from QEMU's status.
    name: 'status-only-exit',
    code: `
    mov $5, %al
    mov $0xf4, %dx
    out %al, %dx
    jmp halt`,
  },
  {
    // Bochs-style debug text on port 0xe9 before the exit: the last 4 bytes are the code.
    name: 'debugcon-text',
    code: `
    mov $0xe9, %dx
    mov $dbg_text, %esi
1:  lodsb
    test %al, %al
    jz 2f
    out %al, %dx
    jmp 1b
2:  mov $7, %eax
    call exit`,
    data: `dbg_text: .asciz "debug output\\n"\n`,
  },
  {
    name: 'triple-fault',
    code: `
    mov $0x3f8, %dx
    mov $msg, %esi
    call puts
    lidt empty_idt               # limit 0: every interrupt faults, up to a triple fault
    int3`,
    data: `msg: .asciz "about to triple fault\\n"\nempty_idt: .word 0\n    .long 0\n`,
  },
  {
    name: 'kbc-reset',
    code: `
    mov $0xfe, %al               # 8042 command: pulse the CPU reset line
    out %al, $0x64
    jmp halt`,
  },
  {
    name: 'hang',
    code: `
    mov $0x3f8, %dx
    mov $msg, %esi
    call puts
    jmp halt`,
    data: `msg: .asciz "waiting forever\\n"\n`,
  },
  {
    // BULK_LINES lines "%08x\\n" of 0, 1, 2, ... on COM1: more than any pipe buffer holds.
    name: 'bulk',
    code: `
    mov $0x3f8, %dx
    xor %eax, %eax
1:  call puthex
    push %eax
    mov $0x0a, %al
    call putc
    pop %eax
    inc %eax
    cmp $${BULK_LINES}, %eax
    jne 1b
    xor %eax, %eax
    call exit`,
  },
  {
    // rdtsc, a straight run of instructions, rdtsc; prints the difference. With -icount
    // the TSC advances by exactly (instructions executed) << shift.
    name: 'icount',
    code: `
    rdtsc
measured_start:
    mov %eax, %ebx
    .rept ${MEASURED_ADDS}
    add %ecx, %esi
    .endr
    rdtsc
measured_end:
    sub %ebx, %eax
    mov $0x3f8, %dx
    call puthex
    xor %eax, %eax
    call exit`,
  },
];

// A herd of 20 QEMUs on 2 cores would starve each boot (and the hang test's streaming
// check), so at most 3 run at a time.
const limit = limitConcurrency(3);
const runImage = (opts: RunOptions): Promise<RunResult> => limit(() => runImageNow(opts));

let dir = '';
let kernels = new Map<string, string>();
const kernel = (name: string) => kernels.get(name)!;

test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qemu-runner-test-'));
  kernels = await buildKernels(dir, KERNELS);
});
test.after.always(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a hung guest times out, is killed, and its output so far is kept and streamed', async t => {
  const timeoutMs = 2000;
  const start = performance.now();
  let firstChunkAt = Infinity;
  const r = await runImage({ image: kernel('hang'), timeoutMs, onStdout: () => (firstChunkAt = Math.min(firstChunkAt, performance.now() - start)) });
  t.is(r.outcome, 'timeout');
  t.is(r.exitCode, null);
  t.is(r.stdout, 'waiting forever\n');
  // Streamed while the guest ran, not collected when QEMU was killed.
  t.true(firstChunkAt < timeoutMs, `first COM1 chunk after ${firstChunkAt} ms`);
});

for (const code of EXIT_CODES) {
  test(`exit code ${code}: COM1, COM2 and the code (mod 256) arrive`, async t => {
    const r = await runImage({ image: kernel(`exit${code}`) });
    t.is(r.outcome, 'exit', r.qemuStderr);
    t.is(r.exitCode, code & 0xff);
    t.is(r.stdout, COM1_TEXT + `exit code ${code}\n`);
    t.is(r.stderr, COM2_TEXT);
    t.is(r.qemuStderr, '');
  });
}

test('onStdout and onStderr receive exactly stdout and stderr', async t => {
  let out = '';
  let err = '';
  const r = await runImage({ image: kernel('exit42'), onStdout: c => (out += c), onStderr: c => (err += c) });
  t.is(out, r.stdout);
  t.is(err, r.stderr);
  t.true(r.stdout.length > 0 && r.stderr.length > 0);
});

test('a callback that throws ends the run, and runImage rejects with its error', async t => {
  const failure = new Error('the terminal went away');
  const onStdout = () => {
    throw failure;
  };
  await t.throwsAsync(runImage({ image: kernel('hang'), onStdout }), { is: failure });
});

test('without the debugcon bytes the exit code comes from the isa-debug-exit status', async t => {
  const r = await runImage({ image: kernel('status-only-exit') });
  t.is(r.outcome, 'exit', r.qemuStderr);
  t.is(r.exitCode, 5);
});

test('other text on the debugcon port does not disturb the exit code', async t => {
  const r = await runImage({ image: kernel('debugcon-text') });
  t.is(r.outcome, 'exit', r.qemuStderr);
  t.is(r.exitCode, 7);
});

test('a triple fault is reported as such, with the output before it', async t => {
  const r = await runImage({ image: kernel('triple-fault') });
  t.is(r.outcome, 'triple-fault');
  t.is(r.exitCode, null);
  t.is(r.stdout, 'about to triple fault\n');
});

test('a reset without a triple fault is a machine reset, with a note saying so', async t => {
  const r = await runImage({ image: kernel('kbc-reset') });
  t.is(r.outcome, 'triple-fault');
  t.is(r.exitCode, null);
  t.regex(r.qemuStderr, /without a triple fault/);
});

test('a guest printing far more than a pipe holds loses nothing', async t => {
  let chunks = 0;
  const r = await runImage({ image: kernel('bulk'), onStdout: () => chunks++ });
  t.is(r.outcome, 'exit', r.qemuStderr);
  t.is(r.exitCode, 0);
  const expected = Array.from({ length: BULK_LINES }, (_, i) => i.toString(16).padStart(8, '0') + '\n').join('');
  t.is(r.stdout.length, expected.length);
  t.true(r.stdout === expected);
  t.true(chunks > 1);
});

test('with -icount, rdtsc differences are deterministic and count the instructions executed', async t => {
  // The instructions from after the first rdtsc up to and including the second, decoded by iced-x86.
  const bytes = await bytesBetween(kernel('icount'), 'measured_start', 'measured_end');
  const decoder = new Decoder(32, bytes, DecoderOptions.None);
  const instructions = decoder.decodeAll();
  const count = instructions.length;
  instructions.forEach(i => i.free());
  decoder.free();
  t.is(count, MEASURED_ADDS + 2);

  const runs = await Promise.all([0, 0, 3].map(shift => runImage({ image: kernel('icount'), icount: shift })));
  for (const r of runs) t.is(r.outcome, 'exit', r.qemuStderr);
  const [a, b, c] = runs.map(r => parseInt(r.stdout, 16));
  t.is(a, b);
  t.is(a, count);
  t.is(c, count << 3);
});

test('QEMU failing to start is a qemu-error with its message: missing image', async t => {
  const missing = join(dir, 'no-such-kernel.bin');
  const r = await runImage({ image: missing });
  t.is(r.outcome, 'qemu-error');
  t.is(r.exitCode, null);
  t.true(r.qemuStderr.includes(missing), r.qemuStderr);
});

test('QEMU failing to start is a qemu-error with its message: an image it cannot load', async t => {
  const junk = join(dir, 'junk.bin');
  await writeFile(junk, Buffer.alloc(16384, 0x5a));
  const r = await runImage({ image: junk });
  t.is(r.outcome, 'qemu-error');
  t.not(r.qemuStderr.trim(), '');
});

test('QEMU failing to start is a qemu-error with its message: a bad argument', async t => {
  const r = await runImage({ image: kernel('exit0'), extraArgs: ['-no-such-option'] });
  t.is(r.outcome, 'qemu-error');
  t.regex(r.qemuStderr, /-no-such-option/);
});

test('QEMU missing from PATH is a qemu-error naming the Debian package', async t => {
  // In a child process, so this test's PATH does not affect the others.
  const index = fileURLToPath(new URL('../src/index.ts', import.meta.url));
  const script = `const { runImage } = await import(${JSON.stringify(index)});
    process.stdout.write(JSON.stringify(await runImage({ image: ${JSON.stringify(kernel('exit0'))} })));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import=tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, PATH: join(dir, 'empty-path') },
    cwd: fileURLToPath(new URL('.', import.meta.url)),
  });
  const r = JSON.parse(stdout) as { outcome: string; qemuStderr: string };
  t.is(r.outcome, 'qemu-error');
  t.regex(r.qemuStderr, /qemu-system-i386 was not found.*qemu-system-x86/);
});

test('options that cannot describe a run are rejected before QEMU starts', async t => {
  const image = kernel('exit0');
  t.throws(() => qemuCommand({}), { instanceOf: RunnerOptionsError, message: /exactly one of `image`/ });
  t.throws(() => qemuCommand({ image, iso: image }), { instanceOf: RunnerOptionsError });
  t.throws(() => qemuCommand({ image, icount: 11 }), { instanceOf: RunnerOptionsError, message: /icount/ });
  t.throws(() => qemuCommand({ image, timeoutMs: 0 }), { instanceOf: RunnerOptionsError, message: /timeoutMs/ });
  t.throws(() => qemuCommand({ image, gdbPort: 70000 }), { instanceOf: RunnerOptionsError, message: /gdbPort/ });
  await t.throwsAsync(runImage({ image, memoryMB: 1.5 }), { instanceOf: RunnerOptionsError, message: /memoryMB/ });
});

test('the command line is headless TCG with only the protocol devices added', t => {
  const { command, args } = qemuCommand({ image: 'k.bin', icount: 2, gdbPort: 1234, extraArgs: ['-smp', '1'] });
  t.is(command, 'qemu-system-i386');
  const line = args.join(' ');
  for (const part of ['-accel tcg', '-display none', '-nodefaults', '-no-reboot', '-icount shift=2,sleep=off', '-gdb tcp:127.0.0.1:1234 -S', '-kernel k.bin']) {
    t.true(line.includes(part), part);
  }
  t.deepEqual(args.slice(-2), ['-smp', '1']);
  t.false(/kvm/.test(line));
});

test('the README shows the command line qemuCommand builds', async t => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const block = /## QEMU command line[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const { command, args } = qemuCommand({ image: 'kernel.bin' });
  t.is(block.trim().split(/\s+/).join(' '), [command, ...args].join(' '));
});
