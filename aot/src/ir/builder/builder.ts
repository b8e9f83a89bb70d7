// IL → IR: translates one method body into an IR function, not yet in SSA form.
//
// The evaluation stack is simulated at compile time: each entry is an IR value (value
// types: the address of a private temporary holding the value). IL locals and arguments
// live in stack slots read and written with ldslot/stslot (the SSA pass promotes the
// ones whose address is never taken); values left on the stack at the end of a block
// travel to the successor through per-block entry slots. Each IL basic block becomes
// one IR block (more for `leave` through finally handlers); the function gets a fresh
// entry block that stores the parameters and zero-initialises the locals, and every
// handler gets an entry block that receives the exception object.
//
// Requires: a method with an IL body. Produces: a verifiable IR function (not SSA).
// Unsupported or invalid IL ends in a CompileError naming the method and IL offset.

import type { Instruction, MethodBody } from 'cecil-ts';
import { Block, Func, Inst, Region, Slot, computePreds } from '../ir.ts';
import type { Op } from '../opcodes.ts';
import type { NumKind, Type } from '../types.ts';
import { CompileError, error, type Diagnostic } from '../../diagnostics.ts';
import type { DiagnosticCode } from '../../diagnostic-codes.ts';
import { TypeBuildError, primOf, type RType } from '../../engine/types.ts';
import type { MethodInst } from '../../engine/methods.ts';
import { memTypeOf, stackKind, type StackKind } from '../../engine/abi.ts';
import { LayoutError } from '../../runtime/layout.ts';
import type { BuildContext } from './context.ts';
import { buildIlRegions, findIlBlocks, regionAt, type IlBlock, type IlRegion } from './il-blocks.ts';
import { HANDLERS } from './handlers.ts';
import { initAtEntry } from './type-init.ts';

/** An evaluation stack entry. For value types `v` is the address of a private copy. */
export interface StackValue {
  readonly v: Inst;
  readonly t: RType;
}

/** An IL local or argument: a scalar slot, a struct slot, or a by-value struct parameter. */
export interface Variable {
  readonly type: RType;
  readonly kind: StackKind;
  readonly slot: Slot | undefined;
  /** Address of a by-value struct parameter's private copy (the `param` value). */
  readonly paramAddr: Inst | undefined;
}

/** Prefix instructions seen since the last real instruction. */
export interface Prefixes {
  constrained: RType | undefined;
  volatile: boolean;
  unaligned: boolean;
  tail: boolean;
  readonly: boolean;
}

/** Thrown by handlers to stop translating a method; converted to a diagnostic. */
class BuildAbort extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

interface EntryState {
  readonly types: readonly RType[];
  readonly slots: readonly Slot[];
}

export class Builder {
  readonly fn: Func;
  readonly body: MethodBody;
  cur: Block;
  stack: StackValue[] = [];
  /** Set while translating an instruction, for diagnostics and line tables. */
  ilOffset = -1;
  prefixes: Prefixes = { constrained: undefined, volatile: false, unaligned: false, tail: false, readonly: false };
  readonly args: Variable[] = [];
  readonly locals: Variable[] = [];
  /** The hidden return-buffer parameter, for methods returning value types. */
  retBuf: Inst | undefined;
  /** Values known not to be null (`this` of a class method, new objects, literals): no null check. */
  readonly nonNull = new Set<Inst>();

  private readonly ilBlocks: IlBlock[];
  private readonly blockAt: Map<number, IlBlock>;
  private readonly irBlocks = new Map<IlBlock, Block>();
  private readonly entryStates = new Map<IlBlock, EntryState>();
  private readonly ilRegions: IlRegion[];
  private readonly irRegions = new Map<IlRegion, Region>();
  /** Exception object of each catch handler, kept for `rethrow`. */
  private readonly caught = new Map<IlRegion, Slot>();
  private readonly work: IlBlock[] = [];
  /** The IL block being translated and the index of the instruction after the current one. */
  private current: IlBlock | undefined;

  constructor(
    readonly ctx: BuildContext,
    readonly mi: MethodInst,
  ) {
    const body = mi.def.body;
    if (body === undefined) throw new CompileError([error('SA3004', `${mi.symbol} has no IL body`, { method: mi.symbol })]);
    this.body = body;
    const { sig } = ctx.signatureOf(mi);
    this.fn = new Func(mi.symbol, sig);
    this.cur = this.fn.newBlock();
    ({ blocks: this.ilBlocks, blockAt: this.blockAt } = findIlBlocks(body));
    this.ilRegions = buildIlRegions(body);
  }

