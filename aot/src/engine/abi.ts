// How .NET values map onto IR values and the calling convention's IR signature.
//
// Calling convention (x86-32, used by every call, the entry stub and the helpers):
//   - arguments are pushed right to left, so the first is at [esp+4] on entry ([ebp+8]
//     once the callee has its frame);
//     `this` is the first argument, then the hidden return buffer (if any), then the
//     declared parameters; the caller pops them after the call
//   - i64 arguments take two words (low word first in memory); f64 take 8 bytes
//   - value types are copied onto the stack by value (rounded up to 4 bytes)
//   - results: i32 in eax, i64 in edx:eax, f32/f64 in xmm0; value types of 1, 2 or 4
//     bytes in eax and of 8 bytes in edx:eax; other value types are written to a buffer
//     whose address the caller passes as the hidden argument
//   - eax, ecx, edx and xmm0-7 are caller-saved; ebx, esi, edi and ebp callee-saved
//   - ebp is the frame pointer (simple leaves have none: frame.ts); esp is 4-byte aligned
//     at calls
// (aot/src/x86/frame.ts implements the frame; this file only maps types.)

import type { Signature } from '../ir/ir.ts';
import { memValueType, type MemType, type Type } from '../ir/types.ts';
import type { Layouts } from '../runtime/layout.ts';
import type { MethodSig } from './methods.ts';
import { isStruct, primOf, type Prim, type RType } from './types.ts';

/** How a value of a .NET type travels on the evaluation stack and in IR values. */
export type StackKind = Type | 'struct';

/** How each primitive is read from and written to memory. */
const PRIM_MEM: Readonly<Record<Prim, MemType>> = {
  void: 'i32', bool: 'u8', char: 'u16', i8: 'i8', u8: 'u8', i16: 'i16', u16: 'u16', i32: 'i32', u32: 'i32',
  i64: 'i64', u64: 'i64', f32: 'f32', f64: 'f64', isize: 'i32', usize: 'i32',
};

/** The memory type of a non-struct value of type t (references and pointers: i32). */
export function memTypeOf(t: RType): MemType {
  const p = primOf(t);
  return p === undefined ? 'i32' : PRIM_MEM[p];
}

export function stackKind(t: RType): StackKind {
  if (primOf(t) !== undefined) return memValueType(memTypeOf(t));
  return isStruct(t) ? 'struct' : 'i32';
}

export interface IrSignature {
  readonly sig: Signature;
  /** The function returns a value type through a hidden buffer argument (after `this`). */
  readonly retBuf: boolean;
  /** The function returns a small value type in registers: how to read and write it. */
  readonly retInRegs: MemType | undefined;
}

/** Value types returned in registers, by size. */
const SMALL_STRUCTS: Readonly<Record<number, MemType>> = { 1: 'u8', 2: 'u16', 4: 'i32', 8: 'i64' };

/** The IR signature of a method: parameters in argument order, value types by value. */
export function irSignature(ms: MethodSig, layouts: Layouts): IrSignature {
  const params: Type[] = [];
  const byval: number[] = [];
  if (ms.thisType !== undefined) {
    params.push('i32');
    byval.push(0);
  }
  const retKind = ms.ret.kind === 'named' && ms.ret.prim === 'void' ? undefined : stackKind(ms.ret);
  const retInRegs = retKind === 'struct' ? SMALL_STRUCTS[layouts.sizeOf(ms.ret)] : undefined;
  const retBuf = retKind === 'struct' && retInRegs === undefined;
  if (retBuf) {
    params.push('i32');
    byval.push(0);
  }
  for (const p of ms.params) {
    const k = stackKind(p);
    params.push(k === 'struct' ? 'i32' : k);
    byval.push(k === 'struct' ? layouts.sizeOf(p) : 0);
  }
  const ret = retInRegs !== undefined ? memValueType(retInRegs) : retKind === undefined || retKind === 'struct' ? undefined : retKind;
  return { sig: byval.some(b => b > 0) ? { params, ret, byval } : { params, ret }, retBuf, retInRegs };
}
