// Instruction selection: IR (after the pass pipeline; critical edges split) → machine IR
// over virtual registers (regalloc/mir.ts).
//
// Values: an i32 IR value is one gpr vreg, an i64 a pair (low, high) of gpr vregs, a
// float one xmm vreg. Constants, global addresses (symaddr) and stack-slot addresses
// (slotaddr) get no register at their definition: every use rematerialises them as an
// immediate, a displacement or an lea. A comparison used only by the branch or select
// that follows it in the same block is fused into it (cmp + jcc / cmov). Phis become
// parallel copies at the end of the predecessor (sequenced by regalloc/parallel-move).
// Instructions that may trap branch to per-function stubs that call the runtime's throw
// helpers; a stub serves one trap kind in one EH region, so the unwinder sees the right
// region. The selectors for each group of IR operations live in isel-*.ts.

import type { Block, Func, Inst } from '../ir/ir.ts';
import { countUses } from '../ir/ir.ts';
import { newVreg, type MBlock, type MFunc, type MInst, type MMem, type MOperand, type MReg, type PReg, type RegClass, type FrameRef } from '../regalloc/mir.ts';
import { assert } from '../util/assert.ts';
import type { MemSize } from './operands.ts';
import { selectInst } from './isel-ops.ts';
import { selectTerminator, phiCopies } from './isel-control.ts';
import { findLoops, DomTree } from '../ir/cfg.ts';
import { OPS } from '../ir/opcodes.ts';

/** Kinds of runtime exceptions raised by trapping instructions. */
export type TrapKind = 'NullReference' | 'IndexOutOfRange' | 'DivideByZero' | 'Overflow' | 'Arithmetic';

export interface TrapStub {
  readonly label: string;
  readonly kind: TrapKind;
  /** EH region id of the instructions that branch here (-1: none). */
  readonly region: number;
}

export interface JumpTable {
  readonly label: string;
  readonly blocks: readonly number[];
}

/** Float constants the function reads from memory. */
export interface FloatConst {
  readonly label: string;
  readonly bytes: Uint8Array;
}

export interface SelectedFunction {
  readonly mfunc: MFunc;
  readonly ir: Func;
  /** Per MIR block: the EH region id (-1: none) and what kind of root it is. */
  readonly blockInfo: Map<number, { region: number; root: 'entry' | 'catch' | 'funclet' | undefined }>;
  readonly traps: TrapStub[];
  readonly jumpTables: JumpTable[];
  readonly floatConsts: FloatConst[];
  /** Stack offset of each parameter from the first argument word ([ebp+8]). */
  readonly paramOffsets: readonly number[];
  /**
   * The function allocates stack at run time: its frame slot holding the current esp, which
   * catch handlers restore instead of the fixed body depth.
   */
  readonly espSlot: number | undefined;
}

/** The runtime symbols selection needs (helpers the calls and traps go to). */
export interface IselRuntime {
  readonly throwHelper: (kind: TrapKind) => string;
  readonly throwObject: string;
  readonly rethrowObject: string;
  /** Long-arithmetic helpers emitted by the compiler (runtime/long-helpers). */
  readonly helper: (name: string) => string;
}

interface AddressMatch {
  regs: { v: Inst; scale: number }[];
  disp: number;
  sym: string | undefined;
  slot: number | undefined;
}

export class Isel {
  readonly mf: MFunc;
  readonly blockInfo = new Map<number, { region: number; root: 'entry' | 'catch' | 'funclet' | undefined }>();
  readonly traps: TrapStub[] = [];
  readonly jumpTables: JumpTable[] = [];
  readonly floatConsts: FloatConst[] = [];
  readonly paramOffsets: number[] = [];
  usesAlloca = false;
  /** Current block being filled and the IR block it comes from. */
  cur!: MBlock;
  irBlock!: Block;
  private readonly regs = new Map<Inst, number>();
  private readonly pairs = new Map<Inst, [number, number]>();
  private readonly uses: Map<Inst, number>;
  /** Comparisons fused into their single user; skipped at their definition. */
  readonly fused = new Set<Inst>();
  /** Additions and scalings used only inside addresses: folded into memory operands, never computed. */
  readonly addressOnly = new Set<Inst>();
  /** i32 loads read by their single user's memory operand (`xor r, [m]`), not on their own. */
  readonly foldedLoads = new Set<Inst>();
  private readonly floatConstLabels = new Map<string, string>();
  private trapLabels = new Map<string, string>();

