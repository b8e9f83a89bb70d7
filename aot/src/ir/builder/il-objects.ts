// IL handlers for the object model: casts (castclass, isinst), boxing (box, unbox,
// unbox.any), arrays (newarr, ldlen, ldelem*, stelem*, ldelema) and ldtoken. Type tests
// and allocation call korlib's runtime (Sharpaot.Runtime.TypeCheck, Memory); element
// accesses are inline with a null check and a bounds check.

import { FieldReference, MethodReference, type Instruction, type TypeReference } from 'cecil-ts';
import type { Builder, StackValue } from './builder.ts';
import type { Handler } from './handlers.ts';
import type { Inst } from '../ir.ts';
import type { MemType } from '../types.ts';
import { box } from './il-calls.ts';
import { memTypeOf, stackKind } from '../../engine/abi.ts';
import { isReference, type RType } from '../../engine/types.ts';
import { ARRAY_LENGTH_OFFSET, OBJECT_HEADER } from '../../runtime/layout.ts';

/** Offset of the first array element. */
export const ARRAY_DATA_OFFSET = 8;

const typeOperand = (b: Builder, ins: Instruction): RType => b.ctx.resolveType(ins.operand as TypeReference, b.mi.ctx);

function typeInfoAddr(b: Builder, t: RType): Inst {
  return b.emit('symaddr', 'i32', [], { sym: b.ctx.typeInfo(t) });
}

function isNullable(t: RType): boolean {
  return t.kind === 'named' && t.def.fullName === 'System.Nullable`1';
}

/** Offsets of Nullable<T>'s hasValue and value fields, and T. */
function nullableParts(b: Builder, t: RType): { hasValue: number; value: number; inner: RType } {
  if (t.kind !== 'named') throw new Error('not a Nullable');
  const field = (name: string) => {
    const f = t.def.fields.find(x => x.name === name);
    if (f === undefined) return b.fail('SA2002', `korlib's Nullable<T> has no field ${name}`);
    return b.ctx.layouts.field(t, f).offset;
  };
  return { hasValue: field('hasValue'), value: field('value'), inner: t.args[0]! };
}

/** box Nullable<T>: null without a value, else a boxed T. */
function boxNullable(b: Builder, sv: StackValue, t: RType): Inst {
  const { hasValue, value, inner } = nullableParts(b, t);
  const result = b.fn.newSlot(4, 4, 'temp', 'i32', 'boxed');
  const region = b.cur.region;
  const yes = b.fn.newBlock();
  const no = b.fn.newBlock();
  const join = b.fn.newBlock();
  for (const x of [yes, no, join]) x.region = region;
  const has = b.emit('load', 'i32', [sv.v], { mem: 'u8', imm: hasValue });
  b.terminate('br', [has], [yes, no]);
  b.cur = yes;
  const obj = box(b, b.loadFrom(sv.v, inner, value), inner);
  b.emit('stslot', undefined, [obj], { slot: result });
  b.terminate('jmp', [], [join]);
  b.cur = no;
  b.emit('stslot', undefined, [b.const32(0)], { slot: result });
  b.terminate('jmp', [], [join]);
  b.cur = join;
  return b.emit('ldslot', 'i32', [], { slot: result });
}

/** unbox.any Nullable<T>: null gives no value, a boxed T gives that value. */
function unboxNullable(b: Builder, obj: StackValue, t: RType): Inst {
  const { hasValue, value, inner } = nullableParts(b, t);
  const tmp = b.temp(t);
  b.emit('memzero', undefined, [tmp], { imm: b.ctx.layouts.sizeOf(t) });
  const region = b.cur.region;
  const has = b.fn.newBlock();
  const join = b.fn.newBlock();
  has.region = region;
  join.region = region;
  b.terminate('br', [obj.v], [has, join]);
  b.cur = has;
  b.storeTo(tmp, inner, b.loadFrom(unboxAddress(b, obj, inner), inner), value);
  b.emit('store', undefined, [tmp, b.const32(1)], { mem: 'u8', imm: hasValue });
  b.terminate('jmp', [], [join]);
  b.cur = join;
  return tmp;
}

