// Operand classes: one small integer per operand that holds everything form matching looks
// at, so that matching is a pure function of (form, classes) — computed once per operand,
// and a memo key for the encoder's per-mnemonic selection cache.
//
//   0..63     a register: its id (RegInfo.id, an index into ALL_REGISTERS)
//   64..127   memory: 64 + size in bytes (0..16), + 32 when absolute (no base, no index: moffs)
//   128..383  an immediate: 128 + IMM_* bits (which widths and literals it fits)
//   SYM       a label (branch target)
//   FAR       a far pointer whose selector fits 16 bits and offset 32 bits
//   INVALID   anything else (unknown register, bad far pointer): matches no form

import { ANY_SIZE, PSEUDO_DESCRIPTOR_SIZE, SpecKind, type Form, type OperandSpec } from './forms.ts';
import type { Operand } from './operands.ts';
import { ALL_REGISTERS, lookupReg, regInfo, type RegClass } from './registers.ts';

export const MEM = 64;
const ABSOLUTE = 32;
export const IMM = 128;
export const SYM = 400;
export const FAR = 401;
export const INVALID = 402;
/** Classes fit in 9 bits: three of them and an operand count make a small-integer key. */
const CLASS_BITS = 9;

const IMM_SYM = 1 << 0; // the value is a symbol's address plus an addend: 32-bit fields only
const IMM_8 = 1 << 1; // -128..255: a byte as written
const IMM_S8_16 = 1 << 2; // a signed byte once taken modulo 2^16 (sign-extended imm8, 16-bit operand)
const IMM_S8_32 = 1 << 3; // a signed byte once taken modulo 2^32 (sign-extended imm8, 32-bit operand)
const IMM_16 = 1 << 4; // -32768..65535
const IMM_32 = 1 << 5; // -2^31..2^32-1
const IMM_ONE = 1 << 6; // the literal 1 (SHL r/m32, 1)
const IMM_THREE = 1 << 7; // the literal 3 (INT 3)

const CLASS_OF_REG: readonly RegClass[] = ALL_REGISTERS.map(r => regInfo(r).cls);
/** ModRM/opcode number of each register id. */
export const NUM_OF_REG: readonly number[] = ALL_REGISTERS.map(r => regInfo(r).num);
/** Register class of each register id. */
export const REG_CLASS_OF: readonly RegClass[] = CLASS_OF_REG;

const INT32_MIN = -0x80000000;
const UINT32_MAX = 0xffffffff;

function immBits(value: number, sym: string | undefined): number {
  if (sym !== undefined) return Number.isInteger(value) && value >= INT32_MIN && value <= UINT32_MAX ? IMM_SYM | IMM_32 : 0;
  if (!Number.isInteger(value)) return 0;
  let bits = 0;
  if (value >= -0x80 && value <= 0xff) bits |= IMM_8;
  if (value >= -0x8000 && value <= 0xffff) {
    bits |= IMM_16;
    const v16 = (value << 16) >> 16;
    if (v16 >= -0x80 && v16 <= 0x7f) bits |= IMM_S8_16;
  }
  if (value >= INT32_MIN && value <= UINT32_MAX) {
    bits |= IMM_32;
    if ((value | 0) >= -0x80 && (value | 0) <= 0x7f) bits |= IMM_S8_32;
  }
  if (value === 1) bits |= IMM_ONE;
  if (value === 3) bits |= IMM_THREE;
  return bits;
}

/** Memory base/index id of an absent register, and of a name that is no register. */
export const NO_REG = -1;
export const BAD_REG = -2;

/**
 * The classes of one instruction's operands, filled by classify() and reused (no allocation
 * per instruction). For memory operands, also the ids of base and index.
 */
export class Classes {
  static readonly MAX_OPERANDS = 3;
  readonly cls = new Int32Array(Classes.MAX_OPERANDS);
  readonly base = new Int32Array(Classes.MAX_OPERANDS);
  readonly index = new Int32Array(Classes.MAX_OPERANDS);
}