  constructor(
    readonly fn: Func,
    readonly rt: IselRuntime,
  ) {
    this.mf = { name: fn.name, blocks: [], vregClass: [], frameSlots: fn.slots.map(s => ({ size: Math.max(4, s.size), align: Math.max(4, s.align) })) };
    this.uses = countUses(fn);
    let off = 0;
    fn.sig.params.forEach((t, i) => {
      this.paramOffsets.push(off);
      const byval = fn.sig.byval?.[i] ?? 0;
      off += byval > 0 ? Math.ceil(byval / 4) * 4 : t === 'i64' || t === 'f64' ? 8 : 4;
    });
  }

  run(): SelectedFunction {
    const fn = this.fn;
    const dom = new DomTree(fn);
    const { loopOf } = findLoops(dom);
    const roots = new Set(fn.roots());
    for (const b of fn.blocks) {
      const region = b.region;
      const root: 'entry' | 'catch' | 'funclet' | undefined = b === fn.entry ? 'entry' : roots.has(b) ? (region?.kind === 'catch' ? 'catch' : 'funclet') : undefined;
      this.mf.blocks.push({ id: b.id, insts: [], succs: b.successors.map(s => s.id), preds: [], loopDepth: loopOf.get(b)?.depth ?? 0, isRoot: roots.has(b) });
      this.blockInfo.set(b.id, { region: region?.id ?? -1, root });
    }
    for (const mb of this.mf.blocks) for (const s of mb.succs) this.block(s).preds.push(mb.id);
    this.markFusable();
    this.markAddressFolds();
    this.markLoadFolds();
    fn.blocks.forEach((b, i) => {
      this.cur = this.mf.blocks[i]!;
      this.irBlock = b;
      for (const inst of b.insts) {
        if (inst.op === 'phi' || this.fused.has(inst)) continue;
        if (inst.isTerminator) {
          phiCopies(this, b);
          selectTerminator(this, inst);
        } else {
          selectInst(this, inst);
        }
      }
    });
    return {
      mfunc: this.mf,
      ir: fn,
      blockInfo: this.blockInfo,
      traps: this.traps,
      jumpTables: this.jumpTables,
      floatConsts: this.floatConsts,
      paramOffsets: this.paramOffsets,
      espSlot: this.usesAlloca ? this.mf.frameSlots.push({ size: 4, align: 4 }) - 1 : undefined,
    };
  }

  block(id: number): MBlock {
    const b = this.mf.blocks.find(x => x.id === id);
    assert(b !== undefined, `no MIR block ${id}`);
    return b;
  }

  /** Compares whose only use is the next branch/select of the same block. */
  private markFusable(): void {
    for (const b of this.fn.blocks) {
      for (let i = 0; i < b.insts.length; i++) {
        const c = b.insts[i]!;
        if (c.op !== 'cmp' || this.uses.get(c) !== 1) continue;
        // The user must follow with nothing in between that could clobber flags or reorder.
        const user = b.insts[i + 1];
        if (user === undefined) continue;
        if ((user.op === 'br' && user.args[0] === c) || (user.op === 'select' && user.args[0] === c)) this.fused.add(c);
      }
    }
  }

