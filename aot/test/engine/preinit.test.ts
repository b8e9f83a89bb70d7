// Type initializers that only store constants run at build time (runtime/preinit.ts): their
// types get no "initialised" flag (hence no guards) and their statics block is emitted in
// .data with the values; initializers that call, read a mutable field of another type or
// convert in ways preinit does not model keep their flag. What the programs print is
// checked against mono by test-qemu/features (preinitialized-statics.cs); this test checks
// that the optimisation happens.

import test from 'ava';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/driver/build.ts';

const PROGRAM = fileURLToPath(new URL('../../../test-qemu/programs/features/preinitialized-statics.cs', import.meta.url));

test('constant-only type initializers run at build time; the others keep their flag', async t => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sharpaot-preinit-'));
  try {
    const asmFile = path.join(dir, 'p.s');
    await build({ inputs: [PROGRAM], arch: 'x86', output: path.join(dir, 'p.bin'), optLevel: 2, emitAsm: asmFile });
    const asm = readFileSync(asmFile, 'utf8');
    const flag = (type: string) => asm.includes(`"${type}::<initialized>":`);
    for (const type of ['Limits', 'Defaults', 'Widened', 'Explicit', 'Holder<int32>', 'Holder<string>', 'string']) t.false(flag(type), `${type} has no initializer at run time`);
    for (const type of ['Copier', 'Noisy', 'Reader']) t.true(flag(type), `${type} is initialised at run time`);
    // The preinitialised values are in the image: Explicit's statics are X = 7 and S = "explicit".
    const explicit = /"Explicit::<statics>":\n((?:\t\.[^\n]*\n)+)/.exec(asm);
    t.truthy(explicit, 'Explicit::<statics> is emitted with contents');
    t.regex(explicit![1]!, /^\t\.byte 0x07,0x00,0x00,0x00\n\t\.long "\.Lstr\d+"\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
