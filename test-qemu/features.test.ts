// One C# program per language feature (test-qemu/programs/features), each printing many
// labelled results: sharpaot's build booted in QEMU must print exactly what mono prints on
// the host and exit with the same code, at -O0 and at -O2.

import test from 'ava';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expectSameAsMono, PROGRAMS } from './harness/sharpaot.ts';

const dir = path.join(PROGRAMS, 'features');

for (const file of readdirSync(dir).filter(f => f.endsWith('.cs')).sort()) {
  test(`${file.replace(/\.cs$/, '')} behaves as under mono`, async t => {
    await expectSameAsMono(t, [path.join(dir, file)], [0, 2], { unsafe: true });
  });
}
