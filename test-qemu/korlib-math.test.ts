// korlib's System.Math compiled by sharpaot and booted: the simple functions over every
// type with their errors, rounding, and the elementary functions over a broad sample,
// printed with 15 significant digits exactly as under mono, at -O0 and -O2.
// (korlib-host.test.ts compares the elementary functions on many more values on the host.)

import test from 'ava';
import { expectSameAsMono, program } from './harness/sharpaot.ts';

test('Math behaves as under mono', async t => {
  await expectSameAsMono(t, [program('korlib/math.cs')]);
});