  // ---- Driver -------------------------------------------------------------------------

  build(): Func {
    try {
      this.setUpRegions();
      this.setUpVariables();
      initAtEntry(this);
      const first = this.ilBlocks[0];
      if (first === undefined) this.invalid('method body has no instructions');
      this.jumpTo(first);
      this.setUpHandlerEntries();
      for (let b = this.work.shift(); b !== undefined; b = this.work.shift()) this.translateBlock(b);
    } catch (e) {
      if (e instanceof BuildAbort) throw new CompileError([e.diagnostic]);
      if (e instanceof TypeBuildError || e instanceof LayoutError) throw new CompileError([this.diagnostic('SA3002', e.message)]);
      if (e instanceof Error && e.name === 'ResolutionError') throw new CompileError([this.diagnostic('SA2003', e.message)]);
      throw e;
    }
    // Blocks of IL that no path reaches were never translated.
    this.fn.blocks = this.fn.blocks.filter(b => b.insts.length > 0);
    this.fn.regions = this.fn.regions.filter(r => r.entry === undefined || this.fn.blocks.includes(r.entry));
    computePreds(this.fn);
    return this.fn;
  }

  private setUpRegions(): void {
    for (const r of this.ilRegions) this.irRegions.set(r, this.fn.newRegion(r.kind, undefined));
    for (const r of this.ilRegions) {
      const ir = this.irRegions.get(r)!;
      ir.parent = r.parent && this.irRegions.get(r.parent);
      ir.tryRegion = r.tryRegion && this.irRegions.get(r.tryRegion);
      ir.filter = r.filter && this.irRegions.get(r.filter);
      const catchType = r.kind === 'catch' && r.filter === undefined ? r.clause?.catchType : undefined;
      if (catchType !== undefined) ir.catchType = this.ctx.typeInfo(this.ctx.resolveType(catchType, this.mi.ctx));
    }
  }

  private setUpVariables(): void {
    const fn = this.fn;
    const { retBuf } = this.ctx.signatureOf(this.mi);
    let p = 0;
    const param = (type: Type) => this.emit('param', type, [], { imm: p++ });
    const ilArgs: RType[] = [];
    if (this.mi.sig.thisType !== undefined) ilArgs.push(this.mi.sig.thisType);
    ilArgs.push(...this.mi.sig.params);
    ilArgs.forEach((type, i) => {
      if (i === (this.mi.sig.thisType !== undefined ? 1 : 0) && retBuf) this.retBuf = param('i32');
      const kind = stackKind(type);
      if (kind === 'struct') {
        this.args.push({ type, kind, slot: undefined, paramAddr: param('i32') });
        return;
      }
      const slot = fn.newSlot(slotSize(kind), slotSize(kind), 'arg', kind, argName(this.mi, i));
      this.emit('stslot', undefined, [param(kind)], { slot });
      this.args.push({ type, kind, slot, paramAddr: undefined });
    });
    if (retBuf && this.retBuf === undefined) this.retBuf = param('i32');
    this.body.variables.forEach(v => {
      const type = this.ctx.resolveType(v.variableType, this.mi.ctx);
      const kind = stackKind(type);
      if (kind === 'struct') {
        const l = this.ctx.layouts.of(type);
        const slot = fn.newSlot(l.size, Math.max(4, l.align), 'local', undefined, `V_${v.index}`);
        this.emit('memzero', undefined, [this.emit('slotaddr', 'i32', [], { slot })], { imm: l.size });
        this.locals.push({ type, kind, slot, paramAddr: undefined });
      } else {
        const slot = fn.newSlot(slotSize(kind), slotSize(kind), 'local', kind, `V_${v.index}`);
        this.emit('stslot', undefined, [this.zero(kind)], { slot });
        this.locals.push({ type, kind, slot, paramAddr: undefined });
      }
    });
  }

