// Dead code elimination, mark and sweep: an instruction is live if it has an effect
// (writes, calls, terminators, volatile accesses, checks and arithmetic that may trap:
// everything effects.ts does not call removable),
// or if a live instruction uses its value; everything else is deleted, dead phi cycles
// included. A trapping instruction is deleted only when effects.ts proves it cannot trap.
//
// Requires: predecessors up to date (phi operands are values like any other).
// Preserves: the CFG and predecessor lists.

import type { Func, Inst } from '../ir/ir.ts';
import { isRemovable } from './effects.ts';
import { removeInsts } from './edit.ts';

export function dce(fn: Func): boolean {
  const live = new Set<Inst>();
  const work: Inst[] = [];
  for (const b of fn.blocks) {
    for (const inst of b.insts) {
      if (!isRemovable(inst)) {
        live.add(inst);
        work.push(inst);
      }
    }
  }
  while (work.length > 0) {
    const inst = work.pop()!;
    for (const a of inst.args) {
      if (!live.has(a)) {
        live.add(a);
        work.push(a);
      }
    }
  }
  const dead = new Set<Inst>();
  for (const b of fn.blocks) for (const inst of b.insts) if (!live.has(inst)) dead.add(inst);
  removeInsts(fn, dead);
  return dead.size > 0;
}
