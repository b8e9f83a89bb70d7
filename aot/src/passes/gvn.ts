// Global value numbering over the dominator tree (dominator-based scoped hashing, as in
// Briggs, Cooper and Simpson, "Value Numbering", 1997): walking the tree in preorder, an
// instruction equal to one in a dominating position (same operation, payload and
// operands; commutative operands in canonical order) is replaced by it. This covers
// pure operations and also trapping ones and checks (chknull, chkbounds): the dominating
// twin ran first with the same operands, so if it trapped the second is never reached.
// Phis of one block with the same operands merge too. Loads are merged only inside a
// block, between writes and calls, and never when volatile — except loads of immutable
// memory (inst.readonly: array lengths, object headers), numbered like pure operations.
//
// Requires: SSA, predecessors up to date. Preserves: the CFG and predecessor lists.

import { replaceUses, type Block, type Func, type Inst } from '../ir/ir.ts';
import { DomTree } from '../ir/cfg.ts';
import { OPS } from '../ir/opcodes.ts';
import { removeInsts } from './edit.ts';

export function gvn(fn: Func): boolean {
  const dom = new DomTree(fn);
  const table = new ValueTable();
  const loads = new ValueTable();
  const map = new Map<Inst, Inst>();
  const dead = new Set<Inst>();
  const resolve = (v: Inst): Inst => map.get(v) ?? v;

  const work: { block: Block; added?: Inst[] }[] = dom.treeRoots().map(block => ({ block }));
  work.reverse();
  while (work.length > 0) {
    const item = work.pop()!;
    if (item.added !== undefined) {
      for (let i = item.added.length - 1; i >= 0; i--) table.remove(item.added[i]!);
      continue;
    }
    const added: Inst[] = [];
    loads.clear();
    for (const inst of item.block.insts) {
      for (let i = 0; i < inst.args.length; i++) inst.args[i] = resolve(inst.args[i]!);
      if (inst.volatile) {
        if (writesMemory(inst)) loads.clear();
        continue;
      }
      if (inst.op === 'load' && inst.readonly) {
        // Immutable memory: equal across the dominator tree, whatever is written in between.
        const prior = table.find(inst);
        if (prior !== undefined) {
          map.set(inst, prior);
          dead.add(inst);
        } else {
          table.add(inst);
          added.push(inst);
        }
        continue;
      }
      if (inst.op === 'load' || inst.op === 'ldslot') {
        const prior = loads.find(inst);
        if (prior !== undefined) {
          map.set(inst, prior);
          dead.add(inst);
        } else loads.add(inst);
        continue;
      }
      if (writesMemory(inst)) {
        loads.clear();
        continue;
      }
      if (!numberable(inst)) continue;
      const prior = table.find(inst);
      if (prior !== undefined) {
        if (inst.type !== undefined) map.set(inst, prior);
        dead.add(inst);
      } else {
        table.add(inst);
        added.push(inst);
      }
    }
    work.push({ block: item.block, added });
    const kids = dom.childrenOf(item.block);
    for (let i = kids.length - 1; i >= 0; i--) work.push({ block: kids[i]! });
  }
  if (dead.size === 0) return false;
  removeInsts(fn, dead);
  replaceUses(fn, map);
  return true;
}

function writesMemory(inst: Inst): boolean {
  const info = OPS[inst.op];
  return info.effects === 'write' || (info.effects === 'call' && info.term === undefined);
}

function numberable(inst: Inst): boolean {
  const e = OPS[inst.op].effects;
  if (e !== 'pure' && e !== 'trap') return false;
  return inst.op !== 'catchobj';
}

/**
 * Instructions by value: at most one per class of equal instructions (`sameValue`),
 * found through a hash of the fields equality looks at. Each bucket is a stack, so the
 * entries of a block, removed after its dominator subtree in reverse order, are on top.
 */
class ValueTable {
  private readonly buckets = new Map<number, Inst[]>();

  find(inst: Inst): Inst | undefined {
    const bucket = this.buckets.get(hashOf(inst));
    if (bucket !== undefined) for (const x of bucket) if (sameValue(x, inst)) return x;
    return undefined;
  }

  add(inst: Inst): void {
    const h = hashOf(inst);
    const bucket = this.buckets.get(h);
    if (bucket === undefined) this.buckets.set(h, [inst]);
    else bucket.push(inst);
  }

  /** Removes `inst`, the entry added last to its bucket. */
  remove(inst: Inst): void {
    const h = hashOf(inst);
    const bucket = this.buckets.get(h)!;
    bucket.pop();
    if (bucket.length === 0) this.buckets.delete(h);
  }

  clear(): void {
    this.buckets.clear();
  }
}

const mix = (h: number, x: number) => (Math.imul(h, 31) + x) | 0;

/** A hash of what `sameValue` compares (payloads only where the operation has them). */
function hashOf(inst: Inst): number {
  const info = OPS[inst.op];
  let h = inst.op.length;
  for (const p of info.payload) {
    if (p === 'imm') h = mix(h, typeof inst.imm === 'bigint' ? Number(BigInt.asIntN(32, inst.imm)) : inst.imm | 0);
    else if (p === 'slot') h = mix(h, inst.slot!.id);
    else if (p === 'targets') return mix(mix(h, inst.block!.id), inst.targets!.length);
  }
  const a = inst.args;
  if (a.length === 2 && info.commutative && a[0]!.id > a[1]!.id) return mix(mix(h, a[1]!.id), a[0]!.id);
  for (const x of a) h = mix(h, x.id);
  return h;
}

/**
 * Same operation, type and payload, and the same operands (commutative ones in canonical
 * order); phis: the same block and the same incoming value per incoming block.
 */
function sameValue(x: Inst, y: Inst): boolean {
  if (x.op !== y.op || x.type !== y.type) return false;
  const info = OPS[x.op];
  for (const p of info.payload) {
    switch (p) {
      case 'imm':
        if (typeof x.imm === 'bigint' ? x.imm !== y.imm : typeof y.imm === 'bigint' || !Object.is(x.imm, y.imm)) return false;
        break;
      case 'cond':
        if (x.cond !== y.cond) return false;
        break;
      case 'mem':
        if (x.mem !== y.mem) return false;
        break;
      case 'sym':
        if (x.sym !== y.sym) return false;
        break;
      case 'slot':
        if (x.slot!.id !== y.slot!.id) return false;
        break;
      case 'conv':
        if (x.conv!.to !== y.conv!.to || x.conv!.ovf !== y.conv!.ovf || x.conv!.un !== y.conv!.un) return false;
        break;
      case 'targets': {
        const tx = x.targets!;
        const ty = y.targets!;
        if (x.block!.id !== y.block!.id || tx.length !== ty.length) return false;
        for (let i = 0; i < tx.length; i++) if (tx[i]!.id !== ty[i]!.id || x.args[i]!.id !== y.args[i]!.id) return false;
        return true;
      }
      case 'byval':
        break;
    }
  }
  const a = x.args;
  const b = y.args;
  if (a.length !== b.length) return false;
  if (a.length === 2 && info.commutative) {
    const [a0, a1, b0, b1] = [a[0]!.id, a[1]!.id, b[0]!.id, b[1]!.id];
    return Math.min(a0, a1) === Math.min(b0, b1) && Math.max(a0, a1) === Math.max(b0, b1);
  }
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}
