// IL handlers for data movement: constants, locals and arguments, stack shuffling,
// indirect loads and stores, fields, static fields, strings and value-type operations
// (ldobj, stobj, cpobj, initobj, sizeof).

import type { FieldReference, Instruction, TypeReference } from 'cecil-ts';
import type { Builder, StackValue, Variable } from './builder.ts';
import type { Handler } from './handlers.ts';
import { stackKind } from '../../engine/abi.ts';
import { isReference, type RType } from '../../engine/types.ts';
import { initBeforeAccess } from './type-init.ts';
import type { ResolvedField } from './context.ts';
import type { MemType } from '../types.ts';

// ---- Variables ------------------------------------------------------------------------------

function loadVar(b: Builder, v: Variable): void {
  if (v.kind === 'struct') {
    b.push(b.loadFrom(varAddress(b, v), v.type).v, v.type);
  } else {
    // A slot narrower than its int32 stack form is widened again on every load (ECMA-335
    // ldloc/ldarg): through its address, stind.i1/i2 replace only its low bytes.
    const value = b.emit('ldslot', v.kind, [], { slot: v.slot! });
    // `this` of a class method is never null (callers check it).
    if (v === b.args[0] && b.mi.sig.thisType !== undefined && b.mi.sig.thisType.kind === 'named') b.nonNull.add(value);
    b.push(b.narrowForStore(value, v.type), v.type);
  }
}

function storeVar(b: Builder, v: Variable, sv: StackValue): void {
  if (v.kind === 'struct') {
    b.storeTo(varAddress(b, v), v.type, sv);
  } else {
    const value = b.narrowForStore(b.coerce(sv, v.kind), v.type);
    b.emit('stslot', undefined, [value], { slot: v.slot! });
  }
}

function varAddress(b: Builder, v: Variable): import('../ir.ts').Inst {
  return v.paramAddr ?? b.emit('slotaddr', 'i32', [], { slot: v.slot! });
}

function arg(b: Builder, index: number): Variable {
  const v = b.args[index];
  if (v === undefined) b.invalid(`argument ${index} does not exist`);
  return v;
}

function local(b: Builder, index: number): Variable {
  const v = b.locals[index];
  if (v === undefined) b.invalid(`local variable ${index} does not exist`);
  return v;
}

const operandIndex = (ins: Instruction) => ins.operand as number;

function addressOf(b: Builder, v: Variable): void {
  b.push(varAddress(b, v), b.ctx.types.byref(v.type));
}

// ---- Fields -----------------------------------------------------------------------------------

/** Address of an instance field: the object (checked for null) or struct address plus the offset. */
/**
 * Instance fields never written once their object is published, so their loads are
 * `readonly` (GVN merges them across stores, LICM hoists them): a string's length, set
 * by String.FastAllocate right after allocation, before anything can read it.
 */
const IMMUTABLE_FIELDS: ReadonlySet<string> = new Set(['string::m_length']);

function fieldAddress(b: Builder, ins: Instruction, obj: StackValue): { addr: import('../ir.ts').Inst; type: RType; field: ResolvedField } {
  const f = b.ctx.resolveField(ins.operand as FieldReference, b.mi.ctx);
  if (f.def.isStatic) b.invalid(`${ins.opCode.name} on static field ${f.def.name}`);
  const slot = b.ctx.layouts.field(f.owner, f.def);
  if (isReference(obj.t) || obj.t === b.ctx.wellKnown.object) b.nullCheck(obj.v);
  const addr = slot.offset === 0 ? obj.v : b.emit('add', 'i32', [obj.v, b.const32(slot.offset)]);
  return { addr, type: f.type, field: f };
}

function staticField(b: Builder, ins: Instruction): { addr: import('../ir.ts').Inst; type: RType } {
  const f = b.ctx.resolveField(ins.operand as FieldReference, b.mi.ctx);
  if (!f.def.isStatic) b.invalid(`${ins.opCode.name} on instance field ${f.def.name}`);
  if (f.def.rva !== 0 && f.def.initialValue.length > 0) {
    return { addr: b.emit('symaddr', 'i32', [], { sym: b.ctx.fieldDataSymbol(f) }), type: f.type };
  }
  if (f.def.isLiteral) b.unsupported(`constant field ${f.def.name} has no storage`);
  initBeforeAccess(b, f.owner);
  const layout = b.ctx.layouts.staticLayout(f.owner);
  const slot = layout.fields.find(s => s.field === f.def)!;
  return { addr: b.emit('symaddr', 'i32', [], { sym: b.ctx.staticsSymbol(f.owner), imm: slot.offset }), type: f.type };
}