const regIdOf = (name: string | undefined): number => {
  if (name === undefined) return NO_REG;
  const info = lookupReg(name);
  return info === undefined ? BAD_REG : info.id;
};

/**
 * Classifies `operands` into `into`; returns the key of the combination (the operand count
 * and the classes: a small integer), or -1 for more operands than any form has.
 */
export function classify(operands: readonly Operand[], into: Classes): number {
  const n = operands.length;
  if (n > Classes.MAX_OPERANDS) return -1;
  let key = 0;
  for (let k = n - 1; k >= 0; k--) {
    const op = operands[k];
    const c = operandClass(op);
    into.cls[k] = c;
    if (op.kind === 'mem') {
      into.base[k] = regIdOf(op.base);
      into.index[k] = regIdOf(op.index);
    }
    key = key * (1 << CLASS_BITS) + c;
  }
  return key * 4 + n;
}

function operandClass(op: Operand): number {
  switch (op.kind) {
    case 'reg': {
      const info = lookupReg(op.reg);
      return info === undefined ? INVALID : info.id;
    }
    case 'mem':
      if ((op.size | 0) !== op.size || op.size < 0 || op.size >= ABSOLUTE || !((MEM_SIZES >>> op.size) & 1)) return INVALID;
      return MEM + op.size + (op.base === undefined && op.index === undefined ? ABSOLUTE : 0);
    case 'imm':
      return IMM + immBits(op.value, op.sym);
    case 'sym':
      return SYM;
    case 'far':
      return Number.isInteger(op.selector) && op.selector >= 0 && op.selector <= 0xffff && immBits(op.offset, undefined) & IMM_32 ? FAR : INVALID;
  }
}

const memSize = (cls: number) => (cls - MEM) & (ABSOLUTE - 1);
/** The MemSize values (0, 1, 2, 4, 6, 8, 10, 16) as a bit set. */
const MEM_SIZES = [0, 1, 2, 4, 6, 8, 10, 16].reduce((set, size) => set | (1 << size), 0);

/** Does an operand of class `cls` fit operand position `spec` of `form`? */
export function specMatches(spec: OperandSpec, cls: number, form: Form): boolean {
  switch (spec.kind) {
    case SpecKind.Reg:
      return cls < MEM && CLASS_OF_REG[cls] === spec.regClass && (spec.excluded === null || !spec.excluded.includes(ALL_REGISTERS[cls]));
    case SpecKind.Fixed:
      return cls < MEM && ALL_REGISTERS[cls] === spec.reg;
    case SpecKind.RegOrMem:
      return cls < MEM ? CLASS_OF_REG[cls] === spec.regClass : cls < IMM && memSize(cls) === spec.memSize;
    case SpecKind.Mem:
      return cls >= MEM && cls < IMM && (spec.memSize === ANY_SIZE || memSize(cls) === spec.memSize || (spec.memSize === PSEUDO_DESCRIPTOR_SIZE && memSize(cls) === 0));
    case SpecKind.Moffs:
      return cls >= MEM + ABSOLUTE && cls < IMM && memSize(cls) === spec.memSize;
    case SpecKind.Imm: {
      if (cls < IMM || cls >= SYM) return false;
      const bits = cls - IMM;
      if (spec.width === 32) return (bits & IMM_32) !== 0;
      if (bits & IMM_SYM) return false;
      if (spec.width === 16) return (bits & IMM_16) !== 0;
      if (!form.sx) return (bits & IMM_8) !== 0;
      return (bits & (form.operandSize === 16 ? IMM_S8_16 : IMM_S8_32)) !== 0;
    }
    case SpecKind.Const:
      return cls >= IMM && cls < SYM && ((cls - IMM) & (spec.value === 1 ? IMM_ONE : IMM_THREE)) !== 0 && ((cls - IMM) & IMM_SYM) === 0;
    case SpecKind.Rel:
      return cls === SYM;
    case SpecKind.Far:
      return cls === FAR;
  }
}
