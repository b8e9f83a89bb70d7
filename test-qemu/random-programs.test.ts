// Seeded random programs (generators/random-program.ts), differentially against mono:
// each program is run under mono on the host and booted in QEMU after sharpaot compiles
// it at -O0 and -O2 (verifying IR and register allocation); every printed line must
// match. A few fixed seeds keep `npm test` bounded; aot/scripts/fuzz.ts runs many more.

import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compare, prepare, type Prepared } from './generators/differential.ts';
import { randomProgram } from './generators/random-program.ts';

const SEEDS = [1, 2, 3, 4, 5, 6];

const work = mkdtempSync(path.join(tmpdir(), 'sharpaot-random-'));
test.after.always(() => rmSync(work, { recursive: true, force: true }));

test('the same seed gives the same program, another seed another one', t => {
  t.is(randomProgram(7).source, randomProgram(7).source);
  t.not(randomProgram(7).source, randomProgram(8).source);
});

// Mono first: while a test compiles (synchronously), the pipes of a mono started by another test would not be read.
const prepared = new Map<number, Promise<Prepared>>();
test.before(async () => {
  for (const seed of SEEDS) {
    const program = randomProgram(seed);
    prepared.set(seed, prepare(work, program.name, program.source));
  }
  await Promise.all(prepared.values());
});

for (const seed of SEEDS) {
  test(`random program ${seed} prints what mono prints at -O0 and -O2`, async t => {
    const p = await prepared.get(seed)!;
    t.log(`${path.basename(p.file)}: ${p.lines} lines checked per level`);
    // Generated programs never throw and always print the static fields at the end.
    t.is(p.expected.exitCode, 0, p.expected.stderr);
    t.regex(p.expected.stdout, /^static s0 /m);
    t.deepEqual(await compare(p, [0, 2]), []);
  });
}
