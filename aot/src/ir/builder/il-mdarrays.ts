// Multi-dimensional arrays (T[,], T[,,]...): the runtime provides their constructor and
// their Get, Set and Address methods, so the builder expands calls to them inline.
// Layout (runtime/layout.ts): [type info][total length][length of each dimension]
// [elements], elements at MD_DATA_OFFSET(rank); lower bounds are always 0 (C# arrays).

import type { MethodReference } from 'cecil-ts';
import type { Builder, StackValue } from './builder.ts';
import type { Inst } from '../ir.ts';
import type { ArrayRType } from '../../engine/types.ts';

/** Offset of the first element of a multi-dimensional array of the given rank. */
export function mdDataOffset(rank: number): number {
  return Math.ceil((8 + 4 * rank) / 8) * 8;
}

/** Handles a call or newobj of a runtime method of a multi-dimensional array type; false if it is not one. */
export function mdArrayCall(b: Builder, ref: MethodReference, kind: 'call' | 'newobj'): boolean {
  const declaring = ref.declaringType;
  if (declaring === undefined || !declaring.isArray) return false;
  const t = b.ctx.resolveType(declaring, b.mi.ctx) as ArrayRType;
  if (t.kind !== 'array' || t.vector) return false;
  const rank = t.rank;
  if (kind === 'newobj' && ref.name === '.ctor') {
    if (ref.parameters.length !== rank) b.unsupported(`array constructor ${ref.fullName} with lower bounds`, 'C# arrays always start at 0; lower bounds are not supported');
    const lengths = b.popN(rank);
    // Pass the lengths in a small stack buffer.
    const slot = b.fn.newSlot(4 * rank, 4, 'temp', undefined, 'lengths');
    const addr = b.emit('slotaddr', 'i32', [], { slot });
    lengths.forEach((l, i) => b.emit('store', undefined, [addr, l.v], { mem: 'i32', imm: 4 * i }));
    const ti = b.emit('symaddr', 'i32', [], { sym: b.ctx.typeInfo(t) });
    const arr = b.emit('call', 'i32', [ti, b.const32(rank), addr], { sym: b.ctx.runtimeHelper('newMdArray') });
    b.push(arr, t);
    return true;
  }
  if (kind !== 'call') return false;
  switch (ref.name) {
    case 'Get': {
      const indices = b.popN(rank);
      const arr = b.pop();
      const sv = b.loadFrom(elementAddress(b, arr, indices, t), t.elem);
      b.push(sv.v, t.elem);
      return true;
    }
    case 'Set': {
      const value = b.pop();
      const indices = b.popN(rank);
      const arr = b.pop();
      b.storeTo(elementAddress(b, arr, indices, t), t.elem, value);
      return true;
    }
    case 'Address': {
      const indices = b.popN(rank);
      const arr = b.pop();
      b.push(elementAddress(b, arr, indices, t), b.ctx.types.byref(t.elem));
      return true;
    }
  }
  b.unsupported(`array method ${ref.fullName}`);
}

/** Address of an element after the null check and a bounds check of every index. */
function elementAddress(b: Builder, arr: StackValue, indices: StackValue[], t: ArrayRType): Inst {
  b.nullCheck(arr.v);
  let linear: Inst | undefined;
  indices.forEach((index, i) => {
    const length = b.emit('load', 'i32', [arr.v], { mem: 'i32', imm: 8 + 4 * i, readonly: true });
    b.emit('chkbounds', undefined, [index.v, length]);
    linear = linear === undefined ? index.v : b.emit('add', 'i32', [b.emit('mul', 'i32', [linear, length]), index.v]);
  });
  const size = b.ctx.layouts.sizeOf(t.elem);
  const offset = b.emit('mul', 'i32', [linear!, b.const32(size)]);
  return b.emit('add', 'i32', [b.emit('add', 'i32', [arr.v, offset]), b.const32(mdDataOffset(t.rank))]);
}
