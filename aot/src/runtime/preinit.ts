// Preinitialised statics. A type initializer that only stores constants into the type's
// own static fields (`ldc.*` / `ldstr` / `ldnull`, or `ldsfld` of its own field or of
// another such type's readonly one, like String.Empty; maybe widened by conv.i8/u8; then
// `stsfld`; `ret`) — String's
// `Empty = ""`, tables of limits, default names — is run at build time: the values go
// into the type's statics block in the image, and the type needs no initializer at run
// time (no flag, no guards in the methods that use it, none in loops they are inlined
// into). Nothing observable changes: such an initializer calls nothing and reads nothing,
// so no code can run while it does, and every read of its fields happens after it under
// the CLR's rules too.

import type { FieldReference, Instruction, MethodDefinition } from 'cecil-ts';
import type { ResolvedField } from '../ir/builder/context.ts';
import type { NamedType } from '../engine/types.ts';
import type { FieldSlot, StaticLayout } from './layout.ts';
import type { Assembler } from '../x86/assembler.ts';

/** The initial contents of a statics block: bytes, and string references to patch in. */
export interface StaticImage {
  readonly bytes: Uint8Array;
  /** 4-byte slots that hold the address of a string literal. */
  readonly strings: readonly { readonly offset: number; readonly value: string }[];
}

export interface PreinitEnv {
  readonly resolveField: (ref: FieldReference) => ResolvedField;
  /** The build-time statics of another type, if its initializer can run at build time. */
  readonly imageOf: (t: NamedType) => StaticImage | undefined;
  readonly layoutOf: (t: NamedType) => StaticLayout;
  readonly layout: StaticLayout;
  /** Size in bytes of a field of the given slot. */
  readonly sizeOf: (slot: FieldSlot) => number;
}

type Constant = { kind: 'int'; value: bigint; wide: boolean } | { kind: 'f32' | 'f64'; value: number } | { kind: 'string'; value: string } | { kind: 'null' };

/** The statics block `cctor` leaves behind, if it only stores constants into `owner`'s fields. */
export function preinitialize(owner: NamedType, cctor: MethodDefinition, env: PreinitEnv): StaticImage | undefined {
  const body = cctor.body;
  if (body === undefined || body.exceptionHandlers.length > 0) return undefined;
  const bytes = new Uint8Array(env.layout.size);
  const view = new DataView(bytes.buffer);
  const strings = new Map<number, string>();
  let pending: Constant | undefined;
  // A static field's value at build time: this type's as stored so far; another type's
  // from its image if the field is readonly (others can change at run time before this
  // initializer would run).
  const fieldValue = (field: ResolvedField): Constant | undefined => {
    const mine = field.owner === owner;
    if (!mine && !field.def.isInitOnly) return undefined;
    const image = mine ? { bytes, strings: [...strings].map(([offset, value]) => ({ offset, value })) } : env.imageOf(field.owner);
    const slot = (mine ? env.layout : env.layoutOf(field.owner)).fields.find(f => f.field === field.def);
    return image === undefined || slot === undefined ? undefined : read(image, slot.offset, env.sizeOf(slot), field);
  };
  const ins = body.instructions;
  for (let i = 0; i < ins.length; i++) {
    const inst = ins[i]!;
    const name = inst.opCode.name;
    if (name === 'nop') continue;
    if (name === 'ret') return i === ins.length - 1 && pending === undefined ? { bytes, strings: [...strings].map(([offset, value]) => ({ offset, value })) } : undefined;
    if (pending === undefined) {
      pending = name === 'ldsfld' ? fieldValue(env.resolveField(inst.operand as FieldReference)) : constantOf(inst);
      if (pending === undefined) return undefined;
      continue;
    }
    if ((name === 'conv.i8' || name === 'conv.u8') && pending.kind === 'int' && !pending.wide) {
      // How mcs writes most long constants: ldc.i4 then a widening.
      pending = { kind: 'int', value: name === 'conv.i8' ? pending.value : BigInt.asUintN(32, pending.value), wide: true };
      continue;
    }
    if (name !== 'stsfld') return undefined;
    const field = env.resolveField(inst.operand as FieldReference);
    const slot = env.layout.fields.find(f => f.field === field.def);
    if (field.owner !== owner || slot === undefined) return undefined;
    strings.delete(slot.offset);
    if (!store(view, slot.offset, env.sizeOf(slot), field, pending, strings)) return undefined;
    pending = undefined;
  }
  return undefined;
}

