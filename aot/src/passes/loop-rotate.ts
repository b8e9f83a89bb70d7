// Loop rotation: turns `while (c) body` into `if (c) do body while (c)` by copying the
// loop header's test into each of its predecessors. Every iteration then ends with one
// conditional branch instead of a jump back to a test, and the body's first block runs
// whenever the loop is entered, so checks at its start can leave the loop (licm.ts).
//
// A header is copied when it ends with a two-way branch into and out of the loop, is
// small (at most MAX_HEADER instructions, no calls), has no phis, and no value it
// defines is used outside it — the builder's form before SSA, where values cross blocks
// in stack slots. Its targets must have no phis either. Each predecessor then branches
// to its own copy; the original header goes away.
//
// Requires: predecessors up to date. Runs before SSA construction. Preserves: predecessor
// lists (recomputed).

import { computePreds, type Block, type Func, type Inst } from '../ir/ir.ts';
import { DomTree, findLoops } from '../ir/cfg.ts';
import { OPS } from '../ir/opcodes.ts';
import { newBlockAfter, replaceTarget } from './edit.ts';
import { copyInst } from '../ir/clone.ts';

const MAX_HEADER = 16;
const MAX_PREDS = 4;

export function loopRotate(fn: Func): boolean {
  computePreds(fn);
  const dom = new DomTree(fn);
  const { loops } = findLoops(dom);
  let changed = false;
  for (const loop of loops) {
    const h = loop.header;
    const term = h.terminator;
    if (term.op !== 'br' || !rotatable(fn, h)) continue;
    const [t, f] = term.targets as [Block, Block];
    if (loop.blocks.has(t) === loop.blocks.has(f)) continue;
    if (t.firstNonPhi > 0 || f.firstNonPhi > 0 || h.preds.length > MAX_PREDS || h.preds.includes(h)) continue;
    for (const p of [...h.preds]) {
      const copy = newBlockAfter(fn, p, h.region);
      copyInto(fn, h, copy);
      replaceTarget(p.terminator, h, copy);
    }
    fn.blocks.splice(fn.blocks.indexOf(h), 1);
    computePreds(fn);
    changed = true;
  }
  return changed;
}

function rotatable(fn: Func, h: Block): boolean {
  if (h.insts.length > MAX_HEADER || h.firstNonPhi > 0 || fn.roots().includes(h)) return false;
  const own = new Set(h.insts);
  for (const inst of h.insts) {
    if (OPS[inst.op].effects === 'call' && !inst.isTerminator) return false;
  }
  for (const b of fn.blocks) {
    if (b === h) continue;
    for (const inst of b.insts) if (inst.args.some(a => own.has(a))) return false;
  }
  return true;
}

/** Appends a copy of block `from` (fresh values, operands renamed within the copy) to `to`. */
function copyInto(fn: Func, from: Block, to: Block): void {
  const renamed = new Map<Inst, Inst>();
  for (const inst of from.insts) {
    const c = copyInst(inst, fn.newInst(inst.op, inst.type, inst.args.map(a => renamed.get(a) ?? a)));
    c.block = to;
    to.insts.push(c);
    renamed.set(inst, c);
  }
}