  /** Each handler and filter gets an entry block (a CFG root) that jumps into its IL. */
  private setUpHandlerEntries(): void {
    for (const r of this.ilRegions) {
      if (r.kind === 'try') continue;
      const ir = this.irRegions.get(r)!;
      const entry = this.fn.newBlock();
      entry.region = ir;
      ir.entry = entry;
      this.cur = entry;
      this.stack = [];
      this.ilOffset = r.start;
      if (r.kind === 'catch' || r.kind === 'filter') {
        const exc = this.emit('catchobj', 'i32', []);
        const clause = r.clause!;
        const type = r.kind === 'catch' && clause.catchType !== undefined && clause.handlerType === 'catch'
          ? this.ctx.resolveType(clause.catchType, this.mi.ctx)
          : this.ctx.wellKnown.object;
        if (r.kind === 'catch') {
          const slot = this.fn.newSlot(4, 4, 'temp', 'i32', 'exception');
          this.emit('stslot', undefined, [exc], { slot });
          this.caught.set(r, slot);
        }
        this.stack.push({ v: exc, t: type });
      }
      const target = this.blockAt.get(r.start);
      if (target === undefined) this.invalid(`EH region starts at IL_${r.start.toString(16).padStart(4, '0')}, which is not an instruction`);
      this.jumpTo(target);
    }
  }

  private translateBlock(il: IlBlock): void {
    this.current = il;
    this.cur = this.irBlock(il);
    this.stack = [];
    const state = this.entryStates.get(il)!;
    state.slots.forEach((slot, i) => {
      const t = state.types[i]!;
      if (slot.type !== undefined) {
        this.stack.push({ v: this.emit('ldslot', slot.type, [], { slot }), t });
      } else {
        const copy = this.temp(t);
        this.emit('memcpy', undefined, [copy, this.emit('slotaddr', 'i32', [], { slot })], { imm: slot.size });
        this.stack.push({ v: copy, t });
      }
    });
    for (const ins of il.insts) {
      this.ilOffset = ins.offset;
      const handler = HANDLERS[ins.opCode.name];
      if (handler === undefined) this.unsupported(`IL instruction '${ins.opCode.name}' is not supported`);
      handler(this, ins);
      if (ins.opCode.opCodeType !== 'Prefix') this.clearPrefixes();
      if (this.terminated) return;
    }
    // Falls through to the next block.
    const next = this.ilBlocks[il.index + 1];
    if (next === undefined) this.invalid('control falls off the end of the method body');
    this.jumpTo(next);
  }

  private clearPrefixes(): void {
    this.prefixes = { constrained: undefined, volatile: false, unaligned: false, tail: false, readonly: false };
  }

  /** True once the current IR block has its terminator. */
  get terminated(): boolean {
    const last = this.cur.insts[this.cur.insts.length - 1];
    return last !== undefined && last.isTerminator;
  }

  // ---- Blocks and control flow ------------------------------------------------------------

  /** The IL block starting at an instruction (a branch target). */
  blockOf(target: Instruction): IlBlock {
    const b = this.blockAt.get(target.offset);
    if (b === undefined) this.invalid(`branch target IL_${target.offset.toString(16).padStart(4, '0')} is not a block start`);
    return b;
  }

  /** The IL block after the current one (fall-through successor of a conditional branch). */
  nextBlock(): IlBlock {
    const next = this.ilBlocks[this.current!.index + 1];
    if (next === undefined) this.invalid('conditional branch falls off the end of the method body');
    return next;
  }

  irBlock(il: IlBlock): Block {
    let b = this.irBlocks.get(il);
    if (b === undefined) {
      b = this.fn.newBlock();
      const r = regionAt(this.ilRegions, il.start);
      b.region = r && this.irRegions.get(r);
      this.irBlocks.set(il, b);
    }
    return b;
  }

  /**
   * Hands the current stack to a successor block: records the successor's entry state
   * the first time and stores each value into its entry slots. Returns the IR block.
   */
  passStack(il: IlBlock): Block {
    let state = this.entryStates.get(il);
    if (state === undefined) {
      const slots = this.stack.map((sv, i) => {
        const kind = stackKind(sv.t);
        if (kind === 'struct') {
          const l = this.ctx.layouts.of(sv.t);
          return this.fn.newSlot(l.size, Math.max(4, l.align), 'temp', undefined, `stack${i}@IL_${il.start.toString(16)}`);
        }
        return this.fn.newSlot(slotSize(kind), slotSize(kind), 'temp', kind, `stack${i}@IL_${il.start.toString(16)}`);
      });
      state = { types: this.stack.map(sv => sv.t), slots };
      this.entryStates.set(il, state);
      this.work.push(il);
    } else if (state.slots.length !== this.stack.length) {
      this.invalid(`stack depth ${this.stack.length} at a branch to IL_${il.start.toString(16).padStart(4, '0')} differs from ${state.slots.length} on another path`);
    }
    this.stack.forEach((sv, i) => {
      const slot = state.slots[i]!;
      if (slot.type === undefined) {
        if (stackKind(sv.t) !== 'struct') this.invalid('a value type and a scalar meet at a join point');
        this.emit('memcpy', undefined, [this.emit('slotaddr', 'i32', [], { slot }), sv.v], { imm: slot.size });
      } else {
        this.emit('stslot', undefined, [this.coerce(sv, slot.type)], { slot });
      }
    });
    return this.irBlock(il);
  }