  /**
   * Finds the additions (and shifts/multiplications by 1, 2, 4, 8) whose every use is the
   * address of a load or store, an addition of a constant (a lea: `lea d, [a+b+4]`), or an
   * operand of another such instruction, so that they fold into addressing modes. Each candidate must be an i32 add of two values or a
   * scaling by a constant.
   */
  private markAddressFolds(): void {
    const users = new Map<Inst, { inst: Inst; k: number }[]>();
    for (const b of this.fn.blocks) {
      for (const inst of b.insts) inst.args.forEach((a, k) => {
        let list = users.get(a);
        if (list === undefined) users.set(a, (list = []));
        list.push({ inst, k });
      });
    }
    const candidate = (v: Inst): boolean => {
      if (v.type !== 'i32') return false;
      if (v.op === 'add') return true;
      const k = v.args[1] === undefined ? undefined : this.constValue(v.args[1]);
      return k !== undefined && ((v.op === 'shl' && k >= 0 && k <= 3) || (v.op === 'mul' && [2, 4, 8].includes(k)));
    };
    // Grow from the addresses of loads and stores, and from the additions of a constant
    // (selected as lea), towards their operands.
    const leaRoot = (u: { inst: Inst; k: number }) => {
      const c = u.inst.args[1 - u.k];
      return u.inst.type === 'i32' && (u.inst.op === 'add' || (u.inst.op === 'sub' && u.k === 0)) && c !== undefined && this.constValue(c) !== undefined;
    };
    const addressUse = (u: { inst: Inst; k: number }) =>
      ((u.inst.op === 'load' || u.inst.op === 'store') && u.k === 0) ||
      (this.addressOnly.has(u.inst) && u.inst.op !== 'mul' && (u.inst.op === 'add' || u.k === 0)) ||
      (!this.addressOnly.has(u.inst) && leaRoot(u));
    let changed = true;
    while (changed) {
      changed = false;
      for (const [v, list] of users) {
        if (this.addressOnly.has(v) || !candidate(v)) continue;
        if (list.every(addressUse)) {
          this.addressOnly.add(v);
          changed = true;
        }
      }
    }
  }

  /**
   * Finds the loads whose only use is an operand of a later instruction of the same block
   * that can read it as r/m — i32 add/sub/and/or/xor/imul/cmp, a calli's target, float
   * add/sub/mul/div — with nothing that writes memory in between: the user reads the
   * memory itself, which saves a register and a move. The load moves down to its user;
   * that is safe because nothing between them can change the memory, and a trap between
   * them only means the load is not executed.
   */
  private markLoadFolds(): void {
    const foldable = (load: Inst, user: Inst, k: number): boolean => {
      // An address-only user is computed where its address is used, maybe after a store.
      if (user.args[0] === user.args[1] || this.addressOnly.has(user)) return false;
      const t = user.args[0]!.type;
      if (load.mem !== 'i32') {
        // addss/subss/mulss/divss xmm, m32 (sd: m64): the second operand only.
        if (t !== load.mem || user.type !== t) return false;
        return user.op === 'sub' || user.op === 'div' ? k === 1 : user.op === 'add' || user.op === 'mul';
      }
      if (t !== 'i32') return false;
      switch (user.op) {
        case 'add':
        case 'and':
        case 'or':
        case 'xor':
        case 'cmp':
          return true;
        case 'sub':
          return k === 1;
        case 'mul':
          return this.constValue(user.args[1 - k]!) === undefined;
        case 'calli':
          return k === 0; // call [vtable + slot]
        default:
          return false;
      }
    };
    for (const b of this.fn.blocks) {
      b.insts.forEach((load, i) => {
        if (load.op !== 'load' || !['i32', 'f32', 'f64'].includes(load.mem!) || this.uses.get(load) !== 1) return;
        for (const user of b.insts.slice(i + 1)) {
          const k = user.args.indexOf(load);
          if (k >= 0) {
            // One memory operand per instruction.
            if (foldable(load, user, k) && !this.foldedLoads.has(user.args[1 - k]!)) this.foldedLoads.add(load);
            return;
          }
          const effects = OPS[user.op].effects;
          if (effects === 'write' || effects === 'call' || user.op === 'phi') return;
        }
      });
    }
  }

