// IL handlers for calls: call, callvirt, newobj, calli, ldftn, and the rewriting of
// [ADCStub] calls and machine intrinsics that happens before a call is emitted.

import type { CallSite, Instruction, MethodReference } from 'cecil-ts';
import type { Builder, StackValue } from './builder.ts';
import type { Handler } from './handlers.ts';
import type { Inst } from '../ir.ts';
import type { Type } from '../types.ts';
import type { MethodInst } from '../../engine/methods.ts';
import { stackKind } from '../../engine/abi.ts';
import type { RType } from '../../engine/types.ts';
import { TYPEINFO_VTABLE } from '../../runtime/type-info.ts';
import { OBJECT_HEADER } from '../../runtime/layout.ts';
import { initBeforeAccess } from './type-init.ts';
import { mdArrayCall } from './il-mdarrays.ts';

/** Resolves the callee of a call-like instruction, following [ADCStub] rewriting. */
function callee(b: Builder, ins: Instruction): MethodInst {
  const mi = b.ctx.resolveMethod(ins.operand as MethodReference, b.mi.ctx);
  return b.ctx.adcTarget(mi, { method: b.mi.symbol, ilOffset: ins.offset });
}

/** Lowers declared arguments to IR call operands: value types by value (their address), floats converted. */
function lowerArgs(b: Builder, params: readonly RType[], values: readonly StackValue[]): { args: Inst[]; byval: number[] } {
  const args: Inst[] = [];
  const byval: number[] = [];
  params.forEach((p, i) => {
    const sv = values[i]!;
    const kind = stackKind(p);
    if (kind === 'struct') {
      if (stackKind(sv.t) !== 'struct') b.invalid(`argument ${i} is a ${sv.t.key}, the parameter a ${p.key}`);
      args.push(sv.v);
      byval.push(b.ctx.layouts.sizeOf(p));
    } else {
      args.push(b.coerce(sv, kind));
      byval.push(0);
    }
  });
  return { args, byval };
}

/**
 * Emits a call of `mi` — direct, or through `fnptr` for virtual dispatch — with
 * `thisValue` (if any) and the declared arguments, and pushes the result. Value-type
 * results come back in a temporary passed as the buffer.
 */
function emitCall(b: Builder, mi: MethodInst, thisValue: Inst | undefined, values: readonly StackValue[], fnptr?: Inst): void {
  const spec = b.ctx.intrinsic(mi);
  if (spec !== undefined) {
    const args = values.map((sv, i) => b.coerce(sv, spec.params[i] ?? 'i32'));
    if (spec.ir === 'identity') return b.push(args[0]!, mi.sig.ret);
    const v = b.emit('intrinsic', spec.ret, args, { sym: spec.ir });
    if (spec.ret !== undefined) b.push(v, mi.sig.ret);
    return;
  }
  if (fnptr === undefined && !mi.def.hasBody && !mi.def.isRuntime) {
    b.fail('SA3004', `${mi.symbol} has no body (extern, InternalCall or abstract) and is not a known intrinsic`);
  }
  const { sig, retBuf, retInRegs } = b.ctx.signatureOf(mi);
  const lowered = lowerArgs(b, mi.sig.params, values);
  const args: Inst[] = [];
  const byval: number[] = [];
  if (thisValue !== undefined) {
    args.push(thisValue);
    byval.push(0);
  }
  let resultTemp: Inst | undefined;
  if (retBuf) {
    resultTemp = b.temp(mi.sig.ret);
    args.push(resultTemp);
    byval.push(0);
  }
  args.push(...lowered.args);
  byval.push(...lowered.byval);
  const byvalInit = byval.some(x => x > 0) ? { byval } : {};
  const call = fnptr !== undefined
    ? b.emit('calli', sig.ret, [fnptr, ...args], byvalInit)
    : b.emit('call', sig.ret, args, { sym: b.ctx.requireMethod(mi), ...byvalInit });
  if (resultTemp !== undefined) {
    b.push(resultTemp, mi.sig.ret);
  } else if (retInRegs !== undefined) {
    const tmp = b.temp(mi.sig.ret);
    b.emit('store', undefined, [tmp, call], { mem: retInRegs });
    b.push(tmp, mi.sig.ret);
  } else if (sig.ret !== undefined) {
    b.push(call, mi.sig.ret);
  }
}

