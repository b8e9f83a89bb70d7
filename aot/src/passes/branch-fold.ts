// Control-flow cleanup, repeated until nothing changes:
// - a br or switch on a constant, or whose targets are all one block, becomes a jmp
//   (phis of the targets it no longer reaches lose their operand);
// - a br on a value a dominating edge already decided becomes a jmp: in a block that
//   only the true (false) edge of `br c` enters, c is true (false). Loop rotation leaves
//   such branches: nested loops with the same bound repeat the outer loop's entry guard;
// - an edge into an empty non-root block (no phis, only `jmp T`, same EH region as T)
//   goes straight to T, when T's phis allow it (the edge's predecessor does not already
//   reach T with a different operand);
// - a block whose only successor has it as only predecessor absorbs that successor,
//   when both are in the same EH region and the successor is not a root (its phis have
//   one operand and become that operand);
// - blocks no root reaches are deleted; a phi left with one operand becomes it.
// Roots (entry, handler entries) are never removed or merged away; instructions never
// change region.
//
// Requires: predecessors up to date; SSA or the builder's form (phis are only renamed).
// Preserves: predecessor lists (recomputed).

import { computePreds, replaceUses, type Block, type Func, type Inst } from '../ir/ir.ts';
import { constOf } from './fold.ts';
import { DomTree } from '../ir/cfg.ts';
import { jumpTo, phiOperand, removePhiPred, removeUnreachableBlocks, renamePhiPred, replaceTarget } from './edit.ts';

export function branchFold(fn: Func): boolean {
  computePreds(fn);
  let changed = removeUnreachableBlocks(fn);
  changed = foldImpliedBranches(fn) || changed;
  for (let again = true; again; ) {
    again = foldConstantBranches(fn);
    again = removeUnreachableBlocks(fn) || again;
    again = threadEmptyBlocks(fn) || again;
    again = removeUnreachableBlocks(fn) || again;
    again = mergeStraightLine(fn) || again;
    changed ||= again;
  }
  return removeSingleOperandPhis(fn) || changed;
}

/** A phi with one operand (its block has one predecessor, maybe after removals) is that operand. */
function removeSingleOperandPhis(fn: Func): boolean {
  const map = new Map<Inst, Inst>();
  for (const b of fn.blocks) {
    if (b.preds.length !== 1) continue;
    for (let i = 0; i < b.firstNonPhi; i++) map.set(b.insts[i]!, b.insts[i]!.args[0]!);
  }
  if (map.size === 0) return false;
  for (const b of fn.blocks) if (b.preds.length === 1) b.insts = b.insts.slice(b.firstNonPhi);
  replaceUses(fn, map);
  return true;
}

function foldConstantBranches(fn: Func): boolean {
  let changed = false;
  for (const b of fn.blocks) {
    const term = b.terminator;
    if (term.op !== 'br' && term.op !== 'switch') continue;
    const t = term.targets!;
    const c = constOf(term.args[0]!);
    let keep: Block | undefined;
    if (t.every(x => x === t[0])) keep = t[0];
    else if (c !== undefined && term.op === 'br') keep = t[c !== 0 ? 0 : 1];
    else if (c !== undefined) {
      const i = (c as number) >>> 0;
      keep = i < t.length - 1 ? t[1 + i] : t[0];
    }
    if (keep === undefined) continue;
    jumpTo(b, keep);
    changed = true;
  }
  if (changed) computePreds(fn);
  return changed;
}

function foldImpliedBranches(fn: Func): boolean {
  const dom = new DomTree(fn);
  let changed = false;
  for (const b of dom.order) {
    const term = b.terminator;
    if (term.op !== 'br' || constOf(term.args[0]!) !== undefined || term.targets![0] === term.targets![1]) continue;
    const known = decidedAt(dom, b, term.args[0]!);
    if (known === undefined) continue;
    jumpTo(b, term.targets![known ? 0 : 1]!);
    changed = true;
  }
  if (changed) computePreds(fn);
  return changed;
}