// ---- Indirect access ----------------------------------------------------------------------------

function ldind(mem: MemType, type: (b: Builder, addr: StackValue) => RType): Handler {
  return b => {
    const addr = b.pop();
    const t = type(b, addr);
    const v = b.emit('load', mem === 'i64' ? 'i64' : mem === 'f32' ? 'f32' : mem === 'f64' ? 'f64' : 'i32', [addr.v], { mem, volatile: b.prefixes.volatile });
    b.push(v, t);
  };
}

function stind(mem: MemType): Handler {
  return b => {
    const [addr, value] = b.popN(2);
    const want = mem === 'i64' ? 'i64' : mem === 'f32' ? 'f32' : mem === 'f64' ? 'f64' : 'i32';
    b.emit('store', undefined, [addr!.v, b.coerce(value!, want)], { mem, volatile: b.prefixes.volatile });
  };
}

/** The RType an `ldind.ref` pushes: the pointee of the address when known, else object. */
function pointee(b: Builder, addr: StackValue): RType {
  const t = addr.t;
  return t.kind === 'byref' || t.kind === 'pointer' ? t.elem : b.ctx.wellKnown.object;
}

const typeOperand = (b: Builder, ins: Instruction): RType => b.ctx.resolveType(ins.operand as TypeReference, b.mi.ctx);