function call(b: Builder, ins: Instruction, virtual: boolean): void {
  if (mdArrayCall(b, ins.operand as MethodReference, 'call')) return;
  let mi = callee(b, ins);
  const values = b.popN(mi.sig.params.length);
  if (mi.sig.thisType === undefined) {
    initBeforeAccess(b, mi.owner);
    return emitCall(b, mi, undefined, values);
  }
  let self = b.pop();
  const constrained = b.prefixes.constrained;
  if (constrained !== undefined) {
    // constrained. T callvirt M: `self` is the address of a T.
    if (constrained.kind === 'named' && constrained.isValueType) {
      const own = b.ctx.valueTypeImplementation(constrained, mi);
      if (own !== undefined) return emitCall(b, own, self.v, values);
      self = { v: box(b, b.loadFrom(self.v, constrained), constrained), t: b.ctx.wellKnown.object };
    } else {
      self = { v: b.emit('load', 'i32', [self.v], { mem: 'i32' }), t: constrained };
    }
  }
  const thisValue = self.v;
  if (virtual && self.t.kind !== 'byref' && self.t.kind !== 'pointer') b.nullCheck(thisValue);
  const def = mi.def;
  const dispatch = virtual && def.isVirtual && !def.isFinal && !mi.owner.def.isSealed && !mi.owner.isValueType;
  if (!dispatch) {
    if (def.isAbstract) b.invalid(`non-virtual call of abstract method ${mi.symbol}`);
    return emitCall(b, mi, thisValue, values);
  }
  const fn = virtualCode(b, mi, thisValue);
  mi = b.ctx.adcTarget(mi, { method: b.mi.symbol, ilOffset: ins.offset });
  emitCall(b, mi, thisValue, values, fn);
}

/** Boxes a value-type stack value: a new object of its type holding a copy. */
export function box(b: Builder, sv: StackValue, t: RType): Inst {
  const size = b.ctx.layouts.sizeOf(t);
  const typeInfo = b.emit('symaddr', 'i32', [], { sym: b.ctx.typeInfo(t) });
  const obj = b.emit('call', 'i32', [typeInfo, b.const32(OBJECT_HEADER + size)], { sym: b.ctx.runtimeHelper('alloc') });
  b.nonNull.add(obj);
  b.storeTo(obj, t, sv, OBJECT_HEADER);
  return obj;
}

function newobj(b: Builder, ins: Instruction): void {
  if (mdArrayCall(b, ins.operand as MethodReference, 'newobj')) return;
  const mi = callee(b, ins);
  const values = b.popN(mi.sig.params.length);
  const owner = mi.owner;
  initBeforeAccess(b, owner);
  if (owner.isValueType) {
    const kind = stackKind(owner);
    const tmp = b.temp(owner);
    b.emit('memzero', undefined, [tmp], { imm: b.ctx.layouts.sizeOf(owner) });
    emitCall(b, mi, tmp, values);
    if (kind === 'struct') b.push(tmp, owner);
    else b.push(b.emit('load', kind as Type, [tmp], { mem: kind === 'i64' ? 'i64' : kind === 'f32' ? 'f32' : kind === 'f64' ? 'f64' : 'i32' }), owner);
    return;
  }
  if (owner === b.ctx.wellKnown.string) {
    // Strings are allocated by their constructor: call korlib's static String.Ctor overload.
    const ctor = owner.def.methods.find(m => m.name === 'Ctor' && m.isStatic && m.parameters.length === mi.def.parameters.length &&
      m.parameters.every((p, i) => b.ctx.resolveType(p.parameterType, mi.ctx) === mi.sig.params[i]));
    if (ctor === undefined) b.fail('SA2003', `korlib's String has no static Ctor matching ${mi.symbol}`);
    return emitCall(b, b.ctx.methodOf(ctor, owner), undefined, values);
  }
  if (b.ctx.isDelegate(owner)) {
    // new D(target, code): the constructor of every delegate type just stores both.
    const [target, code] = values as [StackValue, StackValue];
    const obj = b.emit('call', 'i32', [b.emit('symaddr', 'i32', [], { sym: b.ctx.typeInfo(owner) }), b.const32(b.ctx.layouts.of(owner).instanceSize)], { sym: b.ctx.runtimeHelper('alloc') });
    const f = b.ctx.delegateFields();
    b.emit('store', undefined, [obj, target.v], { mem: 'i32', imm: f.target });
    b.emit('store', undefined, [obj, code.v], { mem: 'i32', imm: f.methodPtr });
    return b.push(obj, owner);
  }
  const size = b.ctx.layouts.of(owner).instanceSize;
  const typeInfo = b.emit('symaddr', 'i32', [], { sym: b.ctx.typeInfo(owner) });
  const obj = b.emit('call', 'i32', [typeInfo, b.const32(size)], { sym: b.ctx.runtimeHelper('alloc') });
  b.nonNull.add(obj);
  emitCall(b, mi, obj, values);
  b.push(obj, owner);
}

