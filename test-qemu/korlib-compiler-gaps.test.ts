// Compiler gaps found while writing korlib, now closed, kept as regression tests: each a
// minimal program that once behaved differently from mono (callee-saved registers lost when
// an exception skipped frames; arrays without their generic collection interfaces;
// ldelem.any/stelem.any). The programs are in test-qemu/programs/korlib/gaps/.

import test from 'ava';
import { expectSameAsMono, program } from './harness/sharpaot.ts';

test('an exception caught through a delegate leaves the caller intact at -O0', async t => {
  await expectSameAsMono(t, [program('korlib/gaps/throw-through-delegate.cs')], [0]);
});

test('arrays implement IEnumerable<T>, IList<T> and IList', async t => {
  await expectSameAsMono(t, [program('korlib/gaps/array-interfaces.cs')], [2]);
});

test('T[] elements in generic code compile (ldelem.any, stelem.any)', async t => {
  await expectSameAsMono(t, [program('korlib/gaps/generic-array-elements.cs')], [2]);
});