function castTo(b: Builder, obj: StackValue, t: RType, helper: 'castClass' | 'isInstanceOf'): Inst {
  return b.emit('call', 'i32', [obj.v, typeInfoAddr(b, t)], { sym: b.ctx.runtimeHelper(helper) });
}

/** The address of a boxed value after checking the object is a boxed `t`. */
function unboxAddress(b: Builder, obj: StackValue, t: RType): Inst {
  b.nullCheck(obj.v);
  b.emit('call', undefined, [obj.v, typeInfoAddr(b, t)], { sym: b.ctx.runtimeHelper('unboxCheck') });
  return b.emit('add', 'i32', [obj.v, b.const32(OBJECT_HEADER)]);
}

// ---- Arrays ------------------------------------------------------------------------------------

/** The static element type of an array stack value, falling back to `fallback`. */
function elementTypeOf(arr: StackValue, fallback: RType): RType {
  return arr.t.kind === 'array' ? arr.t.elem : fallback;
}

/** Address of element `index` after the null and bounds checks. */
function elementAddress(b: Builder, arr: StackValue, index: StackValue, elem: RType): Inst {
  b.nullCheck(arr.v);
  const length = b.emit('load', 'i32', [arr.v], { mem: 'i32', imm: ARRAY_LENGTH_OFFSET, readonly: true });
  if (index.v.type !== 'i32') b.invalid(`array index of type ${index.t.key}`);
  b.emit('chkbounds', undefined, [index.v, length]);
  const size = b.ctx.layouts.sizeOf(elem);
  const scaled = size === 1 ? index.v : b.emit('mul', 'i32', [index.v, b.const32(size)]);
  const base = b.emit('add', 'i32', [arr.v, scaled]);
  return b.emit('add', 'i32', [base, b.const32(ARRAY_DATA_OFFSET)]);
}

function ldelem(elemOf: (b: Builder, arr: StackValue, ins: Instruction) => RType): Handler {
  return (b, ins) => {
    const [arr, index] = b.popN(2);
    const elem = elemOf(b, arr!, ins);
    const addr = elementAddress(b, arr!, index!, elem);
    const sv = b.loadFrom(addr, elem);
    b.push(sv.v, elem);
  };
}

function stelem(elemOf: (b: Builder, arr: StackValue, ins: Instruction) => RType): Handler {
  return (b, ins) => {
    const [arr, index, value] = b.popN(3);
    const elem = elemOf(b, arr!, ins);
    if (isReference(elem) && !(elem.kind === 'named' && elem.def.isSealed)) {
      // Array covariance: an object[] may really be a string[].
      b.emit('call', undefined, [arr!.v, value!.v], { sym: b.ctx.runtimeHelper('storeCheck') });
    }
    const addr = elementAddress(b, arr!, index!, elem);
    b.storeTo(addr, elem, value!);
  };
}

/** The element type an ldelem.X / stelem.X form names. */
function fixed(name: 'Int32' | 'Int64' | 'SByte' | 'Byte' | 'Int16' | 'UInt16' | 'UInt32' | 'IntPtr' | 'Single' | 'Double'): (b: Builder, arr: StackValue) => RType {
  return (b, arr) => {
    const wk = b.ctx.types.wellKnown(`System.${name}`);
    // Keep the array's own element type when it has the same representation (bool[] via ldelem.u1, enums...).
    const own = elementTypeOf(arr, wk);
    return own !== wk && memOf(own) === memOf(wk) && stackKind(own) === stackKind(wk) ? own : wk;
  };
}

function memOf(t: RType): MemType | 'struct' {
  return stackKind(t) === 'struct' ? 'struct' : memTypeOf(t);
}

const refElement = (b: Builder, arr: StackValue) => elementTypeOf(arr, b.ctx.wellKnown.object);
const tokenElement = (b: Builder, _arr: StackValue, ins: Instruction) => typeOperand(b, ins);

