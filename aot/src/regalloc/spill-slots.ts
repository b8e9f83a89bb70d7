// Spill slots. Every vreg that lives on the stack somewhere gets one frame slot for all
// its spilled intervals. Vregs whose stack lifetimes (from the start of their first
// spilled interval to the end of their last) do not overlap share a slot: a second
// linear scan, over stack lifetimes, with slots as the registers. Lifetimes touching at
// a position are compatible, because the moves there form one parallel move that reads
// the old value before it writes the new one. gpr and gpr8 values take 4-byte slots,
// xmm values 8-byte slots (aligned to 8); the two kinds never share.

import type { IntervalSet } from './intervals.ts';
import type { MFunc } from './mir.ts';

export interface SpillSlots {
  /** Frame slot id of each vreg's spill slot, or -1. */
  readonly slotOf: Int32Array;
  /** The new frame slots, ids from fn.frameSlots.length on. */
  readonly slots: { size: number; align: number }[];
}

export function assignSpillSlots(fn: MFunc, set: IntervalSet): SpillSlots {
  const slotOf = new Int32Array(fn.vregClass.length).fill(-1);
  const slots: { size: number; align: number }[] = [];
  const lifetimes: { vreg: number; from: number; to: number }[] = [];
  for (const root of set.vregs) {
    if (!root) continue;
    let from = Infinity;
    let to = -Infinity;
    for (const c of root.family) {
      if (!c.spilled) continue;
      from = Math.min(from, c.start);
      to = Math.max(to, c.end);
    }
    if (from !== Infinity) lifetimes.push({ vreg: root.vreg, from, to });
  }
  lifetimes.sort((a, b) => a.from - b.from || a.vreg - b.vreg);

  // Per slot size: slots in use (with the end of their current lifetime) and free slots.
  const pools = new Map<number, { busy: { slot: number; to: number }[]; free: number[] }>();
  for (const life of lifetimes) {
    const size = fn.vregClass[life.vreg] === 'xmm' ? 8 : 4;
    let pool = pools.get(size);
    if (!pool) pools.set(size, (pool = { busy: [], free: [] }));
    pool.busy = pool.busy.filter(b => {
      if (b.to > life.from) return true;
      pool.free.push(b.slot);
      return false;
    });
    let slot: number;
    if (pool.free.length > 0) {
      // Lowest free id first: deterministic and keeps the frame compact.
      pool.free.sort((a, b) => a - b);
      slot = pool.free.shift()!;
    } else {
      slot = fn.frameSlots.length + slots.length;
      slots.push({ size, align: size });
    }
    pool.busy.push({ slot, to: life.to });
    slotOf[life.vreg] = slot;
  }
  return { slotOf, slots };
}
