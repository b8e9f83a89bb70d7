// Gaps in the compiler found while writing korlib, each a minimal program that behaves
// differently from mono today (ava's test.failing: they pass while the gap is there and
// report when it is closed, so the work-arounds in korlib can go). The programs are in
// test-qemu/programs/korlib/gaps/.

import test from 'ava';
import { expectSameAsMono, program } from './harness/sharpaot.ts';

test.failing('an exception caught through a delegate leaves the caller intact at -O0', async t => {
  await expectSameAsMono(t, [program('korlib/gaps/throw-through-delegate.cs')], [0]);
});

test.failing('arrays implement IEnumerable<T>, IList<T> and IList', async t => {
  await expectSameAsMono(t, [program('korlib/gaps/array-interfaces.cs')], [2]);
});

test.failing('T[] elements in generic code compile (ldelem.any, stelem.any)', async t => {
  await expectSameAsMono(t, [program('korlib/gaps/generic-array-elements.cs')], [2]);
});
