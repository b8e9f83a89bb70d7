// Operands of x86 instructions as the compiler and the encoder exchange them.
// Intel operand order (destination first), as in the SDM and GNU as `.intel_syntax`.

import type { Reg, Reg32, Sreg } from './registers.ts';

/** A register operand. */
export interface RegOperand {
  readonly kind: 'reg';
  readonly reg: Reg;
}

/**
 * An immediate. With `sym`, the value is the absolute address of the symbol plus
 * `value` (an R_386_32-style relocation resolved at link time), e.g. `push offset Foo`.
 */
export interface ImmOperand {
  readonly kind: 'imm';
  readonly value: number;
  readonly sym?: string;
}

/** Operand size of a memory access in bytes; 0 when the instruction implies it (lea, lgdt). */
export type MemSize = 0 | 1 | 2 | 4 | 6 | 8 | 10 | 16;

/**
 * A memory operand: [base + index*scale + disp (+ symbol address)], with an optional
 * segment override. `size` picks byte/word/dword/qword/xmmword where the form needs it.
 */
export interface MemOperand {
  readonly kind: 'mem';
  readonly size: MemSize;
  readonly base?: Reg32;
  readonly index?: Reg32;
  readonly scale?: 1 | 2 | 4 | 8;
  readonly disp: number;
  readonly sym?: string;
  readonly seg?: Sreg;
}

/** A code label or symbol as a branch or call target (rel8/rel32, chosen by relaxation). */
export interface SymOperand {
  readonly kind: 'sym';
  readonly name: string;
}

/** A far pointer `ptr16:32` (jmp far 0x08:label reloads CS after lgdt). */
export interface FarOperand {
  readonly kind: 'far';
  readonly selector: number;
  readonly offset: number;
  readonly sym?: string;
}

export type Operand = RegOperand | ImmOperand | MemOperand | SymOperand | FarOperand;

// The factories give every operand of a kind the same shape (all fields, in one order, absent
// ones undefined), which keeps the encoder's property accesses monomorphic: a measurable part
// of its speed (see aot/src/x86/bench/encode-bench.ts).
export const reg = (r: Reg): RegOperand => ({ kind: 'reg', reg: r });
export const imm = (value: number, sym?: string): ImmOperand => ({ kind: 'imm', value, sym });
export const sym = (name: string): SymOperand => ({ kind: 'sym', name });

export function mem(
  size: MemSize,
  parts: { base?: Reg32; index?: Reg32; scale?: 1 | 2 | 4 | 8; disp?: number; sym?: string; seg?: Sreg },
): MemOperand {
  return { kind: 'mem', size, base: parts.base, index: parts.index, scale: parts.scale, disp: parts.disp ?? 0, sym: parts.sym, seg: parts.seg };
}
