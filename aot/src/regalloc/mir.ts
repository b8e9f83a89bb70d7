// Machine IR: the narrow interface between instruction selection and the register
// allocator. A machine function is a list of blocks of target instructions whose
// register operands are virtual registers (vregs) or fixed physical registers, each
// operand marked as read, written or both. The allocator sees nothing target-specific
// beyond this file: register classes, which physical registers each class may use, and
// per-instruction clobbers. Instruction selection (x86/isel*.ts) produces it; the
// allocator (allocator.ts) assigns every vreg operand a location; the checker
// (checker.ts) re-verifies the result independently; the emitter turns it into code.

import type { Creg, Reg32, Sreg, Xmm } from '../x86/registers.ts';
import type { MemSize } from '../x86/operands.ts';

export type PReg = Reg32 | Xmm;

/** Register classes: general, general with a byte sub-register (al..dl), SSE. */
export type RegClass = 'gpr' | 'gpr8' | 'xmm';

/** Allocatable registers per class, in preference order. EBP (frame) and ESP are never allocated. */
export const CLASS_REGS: Readonly<Record<RegClass, readonly PReg[]>> = {
  gpr: ['eax', 'ecx', 'edx', 'ebx', 'esi', 'edi'],
  gpr8: ['eax', 'ecx', 'edx', 'ebx'],
  xmm: ['xmm0', 'xmm1', 'xmm2', 'xmm3', 'xmm4', 'xmm5', 'xmm6', 'xmm7'],
};

/** Registers a call may change (the calling convention's caller-saved set). */
export const CALLER_SAVED: readonly PReg[] = ['eax', 'ecx', 'edx', 'xmm0', 'xmm1', 'xmm2', 'xmm3', 'xmm4', 'xmm5', 'xmm6', 'xmm7'];
/** Registers a function must preserve, saved in its prologue when it uses them. */
export const CALLEE_SAVED: readonly PReg[] = ['ebx', 'esi', 'edi'];

export type Role = 'use' | 'def' | 'usedef';

/**
 * A register operand: a vreg, or a fixed physical register (`preg`). For vregs,
 * `memOk` says the instruction also accepts a memory operand here, so a spilled vreg
 * can be used in place (x86 r/m positions) instead of being reloaded.
 */
export interface MReg {
  readonly k: 'reg';
  readonly role: Role;
  readonly vreg?: number;
  readonly preg?: PReg;
  readonly memOk?: boolean;
  /**
   * Operand width in bytes: for a register, 1 and 2 name the low sub-register (al, ax);
   * for the memory form of a spilled vreg, the access size. Default 4 (gpr) / 8 (xmm).
   */
  readonly size?: MemSize;
}

export interface MImm {
  readonly k: 'imm';
  readonly value: number;
  readonly sym?: string;
}

/** A register inside an address: a vreg or a fixed physical register; always read. */
export interface AddrReg {
  readonly vreg?: number;
  readonly preg?: PReg;
}

/**
 * A memory operand [base + index*scale + disp (+ sym)], or a stack-frame location when
 * `frame` names a frame object (slot or incoming argument), resolved after frame layout.
 */
export interface MMem {
  readonly k: 'mem';
  readonly size: MemSize;
  readonly base?: AddrReg;
  readonly index?: AddrReg;
  readonly scale?: 1 | 2 | 4 | 8;
  readonly disp: number;
  readonly sym?: string;
  readonly frame?: FrameRef;
}

/**
 * Frame object: an IR stack slot, an incoming argument word ([ebp+8+offset]), or a word
 * of the outgoing argument area a call sequence reserved ([esp+offset]). None of them
 * involves a register, so the allocator ignores them.
 */
export type FrameRef =
  | { readonly kind: 'slot'; readonly id: number }
  | { readonly kind: 'arg'; readonly offset: number }
  | { readonly kind: 'out'; readonly offset: number };

/** A branch target inside the function (block id) or a global symbol. */
export interface MLabel {
  readonly k: 'label';
  readonly block: number;
}
export interface MSym {
  readonly k: 'sym';
  readonly name: string;
}

/** A control or segment register (mov to/from cr0, ...): never allocated, never tracked. */
export interface MSpecial {
  readonly k: 'special';
  readonly reg: Creg | Sreg;
}

export type MOperand = MReg | MImm | MMem | MLabel | MSym | MSpecial;

