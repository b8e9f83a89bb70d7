// Regression programs: each reduced from a miscompile or compiler crash that the
// generated differential tests (operators.test.ts, random-programs.test.ts) found, and
// checked against mono at every -O level. The program's opening comment says what broke.

import test from 'ava';
import { expectSameAsMono, program } from './harness/sharpaot.ts';

const REGRESSIONS = ['switch-default-next.cs', 'narrow-local-by-ref.cs'];

for (const name of REGRESSIONS) {
  test(`${name} prints what mono prints at -O0, -O1 and -O2`, async t => {
    await expectSameAsMono(t, [program(name)], [0, 1, 2]);
  });
}
