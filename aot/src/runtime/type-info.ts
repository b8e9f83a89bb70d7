// Runtime type information: one record per type in .rdata, the target of every
// object's header word. Layout (all words little endian):
//
//   +0   flags        bit 0 value type, 1 interface, 2 array, 3 string, 4 abstract,
//                     5 enum, 6 primitive, 7 has a type initializer, 8 multi-dimensional
//                     array, 9 [Flags] enum
//   +4   base         TypeInfo* of the base class (0 for object, interfaces, non-classes)
//   +8   size         instance size in bytes including the header (arrays: element size)
//   +12  element      TypeInfo* of the element type (arrays) or of the underlying
//                     type (enums), else 0
//   +16  name         String* with the type's full name
//   +20  interfaces   pointer to [count, (TypeInfo*, itable*)...] or 0
//   +24  slots        number of vtable slots
//   +28  extra        enums: pointer to their constants [count, (value low, value high,
//                     String* name)...] in declaration order; arrays: the rank; else 0
//   +32  vtable       one code pointer per slot
//
// The runtime (korlib's Sharpaot.Runtime) reads these fields; keep TYPEINFO_* in step
// with it.

export const TYPEINFO_FLAGS = 0;
export const TYPEINFO_BASE = 4;
export const TYPEINFO_SIZE = 8;
export const TYPEINFO_ELEMENT = 12;
export const TYPEINFO_NAME = 16;
export const TYPEINFO_INTERFACES = 20;
export const TYPEINFO_SLOT_COUNT = 24;
export const TYPEINFO_EXTRA = 28;
export const TYPEINFO_VTABLE = 32;

export const TypeInfoFlags = {
  ValueType: 1 << 0,
  Interface: 1 << 1,
  Array: 1 << 2,
  String: 1 << 3,
  Abstract: 1 << 4,
  Enum: 1 << 5,
  Primitive: 1 << 6,
  HasTypeInitializer: 1 << 7,
  MultiDimensional: 1 << 8,
  /** An enum marked [Flags]. */
  Flags: 1 << 9,
} as const;

export interface TypeInfoRecord {
  readonly symbol: string;
  readonly flags: number;
  readonly base: string | undefined;
  readonly size: number;
  readonly element: string | undefined;
  readonly name: string;
  readonly interfaces: string | undefined;
  /** Symbol of the enum constant table, or a number (array rank). */
  readonly extra: string | number;
  readonly vtable: readonly string[];
}

/** Writes a type info record into the current (.rdata) section of `asm`. */
export function emitTypeInfo(asm: import('../x86/assembler.ts').Assembler, r: TypeInfoRecord): void {
  asm.align(4);
  asm.label(r.symbol, { type: 'object', global: true });
  asm.u32(r.flags);
  if (r.base !== undefined) asm.addr32(r.base);
  else asm.u32(0);
  asm.u32(r.size);
  if (r.element !== undefined) asm.addr32(r.element);
  else asm.u32(0);
  asm.addr32(r.name);
  if (r.interfaces !== undefined) asm.addr32(r.interfaces);
  else asm.u32(0);
  asm.u32(r.vtable.length);
  if (typeof r.extra === 'string') asm.addr32(r.extra);
  else asm.u32(r.extra);
  for (const m of r.vtable) asm.addr32(m);
  asm.endSymbol(r.symbol);
}
