// Editing helpers shared by the passes: use lists, instruction removal and insertion,
// and control-flow edits that keep phis consistent with predecessors (a phi has exactly
// one operand per predecessor block; verifier.ts checks it).

import { computePreds, type Block, type Func, type Inst } from '../ir/ir.ts';
import type { Type } from '../ir/types.ts';
import type { Const } from './fold.ts';

/** Users of every value (an instruction appears once per operand that names the value). */
export function buildUsers(fn: Func): Map<Inst, Inst[]> {
  const users = new Map<Inst, Inst[]>();
  for (const b of fn.blocks) {
    for (const inst of b.insts) {
      for (const a of inst.args) {
        const list = users.get(a);
        if (list === undefined) users.set(a, [inst]);
        else list.push(inst);
      }
    }
  }
  return users;
}

/** Deletes the given instructions from their blocks. */
export function removeInsts(fn: Func, dead: ReadonlySet<Inst>): void {
  if (dead.size === 0) return;
  for (const b of fn.blocks) {
    if (b.insts.some(i => dead.has(i))) b.insts = b.insts.filter(i => !dead.has(i));
  }
  for (const i of dead) i.block = undefined;
}

/** A new, unplaced constant instruction. */
export function makeConst(fn: Func, type: Type, value: Const, ilOffset = -1): Inst {
  const c = fn.newInst('const', type, []);
  c.imm = value;
  c.ilOffset = ilOffset;
  return c;
}

/** Turns `inst` into `const value` in place (same id and position), dropping its operands and payload. */
export function becomeConst(inst: Inst, value: Const): void {
  inst.op = 'const';
  inst.args = [];
  inst.imm = value;
  delete inst.cond;
  delete inst.conv;
  delete inst.mem;
  delete inst.sym;
  delete inst.slot;
  delete inst.targets;
  delete inst.byval;
}

/** A new block placed right after `after` in the block order, in `region`. */
export function newBlockAfter(fn: Func, after: Block | undefined, region: Block['region']): Block {
  const b = fn.newBlock();
  fn.blocks.pop();
  const i = after === undefined ? 0 : fn.blocks.indexOf(after) + 1;
  fn.blocks.splice(i, 0, b);
  b.region = region;
  return b;
}

/** Points every edge of `term` that goes to `from` at `to` (a callfinally's finally entry is not an edge). */
export function replaceTarget(term: Inst, from: Block, to: Block): void {
  const t = term.targets!;
  for (let i = term.op === 'callfinally' ? 1 : 0; i < t.length; i++) if (t[i] === from) t[i] = to;
}

/** Phis of `block` take the operand they had for `oldPred` from `newPred` instead. */
export function renamePhiPred(block: Block, oldPred: Block, newPred: Block): void {
  for (let i = 0; i < block.firstNonPhi; i++) {
    const phi = block.insts[i]!;
    const k = phi.targets!.indexOf(oldPred);
    if (k >= 0) phi.targets![k] = newPred;
  }
}

/** Drops the operands of `block`'s phis that come from `pred`. */
export function removePhiPred(block: Block, pred: Block): void {
  for (let i = 0; i < block.firstNonPhi; i++) {
    const phi = block.insts[i]!;
    for (let k = phi.targets!.length - 1; k >= 0; k--) {
      if (phi.targets![k] === pred) {
        phi.targets!.splice(k, 1);
        phi.args.splice(k, 1);
      }
    }
  }
}

/** Turns `block`'s branch into `jmp keep`; the targets it no longer reaches lose their phi operands. */
export function jumpTo(block: Block, keep: Block): void {
  const term = block.terminator;
  for (const s of new Set(term.targets)) if (s !== keep) removePhiPred(s, block);
  term.op = 'jmp';
  term.args = [];
  term.targets = [keep];
}

/** The operand a phi receives along the edge from `pred`. */
export function phiOperand(phi: Inst, pred: Block): Inst {
  const k = phi.targets!.indexOf(pred);
  return phi.args[k]!;
}

/** Blocks reachable from the roots (entry and handler entries). */
export function reachableBlocks(fn: Func): Set<Block> {
  const seen = new Set<Block>();
  const work = fn.roots();
  while (work.length > 0) {
    const b = work.pop()!;
    if (seen.has(b)) continue;
    seen.add(b);
    for (const s of b.successors) work.push(s);
  }
  return seen;
}

/** Deletes blocks no root reaches, with their phi operands in surviving blocks; predecessors recomputed. */
export function removeUnreachableBlocks(fn: Func): boolean {
  const live = reachableBlocks(fn);
  if (live.size === fn.blocks.length) return false;
  for (const b of fn.blocks) {
    if (live.has(b)) continue;
    for (const s of new Set(b.successors)) if (live.has(s)) removePhiPred(s, b);
    for (const i of b.insts) i.block = undefined;
  }
  fn.blocks = fn.blocks.filter(b => live.has(b));
  computePreds(fn);
  return true;
}

/**
 * Puts a new block on the edge from → to (all of from's edges to `to`), placed after
 * `after` (default: `from`) and in from's region; phis of `to` now receive from the new
 * block. Predecessor lists of `to` and the new block are updated.
 */
export function splitEdge(fn: Func, from: Block, to: Block, after: Block = from): Block {
  const mid = newBlockAfter(fn, after, from.region);
  const jmp = fn.newInst('jmp', undefined, []);
  jmp.targets = [to];
  jmp.block = mid;
  mid.insts.push(jmp);
  replaceTarget(from.terminator, to, mid);
  renamePhiPred(to, from, mid);
  mid.preds = [from];
  to.preds = to.preds.map(p => (p === from ? mid : p));
  return mid;
}