  useCount(v: Inst): number {
    return this.uses.get(v) ?? 0;
  }

  // ---- Virtual registers ---------------------------------------------------------------------

  newVreg(cls: RegClass): number {
    return newVreg(this.mf, cls);
  }

  /** The vreg holding an i32 or float value (defined by its instruction). */
  vreg(v: Inst): number {
    assert(v.type !== 'i64', () => `v${v.id} is i64; use pair()`);
    let r = this.regs.get(v);
    if (r === undefined) {
      r = this.newVreg(v.type === 'f32' || v.type === 'f64' ? 'xmm' : 'gpr');
      this.regs.set(v, r);
    }
    return r;
  }

  pair(v: Inst): [number, number] {
    assert(v.type === 'i64', () => `v${v.id} is not i64`);
    let p = this.pairs.get(v);
    if (p === undefined) {
      p = [this.newVreg('gpr'), this.newVreg('gpr')];
      this.pairs.set(v, p);
    }
    return p;
  }

  /** True for values rematerialised at each use instead of living in a register. */
  isRemat(v: Inst): boolean {
    return v.op === 'const' || v.op === 'symaddr' || v.op === 'slotaddr';
  }

  // ---- Operands ---------------------------------------------------------------------------------

  emit(op: string, ops: MOperand[], extra: Partial<Omit<MInst, 'op' | 'ops'>> = {}): void {
    this.cur.insts.push({ op, ops, ...extra });
  }

  def(vreg: number, size?: MemSize): MReg {
    return size === undefined ? { k: 'reg', role: 'def', vreg } : { k: 'reg', role: 'def', vreg, size };
  }
  usedef(vreg: number): MReg {
    return { k: 'reg', role: 'usedef', vreg };
  }
  use(vreg: number, memOk = false, size?: MemSize): MReg {
    const r: MReg = { k: 'reg', role: 'use', vreg, memOk };
    return size === undefined ? r : { ...r, size };
  }
  preg(reg: PReg, role: 'use' | 'def' | 'usedef', size?: MemSize): MReg {
    return size === undefined ? { k: 'reg', role, preg: reg } : { k: 'reg', role, preg: reg, size };
  }
  imm(value: number, sym?: string): MOperand {
    return sym === undefined ? { k: 'imm', value: value | 0 } : { k: 'imm', value: value | 0, sym };
  }

  /** An i32 value as a register (materialising constants and addresses). */
  reg32(v: Inst): number {
    if (this.foldedLoads.has(v)) {
      // Needed in a register after all (an operand form without memory): load it here.
      const t = this.newVreg('gpr');
      this.emit('mov', [this.def(t), this.loadMem(v)]);
      return t;
    }
    if (this.addressOnly.has(v)) {
      // An address-only value needed whole (it did not fit an addressing mode): compute it
      // here from its operands (which may themselves be address-only).
      const [a, b] = v.args as [Inst, Inst];
      const t = this.newVreg('gpr');
      if (v.op === 'add') {
        this.emit('lea', [this.def(t), { k: 'mem', size: 0, base: { vreg: this.reg32(a) }, index: { vreg: this.reg32(b) }, scale: 1, disp: 0 }]);
      } else {
        const k = this.constValue(b)!;
        const scale = (v.op === 'shl' ? 1 << k : k) as 1 | 2 | 4 | 8;
        this.emit('lea', [this.def(t), { k: 'mem', size: 0, index: { vreg: this.reg32(a) }, scale, disp: 0 }]);
      }
      return t;
    }
    if (!this.isRemat(v)) return this.vreg(v);
    const t = this.newVreg('gpr');
    if (v.op === 'slotaddr') this.emit('lea', [this.def(t), this.frameMem(0, { kind: 'slot', id: v.slot!.id })]);
    else this.emit('mov', [this.def(t), this.immOf(v)]);
    return t;
  }

