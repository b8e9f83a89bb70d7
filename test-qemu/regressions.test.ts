// Regression programs: each reduced from a miscompile or compiler crash that the
// generated differential tests (operators.test.ts, random-programs.test.ts) found, and
// checked against mono. The program's opening comment says what broke.

import test from 'ava';
import type { OptLevel } from '../aot/src/passes/pipeline.ts';
import { expectSameAsMono, program } from './harness/sharpaot.ts';

// Each program at the lowest level where its bug showed (each image also compiles the
// whole runtime it links; the generated tests cover every construct at -O0 and -O2).
const REGRESSIONS: readonly [string, readonly OptLevel[]][] = [
  ['switch-default-next.cs', [1]],
  ['narrow-local-by-ref.cs', [0]],
  ['interface-reimplementation.cs', [0]],
];

for (const [name, levels] of REGRESSIONS) {
  test(`${name} prints what mono prints at -O${levels.join(', -O')}`, async t => {
    await expectSameAsMono(t, [program(name)], levels);
  });
}
