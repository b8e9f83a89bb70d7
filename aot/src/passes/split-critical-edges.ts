// Critical-edge splitting: every edge from a block with several (distinct) successors to
// a block with several predecessors gets a block of its own, holding only a jmp, placed
// after the source block and in its EH region. Instruction selection needs this to
// place the parallel copies of phis on an edge. Runs last at every optimisation level.
//
// Requires: predecessors up to date (recomputed first). Preserves: predecessor lists.

import { computePreds, type Func } from '../ir/ir.ts';
import { splitEdge } from './edit.ts';

export function splitCriticalEdges(fn: Func): boolean {
  computePreds(fn);
  let changed = false;
  for (const b of fn.blocks.slice()) {
    const succs = [...new Set(b.successors)];
    if (succs.length < 2) continue;
    let after = b;
    for (const s of succs) {
      if (s.preds.length < 2) continue;
      after = splitEdge(fn, b, s, after);
      changed = true;
    }
  }
  return changed;
}