export interface MInst {
  /** Target mnemonic in Intel syntax, e.g. 'add', 'movsd', 'jne'. */
  readonly op: string;
  readonly ops: MOperand[];
  /** Physical registers changed beyond the listed operands (calls: CALLER_SAVED). */
  readonly clobbers?: readonly PReg[];
  /** Physical registers read beyond the listed operands (e.g. cdq reads eax). */
  readonly implicitUses?: readonly PReg[];
  /** Physical registers written beyond the listed operands. */
  readonly implicitDefs?: readonly PReg[];
  /** A register-to-register copy `op dst, src` the allocator may coalesce. */
  readonly isMove?: boolean;
  /**
   * A control transfer ending the block (jcc, jmp, ret, ...). Branches come last in a
   * block; moves the allocator adds at the end of a block go before the first of them.
   * Only flag-preserving moves (mov, xchg, push/pop, lea) are inserted there, so a
   * compare may stay ahead of the moves.
   */
  readonly isBranch?: boolean;
}

export interface MBlock {
  readonly id: number;
  insts: MInst[];
  /** Successor block ids, in branch order; the last instruction(s) are the branches. */
  succs: number[];
  preds: number[];
  /** Loop nesting depth (0 outside loops), for spill costs. */
  loopDepth: number;
  /** Entered from outside the normal flow (function entry, handler entries): nothing is live in. */
  isRoot: boolean;
}

export interface MFunc {
  readonly name: string;
  blocks: MBlock[];
  /** Register class of each vreg, indexed by vreg number. */
  vregClass: RegClass[];
  /** Frame slots (ids shared with FrameRef 'slot'): size and alignment. Spill slots are appended by the allocator. */
  frameSlots: { size: number; align: number }[];
}

export function newVreg(fn: MFunc, cls: RegClass): number {
  fn.vregClass.push(cls);
  return fn.vregClass.length - 1;
}

/** The vregs an operand reads and writes (address registers are always read). */
export function operandVregs(op: MOperand, visit: (vreg: number, role: Role) => void): void {
  if (op.k === 'reg') {
    if (op.vreg !== undefined) visit(op.vreg, op.role);
  } else if (op.k === 'mem') {
    if (op.base?.vreg !== undefined) visit(op.base.vreg, 'use');
    if (op.index?.vreg !== undefined) visit(op.index.vreg, 'use');
  }
}

/** The physical registers an operand names, with their role. */
export function operandPregs(op: MOperand, visit: (preg: PReg, role: Role) => void): void {
  if (op.k === 'reg') {
    if (op.preg !== undefined) visit(op.preg, op.role);
  } else if (op.k === 'mem') {
    if (op.base?.preg !== undefined) visit(op.base.preg, 'use');
    if (op.index?.preg !== undefined) visit(op.index.preg, 'use');
  }
}

// ---- Allocation result --------------------------------------------------------------

/** Where a vreg lives at some point: a physical register or its spill slot (frame slot id). */
export type Location = { readonly k: 'preg'; readonly reg: PReg } | { readonly k: 'stack'; readonly slot: number };

/**
 * The allocated function: the same blocks with every vreg operand given a location, and
 * moves the allocator inserted (spills, reloads, splits, edge resolution). Each original
 * instruction keeps its operands; `locs[i]` gives, per operand index, the location of its
 * vreg register operand, and `addrLocs[i]` the locations of vreg base/index registers.
 */
export interface AllocatedInst {
  readonly kind: 'inst';
  readonly inst: MInst;
  /** Location of each operand's vreg (undefined for operands without one). */
  readonly locs: (Location | undefined)[];
  /** For memory operands: locations of the base and index vregs (always registers). */
  readonly addrLocs: ({ base?: PReg; index?: PReg } | undefined)[];
}

/** A move inserted by the allocator; `vreg` is the value it carries (for the checker). */
export interface AllocatedMove {
  readonly kind: 'move';
  readonly from: Location;
  readonly to: Location;
  readonly vreg: number;
  readonly cls: RegClass;
}

export type AllocatedItem = AllocatedInst | AllocatedMove;

export interface AllocatedBlock {
  readonly id: number;
  readonly items: AllocatedItem[];
}

export interface Allocation {
  readonly blocks: AllocatedBlock[];
  /** Total frame slots after the allocator appended spill slots. */
  readonly frameSlots: { size: number; align: number }[];
  /** Callee-saved registers the allocation uses (the prologue saves them). */
  readonly usedCalleeSaved: PReg[];
}
