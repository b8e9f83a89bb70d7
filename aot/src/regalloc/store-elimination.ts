// Drops spill stores into a slot that already holds the value being stored. A forward
// must-dataflow over the allocated blocks tracks, per spilled vreg, "its slot holds its
// current value": a move into the slot establishes it, a definition of the vreg
// anywhere else breaks it (a definition into the slot itself, through memOk,
// establishes it), and predecessors are intersected at block entries (roots: nothing
// known). A move into the slot while the fact holds is redundant.
// Sound because spill-slots.ts reserves each slot for the vreg's whole lifetime, so no
// other value enters the slot while the fact is relied on. Removing a store leaves the
// parallel-move sequencing intact: no other move of its group reads the vreg's slot.

import { BitSet } from './bitset.ts';
import type { AllocatedBlock, AllocatedItem, MFunc } from './mir.ts';
import type { Numbering } from './numbering.ts';

export function dropRedundantStores(fn: MFunc, order: Numbering, blocks: AllocatedBlock[], slotOf: Int32Array): { blocks: AllocatedBlock[]; dropped: number } {
  const bit = new Int32Array(slotOf.length).fill(-1);
  let n = 0;
  slotOf.forEach((slot, v) => {
    if (slot >= 0) bit[v] = n++;
  });
  if (n === 0) return { blocks, dropped: 0 };

  /** Applies one item to the state (and marks touched bits); returns false for a redundant store. */
  const step = (item: AllocatedItem, state: BitSet, touched?: BitSet): boolean => {
    if (item.kind === 'move') {
      const b = bit[item.vreg];
      if (b < 0 || item.to.k !== 'stack' || item.to.slot !== slotOf[item.vreg]) return true;
      touched?.add(b);
      if (state.has(b)) return false;
      state.add(b);
      return true;
    }
    const ops = item.inst.ops;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      if (op.k !== 'reg' || op.vreg === undefined || op.role === 'use') continue;
      const b = bit[op.vreg];
      if (b < 0) continue;
      touched?.add(b);
      const loc = item.locs[i];
      if (loc?.k === 'stack' && loc.slot === slotOf[op.vreg]) state.add(b);
      else state.delete(b);
    }
    return true;
  };

  // Block effects: bits set and bits cleared by the block, as last-writer-wins.
  const sets = blocks.map(() => new BitSet(n));
  const clears = blocks.map(() => new BitSet(n));
  blocks.forEach((block, i) => {
    const state = new BitSet(n);
    const touched = new BitSet(n);
    for (const item of block.items) step(item, state, touched);
    touched.forEach(b => (state.has(b) ? sets[i] : clears[i]).add(b));
  });

  const entry = blocks.map((_, i) => {
    const s = new BitSet(n);
    if (!fn.blocks[i].isRoot) s.fill();
    return s;
  });
  // Optimistic start (everything holds) so facts survive loops: the greatest fixpoint.
  const out = blocks.map(() => {
    const s = new BitSet(n);
    s.fill();
    return s;
  });
  const preds = fn.blocks.map(b => b.preds.map(p => order.index(p)));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < blocks.length; i++) {
      if (!fn.blocks[i].isRoot) for (const p of preds[i]) entry[i].intersectWith(out[p]);
      if (out[i].assignTransfer(sets[i], entry[i], clears[i])) changed = true;
    }
  }

  let dropped = 0;
  const result = blocks.map((block, i) => {
    const state = new BitSet(n);
    state.copyFrom(entry[i]);
    const items = block.items.filter(item => {
      const keep = step(item, state);
      if (!keep) dropped++;
      return keep;
    });
    return { id: block.id, items };
  });
  return { blocks: result, dropped };
}
