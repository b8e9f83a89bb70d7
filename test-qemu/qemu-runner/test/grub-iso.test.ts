// buildGrubIso against the real grub-mkrescue, and ISO boots compared with -kernel boots
// of the same kernel: the -kernel run is the reference for what the program prints.

import test from 'ava';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGrubIso, GrubIsoError, runImage } from '../src/index.ts';
import { asciz, buildKernels } from './asm-kernel.ts';

let dir = '';
let kernelPath = '';
let isoPath = '';

test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grub-iso-test-'));
  const kernels = await buildKernels(dir, [
    {
      name: 'hello',
      code: `
    mov $0x3f8, %dx
    mov $out_text, %esi
    call puts
    mov $0x2f8, %dx
    mov $err_text, %esi
    call puts
    mov $42, %eax
    call exit`,
      // Starts with a line end, the case where GRUB's own "\n\r" must not take the program's.
      data: `out_text: ${asciz('\r\nfirst line after GRUB\nsecond ✓\n')}\nerr_text: ${asciz('on COM2\n')}\n`,
    },
  ]);
  kernelPath = kernels.get('hello')!;
  isoPath = join(dir, 'out', 'hello.iso');
  await buildGrubIso(kernelPath, isoPath);
});
test.after.always(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a GRUB ISO boot prints and exits exactly like the -kernel boot', async t => {
  const [direct, viaGrub] = await Promise.all([runImage({ image: kernelPath }), runImage({ iso: isoPath, icount: 7 })]);
  t.is(direct.outcome, 'exit', direct.qemuStderr);
  t.is(viaGrub.outcome, 'exit', viaGrub.qemuStderr + viaGrub.stdout);
  t.is(viaGrub.exitCode, direct.exitCode);
  t.is(viaGrub.stdout, direct.stdout);
  t.is(viaGrub.stderr, direct.stderr);
  t.not(direct.stdout, '');
});

test('the ISO is deterministic: the same kernel gives the same bytes', async t => {
  const again = join(dir, 'again.iso');
  await buildGrubIso(kernelPath, again);
  const [a, b] = await Promise.all([readFile(isoPath), readFile(again)]);
  t.true(a.equals(b));
});

test('a kernel GRUB cannot load leaves GRUB\'s error in stdout', async t => {
  const junk = join(dir, 'junk.bin');
  await writeFile(junk, Buffer.alloc(4096, 0x5a));
  const iso = join(dir, 'junk.iso');
  await buildGrubIso(junk, iso);
  // GRUB waits at its prompt; give it time to get there even on a loaded machine.
  const r = await runImage({ iso, timeoutMs: 8000 });
  t.is(r.outcome, 'timeout');
  t.regex(r.stdout, /error: /);
});

test('a missing kernel is a clear error, before grub-mkrescue runs', async t => {
  const missing = join(dir, 'no-such-kernel.bin');
  await t.throwsAsync(buildGrubIso(missing, join(dir, 'x.iso')), { instanceOf: GrubIsoError, message: new RegExp(`${missing}: no such file`) });
});
