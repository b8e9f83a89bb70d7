// The image boots: a hand-written kernel built with the Assembler, written by writePeImage,
// loaded by QEMU's multiboot loader (-kernel) and by GRUB from an ISO. It checks the
// multiboot hand-over itself, prints to COM1 and exits with a code (see hello-kernel.ts).
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGrubIso, runImage } from 'qemu-runner';
import { linkImage, writePeImage } from '../../src/image/index.ts';
import { buildHelloKernel, ENTRY, EXIT_OK, HELLO, SECOND } from './helpers/hello-kernel.ts';

let dir = '';
let kernel = '';
test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sharpaot-boot-'));
  kernel = join(dir, 'kernel.bin');
  await writeFile(kernel, writePeImage(linkImage(buildHelloKernel(), { entry: ENTRY })));
});
test.after.always(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('boots with qemu -kernel: serial output and exit code', async t => {
  const r = await runImage({ image: kernel, timeoutMs: 20000 });
  t.is(r.outcome, 'exit', r.qemuStderr);
  t.is(r.exitCode, EXIT_OK);
  t.is(r.stdout, HELLO + SECOND);
});

test('boots from a GRUB ISO: same output and exit code', async t => {
  const iso = join(dir, 'os.iso');
  await buildGrubIso(kernel, iso);
  const r = await runImage({ iso, icount: 7, timeoutMs: 60000 });
  t.is(r.outcome, 'exit', r.qemuStderr);
  t.is(r.exitCode, EXIT_OK);
  t.is(r.stdout, HELLO + SECOND);
});
