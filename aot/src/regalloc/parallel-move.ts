// Sequentializing a parallel copy. A parallel move {from_i → to_i} reads every source
// before it writes any destination; machine code needs an ordered list of single moves
// with the same effect. Used by the register allocator (moves at split points and on
// CFG edges) and by instruction selection (phi copies).
//
// Contract: destinations are distinct (by key); a source may feed several destinations
// and may itself be a destination. Moves whose source and destination are the same
// location are dropped. Cycles (a → b, b → a) are broken by saving one location into
// `temp()`, which must name a location that is neither a source nor a destination; at
// most one temporary value is alive at a time, so a single scratch location suffices.
// The result is deterministic: ready moves are emitted in input order.

import { assert } from '../util/assert.ts';

export interface Move<L> {
  readonly from: L;
  readonly to: L;
}

export function sequentializeParallelMoves<L>(moves: readonly Move<L>[], key: (l: L) => string, temp: () => L): Move<L>[] {
  if (moves.length <= 1) {
    const m = moves[0];
    return m === undefined || key(m.from) === key(m.to) ? [] : [{ from: m.from, to: m.to }];
  }
  // Pending moves, the location each pending destination currently reads from, and how
  // many pending moves still read each location.
  const pending: { from: L; to: L; fromKey: string; toKey: string; done: boolean }[] = [];
  const writerOf = new Map<string, number>();
  const readers = new Map<string, number>();
  for (const m of moves) {
    const fromKey = key(m.from);
    const toKey = key(m.to);
    if (fromKey === toKey) continue;
    assert(!writerOf.has(toKey), () => `parallel move: destination ${toKey} written twice`);
    writerOf.set(toKey, pending.length);
    pending.push({ from: m.from, to: m.to, fromKey, toKey, done: false });
    readers.set(fromKey, (readers.get(fromKey) ?? 0) + 1);
  }

  const out: Move<L>[] = [];
  // Ready: a move whose destination no pending move still needs to read.
  const ready: number[] = [];
  let head = 0;
  for (let i = 0; i < pending.length; i++) if (!readers.get(pending[i].toKey)) ready.push(i);
  let remaining = pending.length;
  let next = 0; // scan position for cycle breaking, so the choice is deterministic

  while (remaining > 0) {
    while (head < ready.length) {
      const m = pending[ready[head++]];
      out.push({ from: m.from, to: m.to });
      m.done = true;
      remaining--;
      const left = readers.get(m.fromKey)! - 1;
      readers.set(m.fromKey, left);
      // The source is no longer needed: the move that overwrites it may go now.
      const w = writerOf.get(m.fromKey);
      if (left === 0 && w !== undefined && !pending[w].done) ready.push(w);
    }
    if (remaining === 0) break;
    // Only cycles are left (every pending destination is read by exactly one pending
    // move). Save one destination into the temporary and let its reader use the copy.
    while (pending[next].done) next++;
    const victim = pending[next];
    const tmp = temp();
    const tmpKey = key(tmp);
    assert(!writerOf.has(tmpKey) && !readers.get(tmpKey), () => `parallel move: temporary ${tmpKey} is in use`);
    out.push({ from: victim.to, to: tmp });
    for (const m of pending) {
      if (!m.done && m.fromKey === victim.toKey) {
        m.from = tmp;
        m.fromKey = tmpKey;
      }
    }
    readers.set(tmpKey, readers.get(victim.toKey)!);
    readers.set(victim.toKey, 0);
    ready.push(next);
  }
  return out;
}
