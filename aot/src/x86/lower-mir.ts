// Emits an allocated machine function into the assembler: prologue, blocks in layout
// order with their labels, every instruction with its operands replaced by the
// locations the allocator chose, the allocator's moves, the pseudo-instructions
// (ret → epilogue, argspace/argfree → esp adjustment, endfunclet → ret), trap stubs,
// jump tables and the function's float constants.
//
// Branches: a jmp to the next block is dropped, and `jcc T; jmp F` with T next becomes
// `j!cc F`. Moves: register↔register (mov/movaps), register↔stack (mov/movsd) and
// stack→stack through push/pop, which needs no free register and keeps the flags.

import type { Allocation, AllocatedInst, AllocatedMove, Location, MInst, MMem, MOperand, MReg, PReg } from '../regalloc/mir.ts';
import type { Assembler } from './assembler.ts';
import { imm, mem, reg, sym, type MemOperand, type MemSize, type Operand } from './operands.ts';
import { low16, low8, type Reg, type Reg32 } from './registers.ts';
import { argumentAddress, emitEpilogue, emitHandlerEntry, emitPrologue, layoutFrame, type FrameLayout } from './frame.ts';
import type { SelectedFunction, TrapKind } from './isel.ts';
import { negateCc } from './isel-compare.ts';
import { InternalError } from '../util/assert.ts';

export interface EmitOptions {
  /** Symbol of the runtime helper raising each trap kind. */
  readonly throwHelper: (kind: TrapKind) => string;
}

export interface EmittedFunction {
  readonly frame: FrameLayout;
  /** Local labels at the start of each block, by block id (handler entries for EH tables). */
  readonly blockLabels: Map<number, string>;
  /**
   * The code in address order as runs of one EH region each: a run starts at `label` and
   * ends where the next begins (the last at `endLabel`); region -1 is outside all regions.
   */
  readonly regionRuns: readonly { readonly label: string; readonly region: number }[];
  /** Label after the last instruction of the function body and stubs. */
  readonly endLabel: string;
}

const CALLEE_SAVED_REGS: readonly PReg[] = ['ebx', 'esi', 'edi'];
/** Registers preserved around calls of funclets (finally, fault, filter bodies), which use any register. */
const FUNCLET_SAVED: readonly Reg32[] = ['ebx', 'esi', 'edi'];

