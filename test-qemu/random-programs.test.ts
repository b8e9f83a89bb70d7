// Seeded random programs (generators/random-program.ts), differentially against mono:
// the programs of four fixed seeds (between them arrays, strings and class hierarchies
// besides the scalar code; such programs are longer than scalar-only ones, and four keep
// the test's time), batched into one image (one compilation and boot per -O level),
// run under mono on the host and booted in QEMU after sharpaot compiles them at -O0
// and -O2 (verifying IR and register allocation); every printed line must match. aot/scripts/fuzz.ts runs many more seeds.

import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compare, prepare, type Prepared } from './generators/differential.ts';
import { randomProgram, randomPrograms } from './generators/random-program.ts';

const BATCHES = [[1, 2, 3, 6]];

const work = mkdtempSync(path.join(tmpdir(), 'sharpaot-random-'));
test.after.always(() => rmSync(work, { recursive: true, force: true }));

// Mono first: while a test compiles (synchronously), the pipes of a mono started by another test would not be read.
const prepared = new Map<number, Promise<Prepared>>();
test.before(async () => {
  for (const [k, seeds] of BATCHES.entries()) {
    const program = randomPrograms(seeds);
    prepared.set(k, prepare(work, program.name, program.source));
  }
  await Promise.all(prepared.values());
});

test('the same seed gives the same program, another seed another one', t => {
  t.is(randomProgram(7).source, randomProgram(7).source);
  t.not(randomProgram(7).source, randomProgram(8).source);
});

test('a batch prints what its seeds print on their own, each after its name', async t => {
  const seeds = BATCHES[0]!.slice(0, 3);
  const batch = await prepare(work, 'ThreeSeeds', randomPrograms(seeds).source);
  const alone = await Promise.all(seeds.map(seed => randomProgram(seed)).map(p => prepare(work, p.name, p.source)));
  t.is(batch.expected.stdout, alone.map((p, k) => `program Random${seeds[k]}\n${p.expected.stdout}`).join(''));
});

for (const [k, seeds] of BATCHES.entries()) {
  test(`random programs ${seeds.join(', ')} print what mono prints at -O0 and -O2`, async t => {
    const p = await prepared.get(k)!;
    t.log(`${path.basename(p.file)}: ${p.lines} lines checked per level`);
    // Generated programs never throw, and each ends by printing its static fields.
    t.is(p.expected.exitCode, 0, p.expected.stderr);
    t.is(p.expected.stdout.match(/^static s0 /gm)?.length, seeds.length);
    t.deepEqual(await compare(p, [0, 2]), []);
  });
}
