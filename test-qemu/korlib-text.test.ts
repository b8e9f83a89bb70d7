// korlib's text types compiled by sharpaot and booted: String's searching, slicing,
// splitting, comparison and sorting, Char's categories and case over Latin-1 and Latin
// Extended-A, and StringBuilder with its capacity growth, print as under mono at -O0 and -O2.

import test from 'ava';
import { expectSameAsMono, program } from './harness/sharpaot.ts';

test('strings and characters behave as under mono', async t => {
  await expectSameAsMono(t, [program('korlib/strings.cs')]);
});

test('StringBuilder behaves as under mono', async t => {
  await expectSameAsMono(t, [program('korlib/stringbuilder.cs')]);
});