  /** Ends the current block with a jump to an IL block, passing the stack. */
  jumpTo(il: IlBlock): void {
    const target = this.passStack(il);
    this.terminate('jmp', [], [target]);
  }

  terminate(op: Op, args: Inst[], targets: Block[] = []): Inst {
    return this.emit(op, undefined, args, targets.length > 0 ? { targets } : {});
  }

  /** Starts a fresh IR block (in the current block's region) and makes it current. */
  continueIn(region: Region | undefined): Block {
    const b = this.fn.newBlock();
    b.region = region;
    this.cur = b;
    return b;
  }

  /** IR region and IL region at the current instruction. */
  regionHere(): IlRegion | undefined {
    return regionAt(this.ilRegions, this.ilOffset);
  }

  irRegion(r: IlRegion | undefined): Region | undefined {
    return r && this.irRegions.get(r);
  }

  /** Finally handlers to run, innermost first, when leaving from here to `target`. */
  finallysBetween(target: number): { handler: Region; after: Region | undefined }[] {
    const out: { handler: Region; after: Region | undefined }[] = [];
    for (let r = this.regionHere(); r !== undefined && !(target >= r.start && target < r.end); r = r.parent) {
      if (r.kind !== 'try') continue;
      for (const h of this.ilRegions) {
        if (h.tryRegion === r && h.kind === 'finally') out.push({ handler: this.irRegions.get(h)!, after: this.irRegion(r.parent) });
      }
    }
    return out;
  }

  /** The slot holding the exception caught by the enclosing catch handler. */
  caughtException(): Slot {
    for (let r = this.regionHere(); r !== undefined; r = r.parent) {
      const s = this.caught.get(r);
      if (s !== undefined) return s;
    }
    this.invalid('rethrow outside a catch handler');
  }

  // ---- Emission -------------------------------------------------------------------------

  emit(op: Op, type: Type | undefined, args: Inst[], init: Partial<Pick<Inst, 'imm' | 'cond' | 'mem' | 'sym' | 'slot' | 'conv' | 'targets' | 'byval' | 'volatile' | 'readonly'>> = {}): Inst {
    const inst = this.fn.newInst(op, type, args);
    Object.assign(inst, init);
    inst.ilOffset = this.ilOffset;
    inst.block = this.cur;
    this.cur.insts.push(inst);
    return inst;
  }

  /** A NullReferenceException check of an object reference, unless it cannot be null. */
  nullCheck(v: Inst): void {
    if (!this.nonNull.has(v) && v.op !== 'symaddr') this.emit('chknull', undefined, [v]);
  }

  const32(n: number): Inst {
    return this.emit('const', 'i32', [], { imm: n | 0 });
  }

  zero(kind: Type): Inst {
    return this.emit('const', kind, [], { imm: kind === 'i64' ? 0n : 0 });
  }

  /** A new zero-size-aligned temporary for a value type; returns its address. */
  temp(t: RType): Inst {
    const l = this.ctx.layouts.of(t);
    const slot = this.fn.newSlot(l.size, Math.max(4, l.align), 'temp', undefined, t.key);
    return this.emit('slotaddr', 'i32', [], { slot });
  }

  push(v: Inst, t: RType): void {
    this.stack.push({ v, t });
  }

  pop(): StackValue {
    const sv = this.stack.pop();
    if (sv === undefined) this.invalid('evaluation stack underflow');
    return sv;
  }

  /** Pops n values, returning them in push order. */
  popN(n: number): StackValue[] {
    if (this.stack.length < n) this.invalid('evaluation stack underflow');
    return this.stack.splice(this.stack.length - n, n);
  }

  /**
   * Converts a stack value to the IR type a slot, parameter or return expects (IL's
   * implicit conversions: F between float32 and float64; int32 ↔ native int are both i32).
   */
  coerce(sv: StackValue, want: Type): Inst {
    const have = sv.v.type;
    if (have === want) return sv.v;
    if ((have === 'f32' || have === 'f64') && (want === 'f32' || want === 'f64')) return this.convert(sv.v, want);
    this.invalid(`a ${sv.t.key} value (${have}) is used where ${want} is expected`);
  }