export function emitFunction(asm: Assembler, sel: SelectedFunction, alloc: Allocation, opts: EmitOptions): EmittedFunction {
  const fn = sel.mfunc;
  const name = fn.name;
  // Callee-saved registers: those allocated and those named explicitly (cpuid, rep movs).
  const used = new Set<PReg>(alloc.usedCalleeSaved);
  for (const b of fn.blocks) {
    for (const i of b.insts) {
      for (const op of i.ops) if (op.k === 'reg' && op.preg !== undefined && op.role !== 'use' && CALLEE_SAVED_REGS.includes(op.preg)) used.add(op.preg);
      for (const r of [...(i.implicitDefs ?? []), ...(i.clobbers ?? [])]) if (CALLEE_SAVED_REGS.includes(r)) used.add(r);
    }
  }
  // A function with catch handlers saves all of them: an exception reaching its handler
  // skips the epilogues of the frames it abandons, which would have restored them.
  if (sel.ir.regions.some(r => r.kind === 'catch')) for (const r of CALLEE_SAVED_REGS) used.add(r);
  const frame = layoutFrame(alloc.frameSlots, used, isSimpleLeaf(sel), sel.espSlot === undefined);
  const blockLabels = new Map(fn.blocks.map(b => [b.id, `.L${name}$bb${b.id}`]));
  // Jump threading: a branch to a block that only jumps on goes straight to the final target.
  const forward = new Map<number, number>();
  for (const ab of alloc.blocks) {
    const items = ab.items.filter(item => !isNoop(item));
    const only = items.length === 1 ? items[0]! : undefined;
    if (only?.kind === 'inst' && only.inst.op === 'jmp' && only.inst.ops[0]?.k === 'label') forward.set(ab.id, only.inst.ops[0].block);
  }
  const finalTarget = (id: number): number => {
    const seen = new Set<number>();
    let t = id;
    while (forward.has(t) && !seen.has(t)) {
      seen.add(t);
      t = forward.get(t)!;
    }
    return t;
  };
  const labelOf = (id: number) => blockLabels.get(finalTarget(id))!;
  const ctx: Ctx = { asm, frame, blockLabels, labelOf, vregClass: fn.vregClass, espSlot: sel.espSlot };

  asm.section('.text');
  asm.align(16);
  asm.label(name, { type: 'function', global: true });
  emitPrologue(asm, frame);
  if (sel.espSlot !== undefined) asm.emit('mov', slotMem(ctx, sel.espSlot, 4), reg('esp'));
  const regionRuns: { label: string; region: number }[] = [];
  const run = (label: string, region: number) => {
    if (regionRuns.length === 0 || regionRuns[regionRuns.length - 1]!.region !== region) regionRuns.push({ label, region });
  };
  run(name, -1);
  // Blocks that only jump on are not emitted: every branch to them is threaded, and the
  // block before them falls through to the next emitted block instead. Roots and region
  // entries (named by the EH tables) and jump cycles (`while (true) {}`) stay.
  const roots = new Set([...fn.blocks.filter(b => b.isRoot).map(b => b.id), ...sel.ir.regions.flatMap(r => (r.entry === undefined ? [] : [r.entry.id]))]);
  const order = alloc.blocks.filter((ab, bi) => bi === 0 || roots.has(ab.id) || !forward.has(ab.id) || forward.has(finalTarget(ab.id)));
  order.forEach((ab, bi) => {
    asm.label(blockLabels.get(ab.id)!);
    run(blockLabels.get(ab.id)!, sel.blockInfo.get(ab.id)?.region ?? -1);
    if (sel.blockInfo.get(ab.id)?.root === 'catch') {
      if (sel.espSlot !== undefined) asm.emit('mov', reg('esp'), slotMem(ctx, sel.espSlot, 4));
      else emitHandlerEntry(asm, frame);
    }
    const next = order[bi + 1]?.id;
    const items = ab.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === 'move') {
        emitMove(ctx, item.from, item.to, item.cls === 'xmm');
        continue;
      }
      const op = item.inst.op;
      // jmp to the following block: fall through.
      if (op === 'jmp' && isLabel(item.inst.ops[0], next, ctx)) continue;
      // jcc T; jmp F with T next: j!cc F (not when F is a jump table's memory operand).
      const after = items[i + 1];
      if (op.startsWith('j') && op !== 'jmp' && isLabel(item.inst.ops[0], next, ctx) && after?.kind === 'inst' && after.inst.op === 'jmp' && after.inst.ops[0]?.k === 'label' && i + 2 === items.length) {
        asm.emit('j' + negateCc(op.slice(1)), operand(ctx, after, 0));
        i++;
        continue;
      }
      emitInst(ctx, item);
    }
  });
  // Trap stubs: call the throw helper (which never returns) from inside this function.
  for (const t of sel.traps) {
    asm.label(t.label);
    run(t.label, t.region);
    asm.emit('call', sym(opts.throwHelper(t.kind)));
  }
  const endLabel = `.L${name}$end`;
  asm.label(endLabel);
  asm.endSymbol(name);
  if (sel.jumpTables.length > 0 || sel.floatConsts.length > 0) {
    asm.section('.rdata');
    for (const jt of sel.jumpTables) {
      asm.align(4);
      asm.label(jt.label);
      for (const b of jt.blocks) asm.addr32(labelOf(b));
    }
    for (const c of sel.floatConsts) {
      asm.align(c.bytes.length);
      asm.label(c.label);
      asm.bytes(c.bytes);
    }
    asm.section('.text');
  }
  return { frame, blockLabels, regionRuns, endLabel };
}

interface Ctx {
  readonly asm: Assembler;
  readonly frame: FrameLayout;
  readonly blockLabels: Map<number, string>;
  /** Label a branch to a block goes to (after jump threading). */
  readonly labelOf: (block: number) => string;
  readonly vregClass: readonly string[];
  readonly espSlot: number | undefined;
}

/** Instructions that call, move esp, or reach the frame: none may be in a simple leaf. */
const FRAME_OPS = /^(call|push|pop|enter|leave|int|iret|alloca|arg|endfunclet|resumeat)/;