function calli(b: Builder, ins: Instruction): void {
  const site = b.ctx.callSiteSignature(ins.operand as CallSite, b.mi.ctx);
  const fnptr = b.pop();
  const values = b.popN(site.params.length);
  const thisValue = site.hasThis ? b.pop().v : undefined;
  const lowered = lowerArgs(b, site.params, values);
  const retKind = site.ret.kind === 'named' && site.ret.prim === 'void' ? undefined : stackKind(site.ret);
  if (retKind === 'struct') b.unsupported('calli returning a value type');
  const args = [fnptr.v, ...(thisValue !== undefined ? [thisValue] : []), ...lowered.args];
  const byval = [...(thisValue !== undefined ? [0] : []), ...lowered.byval];
  const v = b.emit('calli', retKind, args, byval.some(x => x > 0) ? { byval } : {});
  if (retKind !== undefined) b.push(v, site.ret);
}

/** The code address of a virtual method for an object (vtable or interface table lookup). */
function virtualCode(b: Builder, mi: MethodInst, obj: Inst): Inst {
  if (mi.def.hasGenericParameters) {
    const table = b.emit('symaddr', 'i32', [], { sym: b.ctx.genericVirtualTable(mi) });
    return b.emit('call', 'i32', [obj, table], { sym: b.ctx.runtimeHelper('findGenericVirtual') });
  }
  if (mi.owner.isInterface) {
    const itf = b.emit('symaddr', 'i32', [], { sym: b.ctx.typeInfo(mi.owner) });
    return b.emit('call', 'i32', [obj, itf, b.const32(b.ctx.interfaceSlot(mi))], { sym: b.ctx.runtimeHelper('findInterfaceMethod') });
  }
  const typeInfo = b.emit('load', 'i32', [obj], { mem: 'i32', readonly: true });
  return b.emit('load', 'i32', [typeInfo], { mem: 'i32', imm: TYPEINFO_VTABLE + 4 * b.ctx.vtableSlot(mi), readonly: true });
}

export const CALL_HANDLERS: Record<string, Handler> = {
  call: (b, ins) => call(b, ins, false),
  callvirt: (b, ins) => call(b, ins, true),
  newobj,
  calli,
  ldftn: (b, ins) => {
    const mi = callee(b, ins);
    b.push(b.emit('symaddr', 'i32', [], { sym: b.ctx.codeAddress(mi) }), b.ctx.types.fnptr);
  },
  ldvirtftn: (b, ins) => {
    const mi = callee(b, ins);
    const obj = b.pop();
    b.nullCheck(obj.v);
    const dispatch = mi.def.isVirtual && !mi.def.isFinal && !mi.owner.def.isSealed;
    if (!dispatch) return b.push(b.emit('symaddr', 'i32', [], { sym: b.ctx.codeAddress(mi) }), b.ctx.types.fnptr);
    b.push(virtualCode(b, mi, obj.v), b.ctx.types.fnptr);
  },
};
