// korlib's number formatting and parsing compiled by sharpaot and booted: thousands of
// doubles, floats and integers through ToString, standard and custom formats, composite
// formatting and Parse/TryParse, printed exactly as mono prints them, at -O0 and -O2.
// (korlib-host.test.ts checks the same sources on millions of values on the host.)

import test from 'ava';
import { expectSameAsMono, program } from './harness/sharpaot.ts';

test('number formatting and parsing behave as under mono', async t => {
  await expectSameAsMono(t, [program('korlib/numbers.cs')]);
});