/** A function that can do without an ebp frame (frame.ts): see there for the conditions. */
function isSimpleLeaf(sel: SelectedFunction): boolean {
  if (sel.traps.length > 0 || sel.ir.regions.length > 0 || sel.espSlot !== undefined) return false;
  return sel.mfunc.blocks.every(b =>
    b.insts.every(i => !FRAME_OPS.test(i.op) && i.ops.every(o => o.k !== 'special' && !(o.k === 'reg' && (o.preg === 'ebp' || o.preg === 'esp')) && !(o.k === 'mem' && o.frame !== undefined && o.frame.kind !== 'arg'))),
  );
}

/** A copy whose source and destination got the same location. */
function isNoop(item: AllocatedInst | AllocatedMove): boolean {
  if (item.kind === 'move') return sameLocation(item.from, item.to);
  const { op, ops } = item.inst;
  if ((op !== 'mov' && op !== 'movaps') || ops.length !== 2 || ops[0]!.k !== 'reg' || ops[1]!.k !== 'reg') return false;
  const [d, s] = [ops[0], ops[1]];
  if (d.preg !== undefined || s.preg !== undefined || d.size !== s.size) return false;
  const [a, b] = item.locs;
  return a !== undefined && b !== undefined && a.k === 'preg' && sameLocation(a, b);
}

function sameLocation(a: Location, b: Location): boolean {
  return (a.k === 'preg' && b.k === 'preg' && a.reg === b.reg) || (a.k === 'stack' && b.k === 'stack' && a.slot === b.slot);
}

function isLabel(op: MOperand | undefined, block: number | undefined, ctx: Ctx): boolean {
  return op !== undefined && op.k === 'label' && block !== undefined && ctx.labelOf(op.block) === ctx.labelOf(block);
}

function emitInst(ctx: Ctx, item: AllocatedInst): void {
  const { asm, frame } = ctx;
  const inst = item.inst;
  switch (inst.op) {
    case 'ret':
      return emitEpilogue(asm, frame);
    case 'endfunclet':
      return asm.emit('ret');
    case 'argspace':
      return asm.emit('sub', reg('esp'), imm(immediate(inst)));
    case 'argfree':
      return asm.emit('add', reg('esp'), imm(immediate(inst)));
    case 'alloca': {
      // Stack memory of a run-time size; esp is remembered for catch handlers.
      const [dst, size] = [operand(ctx, item, 0), operand(ctx, item, 1)];
      asm.emit('sub', reg('esp'), size);
      asm.emit('mov', dst, reg('esp'));
      if (ctx.espSlot !== undefined) asm.emit('mov', slotMem(ctx, ctx.espSlot, 4), reg('esp'));
      return;
    }
    case 'callfunclet': {
      // Run a funclet of another frame: ebp = that frame for the call's duration; the
      // funclet may use ebx/esi/edi, which its own method saved, not us.
      const [frameOp, code] = [operand(ctx, item, 0), operand(ctx, item, 1)];
      for (const r of FUNCLET_SAVED) asm.emit('push', reg(r));
      asm.emit('push', reg('ebp'));
      asm.emit('mov', reg('ebp'), frameOp);
      asm.emit('call', code);
      asm.emit('pop', reg('ebp'));
      for (const r of [...FUNCLET_SAVED].reverse()) asm.emit('pop', reg(r));
      return;
    }
    case 'callfinally':
      for (const r of FUNCLET_SAVED) asm.emit('push', reg(r));
      asm.emit('call', operand(ctx, item, 0));
      for (const r of [...FUNCLET_SAVED].reverse()) asm.emit('pop', reg(r));
      return;
    case 'resumeat': {
      const [frameOp, code] = [operand(ctx, item, 0), operand(ctx, item, 1)];
      asm.emit('mov', reg('ebp'), frameOp);
      asm.emit('jmp', code);
      return;
    }
  }
  const ops = inst.ops.map((_, k) => operand(ctx, item, k));
  // mov r, r with the same register on both sides (a coalesced copy) is nothing.
  if ((inst.op === 'mov' || inst.op === 'movaps') && ops.length === 2 && ops[0]!.kind === 'reg' && ops[1]!.kind === 'reg' && ops[0]!.reg === ops[1]!.reg) return;
  asm.emit(inst.op, ...ops);
}

function immediate(inst: MInst): number {
  const op = inst.ops[0];
  if (op === undefined || op.k !== 'imm') throw new InternalError(`${inst.op} needs an immediate`);
  return op.value;
}

