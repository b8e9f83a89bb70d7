// Copies of IR: a whole function with the same numbering (tests keep the input of a pass
// to compare behaviour before and after), and a function's body copied into another
// function with fresh numbers (the inliner).

import { Block, Func, Inst, Region, Slot } from './ir.ts';

/** A deep copy with the same value, block, slot and region numbers and every field. */
export function cloneFunc(fn: Func): Func {
  const out = new Func(fn.name, fn.sig);
  const slots = new Map<Slot, Slot>();
  for (const s of fn.slots) {
    const c = new Slot(s.id, s.size, s.align, s.kind, s.type, s.name);
    slots.set(s, c);
    out.slots.push(c);
  }
  const regions = new Map<Region, Region>();
  for (const r of fn.regions) regions.set(r, new Region(r.id, r.kind, undefined));
  const blocks = new Map<Block, Block>();
  for (const b of fn.blocks) blocks.set(b, new Block(b.id));
  for (const r of fn.regions) {
    const c = regions.get(r)!;
    c.parent = r.parent && regions.get(r.parent);
    c.entry = r.entry && blocks.get(r.entry);
    c.tryRegion = r.tryRegion && regions.get(r.tryRegion);
    c.catchType = r.catchType;
    c.filter = r.filter && regions.get(r.filter);
    out.regions.push(c);
  }
  const insts = new Map<Inst, Inst>();
  for (const b of fn.blocks) {
    const c = blocks.get(b)!;
    c.region = b.region && regions.get(b.region);
    for (const inst of b.insts) {
      const i = copyInst(inst, new Inst(inst.id, inst.op, inst.type, []), blocks, slots);
      i.block = c;
      c.insts.push(i);
      insts.set(inst, i);
    }
    out.blocks.push(c);
  }
  for (const [orig, copy] of insts) copy.args = orig.args.map(a => insts.get(a) ?? a);
  for (const b of fn.blocks) blocks.get(b)!.preds = b.preds.map(p => blocks.get(p)!);
  out.reserveIds(fn.instCount, fn.blocks.reduce((m, b) => Math.max(m, b.id + 1), 0));
  return out;
}

export interface BodyCopy {
  readonly blocks: Map<Block, Block>;
  readonly insts: Map<Inst, Inst>;
  readonly slots: Map<Slot, Slot>;
}

/**
 * Copies the blocks, instructions and slots of `src` (which must have no EH regions) into
 * `dst` with fresh numbers; the new blocks are appended to dst.blocks in `region`.
 * Operands that are not in `src` stay as they are; predecessor lists are copied.
 */
export function copyBody(src: Func, dst: Func, region: Region | undefined): BodyCopy {
  const slots = new Map<Slot, Slot>();
  for (const s of src.slots) slots.set(s, dst.newSlot(s.size, s.align, s.kind, s.type, s.name));
  const blocks = new Map<Block, Block>();
  for (const b of src.blocks) {
    const c = dst.newBlock();
    c.region = region;
    blocks.set(b, c);
  }
  const insts = new Map<Inst, Inst>();
  for (const b of src.blocks) {
    const c = blocks.get(b)!;
    for (const inst of b.insts) {
      const i = copyInst(inst, dst.newInst(inst.op, inst.type, []), blocks, slots);
      i.block = c;
      c.insts.push(i);
      insts.set(inst, i);
    }
    c.preds = b.preds.map(p => blocks.get(p)!);
  }
  for (const [orig, copy] of insts) copy.args = orig.args.map(a => insts.get(a) ?? a);
  return { blocks, insts, slots };
}

/** Fills `i` (a fresh instruction of the same op and type) with inst's payload, blocks and slots mapped. */
export function copyInst(inst: Inst, i: Inst, blocks: ReadonlyMap<Block, Block> = new Map(), slots: ReadonlyMap<Slot, Slot> = new Map()): Inst {
  i.imm = inst.imm;
  if (inst.cond !== undefined) i.cond = inst.cond;
  if (inst.mem !== undefined) i.mem = inst.mem;
  if (inst.sym !== undefined) i.sym = inst.sym;
  if (inst.slot !== undefined) i.slot = slots.get(inst.slot) ?? inst.slot;
  if (inst.conv !== undefined) i.conv = inst.conv;
  if (inst.targets !== undefined) i.targets = inst.targets.map(b => blocks.get(b) ?? b);
  if (inst.byval !== undefined) i.byval = inst.byval.slice();
  i.volatile = inst.volatile;
  i.readonly = inst.readonly;
  i.ilOffset = inst.ilOffset;
  return i;
}
