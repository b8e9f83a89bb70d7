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
import { constant } from '../ir/printer.ts';
import { removeInsts } from './edit.ts';

export function gvn(fn: Func): boolean {
  const dom = new DomTree(fn);
  const table = new Map<string, Inst>();
  const map = new Map<Inst, Inst>();
  const dead = new Set<Inst>();
  const resolve = (v: Inst): Inst => map.get(v) ?? v;

  const work: { block: Block; added?: string[] }[] = dom.treeRoots().map(block => ({ block }));
  work.reverse();
  while (work.length > 0) {
    const item = work.pop()!;
    if (item.added !== undefined) {
      for (const k of item.added) table.delete(k);
      continue;
    }
    const added: string[] = [];
    const loads = new Map<string, Inst>();
    for (const inst of item.block.insts) {
      for (let i = 0; i < inst.args.length; i++) inst.args[i] = resolve(inst.args[i]!);
      if (inst.volatile) {
        if (writesMemory(inst)) loads.clear();
        continue;
      }
      if (inst.op === 'load' && inst.readonly) {
        // Immutable memory: equal across the dominator tree, whatever is written in between.
        const key = keyOf(inst);
        const prior = table.get(key);
        if (prior !== undefined) {
          map.set(inst, prior);
          dead.add(inst);
        } else {
          table.set(key, inst);
          added.push(key);
        }
        continue;
      }
      if (inst.op === 'load' || inst.op === 'ldslot') {
        const key = keyOf(inst);
        const prior = loads.get(key);
        if (prior !== undefined) {
          map.set(inst, prior);
          dead.add(inst);
        } else loads.set(key, inst);
        continue;
      }
      if (writesMemory(inst)) {
        loads.clear();
        continue;
      }
      if (!numberable(inst)) continue;
      const key = keyOf(inst);
      const prior = table.get(key);
      if (prior !== undefined) {
        if (inst.type !== undefined) map.set(inst, prior);
        dead.add(inst);
      } else {
        table.set(key, inst);
        added.push(key);
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

/** Operation, payload and operands; a phi's key includes its block and incoming blocks. */
function keyOf(inst: Inst): string {
  const info = OPS[inst.op];
  let k = inst.op + ':' + (inst.type ?? '');
  for (const p of info.payload) {
    switch (p) {
      case 'imm':
        k += typeof inst.imm === 'bigint' ? ':' + inst.imm + 'L' : ':' + constant(inst.imm);
        break;
      case 'cond':
        k += ':' + inst.cond;
        break;
      case 'mem':
        k += ':' + inst.mem;
        break;
      case 'sym':
        k += ':' + inst.sym;
        break;
      case 'slot':
        k += ':s' + inst.slot!.id;
        break;
      case 'conv':
        k += ':' + inst.conv!.to + (inst.conv!.ovf ? '.ovf' : '') + (inst.conv!.un ? '.un' : '');
        break;
      case 'targets':
        k += ':bb' + inst.block!.id + inst.targets!.map((b, i) => ',' + b.id + '=' + inst.args[i]!.id).join('');
        return k;
      case 'byval':
        break;
    }
  }
  const a = inst.args;
  if (a.length === 2 && info.commutative && a[0]!.id > a[1]!.id) return k + ',' + a[1]!.id + ',' + a[0]!.id;
  for (const x of a) k += ',' + x.id;
  return k;
}