  /** An i32 value as an immediate if it is one, else as a register use (memOk on request). */
  rm32(v: Inst, memOk = true): MOperand {
    if (v.op === 'const' || v.op === 'symaddr') return this.immOf(v);
    if (this.foldedLoads.has(v) && memOk) return this.loadMem(v);
    return this.use(this.reg32(v), memOk);
  }

  /** The memory operand a folded load reads. */
  loadMem(load: Inst): MMem {
    return this.address(load.args[0]!, Number(load.imm), load.mem === 'f64' ? 8 : 4);
  }

  /** An i32 value as a register use (never memory, never an immediate). */
  r32(v: Inst): MReg {
    return this.use(this.reg32(v));
  }

  immOf(v: Inst): MOperand {
    if (v.op === 'symaddr') return this.imm(Number(v.imm), v.sym);
    assert(v.op === 'const' && v.type === 'i32', () => `v${v.id} is not an i32 constant`);
    return this.imm(Number(v.imm));
  }

  constValue(v: Inst): number | undefined {
    return v.op === 'const' && v.type === 'i32' ? Number(v.imm) : undefined;
  }

  /** An i64 value as two operands (immediates for constants). */
  pair64(v: Inst): [MOperand, MOperand] {
    if (v.op === 'const') {
      const n = BigInt.asUintN(64, v.imm as bigint);
      return [this.imm(Number(n & 0xffffffffn)), this.imm(Number(n >> 32n))];
    }
    const [lo, hi] = this.pair(v);
    return [this.use(lo, true), this.use(hi, true)];
  }

  /** An i64 value in two registers. */
  regs64(v: Inst): [number, number] {
    if (v.op !== 'const') return this.pair(v);
    const [lo, hi] = this.pair64(v);
    const r: [number, number] = [this.newVreg('gpr'), this.newVreg('gpr')];
    this.emit('mov', [this.def(r[0]), lo]);
    this.emit('mov', [this.def(r[1]), hi]);
    return r;
  }

  /** A float value in an xmm register (constants loaded from the constant pool). */
  xmm(v: Inst): number {
    if (this.foldedLoads.has(v)) {
      const t = this.newVreg('xmm');
      this.emit(v.type === 'f32' ? 'movss' : 'movsd', [this.def(t), this.loadMem(v)]);
      return t;
    }
    if (v.op !== 'const') return this.vreg(v);
    const t = this.newVreg('xmm');
    this.emit(v.type === 'f32' ? 'movss' : 'movsd', [this.def(t), this.floatConstMem(v.imm as number, v.type === 'f32' ? 4 : 8)]);
    return t;
  }

  /** A float value as an xmm register or (constants) a memory operand. */
  xmmRm(v: Inst): MOperand {
    if (v.op === 'const') return this.floatConstMem(v.imm as number, v.type === 'f32' ? 4 : 8);
    if (this.foldedLoads.has(v)) return this.loadMem(v);
    return this.use(this.vreg(v), true, v.type === 'f32' ? 4 : 8);
  }

  floatConstMem(value: number, size: 4 | 8 | 16, bytesOverride?: Uint8Array): MMem {
    const bytes = bytesOverride ?? new Uint8Array(size);
    if (bytesOverride === undefined) {
      const view = new DataView(bytes.buffer);
      if (size === 4) view.setFloat32(0, value, true);
      else view.setFloat64(0, value, true);
    }
    const key = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    let label = this.floatConstLabels.get(key);
    if (label === undefined) {
      label = `.L${this.fn.name}$f${this.floatConsts.length}`;
      this.floatConstLabels.set(key, label);
      this.floatConsts.push({ label, bytes });
    }
    return { k: 'mem', size: size === 16 ? 16 : size, disp: 0, sym: label };
  }

  frameMem(disp: number, frame: FrameRef, size: MemSize = 0): MMem {
    return { k: 'mem', size, disp, frame };
  }