export const DATA_HANDLERS: Record<string, Handler> = {
  nop: () => {},

  // Constants.
  'ldc.i4': (b, ins) => b.push(b.const32(ins.operand as number), b.ctx.wellKnown.int32),
  'ldc.i4.s': (b, ins) => b.push(b.const32(ins.operand as number), b.ctx.wellKnown.int32),
  ...Object.fromEntries([-1, 0, 1, 2, 3, 4, 5, 6, 7, 8].map(n => [`ldc.i4.${n < 0 ? 'm1' : n}`, ((b: Builder) => b.push(b.const32(n), b.ctx.wellKnown.int32)) as Handler])),
  'ldc.i8': (b, ins) => b.push(b.emit('const', 'i64', [], { imm: BigInt.asIntN(64, BigInt(ins.operand as bigint)) }), b.ctx.wellKnown.int64),
  'ldc.r4': (b, ins) => b.push(b.emit('const', 'f32', [], { imm: Math.fround(ins.operand as number) }), b.ctx.wellKnown.float32),
  'ldc.r8': (b, ins) => b.push(b.emit('const', 'f64', [], { imm: ins.operand as number }), b.ctx.wellKnown.float64),
  ldnull: b => b.push(b.const32(0), b.ctx.wellKnown.object),
  ldstr: (b, ins) => b.push(b.emit('symaddr', 'i32', [], { sym: b.ctx.stringLiteral(ins.operand as string) }), b.ctx.wellKnown.string),

  // Arguments and locals.
  ...Object.fromEntries([0, 1, 2, 3].map(n => [`ldarg.${n}`, ((b: Builder) => loadVar(b, arg(b, n))) as Handler])),
  'ldarg.s': (b, ins) => loadVar(b, arg(b, operandIndex(ins))),
  ldarg: (b, ins) => loadVar(b, arg(b, operandIndex(ins))),
  'ldarga.s': (b, ins) => addressOf(b, arg(b, operandIndex(ins))),
  ldarga: (b, ins) => addressOf(b, arg(b, operandIndex(ins))),
  'starg.s': (b, ins) => storeVar(b, arg(b, operandIndex(ins)), b.pop()),
  starg: (b, ins) => storeVar(b, arg(b, operandIndex(ins)), b.pop()),
  ...Object.fromEntries([0, 1, 2, 3].map(n => [`ldloc.${n}`, ((b: Builder) => loadVar(b, local(b, n))) as Handler])),
  'ldloc.s': (b, ins) => loadVar(b, local(b, operandIndex(ins))),
  ldloc: (b, ins) => loadVar(b, local(b, operandIndex(ins))),
  'ldloca.s': (b, ins) => addressOf(b, local(b, operandIndex(ins))),
  ldloca: (b, ins) => addressOf(b, local(b, operandIndex(ins))),
  ...Object.fromEntries([0, 1, 2, 3].map(n => [`stloc.${n}`, ((b: Builder) => storeVar(b, local(b, n), b.pop())) as Handler])),
  'stloc.s': (b, ins) => storeVar(b, local(b, operandIndex(ins)), b.pop()),
  stloc: (b, ins) => storeVar(b, local(b, operandIndex(ins)), b.pop()),

  // Stack.
  dup: b => {
    const top = b.pop();
    b.push(top.v, top.t);
    b.push(top.v, top.t);
  },
  pop: b => void b.pop(),

  // Indirect loads and stores.
  'ldind.i1': ldind('i8', b => b.ctx.wellKnown.int32),
  'ldind.u1': ldind('u8', b => b.ctx.wellKnown.int32),
  'ldind.i2': ldind('i16', b => b.ctx.wellKnown.int32),
  'ldind.u2': ldind('u16', b => b.ctx.wellKnown.int32),
  'ldind.i4': ldind('i32', b => b.ctx.wellKnown.int32),
  'ldind.u4': ldind('i32', b => b.ctx.wellKnown.int32),
  'ldind.i8': ldind('i64', b => b.ctx.wellKnown.int64),
  'ldind.i': ldind('i32', b => b.ctx.wellKnown.nativeInt),
  'ldind.r4': ldind('f32', b => b.ctx.wellKnown.float32),
  'ldind.r8': ldind('f64', b => b.ctx.wellKnown.float64),
  'ldind.ref': ldind('i32', pointee),
  'stind.i1': stind('u8'),
  'stind.i2': stind('u16'),
  'stind.i4': stind('i32'),
  'stind.i8': stind('i64'),
  'stind.i': stind('i32'),
  'stind.r4': stind('f32'),
  'stind.r8': stind('f64'),
  'stind.ref': stind('i32'),

  // Value types through addresses.
  ldobj: (b, ins) => {
    const t = typeOperand(b, ins);
    const addr = b.pop();
    const sv = b.loadFrom(addr.v, t);
    b.push(sv.v, t);
  },
  stobj: (b, ins) => {
    const t = typeOperand(b, ins);
    const [addr, value] = b.popN(2);
    b.storeTo(addr!.v, t, value!);
  },
  cpobj: (b, ins) => {
    const t = typeOperand(b, ins);
    const [dst, src] = b.popN(2);
    const sv = b.loadFrom(src!.v, t);
    b.storeTo(dst!.v, t, sv);
  },
  initobj: (b, ins) => {
    const t = typeOperand(b, ins);
    const addr = b.pop();
    const kind = stackKind(t);
    if (kind === 'struct') b.emit('memzero', undefined, [addr.v], { imm: b.ctx.layouts.sizeOf(t) });
    else b.storeTo(addr.v, t, { v: b.zero(kind), t });
  },
  localloc: b => {
    const size = b.pop();
    if (size.v.type !== 'i32') b.invalid(`localloc of a ${size.t.key} size`);
    b.push(b.emit('alloca', 'i32', [size.v]), b.ctx.types.pointer(b.ctx.types.wellKnown('System.Byte')));
  },
  sizeof: (b, ins) => b.push(b.const32(b.ctx.layouts.sizeOf(typeOperand(b, ins))), b.ctx.wellKnown.int32),

  // Fields.
  ldfld: (b, ins) => {
    const obj = b.pop();
    const { addr, type, field } = fieldAddress(b, ins, obj);
    const sv = b.loadFrom(addr, type);
    if (IMMUTABLE_FIELDS.has(`${field.owner.key}::${field.def.name}`) && sv.v.op === 'load') sv.v.readonly = true;
    b.push(sv.v, type);
  },
  ldflda: (b, ins) => {
    const obj = b.pop();
    const { addr, type } = fieldAddress(b, ins, obj);
    b.push(addr, b.ctx.types.byref(type));
  },
  stfld: (b, ins) => {
    const [obj, value] = b.popN(2);
    const { addr, type } = fieldAddress(b, ins, obj!);
    b.storeTo(addr, type, value!);
  },
  ldsfld: (b, ins) => {
    const { addr, type } = staticField(b, ins);
    const sv = b.loadFrom(addr, type);
    b.push(sv.v, type);
  },
  ldsflda: (b, ins) => {
    const { addr, type } = staticField(b, ins);
    b.push(addr, b.ctx.types.byref(type));
  },
  stsfld: (b, ins) => {
    const value = b.pop();
    const { addr, type } = staticField(b, ins);
    b.storeTo(addr, type, value);
  },

  // Prefixes: recorded for the next instruction.
  'volatile.': b => void (b.prefixes.volatile = true),
  'unaligned.': b => void (b.prefixes.unaligned = true),
  'tail.': b => void (b.prefixes.tail = true),
  'readonly.': b => void (b.prefixes.readonly = true),
  'constrained.': (b, ins) => void (b.prefixes.constrained = typeOperand(b, ins)),
};