  /** Emits a conversion to a numeric kind. */
  convert(v: Inst, to: NumKind, opts: { ovf?: boolean; un?: boolean } = {}): Inst {
    const type: Type = to === 'i64' || to === 'u64' ? 'i64' : to === 'f32' ? 'f32' : to === 'f64' ? 'f64' : 'i32';
    return this.emit('conv', type, [v], { conv: { to, ovf: opts.ovf ?? false, un: opts.un ?? false } });
  }

  /** Narrows an i32 for storage in a small-integer variable, as a store to memory would. */
  narrowForStore(v: Inst, t: RType): Inst {
    const p = primOf(t);
    const to: NumKind | undefined = p === 'bool' || p === 'u8' ? 'u8' : p === 'i8' ? 'i8' : p === 'i16' ? 'i16' : p === 'u16' || p === 'char' ? 'u16' : undefined;
    return to !== undefined && v.type === 'i32' ? this.convert(v, to) : v;
  }

  /** Loads a value of type t from an address (value types: copied into a temporary). */
  loadFrom(addr: Inst, t: RType, offset = 0): StackValue {
    const kind = stackKind(t);
    if (kind === 'struct') {
      const size = this.ctx.layouts.sizeOf(t);
      const copy = this.temp(t);
      const src = offset === 0 ? addr : this.emit('add', 'i32', [addr, this.const32(offset)]);
      this.emit('memcpy', undefined, [copy, src], { imm: size, volatile: this.prefixes.volatile });
      return { v: copy, t };
    }
    const v = this.emit('load', kind === 'i64' ? 'i64' : kind, [addr], { mem: memTypeOf(t), imm: offset, volatile: this.prefixes.volatile });
    return { v, t };
  }

  /** Stores a stack value to an address as type t. */
  storeTo(addr: Inst, t: RType, sv: StackValue, offset = 0): void {
    const kind = stackKind(t);
    if (kind === 'struct') {
      if (stackKind(sv.t) !== 'struct') this.invalid(`storing a ${sv.t.key} where a ${t.key} value is expected`);
      const dst = offset === 0 ? addr : this.emit('add', 'i32', [addr, this.const32(offset)]);
      this.emit('memcpy', undefined, [dst, sv.v], { imm: this.ctx.layouts.sizeOf(t), volatile: this.prefixes.volatile });
      return;
    }
    const mem = memTypeOf(t);
    this.emit('store', undefined, [addr, this.coerce(sv, kind)], { mem, imm: offset, volatile: this.prefixes.volatile });
  }

  // ---- Diagnostics --------------------------------------------------------------------------

  diagnostic(code: DiagnosticCode, message: string, hint?: string): Diagnostic {
    const where = { method: this.mi.symbol, ...(this.ilOffset >= 0 ? { ilOffset: this.ilOffset } : {}), ...(hint !== undefined ? { hint } : {}) };
    const d = error(code, message, where);
    const seq = this.mi.def.debugInformation?.sequencePoints;
    if (seq === undefined || this.ilOffset < 0) return d;
    let best: { url: string; line: number } | undefined;
    for (const sp of seq) if (!sp.isHidden && sp.offset <= this.ilOffset) best = { url: sp.document.url, line: sp.startLine };
    return best === undefined ? d : { ...d, source: { file: best.url, line: best.line } };
  }

  unsupported(message: string, hint?: string): never {
    throw new BuildAbort(this.diagnostic('SA3001', message, hint));
  }

  invalid(message: string): never {
    throw new BuildAbort(this.diagnostic('SA3003', message));
  }

  fail(code: DiagnosticCode, message: string, hint?: string): never {
    throw new BuildAbort(this.diagnostic(code, message, hint));
  }
}

function slotSize(kind: Type): number {
  return kind === 'i64' || kind === 'f64' ? 8 : 4;
}

function argName(mi: MethodInst, i: number): string {
  if (mi.sig.thisType !== undefined) return i === 0 ? 'this' : (mi.def.parameters[i - 1]?.name ?? `A_${i}`);
  return mi.def.parameters[i]?.name ?? `A_${i}`;
}

export function buildMethod(ctx: BuildContext, mi: MethodInst): Func {
  return new Builder(ctx, mi).build();
}
