// Memory layout of .NET types on the 32-bit target (the object model every other part
// of the compiler and the runtime agree on):
//
//   object      +0 type info pointer (TypeInfo, see type-info.ts), then the instance
//               fields of the base classes and of the class, declaration order, each
//               aligned to its natural alignment (8-byte fields: 8)
//   string      +0 type info, +4 length (int32), +8 UTF-16 characters
//   array T[]   +0 type info, +4 length (int32), +8 elements (aligned to 8 for 8-byte T)
//   struct      sequential: declaration order with natural alignment limited by Pack;
//               explicit: FieldOffset values; ClassLayout.Size is a minimum size;
//               an empty struct has size 1
//   statics     one block per type (symbol "<type>::<statics>"), fields in order
//
// References, pointers, native ints and function pointers are 4 bytes. bool is 1 byte,
// char 2.

import type { FieldDefinition } from 'cecil-ts';
import { primOf, type NamedType, type RType, type TypeSystem, type GenericContext } from '../engine/types.ts';
import { assert } from '../util/assert.ts';

export const OBJECT_HEADER = 4;
export const ARRAY_LENGTH_OFFSET = 4;
export const STRING_LENGTH_OFFSET = 4;
export const STRING_CHARS_OFFSET = 8;

export interface FieldSlot {
  readonly field: FieldDefinition;
  readonly type: RType;
  /** Byte offset from the start of the object (classes, header included) or struct. */
  readonly offset: number;
}

export interface TypeLayout {
  /** Size of a value of this type in a field, local or array element (references: 4). */
  readonly size: number;
  readonly align: number;
  /** Instance fields with offsets (for classes: including the header and base classes). */
  readonly fields: readonly FieldSlot[];
  /** For classes: size of an instance including the header. */
  readonly instanceSize: number;
}

export interface StaticLayout {
  readonly fields: readonly FieldSlot[];
  readonly size: number;
  readonly align: number;
}

const PRIM_SIZE: Readonly<Record<string, number>> = {
  void: 0, bool: 1, char: 2, i8: 1, u8: 1, i16: 2, u16: 2, i32: 4, u32: 4, i64: 8, u64: 8, f32: 4, f64: 8, isize: 4, usize: 4,
};

const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;

export class Layouts {
  private readonly cache = new Map<RType, TypeLayout>();
  private readonly statics = new Map<NamedType, StaticLayout>();
  private readonly inProgress = new Set<RType>();

  constructor(
    private readonly types: TypeSystem,
    /** Generic context of a named type's own arguments. */
    private readonly contextOf: (t: NamedType) => GenericContext,
  ) {}

  of(t: RType): TypeLayout {
    let l = this.cache.get(t);
    if (l === undefined) {
      if (this.inProgress.has(t)) throw new LayoutError(`struct ${t.key} contains itself`);
      this.inProgress.add(t);
      try {
        l = this.compute(t);
      } finally {
        this.inProgress.delete(t);
      }
      this.cache.set(t, l);
    }
    return l;
  }

  sizeOf(t: RType): number {
    return this.of(t).size;
  }

  /** Field slot of an instance field of a named type (struct or class, bases included). */
  field(t: NamedType, field: FieldDefinition): FieldSlot {
    const slot = this.of(t).fields.find(f => f.field === field);
    assert(slot !== undefined, () => `${t.key} has no instance field ${field.name}`);
    return slot;
  }

  staticLayout(t: NamedType): StaticLayout {
    let s = this.statics.get(t);
    if (s === undefined) {
      const ctx = this.contextOf(t);
      let offset = 0;
      let align = 4;
      const fields: FieldSlot[] = [];
      for (const f of t.def.fields) {
        if (!f.isStatic || f.isLiteral) continue;
        const ft = this.types.fromRef(f.fieldType, ctx);
        const l = this.of(ft);
        offset = alignUp(offset, l.align);
        fields.push({ field: f, type: ft, offset });
        offset += l.size;
        align = Math.max(align, l.align);
      }
      s = { fields, size: alignUp(offset, align), align };
      this.statics.set(t, s);
    }
    return s;
  }

  private compute(t: RType): TypeLayout {
    if (t.kind !== 'named') return { size: 4, align: 4, fields: [], instanceSize: 0 };
    const prim = primOf(t);
    const ctx = this.contextOf(t);
    if (prim !== undefined && (t.prim !== undefined || t.def.isEnum)) {
      // A primitive or enum: its one instance field (m_value, value__) is the value itself.
      const size = PRIM_SIZE[prim]!;
      const fields = t.def.fields.filter(f => !f.isStatic).map(field => ({ field, type: this.types.fromRef(field.fieldType, ctx), offset: 0 }));
      return { size, align: Math.max(1, size), fields, instanceSize: 0 };
    }
    const own = t.def.fields.filter(f => !f.isStatic).map(f => ({ field: f, type: this.types.fromRef(f.fieldType, ctx) }));
    if (t.def.isValueType) return this.structLayout(t, own);
    // Class: header, base fields, own fields.
    let offset = OBJECT_HEADER;
    const fields: FieldSlot[] = [];
    let align = 4;
    const baseRef = t.def.baseType;
    if (baseRef !== undefined) {
      const base = this.types.fromRef(baseRef, ctx);
      const bl = this.of(base);
      fields.push(...bl.fields);
      offset = Math.max(offset, bl.instanceSize);
      align = Math.max(align, bl.align);
    }
    for (const { field, type } of own) {
      const l = this.fieldStorage(type);
      offset = alignUp(offset, l.align);
      fields.push({ field, type, offset });
      offset += l.size;
      align = Math.max(align, l.align);
    }
    return { size: 4, align: 4, fields, instanceSize: alignUp(offset, 4) };
  }

  private structLayout(t: NamedType, own: { field: FieldDefinition; type: RType }[]): TypeLayout {
    const def = t.def;
    const pack = def.packingSize > 0 ? def.packingSize : 8;
    const fields: FieldSlot[] = [];
    let size = 0;
    let align = 1;
    if (def.isExplicitLayout) {
      for (const { field, type } of own) {
        if (field.offset < 0) throw new LayoutError(`field ${field.name} of explicit-layout struct ${t.key} has no FieldOffset`);
        const l = this.fieldStorage(type);
        fields.push({ field, type, offset: field.offset });
        size = Math.max(size, field.offset + l.size);
        align = Math.max(align, Math.min(l.align, pack));
      }
    } else {
      for (const { field, type } of own) {
        const l = this.fieldStorage(type);
        const a = Math.min(l.align, pack);
        size = alignUp(size, a);
        fields.push({ field, type, offset: size });
        size += l.size;
        align = Math.max(align, a);
      }
    }
    size = Math.max(alignUp(size, align), def.classSize > 0 ? def.classSize : 0, 1);
    return { size, align, fields, instanceSize: 0 };
  }

  /** Storage of a field of this type: references take 4 bytes (their layout is not needed), values their size. */
  private fieldStorage(t: RType): { size: number; align: number } {
    if (t.kind !== 'named' || !t.def.isValueType) return { size: 4, align: 4 };
    const l = this.of(t);
    return { size: l.size, align: l.align };
  }
}

export class LayoutError extends Error {
  override name = 'LayoutError';
}
