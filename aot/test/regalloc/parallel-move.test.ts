// The parallel-move sequentializer against the definition of a parallel copy: every
// destination gets the value its source held before any move, nothing else changes
// (except the temporary). Oracle: evaluating the parallel assignment directly.
import test from 'ava';
import { sequentializeParallelMoves, type Move } from '../../src/regalloc/parallel-move.ts';
import { prng } from '../../src/regalloc/random-mir.ts';
import { InternalError } from '../../src/util/assert.ts';

const TEMP = 'tmp';

/** Runs the sequence on symbolic contents and compares with the parallel semantics. */
function checkSequence(t: { deepEqual: (a: unknown, b: unknown, m?: string) => void }, moves: Move<string>[], seq: Move<string>[], what: string): void {
  const locs = new Set<string>([TEMP]);
  for (const m of moves) locs.add(m.from).add(m.to);
  const before = new Map([...locs].map(l => [l, `value of ${l}`]));
  const expected = new Map(before);
  for (const m of moves) expected.set(m.to, before.get(m.from)!);
  const state = new Map(before);
  for (const m of seq) state.set(m.to, state.get(m.from)!);
  state.delete(TEMP);
  expected.delete(TEMP);
  t.deepEqual(Object.fromEntries(state), Object.fromEntries(expected), what);
}

const seq = (moves: Move<string>[]) => sequentializeParallelMoves(moves, l => l, () => TEMP);

test('independent moves stay in input order, self-moves are dropped', t => {
  const moves = [{ from: 'a', to: 'b' }, { from: 'c', to: 'c' }, { from: 'd', to: 'e' }];
  t.deepEqual(seq(moves), [{ from: 'a', to: 'b' }, { from: 'd', to: 'e' }]);
});

test('a chain is emitted from its end', t => {
  const moves = [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'd' }];
  const out = seq(moves);
  t.deepEqual(out, [{ from: 'c', to: 'd' }, { from: 'b', to: 'c' }, { from: 'a', to: 'b' }]);
  checkSequence(t, moves, out, 'chain');
});

test('a swap goes through the temporary once', t => {
  const moves = [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }];
  const out = seq(moves);
  t.is(out.length, 3);
  t.is(out.filter(m => m.to === TEMP).length, 1);
  checkSequence(t, moves, out, 'swap');
});

test('fan-out from a location that is also overwritten', t => {
  const moves = [{ from: 'a', to: 'b' }, { from: 'a', to: 'c' }, { from: 'b', to: 'a' }, { from: 'c', to: 'd' }];
  const out = seq(moves);
  checkSequence(t, moves, out, 'fan-out with cycle');
});

test('two destinations written twice is a compiler bug', t => {
  t.throws(() => seq([{ from: 'a', to: 'c' }, { from: 'b', to: 'c' }]), { instanceOf: InternalError, message: /destination c written twice/ });
});

test('random parallel moves match the parallel semantics', t => {
  const rand = prng(7);
  for (let n = 0; n < 3000; n++) {
    const size = 1 + Math.floor(rand() * 9);
    const locs = Array.from({ length: size }, (_, i) => `r${i}`);
    const dests = locs.filter(() => rand() < 0.7);
    const moves = dests.map(to => ({ from: locs[Math.floor(rand() * size)], to }));
    const out = seq(moves);
    checkSequence(t, moves, out, JSON.stringify(moves));
    // At most one extra move per cycle: never more than 1.5x the real moves.
    const real = moves.filter(m => m.from !== m.to).length;
    if (out.length > real + Math.floor(real / 2)) t.fail(`too many moves for ${JSON.stringify(moves)}: ${out.length}`);
  }
});
