// The GRUB prologue stripper gives the same kernel output however COM1's bytes are
// split into chunks: the whole-string result is the reference for every split.

import test from 'ava';
import { GRUB_BOOT_MARKER } from '../src/index.ts';
import { GrubPrologueStripper } from '../src/grub-prologue.ts';

/** What GRUB 2.06 writes on serial before the kernel (escape sequences, then the marker line). */
const PROLOGUE = `\x1b[H\x1b[J\x1b[1;1H${GRUB_BOOT_MARKER}\n\r`;

function stripInChunks(text: string, cuts: number[]): string {
  const stripper = new GrubPrologueStripper();
  let out = '';
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    out += stripper.push(text.slice(from, cut));
    from = cut;
  }
  return out + stripper.end();
}

for (const kernelOutput of ['hello\n', '\r\nstarts with a line end\n', '\n', '', `${GRUB_BOOT_MARKER}\n twice`]) {
  test(`kernel output ${JSON.stringify(kernelOutput)} survives every split into two or three chunks`, t => {
    const text = PROLOGUE + kernelOutput;
    for (let i = 0; i <= text.length; i++) {
      t.is(stripInChunks(text, [i]), kernelOutput, `split at ${i}`);
      for (let j = i; j <= text.length; j += 7) t.is(stripInChunks(text, [i, j]), kernelOutput, `split at ${i}, ${j}`);
    }
  });
}

test('without the marker (GRUB failed before booting) everything GRUB wrote is kept', t => {
  const text = '\x1b[H\x1b[J\x1b[1;1Herror: no multiboot header found.\n\rgrub> ';
  t.is(stripInChunks(text, [5, 20]), text);
});