export const OBJECT_HANDLERS: Record<string, Handler> = {
  castclass: (b, ins) => {
    const t = typeOperand(b, ins);
    const obj = b.pop();
    b.push(castTo(b, obj, t, 'castClass'), t);
  },
  isinst: (b, ins) => {
    const t = typeOperand(b, ins);
    const obj = b.pop();
    b.push(castTo(b, obj, t, 'isInstanceOf'), t.kind === 'named' && t.isValueType ? b.ctx.wellKnown.object : t);
  },
  box: (b, ins) => {
    const t = typeOperand(b, ins);
    const v = b.pop();
    if (!(t.kind === 'named' && t.isValueType)) return b.push(v.v, v.t);
    b.push(isNullable(t) ? boxNullable(b, v, t) : box(b, v, t), b.ctx.wellKnown.object);
  },
  unbox: (b, ins) => {
    const t = typeOperand(b, ins);
    const obj = b.pop();
    b.push(unboxAddress(b, obj, t), b.ctx.types.byref(t));
  },
  'unbox.any': (b, ins) => {
    const t = typeOperand(b, ins);
    const obj = b.pop();
    if (!(t.kind === 'named' && t.isValueType)) return b.push(castTo(b, obj, t, 'castClass'), t);
    if (isNullable(t)) return b.push(unboxNullable(b, obj, t), t);
    const sv = b.loadFrom(unboxAddress(b, obj, t), t);
    b.push(sv.v, t);
  },

  newarr: (b, ins) => {
    const elem = typeOperand(b, ins);
    const length = b.pop();
    if (length.v.type !== 'i32') b.invalid(`array length of type ${length.t.key}`);
    const arrayType = b.ctx.types.array(elem);
    const arr = b.emit('call', 'i32', [typeInfoAddr(b, arrayType), length.v], { sym: b.ctx.runtimeHelper('newArray') });
    b.nonNull.add(arr);
    b.push(arr, arrayType);
  },
  ldlen: b => {
    const arr = b.pop();
    b.nullCheck(arr.v);
    b.push(b.emit('load', 'i32', [arr.v], { mem: 'i32', imm: ARRAY_LENGTH_OFFSET, readonly: true }), b.ctx.wellKnown.nativeInt);
  },
  'ldelem.i1': ldelem(fixed('SByte')),
  'ldelem.u1': ldelem(fixed('Byte')),
  'ldelem.i2': ldelem(fixed('Int16')),
  'ldelem.u2': ldelem(fixed('UInt16')),
  'ldelem.i4': ldelem(fixed('Int32')),
  'ldelem.u4': ldelem(fixed('UInt32')),
  'ldelem.i8': ldelem(fixed('Int64')),
  'ldelem.i': ldelem(fixed('IntPtr')),
  'ldelem.r4': ldelem(fixed('Single')),
  'ldelem.r8': ldelem(fixed('Double')),
  'ldelem.ref': ldelem(refElement),
  'ldelem.any': ldelem(tokenElement),
  'stelem.i1': stelem(fixed('SByte')),
  'stelem.i2': stelem(fixed('Int16')),
  'stelem.i4': stelem(fixed('Int32')),
  'stelem.i8': stelem(fixed('Int64')),
  'stelem.i': stelem(fixed('IntPtr')),
  'stelem.r4': stelem(fixed('Single')),
  'stelem.r8': stelem(fixed('Double')),
  'stelem.ref': stelem(refElement),
  'stelem.any': stelem(tokenElement),
  ldelema: (b, ins) => {
    const elem = typeOperand(b, ins);
    const [arr, index] = b.popN(2);
    b.push(elementAddress(b, arr!, index!, elem), b.ctx.types.byref(elem));
  },

  ldtoken: (b, ins) => {
    const op = ins.operand;
    const handle = (typeName: string, sym: string) => {
      const t = b.ctx.types.wellKnown(typeName);
      const tmp = b.temp(t);
      b.emit('store', undefined, [tmp, b.emit('symaddr', 'i32', [], { sym })], { mem: 'i32' });
      b.push(tmp, t);
    };
    if (op instanceof FieldReference) {
      handle('System.RuntimeFieldHandle', b.ctx.fieldHandle(b.ctx.resolveField(op, b.mi.ctx)));
    } else if (op instanceof MethodReference) {
      b.unsupported('ldtoken of a method (method handles)');
    } else {
      handle('System.RuntimeTypeHandle', b.ctx.typeInfo(typeOperand(b, ins)));
    }
  },
};
