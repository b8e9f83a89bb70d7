// ModRM, SIB and displacement encoding of 32-bit addressing forms (Intel SDM vol. 2,
// 2.1.5, tables 2-2 and 2-3), choosing the forms GNU as chooses:
//   [base]                 mod=00 rm=base      (ebp: mod=01 with disp8 0 — mod=00 rm=101 means [disp32])
//   [base+disp8]           mod=01              when -128 <= disp <= 127 and no symbol
//   [base+disp32]          mod=10              otherwise, and whenever a symbol is added
//   [esp...]               rm=100 needs a SIB byte with index=100 (none), base=100
//   [disp32]               mod=00 rm=101
//   [index*s+disp32]       mod=00 rm=100, SIB base=101: always a 32-bit displacement
//   [base+index*s+disp]    rm=100, SIB; esp cannot be an index
// A displacement is taken modulo 2^32 and read as signed, as as does ([ebx+0xffffffff] is
// [ebx-1]).

import type { MemOperand } from './operands.ts';
import type { Sreg } from './registers.ts';
import { BAD_REG, NO_REG, NUM_OF_REG, REG_CLASS_OF } from './operand-class.ts';
import { InternalError } from '../util/assert.ts';

/** Receives the positions of 32-bit fields that hold a symbol's address. */
export interface FixupSink {
  /** The 32-bit field at buffer offset `at` holds the absolute address of `sym` plus `addend`. */
  abs32(at: number, sym: string, addend: number): void;
  /** The 32-bit field at `at` holds `sym - (at + 4)`: a rel32 branch or call displacement. */
  rel32(at: number, sym: string): void;
}

const ESP = 4;
const EBP = 5;
const NO_INDEX = 4;
const NO_BASE = 5;
const SCALE_BITS: Record<number, number> = { 1: 0, 2: 1, 4: 2, 8: 3 };

/** Segment-override prefixes (SDM 2.1.1, group 2). */
export const SEGMENT_PREFIX: Readonly<Record<Sreg, number>> = { es: 0x26, cs: 0x2e, ss: 0x36, ds: 0x3e, fs: 0x64, gs: 0x65 };

const INT32_MIN = -0x80000000;
const UINT32_MAX = 0xffffffff;

/** The segment a memory operand uses without override: SS for an ESP/EBP base, else DS. */
export function defaultSegment(m: MemOperand): Sreg {
  return m.base === 'esp' || m.base === 'ebp' ? 'ss' : 'ds';
}

/**
 * What is wrong with the parts of a memory operand, or null when it can be encoded.
 * `base` and `index` are the register ids of its base and index (operand-class.ts).
 */
export function memProblem(m: MemOperand, base: number, index: number): string | null {
  if (base !== NO_REG && (base === BAD_REG || REG_CLASS_OF[base] !== 'r32')) return `base '${m.base}' is not a 32-bit register`;
  if (index !== NO_REG) {
    if (index === BAD_REG || REG_CLASS_OF[index] !== 'r32') return `index '${m.index}' is not a 32-bit register`;
    if (m.index === 'esp') return 'esp cannot be an index register';
  }
  if (m.scale !== undefined) {
    if (m.index === undefined) return 'a scale needs an index register';
    if (SCALE_BITS[m.scale] === undefined) return `scale ${m.scale} is not 1, 2, 4 or 8`;
  }
  if (!Number.isInteger(m.disp) || m.disp < INT32_MIN || m.disp > UINT32_MAX) return `displacement ${m.disp} does not fit in 32 bits`;
  if (m.seg !== undefined && SEGMENT_PREFIX[m.seg] === undefined) return `'${m.seg}' is not a segment register`;
  return null;
}

/**
 * Writes ModRM (+SIB) (+displacement) for memory operand `m` with `regField` in ModRM.reg
 * into `b` at `p`; returns the position after it. The operand must have passed memProblem;
 * `baseId` and `indexId` are the register ids of its base and index.
 */
export function encodeMem(b: Uint8Array, p: number, regField: number, m: MemOperand, baseId: number, indexId: number, fixups: FixupSink | null): number {
  const disp = m.disp | 0;
  const sym = m.sym;
  const reg = regField << 3;
  if (m.base === undefined && m.index === undefined) {
    b[p++] = reg | NO_BASE;
    return address32(b, p, disp, sym, fixups);
  }
  let mod: number;
  if (m.index !== undefined) {
    const sib = (SCALE_BITS[m.scale ?? 1] << 6) | (NUM_OF_REG[indexId] << 3);
    if (m.base === undefined) {
      b[p++] = reg | NO_INDEX;
      b[p++] = sib | NO_BASE;
      return address32(b, p, disp, sym, fixups);
    }
    const base = NUM_OF_REG[baseId];
    mod = dispMode(base, disp, sym);
    b[p++] = (mod << 6) | reg | NO_INDEX;
    b[p++] = sib | base;
  } else {
    const base = NUM_OF_REG[baseId];
    mod = dispMode(base, disp, sym);
    if (base === ESP) {
      b[p++] = (mod << 6) | reg | NO_INDEX;
      b[p++] = (NO_INDEX << 3) | ESP;
    } else b[p++] = (mod << 6) | reg | base;
  }
  if (mod === 1) b[p++] = disp;
  else if (mod === 2) p = address32(b, p, disp, sym, fixups);
  return p;
}

function dispMode(base: number, disp: number, sym: string | undefined): number {
  if (sym !== undefined) return 2;
  if (disp === 0 && base !== EBP) return 0;
  return disp >= -128 && disp <= 127 ? 1 : 2;
}

/** Writes a 32-bit absolute address at `p`: `value`, plus the address of `sym` when given. */
export function address32(b: Uint8Array, p: number, value: number, sym: string | undefined, fixups: FixupSink | null): number {
  if (sym !== undefined) {
    if (!fixups) throw new InternalError(`the address of symbol '${sym}' needs the Assembler to be resolved`);
    fixups.abs32(p, sym, value);
  }
  return put32(b, p, value);
}

/** Writes a little-endian 32-bit value at `p`; returns p + 4. */
export function put32(b: Uint8Array, p: number, v: number): number {
  b[p] = v;
  b[p + 1] = v >>> 8;
  b[p + 2] = v >>> 16;
  b[p + 3] = v >>> 24;
  return p + 4;
}