function constantOf(inst: Instruction): Constant | undefined {
  const name = inst.opCode.name;
  const short = /^ldc\.i4\.(m1|[0-8])$/.exec(name);
  if (short) return { kind: 'int', value: short[1] === 'm1' ? -1n : BigInt(short[1]!), wide: false };
  switch (name) {
    case 'ldc.i4':
    case 'ldc.i4.s':
      return { kind: 'int', value: BigInt(inst.operand as number), wide: false };
    case 'ldc.i8':
      return { kind: 'int', value: BigInt.asIntN(64, BigInt(inst.operand as bigint)), wide: true };
    case 'ldc.r4':
      return { kind: 'f32', value: inst.operand as number };
    case 'ldc.r8':
      return { kind: 'f64', value: inst.operand as number };
    case 'ldstr':
      return { kind: 'string', value: inst.operand as string };
    case 'ldnull':
      return { kind: 'null' };
    default:
      return undefined;
  }
}

/** The constant a field of `size` bytes at `at` holds in `image` (the inverse of store). */
function read(image: StaticImage, at: number, size: number, field: ResolvedField): Constant | undefined {
  const t = field.type;
  const prim = t.kind === 'named' ? t.prim : undefined;
  const view = new DataView(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
  if (prim === 'f32') return { kind: 'f32', value: view.getFloat32(at, true) };
  if (prim === 'f64') return { kind: 'f64', value: view.getFloat64(at, true) };
  if (prim !== undefined && INT_PRIMS.has(prim)) {
    // As ldsfld loads it: sign- or zero-extended to int32 (int64 for 8-byte fields).
    let value = 0n;
    for (let k = size - 1; k >= 0; k--) value = (value << 8n) | BigInt(view.getUint8(at + k));
    const signed = prim.startsWith('i');
    return { kind: 'int', value: signed ? BigInt.asIntN(8 * size, value) : value, wide: size === 8 };
  }
  if (!isReference(field)) return undefined;
  const s = image.strings.find(r => r.offset === at);
  if (s !== undefined) return { kind: 'string', value: s.value };
  return view.getUint32(at, true) === 0 ? { kind: 'null' } : undefined;
}

function isReference(field: ResolvedField): boolean {
  const t = field.type;
  return t.kind === 'array' || (t.kind === 'named' && t.prim === undefined && !t.isValueType);
}

const INT_PRIMS: ReadonlySet<string> = new Set(['bool', 'char', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64']);

/** Writes `c` into a field of `size` bytes as stsfld would; false where the IL would convert. */
function store(view: DataView, at: number, size: number, field: ResolvedField, c: Constant, strings: Map<number, string>): boolean {
  const t = field.type;
  const prim = t.kind === 'named' ? t.prim : undefined;
  const reference = isReference(field);
  switch (c.kind) {
    case 'int':
      // ldc.i8 goes with 64-bit fields, ldc.i4 with the others (truncated, as stsfld does).
      if (prim === undefined || !INT_PRIMS.has(prim) || c.wide !== (size === 8)) return false;
      for (let k = 0; k < size; k++) view.setUint8(at + k, Number(BigInt.asUintN(8, c.value >> BigInt(8 * k))));
      return true;
    case 'f32':
    case 'f64':
      if (prim !== c.kind) return false;
      if (c.kind === 'f32') view.setFloat32(at, c.value, true);
      else view.setFloat64(at, c.value, true);
      return true;
    case 'string':
      if (!reference) return false;
      strings.set(at, c.value);
      return true;
    case 'null':
      if (!reference) return false;
      view.setUint32(at, 0, true);
      return true;
  }
}

/** Writes a statics block of `size` bytes: the image's bytes, string addresses patched in. */
export function emitStaticImage(asm: Assembler, image: StaticImage, size: number, stringSymbol: (value: string) => string): void {
  const refs = [...image.strings].sort((a, b) => a.offset - b.offset);
  let at = 0;
  for (const r of refs) {
    asm.bytes(image.bytes.subarray(at, r.offset));
    asm.addr32(stringSymbol(r.value));
    at = r.offset + 4;
  }
  asm.bytes(image.bytes.subarray(at));
  if (size > image.bytes.length) asm.space(size - image.bytes.length);
}
