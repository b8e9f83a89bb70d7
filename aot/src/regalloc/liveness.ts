// Liveness of vregs and allocatable physical registers per block: the classic backward
// dataflow liveIn(b) = gen(b) ∪ (liveOut(b) − kill(b)), liveOut(b) = ∪ liveIn(succ),
// iterated to a fixed point over bit sets (value ids as in values.ts).
// Requires: a Numbering of the function (valid CFG). vregs are not SSA: a def kills.
// Checks: nothing is live into a root block but allocatable registers, whose incoming
// values belong to the entry convention (e.g. a handler entry receiving eax).

import { assert } from '../util/assert.ts';
import { BitSet } from './bitset.ts';
import type { MFunc } from './mir.ts';
import type { Numbering } from './numbering.ts';
import { ALLOCATABLE, instValues } from './values.ts';

export interface Liveness {
  readonly numVregs: number;
  /** vregs plus allocatable registers. */
  readonly numValues: number;
  /** Per block index. */
  readonly liveIn: BitSet[];
  readonly liveOut: BitSet[];
}

export function computeLiveness(fn: MFunc, order: Numbering): Liveness {
  const numVregs = fn.vregClass.length;
  const numValues = numVregs + ALLOCATABLE.length;
  const gen: BitSet[] = [];
  const kill: BitSet[] = [];
  const blocks = fn.blocks;
  for (const b of blocks) {
    const g = new BitSet(numValues);
    const k = new BitSet(numValues);
    const read = (v: number) => {
      if (!k.has(v)) g.add(v);
    };
    const write = (v: number) => k.add(v);
    for (const inst of b.insts) instValues(inst, numVregs, read, write);
    gen.push(g);
    kill.push(k);
  }

  const liveIn = blocks.map(() => new BitSet(numValues));
  const liveOut = blocks.map(() => new BitSet(numValues));
  const succIdx = blocks.map(b => b.succs.map(s => order.index(s)));
  const predIdx = blocks.map(b => b.preds.map(p => order.index(p)));
  // Worklist in reverse layout order: converges in a couple of passes for RPO layouts.
  const queued = new Uint8Array(blocks.length).fill(1);
  const work: number[] = [];
  for (let i = 0; i < blocks.length; i++) work.push(i);
  while (work.length > 0) {
    const b = work.pop()!;
    queued[b] = 0;
    for (const s of succIdx[b]) liveOut[b].unionWith(liveIn[s]);
    if (liveIn[b].assignTransfer(gen[b], liveOut[b], kill[b])) {
      for (const p of predIdx[b]) {
        if (!queued[p]) {
          queued[p] = 1;
          work.push(p);
        }
      }
    }
  }

  blocks.forEach((b, i) => {
    if (!b.isRoot) return;
    liveIn[i].forEach(v => assert(v >= numVregs, () => `${fn.name}: vreg ${v} is live into root block ${b.id} (used before any definition)`));
  });
  return { numVregs, numValues, liveIn, liveOut };
}
