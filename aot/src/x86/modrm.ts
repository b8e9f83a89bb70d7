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

import type { ByteBuffer } from './byte-buffer.ts';
import type { MemOperand } from './operands.ts';
import { regInfo, isReg, type Sreg } from './registers.ts';
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

/** Checks the parts of a memory operand; `what` names the instruction for the message. */
export function checkMem(m: MemOperand, what: () => string): void {
  const bad = (why: string): never => {
    throw new InternalError(`cannot encode ${what()}: ${why}`);
  };
  if (m.base !== undefined && !(isReg(m.base) && regInfo(m.base).cls === 'r32')) bad(`base '${m.base}' is not a 32-bit register`);
  if (m.index !== undefined) {
    if (!(isReg(m.index) && regInfo(m.index).cls === 'r32')) bad(`index '${m.index}' is not a 32-bit register`);
    if (m.index === 'esp') bad('esp cannot be an index register');
  }
  if (m.scale !== undefined) {
    if (m.index === undefined) bad('a scale needs an index register');
    if (SCALE_BITS[m.scale] === undefined) bad(`scale ${m.scale} is not 1, 2, 4 or 8`);
  }
  if (!Number.isInteger(m.disp) || m.disp < INT32_MIN || m.disp > UINT32_MAX) bad(`displacement ${m.disp} does not fit in 32 bits`);
  if (m.seg !== undefined && SEGMENT_PREFIX[m.seg] === undefined) bad(`'${m.seg}' is not a segment register`);
}

/**
 * Appends ModRM (+SIB) (+displacement) for memory operand `m` with `regField` in ModRM.reg.
 * The operand must have passed checkMem.
 */
export function encodeMem(out: ByteBuffer, regField: number, m: MemOperand, fixups: FixupSink | null): void {
  const disp = m.disp | 0;
  const sym = m.sym;
  const reg = regField << 3;
  if (m.base === undefined && m.index === undefined) {
    out.u8(reg | NO_BASE);
    disp32(out, disp, m, fixups);
    return;
  }
  if (m.index !== undefined) {
    const sib = (SCALE_BITS[m.scale ?? 1] << 6) | (regInfo(m.index).num << 3);
    if (m.base === undefined) {
      out.u8(reg | NO_INDEX);
      out.u8(sib | NO_BASE);
      disp32(out, disp, m, fixups);
      return;
    }
    const base = regInfo(m.base).num;
    const mod = dispMode(base, disp, sym);
    out.u8((mod << 6) | reg | NO_INDEX);
    out.u8(sib | base);
    dispOf(out, mod, disp, m, fixups);
    return;
  }
  const base = regInfo(m.base!).num;
  const mod = dispMode(base, disp, sym);
  if (base === ESP) {
    out.u8((mod << 6) | reg | NO_INDEX);
    out.u8((NO_INDEX << 3) | ESP);
  } else out.u8((mod << 6) | reg | base);
  dispOf(out, mod, disp, m, fixups);
}

/** ModRM for a register in ModRM.rm (mod=11). */
export function encodeRegRm(out: ByteBuffer, regField: number, rmNum: number): void {
  out.u8(0xc0 | (regField << 3) | rmNum);
}

function dispMode(base: number, disp: number, sym: string | undefined): number {
  if (sym !== undefined) return 2;
  if (disp === 0 && base !== EBP) return 0;
  return disp >= -128 && disp <= 127 ? 1 : 2;
}

function dispOf(out: ByteBuffer, mod: number, disp: number, m: MemOperand, fixups: FixupSink | null): void {
  if (mod === 1) out.u8(disp);
  else if (mod === 2) disp32(out, disp, m, fixups);
}

function disp32(out: ByteBuffer, disp: number, m: MemOperand, fixups: FixupSink | null): void {
  address32(out, disp, m.sym, fixups);
}

/** Appends a 32-bit absolute address: `value`, plus the address of `sym` when given. */
export function address32(out: ByteBuffer, value: number, sym: string | undefined, fixups: FixupSink | null): void {
  if (sym !== undefined) {
    if (!fixups) throw new InternalError(`the address of symbol '${sym}' needs the Assembler to be resolved`);
    fixups.abs32(out.length, sym, value);
  }
  out.u32(value);
}
