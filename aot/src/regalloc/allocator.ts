// Register allocation of one machine function: liveness → lifetime intervals →
// linear scan with splitting → spill slots → resolution (operand locations, split and
// edge moves). The input MFunc is not modified; the Allocation lists the original
// instructions with their operand locations and the inserted moves.
// Requires (asserted, InternalError otherwise): consistent succs/preds, no critical
// edges, every vreg defined before use on every path, branches only at block ends and
// writing no vregs, and no instruction needing more registers of a class than exist.

import { CALLEE_SAVED, type Allocation, type MFunc, type PReg } from './mir.ts';
import { buildIntervals } from './intervals.ts';
import { linearScan } from './linear-scan.ts';
import { computeLiveness } from './liveness.ts';
import { Numbering } from './numbering.ts';
import { resolve } from './resolve.ts';
import { assignSpillSlots } from './spill-slots.ts';
import { ALLOCATABLE } from './values.ts';

/** Counters for benchmarks and tests. */
export interface AllocationStats {
  /** Moves the allocator inserted (splits, spills, reloads, edge resolution, cycle temporaries). */
  readonly moves: number;
  /** vregs that live in a spill slot somewhere. */
  readonly spilledVregs: number;
  /** Frame slots added (spill slots after sharing, plus scratch slots). */
  readonly addedSlots: number;
  /** Move cycles broken through a scratch slot (each costs one extra move). */
  readonly cycles: number;
}

export function allocate(fn: MFunc): Allocation {
  return allocateWithStats(fn).allocation;
}

export function allocateWithStats(fn: MFunc): { allocation: Allocation; stats: AllocationStats } {
  const order = new Numbering(fn);
  const live = computeLiveness(fn, order);
  const set = buildIntervals(fn, order, live);
  linearScan(fn, order, set);
  const spill = assignSpillSlots(fn, set);
  const firstFree = fn.frameSlots.length + spill.slots.length;
  const resolved = resolve(fn, order, live, set, spill, firstFree);

  const used = new Set<PReg>();
  for (const root of set.vregs) for (const c of root?.family ?? []) if (c.reg >= 0) used.add(ALLOCATABLE[c.reg]);
  for (const b of fn.blocks) {
    for (const inst of b.insts) {
      for (const op of inst.ops) if (op.k === 'reg' && op.preg && op.role !== 'use') used.add(op.preg);
      if (inst.implicitDefs) for (const r of inst.implicitDefs) used.add(r);
      if (inst.clobbers) for (const r of inst.clobbers) used.add(r);
    }
  }
  const allocation: Allocation = {
    blocks: resolved.blocks,
    frameSlots: [...fn.frameSlots.map(s => ({ ...s })), ...spill.slots, ...resolved.scratchSlots],
    usedCalleeSaved: CALLEE_SAVED.filter(r => used.has(r)),
  };
  let spilledVregs = 0;
  for (const s of spill.slotOf) if (s >= 0) spilledVregs++;
  return {
    allocation,
    stats: { moves: resolved.moveCount, spilledVregs, addedSlots: spill.slots.length + resolved.scratchSlots.length, cycles: resolved.cycles },
  };
}