/**
 * The value of `c` wherever `b` runs, if an edge p → d out of a `br c` dominates b: d
 * dominates b and p is d's only predecessor that d does not dominate (the others are
 * back edges). After c is last computed, a path to b enters d, first through p → d.
 */
function decidedAt(dom: DomTree, b: Block, c: Inst): boolean | undefined {
  for (let d: Block | undefined = b; d !== undefined; d = dom.idomOf(d)) {
    const entries = d.preds.filter(q => !dom.dominates(d!, q));
    if (entries.length !== 1) continue;
    const t = entries[0]!.terminator;
    if (t.op === 'br' && t.args[0] === c && t.targets![0] !== t.targets![1]) return d === t.targets![0];
  }
  return undefined;
}

function isRoot(fn: Func, b: Block): boolean {
  return b === fn.entry || fn.regions.some(r => r.entry === b);
}

/** The target of a non-root block that holds only a jmp, else undefined. */
function forwardsTo(fn: Func, b: Block): Block | undefined {
  return b.insts.length === 1 && b.insts[0]!.op === 'jmp' && !isRoot(fn, b) ? b.insts[0]!.targets![0] : undefined;
}

/** True if following empty blocks from `e` comes back to it (an empty infinite loop: leave it). */
function emptyCycle(fn: Func, e: Block): boolean {
  const seen = new Set<Block>([e]);
  for (let x = forwardsTo(fn, e); x !== undefined; x = forwardsTo(fn, x)) {
    if (seen.has(x)) return true;
    seen.add(x);
  }
  return false;
}

function threadEmptyBlocks(fn: Func): boolean {
  let changed = false;
  for (const e of fn.blocks) {
    const target = forwardsTo(fn, e);
    if (target === undefined || target.region !== e.region || emptyCycle(fn, e)) continue;
    const phis = target.insts.slice(0, target.firstNonPhi);
    for (const p of e.preds.slice()) {
      // p already reaching target with other phi operands would need two values on one edge.
      if (target.preds.includes(p) && phis.some(phi => phiOperand(phi, p) !== phiOperand(phi, e))) continue;
      const already = target.preds.includes(p);
      replaceTarget(p.terminator, e, target);
      if (!already) {
        for (const phi of phis) {
          phi.args.push(phiOperand(phi, e));
          phi.targets!.push(p);
        }
        target.preds.push(p);
      }
      e.preds.splice(e.preds.indexOf(p), 1);
      changed = true;
    }
    if (e.preds.length === 0) {
      removePhiPred(target, e);
      target.preds.splice(target.preds.indexOf(e), 1);
    }
  }
  if (changed) computePreds(fn);
  return changed;
}

function mergeStraightLine(fn: Func): boolean {
  let changed = false;
  const map = new Map<Inst, Inst>();
  const gone = new Set<Block>();
  for (const b of fn.blocks) {
    if (gone.has(b)) continue;
    for (;;) {
      const term = b.terminator;
      if (term.op !== 'jmp') break;
      const s = term.targets![0]!;
      if (s === b || s.preds.length !== 1 || s.region !== b.region || isRoot(fn, s)) break;
      const body = s.insts.slice(s.firstNonPhi);
      for (const phi of s.insts.slice(0, s.firstNonPhi)) map.set(phi, phi.args[0]!);
      b.insts.pop();
      for (const inst of body) inst.block = b;
      b.insts.push(...body);
      for (const succ of new Set(s.successors)) {
        renamePhiPred(succ, s, b);
        succ.preds = succ.preds.map(p => (p === s ? b : p));
      }
      gone.add(s);
      changed = true;
    }
  }
  if (!changed) return false;
  fn.blocks = fn.blocks.filter(b => !gone.has(b));
  replaceUses(fn, map);
  computePreds(fn);
  return true;
}
