// korlib's collections compiled by sharpaot and booted: List, Dictionary, HashSet, Queue,
// Stack, the default comparers and Array's helpers behave as under mono (contents,
// enumeration orders after removals, sort orders of equal elements, capacities, error
// messages), at -O0 and -O2.

import test from 'ava';
import { expectSameAsMono, program } from './harness/sharpaot.ts';

test('collections behave as under mono', async t => {
  await expectSameAsMono(t, [program('korlib/collections.cs')]);
});
