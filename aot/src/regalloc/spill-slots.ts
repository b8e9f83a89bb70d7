// Spill slots. Every vreg that lives on the stack somewhere gets one frame slot for all
// its spilled intervals, reserved for the vreg's whole lifetime (from the start of its
// interval to the end of its last piece). The reservation lets a value stored once stay
// valid: any path from a store to a later read of the slot runs where the vreg is live,
// hence inside its lifetime, where no other vreg writes the slot. So stores can be
// placed once and repeated transitions into the slot dropped (resolve.ts):
//
// Store at definition (as HotSpot C1 does): a vreg with a single definition is stored
// right after it, and every other move into its slot is dropped, since a def dominates
// its uses. A two-address computation (`mov v, a; imul v, b`: a def, then usedefs on the
// instructions right after it) counts as one definition ending at its last write, when
// one piece in a register covers it all (resolve.ts checks). Other vregs are stored
// where they move into the slot, unless the slot is known to hold the current value.
//
// Vregs whose lifetimes do not overlap share a slot: a second linear scan, over those
// lifetimes, with slots as the registers. Lifetimes touching at a position are
// compatible, because the moves there form one parallel move that reads the old value
// before it writes the new one. gpr and gpr8 values take 4-byte slots, xmm values 8-byte
// slots (aligned to 8); the two kinds never share.

import type { IntervalSet } from './intervals.ts';
import type { MFunc } from './mir.ts';

export interface SpillSlots {
  /** Frame slot id of each vreg's spill slot, or -1. */
  readonly slotOf: Int32Array;
  /** The new frame slots, ids from fn.frameSlots.length on. */
  readonly slots: { size: number; align: number }[];
  /**
   * For vregs stored once at their definition: the write position of its last
   * instruction (odd; the root interval starts at the first), else -1.
   */
  readonly storeAt: Int32Array;
}

/**
 * Per vreg, the write position of its definition's last instruction when it is defined
 * once: one `def`, then only `usedef`s on the instructions that directly follow; else -1.
 */
function definitionEnds(fn: MFunc): Int32Array {
  const end = new Int32Array(fn.vregClass.length).fill(-1);
  const bad = new Uint8Array(fn.vregClass.length);
  let slot = 0;
  for (const b of fn.blocks) {
    slot++; // the block's label slot
    for (const inst of b.insts) {
      for (const op of inst.ops) {
        if (op.k !== 'reg' || op.vreg === undefined || op.role === 'use') continue;
        const pos = 2 * slot + 1;
        if (op.role === 'def' ? end[op.vreg] >= 0 : end[op.vreg] !== pos - 2) bad[op.vreg] = 1;
        end[op.vreg] = pos;
      }
      slot++;
    }
  }
  bad.forEach((x, v) => {
    if (x) end[v] = -1;
  });
  return end;
}

export function assignSpillSlots(fn: MFunc, set: IntervalSet): SpillSlots {
  const slotOf = new Int32Array(fn.vregClass.length).fill(-1);
  const slots: { size: number; align: number }[] = [];
  const storeAt = new Int32Array(fn.vregClass.length).fill(-1);
  const ends = definitionEnds(fn);
  const lifetimes: { vreg: number; from: number; to: number }[] = [];
  for (const root of set.vregs) {
    if (!root || !root.family.some(c => c.spilled)) continue;
    const v = root.vreg;
    let to = -Infinity;
    for (const c of root.family) to = Math.max(to, c.end);
    // The root starts at the definition when that is the vreg's only one.
    if (ends[v] >= 0 && (root.start & 1) === 1) storeAt[v] = ends[v];
    lifetimes.push({ vreg: v, from: root.start, to });
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
  return { slotOf, slots, storeAt };
}
