// Loop-invariant code motion. For each natural loop, innermost first, the instructions
// whose operands are all defined outside the loop (or already hoisted) move to the
// loop's preheader, in dominance order:
// - pure instructions that cannot trap (effects.ts isSpeculatable): they may run even
//   when the loop body would not have;
// - non-volatile loads, when nothing in the loop writes memory or calls, so every
//   iteration reads what the first would; and the load may run early: its address is a
//   global or a slot (always mapped), or its block runs on every iteration (dominates
//   every latch and exit) of a loop where nothing may trap;
// - from the header's prefix (the instructions before its first side effect, which run
//   whenever the preheader does): checks and other trapping instructions, in order, and
//   loads of immutable memory (inst.readonly).
// Only instructions in the header's EH region move, and the preheader is in that region,
// so no instruction changes region. A preheader (a block whose only successor is the
// header, outside the loop and in its region) is created only for loops with something
// to hoist: header phis take their outside operands from it.
//
// Requires: SSA, predecessors up to date. Deletes unreachable blocks first (natural loops
// are found among reachable ones). Preserves: predecessor lists (updated).

import { computePreds, insertAt, type Block, type Func, type Inst } from '../ir/ir.ts';
import { DomTree, findLoops, type Loop } from '../ir/cfg.ts';
import { OPS } from '../ir/opcodes.ts';
import { isSpeculatable, mayTrap } from './effects.ts';
import { newBlockAfter, phiOperand, removeUnreachableBlocks, replaceTarget } from './edit.ts';

export function licm(fn: Func): boolean {
  computePreds(fn);
  let changed = removeUnreachableBlocks(fn);
  let dom = new DomTree(fn);
  const { loops } = findLoops(dom);
  for (const loop of [...loops].sort((a, b) => b.depth - a.depth)) {
    const hoist = invariants(loop, dom);
    if (hoist.length === 0) continue;
    const pre = preheader(fn, loop, loops);
    for (const inst of hoist) {
      const from = inst.block!;
      from.insts.splice(from.insts.indexOf(inst), 1);
      insertAt(pre, pre.insts.length - 1, inst);
    }
    changed = true;
    dom = new DomTree(fn);
  }
  return changed;
}

/** Hoistable instructions of `loop`, in an order where each comes after its operands. */
function invariants(loop: Loop, dom: DomTree): Inst[] {
  const region = loop.header.region;
  const blocks = dom.order.filter(b => loop.blocks.has(b));
  // Loads may move only when nothing in the loop changes memory.
  let memoryFixed = true;
  let trapFree = true;
  for (const b of blocks) {
    for (const inst of b.insts) {
      const e = OPS[inst.op].effects;
      if (!inst.isTerminator && (e === 'write' || e === 'call' || inst.volatile)) memoryFixed = false;
      if (mayTrap(inst)) trapFree = false;
    }
  }
  // Latches and exiting blocks: a block dominating all of them runs on every iteration.
  const checkpoints = blocks.filter(b => b.successors.some(s => s === loop.header || !loop.blocks.has(s)));
  const hoisted = new Set<Inst>();
  const invariant = (v: Inst) => hoisted.has(v) || !loop.blocks.has(v.block!);
  const out: Inst[] = [];
  for (const b of blocks) {
    if (b.region !== region) continue;
    const everyIteration = trapFree && checkpoints.every(c => dom.dominates(b, c));
    // The header's prefix (up to its first side effect) runs every time the preheader
    // does, before anything the loop changes: checks there may move to the preheader —
    // in order, so the first exception stays the first — and so may immutable loads.
    let inPrefix = b === loop.header;
    let trapsInOrder = true;
    for (const inst of b.insts) {
      if (inst.isTerminator) break;
      const e = OPS[inst.op].effects;
      if (e === 'write' || e === 'call' || inst.volatile) inPrefix = false;
      const traps = mayTrap(inst);
      // An immutable load moves only while every earlier check moved too (its address was checked).
      const fromPrefix = inPrefix && trapsInOrder && (traps || (inst.op === 'load' && inst.readonly));
      const movable =
        isSpeculatable(inst) || fromPrefix || (memoryFixed && inst.op === 'load' && !inst.volatile && (everyIteration || dereferenceable(inst.args[0]!)));
      if (movable && inst.args.every(invariant) && (!traps || trapsInOrder)) {
        hoisted.add(inst);
        out.push(inst);
      } else if (traps) {
        trapsInOrder = false;
      }
    }
  }
  return out;
}

/** An address that is always mapped (a global or a stack slot), so reading it early cannot fault. */
function dereferenceable(address: Inst): boolean {
  return address.op === 'symaddr' || address.op === 'slotaddr';
}

/**
 * The loop's preheader, created if needed: placed before the header, in its region; the
 * outside predecessors jump to it and header phis take their outside operands from it
 * (through a new phi when they differ). Enclosing loops gain the new block.
 */
function preheader(fn: Func, loop: Loop, all: Loop[]): Block {
  const h = loop.header;
  const outside = h.preds.filter(p => !loop.blocks.has(p));
  if (outside.length === 1 && outside[0]!.region === h.region && new Set(outside[0]!.successors).size === 1) return outside[0]!;
  const pre = newBlockAfter(fn, fn.blocks[fn.blocks.indexOf(h) - 1], h.region);
  const jmp = fn.newInst('jmp', undefined, []);
  jmp.targets = [h];
  jmp.block = pre;
  pre.insts.push(jmp);
  for (const p of outside) replaceTarget(p.terminator, h, pre);
  for (let i = 0; i < h.firstNonPhi; i++) {
    const phi = h.insts[i]!;
    const incoming = outside.map(p => phiOperand(phi, p));
    let value = incoming[0]!;
    if (incoming.some(v => v !== value)) {
      value = fn.newInst('phi', phi.type, incoming);
      value.targets = outside.slice();
      insertAt(pre, pre.firstNonPhi, value);
    }
    const args: Inst[] = [];
    const targets: Block[] = [];
    phi.args.forEach((a, k) => {
      if (loop.blocks.has(phi.targets![k]!)) {
        args.push(a);
        targets.push(phi.targets![k]!);
      }
    });
    phi.args = [...args, value];
    phi.targets = [...targets, pre];
  }
  computePreds(fn);
  for (const l of all) if (l !== loop && l.blocks.has(h)) l.blocks.add(pre);
  return pre;
}
