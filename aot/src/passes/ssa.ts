// SSA construction (Cytron, Ferrante, Rosen, Wegman and Zadeck, "Efficiently Computing
// Static Single Assignment Form and the Control Dependence Graph", 1991), pruned by
// liveness so a phi is placed only where the slot is live.
//
// Requires: nothing (predecessors are recomputed). Input is the builder's form: IL
// locals, arguments and block-crossing stack values live in stack slots accessed with
// ldslot/stslot. Code already in SSA form (phis, values crossing blocks) is left as is.
// Does: deletes unreachable blocks; promotes every slot with a scalar type that is
// accessed only by non-volatile ldslot/stslot (never by slotaddr) and never in a block
// reachable from a handler or filter entry (such values must stay in memory across
// exceptions; nothing but catchobj is live into a handler); replaces its loads by the
// reaching stored value, a phi, or a zero of the slot's type when no store reaches
// (the slot's initial contents); deletes its accesses and the slot itself (remaining
// slots are renumbered in order).
// Preserves: predecessor lists up to date.

import { computePreds, insertAt, replaceUses, type Block, type Func, type Inst, type Slot } from '../ir/ir.ts';
import { DomTree } from '../ir/cfg.ts';
import type { Type } from '../ir/types.ts';
import { makeConst, removeInsts, removeUnreachableBlocks } from './edit.ts';
import { zeroOf } from './fold.ts';

export function ssa(fn: Func): boolean {
  computePreds(fn);
  const removed = removeUnreachableBlocks(fn);
  const promoted = promotableSlots(fn);
  if (promoted.size === 0) return removed;

  const dom = new DomTree(fn);
  const phis = placePhis(fn, dom, promoted);
  rename(fn, dom, promoted, phis);
  fn.slots = fn.slots.filter(s => !promoted.has(s));
  fn.slots.forEach((s, i) => (s.id = i));
  return true;
}

/** Blocks reachable from some handler or filter entry (a callfinally continues at its continuation). */
function handlerReachable(fn: Func): Set<Block> {
  const seen = new Set<Block>();
  const work = fn.roots().slice(1);
  while (work.length > 0) {
    const b = work.pop()!;
    if (seen.has(b)) continue;
    seen.add(b);
    work.push(...b.successors);
  }
  return seen;
}

function promotableSlots(fn: Func): Set<Slot> {
  const inHandlers = handlerReachable(fn);
  const candidates = new Set(fn.slots.filter(s => s.type !== undefined));
  for (const b of fn.blocks) {
    for (const inst of b.insts) {
      if (inst.slot === undefined) continue;
      if (inst.op === 'slotaddr' || inst.volatile || inHandlers.has(b)) candidates.delete(inst.slot);
    }
  }
  return candidates;
}

/** Phis per block and slot: at the iterated dominance frontier of the stores, where the slot is live in. */
function placePhis(fn: Func, dom: DomTree, promoted: Set<Slot>): Map<Block, Map<Slot, Inst>> {
  // Per slot: blocks that store it, and blocks that read it before any store of their own.
  const defs = new Map<Slot, Set<Block>>();
  const upwardUses = new Map<Slot, Set<Block>>();
  for (const s of promoted) {
    defs.set(s, new Set());
    upwardUses.set(s, new Set());
  }
  for (const b of fn.blocks) {
    const stored = new Set<Slot>();
    for (const inst of b.insts) {
      const s = inst.slot;
      if (s === undefined || !promoted.has(s)) continue;
      if (inst.op === 'stslot') {
        stored.add(s);
        defs.get(s)!.add(b);
      } else if (inst.op === 'ldslot' && !stored.has(s)) {
        upwardUses.get(s)!.add(b);
      }
    }
  }
  const frontiers = dom.frontiers();
  const phis = new Map<Block, Map<Slot, Inst>>();
  for (const s of promoted) {
    const defBlocks = defs.get(s)!;
    const liveIn = new Set<Block>();
    const work = [...upwardUses.get(s)!];
    while (work.length > 0) {
      const b = work.pop()!;
      if (liveIn.has(b)) continue;
      liveIn.add(b);
      for (const p of b.preds) if (!defBlocks.has(p) && !liveIn.has(p)) work.push(p);
    }
    const pending = [...defBlocks];
    const hasPhi = new Set<Block>();
    while (pending.length > 0) {
      const b = pending.pop()!;
      for (const d of frontiers.get(b) ?? []) {
        if (hasPhi.has(d) || !liveIn.has(d)) continue;
        hasPhi.add(d);
        const phi = fn.newInst('phi', s.type!, new Array<Inst>(d.preds.length));
        phi.targets = d.preds.slice();
        insertAt(d, d.firstNonPhi, phi);
        let perBlock = phis.get(d);
        if (perBlock === undefined) phis.set(d, (perBlock = new Map()));
        perBlock.set(s, phi);
        if (!defBlocks.has(d)) pending.push(d);
      }
    }
  }
  return phis;
}

/** Walks the dominator tree with a stack of reaching values per slot. */
function rename(fn: Func, dom: DomTree, promoted: Set<Slot>, phis: Map<Block, Map<Slot, Inst>>): void {
  const stacks = new Map<Slot, Inst[]>();
  for (const s of promoted) stacks.set(s, []);
  const replaced = new Map<Inst, Inst>();
  const dead = new Set<Inst>();
  const zeros = new Map<Type, Inst>();
  const zero = (t: Type): Inst => {
    let z = zeros.get(t);
    if (z === undefined) zeros.set(t, (z = makeConst(fn, t, zeroOf(t))));
    return z;
  };
  const current = (s: Slot): Inst => {
    const st = stacks.get(s)!;
    return st.length > 0 ? st[st.length - 1]! : zero(s.type!);
  };

  // Iterative preorder walk: a block's pushes are popped when its subtree is done.
  const work: { block: Block; pushed?: Slot[] }[] = dom.treeRoots().map(block => ({ block }));
  work.reverse();
  while (work.length > 0) {
    const item = work.pop()!;
    if (item.pushed !== undefined) {
      for (const s of item.pushed) stacks.get(s)!.pop();
      continue;
    }
    const b = item.block;
    const pushed: Slot[] = [];
    for (const [s, phi] of phis.get(b) ?? []) {
      stacks.get(s)!.push(phi);
      pushed.push(s);
    }
    for (const inst of b.insts) {
      const s = inst.slot;
      if (s === undefined || !promoted.has(s)) continue;
      if (inst.op === 'ldslot') {
        replaced.set(inst, current(s));
      } else if (inst.op === 'stslot') {
        const v = inst.args[0]!;
        stacks.get(s)!.push(replaced.get(v) ?? v);
        pushed.push(s);
      }
      dead.add(inst);
    }
    for (const succ of new Set(b.successors)) {
      for (const [s, phi] of phis.get(succ) ?? []) phi.args[phi.targets!.indexOf(b)] = current(s);
    }
    work.push({ block: b, pushed });
    const kids = dom.childrenOf(b);
    for (let i = kids.length - 1; i >= 0; i--) work.push({ block: kids[i]! });
  }

  removeInsts(fn, dead);
  replaceUses(fn, replaced);
  // Zeros go to the entry, after its parameters: every promoted access is reached only from it.
  const entry = fn.entry;
  let at = 0;
  while (entry.insts[at]?.op === 'param') at++;
  for (const z of zeros.values()) insertAt(entry, at++, z);
}