/** The machine operand for operand k of an allocated instruction. */
function operand(ctx: Ctx, item: AllocatedInst, k: number): Operand {
  const op = item.inst.ops[k]!;
  switch (op.k) {
    case 'reg': {
      if (op.preg !== undefined) return reg(sized(op.preg, op.size));
      const loc = item.locs[k];
      if (loc === undefined) throw new InternalError(`${item.inst.op}: operand ${k} (v${op.vreg}) has no location`);
      return locationOperand(ctx, loc, op);
    }
    case 'imm':
      return imm(op.value, op.sym);
    case 'mem':
      return memOperand(ctx, op, item.addrLocs[k]);
    case 'label':
      return sym(ctx.labelOf(op.block));
    case 'sym':
      return sym(op.name);
    case 'special':
      return reg(op.reg);
  }
}

function sized(r: PReg, size: MemSize | undefined): Reg {
  if (size === 1) {
    const b = low8(r as Reg32);
    if (b === undefined) throw new InternalError(`${r} has no byte register`);
    return b;
  }
  if (size === 2) return low16(r as Reg32);
  return r;
}

function locationOperand(ctx: Ctx, loc: Location, op: MReg): Operand {
  if (loc.k === 'preg') return reg(sized(loc.reg, op.size));
  const size: MemSize = op.size ?? (ctx.vregClass[op.vreg!] === 'xmm' ? 8 : 4);
  return mem(size, { base: 'ebp', disp: ctx.frame.slotOffsets[loc.slot]! });
}

function memOperand(ctx: Ctx, op: MMem, addr: { base?: PReg; index?: PReg } | undefined): MemOperand {
  const parts: { base?: Reg32; index?: Reg32; scale?: 1 | 2 | 4 | 8; disp: number; sym?: string } = { disp: op.disp };
  if (op.sym !== undefined) parts.sym = op.sym;
  if (op.frame !== undefined) {
    const f = op.frame;
    if (f.kind === 'slot') {
      parts.base = 'ebp';
      parts.disp += ctx.frame.slotOffsets[f.id]!;
    } else if (f.kind === 'arg') {
      const a = argumentAddress(ctx.frame, f.offset);
      parts.base = a.base;
      parts.disp += a.disp;
    } else {
      parts.base = 'esp';
      parts.disp += f.offset;
    }
    return mem(op.size, parts);
  }
  const base = op.base?.preg ?? addr?.base;
  const index = op.index?.preg ?? addr?.index;
  if (op.base !== undefined) {
    if (base === undefined) throw new InternalError('memory operand base has no register');
    parts.base = base as Reg32;
  }
  if (op.index !== undefined) {
    if (index === undefined) throw new InternalError('memory operand index has no register');
    parts.index = index as Reg32;
    parts.scale = op.scale ?? 1;
  }
  return mem(op.size, parts);
}

function slotMem(ctx: Ctx, slot: number, size: MemSize, extra = 0): MemOperand {
  return mem(size, { base: 'ebp', disp: ctx.frame.slotOffsets[slot]! + extra });
}

function emitMove(ctx: Ctx, from: Location, to: Location, xmm: boolean): void {
  const { asm } = ctx;
  if (from.k === 'preg' && to.k === 'preg') {
    if (from.reg !== to.reg) asm.emit(xmm ? 'movaps' : 'mov', reg(to.reg), reg(from.reg));
    return;
  }
  if (from.k === 'stack' && to.k === 'preg') return asm.emit(xmm ? 'movsd' : 'mov', reg(to.reg), slotMem(ctx, from.slot, xmm ? 8 : 4));
  if (from.k === 'preg' && to.k === 'stack') return asm.emit(xmm ? 'movsd' : 'mov', slotMem(ctx, to.slot, xmm ? 8 : 4), reg(from.reg));
  if (from.k === 'stack' && to.k === 'stack') {
    if (from.slot === to.slot) return;
    if (xmm) {
      asm.emit('push', slotMem(ctx, from.slot, 4, 4));
      asm.emit('push', slotMem(ctx, from.slot, 4));
      asm.emit('pop', slotMem(ctx, to.slot, 4));
      asm.emit('pop', slotMem(ctx, to.slot, 4, 4));
    } else {
      asm.emit('push', slotMem(ctx, from.slot, 4));
      asm.emit('pop', slotMem(ctx, to.slot, 4));
    }
  }
}