  /**
   * A memory operand for `addr + offset`: the address expression is matched as
   * base + index*scale + displacement (+ symbol | stack slot), looking through constants,
   * global and slot addresses, and the additions and scalings that exist only to form
   * addresses (see markAddressFolds).
   */
  address(addr: Inst, offset: number, size: MemSize): MMem {
    const m: AddressMatch = { regs: [], disp: offset, sym: undefined, slot: undefined };
    if (!this.matchAddress(addr, 1, m)) {
      m.regs = [{ v: addr, scale: 1 }];
      m.disp = offset;
      m.sym = undefined;
      m.slot = undefined;
    }
    if (m.slot !== undefined) {
      if (m.regs.length === 0) return this.frameMem(m.disp | 0, { kind: 'slot', id: m.slot }, size);
      // A slot address plus registers: materialise the slot's address as the base.
      m.regs.unshift({ v: this.slotAddrOf(m.slot), scale: 1 });
    }
    const base = m.regs.find(r => r.scale === 1);
    const index = m.regs.find(r => r !== base);
    const op: { -readonly [K in keyof MMem]: MMem[K] } = { k: 'mem', size, disp: m.disp | 0 };
    if (m.sym !== undefined) op.sym = m.sym;
    if (base !== undefined) op.base = { vreg: this.reg32(base.v) };
    if (index !== undefined) {
      op.index = { vreg: this.reg32(index.v) };
      op.scale = index.scale as 1 | 2 | 4 | 8;
    }
    return op;
  }

  /** Adds `v * scale` to the match; false if it does not fit one x86 addressing mode. */
  private matchAddress(v: Inst, scale: number, m: AddressMatch): boolean {
    const c = this.constValue(v);
    if (c !== undefined) {
      m.disp += c * scale;
      return true;
    }
    if (scale === 1 && v.op === 'symaddr' && m.sym === undefined && m.slot === undefined) {
      m.sym = v.sym!;
      m.disp += Number(v.imm);
      return true;
    }
    if (scale === 1 && v.op === 'slotaddr' && m.sym === undefined && m.slot === undefined) {
      m.slot = v.slot!.id;
      return true;
    }
    if (this.addressOnly.has(v)) {
      const [a, b] = v.args as [Inst, Inst];
      if (v.op === 'add') {
        const saved = { regs: [...m.regs], disp: m.disp, sym: m.sym, slot: m.slot };
        if (this.matchAddress(a, scale, m) && this.matchAddress(b, scale, m)) return true;
        Object.assign(m, saved);
      } else {
        const k = this.constValue(b)!;
        const factor = v.op === 'shl' ? 1 << k : k;
        if (this.matchAddress(a, scale * factor, m)) return true;
      }
    }
    // A register: at most two, at most one of them scaled.
    if (![1, 2, 4, 8].includes(scale) || m.regs.length >= 2 || (m.slot !== undefined && m.regs.length >= 1)) return false;
    if (scale !== 1 && m.regs.some(r => r.scale !== 1)) return false;
    m.regs.push({ v, scale });
    return true;
  }

  private slotAddrOf(slot: number): Inst {
    const fake = this.fn.slots.find(s => s.id === slot)!;
    const inst = this.fn.newInst('slotaddr', 'i32', []);
    inst.slot = fake;
    return inst;
  }

  /** A conditional side exit to the trap stub for `kind` in the current block's EH region. */
  trap(jcc: string, kind: TrapKind): void {
    const region = this.irBlock.region?.id ?? -1;
    const key = `${kind}:${region}`;
    let label = this.trapLabels.get(key);
    if (label === undefined) {
      label = `.L${this.fn.name}$trap${this.traps.length}`;
      this.trapLabels.set(key, label);
      this.traps.push({ label, kind, region });
    }
    this.emit(jcc, [{ k: 'sym', name: label }]);
  }

  label(blockId: number): MOperand {
    return { k: 'label', block: blockId };
  }
}

export function selectFunction(fn: Func, rt: IselRuntime): SelectedFunction {
  return new Isel(fn, rt).run();
}
