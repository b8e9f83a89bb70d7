// Emits the type information of one type (type-info.ts documents the record) together
// with what hangs off it: the vtable (value types: through unboxing thunks, since a
// vtable call passes the boxed object and the method expects the address of the value
// inside it), the interface map and its method tables. Slots without an implementation
// (abstract methods) point to a stub that raises an exception.

import type { Assembler } from '../x86/assembler.ts';
import { imm, mem, sym } from '../x86/operands.ts';
import type { MethodInst } from '../engine/methods.ts';
import { primOf, type NamedType, type RType, type TypeSystem } from '../engine/types.ts';
import type { Layouts } from './layout.ts';
import { OBJECT_HEADER } from './layout.ts';
import type { VTables } from './vtables.ts';
import { interfaceMethods, type InterfaceMaps, type InterfaceTable } from './interfaces.ts';
import { sameSignature } from './vtables.ts';
import type { Methods } from '../engine/methods.ts';
import type { TypeDefinition } from 'cecil-ts';
import { emitTypeInfo, TypeInfoFlags } from './type-info.ts';

/** Generic interfaces every one-dimensional array implements (as in .NET). */
const ARRAY_GENERIC_INTERFACES = [
  'System.Collections.Generic.IList`1',
  'System.Collections.Generic.ICollection`1',
  'System.Collections.Generic.IEnumerable`1',
  'System.Collections.Generic.IReadOnlyList`1',
  'System.Collections.Generic.IReadOnlyCollection`1',
];

export interface TypeInfoContext {
  readonly asm: Assembler;
  readonly types: TypeSystem;
  readonly layouts: Layouts;
  readonly vtables: VTables;
  readonly interfaces: InterfaceMaps;
  readonly stringType: NamedType;
  readonly arrayType: NamedType;
  readonly methods: Methods;
  /** korlib's SZArrayHelper<T>, if it has one. */
  readonly arrayHelper: TypeDefinition | undefined;
  corlibType(fullName: string): TypeDefinition | undefined;
  typeInfo(t: RType): string;
  requireMethod(mi: MethodInst): string;
  stringLiteral(value: string): string;
  /** Symbol of the stub that stands for abstract methods in tables. */
  abstractStub(): string;
}

export function typeInfoSymbol(t: RType): string {
  return `${t.key}$type`;
}

/** Full name of a type as the runtime reports it (Type.FullName style). */
export function runtimeTypeName(t: RType): string {
  switch (t.kind) {
    case 'named':
      return t.args.length === 0 ? t.def.fullName.replace(/\//g, '+') : `${t.def.fullName.replace(/\//g, '+')}[${t.args.map(runtimeTypeName).join(',')}]`;
    case 'array':
      return `${runtimeTypeName(t.elem)}[${','.repeat(t.rank - 1)}]`;
    case 'pointer':
      return `${runtimeTypeName(t.elem)}*`;
    case 'byref':
      return `${runtimeTypeName(t.elem)}&`;
    case 'fnptr':
      return 'System.IntPtr';
  }
}

export class TypeInfoEmitter {
  private readonly thunks = new Set<string>();
  private readonly pendingMaps: { t: NamedType; label: string; tables: readonly InterfaceTable[]; required: Set<InterfaceTable> }[] = [];

  constructor(private readonly ctx: TypeInfoContext) {}

  emit(t: RType): void {
    const { asm } = this.ctx;
    if (t.kind === 'array') return this.emitArray(t);
    if (t.kind !== 'named') {
      asm.section('.rdata');
      emitTypeInfo(asm, { symbol: typeInfoSymbol(t), flags: 0, base: undefined, size: 4, element: undefined, name: this.ctx.stringLiteral(runtimeTypeName(t)), interfaces: undefined, extra: 0, vtable: [] });
      return;
    }
    const ctx = this.ctx;
    const def = t.def;
    let flags = 0;
    if (def.isValueType) flags |= TypeInfoFlags.ValueType;
    if (def.isInterface) flags |= TypeInfoFlags.Interface;
    if (def.isAbstract) flags |= TypeInfoFlags.Abstract;
    if (def.isEnum) flags |= TypeInfoFlags.Enum;
    if (t.prim !== undefined) flags |= TypeInfoFlags.Primitive;
    if (t === ctx.stringType) flags |= TypeInfoFlags.String;
    if (def.methods.some(m => m.name === '.cctor')) flags |= TypeInfoFlags.HasTypeInitializer;
    const base = def.baseType === undefined || def.isInterface ? undefined : ctx.typeInfo(ctx.types.fromRef(def.baseType, { typeArgs: t.args, methodArgs: [] }));
    const layout = ctx.layouts.of(t);
    const size = def.isValueType ? layout.size : layout.instanceSize;
    let element: string | undefined;
    let extra: string | number = 0;
    if (def.isEnum) {
      const prim = primOf(t);
      const underlying = def.getEnumUnderlyingType().resolve();
      if (prim !== undefined) element = ctx.typeInfo(ctx.types.named(underlying, []));
      if (def.customAttributes.some(a => a.attributeType.fullName === 'System.FlagsAttribute')) flags |= TypeInfoFlags.Flags;
      extra = this.emitEnumConstants(t);
    }
    const vtable = def.isInterface ? [] : ctx.vtables.slots(t).map(m => this.entry(t, m));
    const interfaces = def.isInterface ? undefined : this.deferInterfaceMap(t, `${t.key}$interfaces`, () => this.ctx.interfaces.tables(t));
    asm.section('.rdata');
    emitTypeInfo(asm, { symbol: typeInfoSymbol(t), flags, base, size, element, name: ctx.stringLiteral(runtimeTypeName(t)), interfaces, extra, vtable });
  }

  /** [count, (value low, value high, name)...] of an enum's constants, in declaration order. */
  private emitEnumConstants(t: NamedType): string {
    const { asm } = this.ctx;
    const constants = t.def.fields.filter(f => f.isStatic && f.isLiteral && f.hasConstant);
    const label = `${t.key}$constants`;
    const names = constants.map(f => this.ctx.stringLiteral(f.name));
    asm.section('.rdata');
    asm.align(4);
    asm.label(label, { type: 'object' });
    asm.u32(constants.length);
    constants.forEach((f, i) => {
      const v = BigInt.asUintN(64, BigInt(f.constant as number | bigint));
      asm.u32(Number(v & 0xffffffffn));
      asm.u32(Number(v >> 32n));
      asm.addr32(names[i]!);
    });
    asm.endSymbol(label);
    return label;
  }

  private emitArray(t: Extract<RType, { kind: 'array' }>): void {
    const ctx = this.ctx;
    const element = ctx.typeInfo(t.elem);
    const vtable = ctx.vtables.slots(ctx.arrayType).map(m => this.entry(ctx.arrayType, m));
    const interfaces = this.deferInterfaceMap(ctx.arrayType, `${t.key}$interfaces`, () => this.arrayInterfaceTables(t));
    ctx.asm.section('.rdata');
    emitTypeInfo(ctx.asm, {
      symbol: typeInfoSymbol(t),
      flags: TypeInfoFlags.Array | (t.vector ? 0 : TypeInfoFlags.MultiDimensional),
      base: ctx.typeInfo(ctx.arrayType),
      size: ctx.layouts.sizeOf(t.elem),
      element,
      name: ctx.stringLiteral(runtimeTypeName(t)),
      interfaces,
      extra: t.rank,
      vtable,
    });
  }

  /** A vtable or interface-table entry of type `t` for method `m`. */
  private entry(t: NamedType, m: MethodInst | undefined): string {
    if (m === undefined || m.def.isAbstract) return this.ctx.abstractStub();
    const target = this.ctx.requireMethod(m);
    return t.isValueType && m.owner.isValueType ? this.unboxingEntry(target) : target;
  }

  /** Entry of a value-type method taking the boxed object as `this`: adds the header size, then jumps. */
  unboxingEntry(target: string): string {
    const name = `${target}$unbox`;
    if (this.thunks.has(name)) return name;
    this.thunks.add(name);
    const { asm } = this.ctx;
    const previous = asm.currentSection;
    asm.section('.text');
    asm.align(4);
    asm.label(name, { type: 'function' });
    asm.emit('add', mem(4, { base: 'esp', disp: 4 }), imm(OBJECT_HEADER));
    asm.emit('jmp', sym(target));
    asm.endSymbol(name);
    asm.section(previous);
    return name;
  }

  /**
   * The interfaces of T[]: those of System.Array, and — for one-dimensional arrays — the
   * generic collection interfaces, implemented by korlib's SZArrayHelper<T>.
   */
  private arrayInterfaceTables(t: Extract<RType, { kind: 'array' }>): InterfaceTable[] {
    const ctx = this.ctx;
    const tables = [...ctx.interfaces.tables(ctx.arrayType)];
    if (!t.vector || ctx.arrayHelper === undefined) return tables;
    const helper = ctx.types.named(ctx.arrayHelper, [t.elem]);
    for (const name of ARRAY_GENERIC_INTERFACES) {
      const def = ctx.corlibType(name);
      if (def === undefined) continue;
      const itf = ctx.types.named(def, [t.elem]);
      const methods = interfaceMethods(itf).map(m => {
        const im = ctx.methods.get(m, itf);
        const impl = helper.def.methods.find(h => h.name === m.name && !h.isStatic && sameSignature(ctx.methods.get(h, helper), im));
        return impl === undefined ? undefined : ctx.methods.get(impl, helper);
      });
      tables.push({ itf, methods });
    }
    return tables;
  }

  /**
   * The interface map of a type is emitted at the end of compilation (emitInterfaceMaps),
   * with only the interfaces the program uses: those whose type information something
   * asked for (a cast, an interface call). Until then it is a label; completeInterfaceMaps
   * requests the code of the methods in the tables of those interfaces.
   */
  private deferInterfaceMap(t: NamedType, label: string, tables: () => readonly InterfaceTable[]): string | undefined {
    const all = tables();
    if (all.length === 0) return undefined;
    this.pendingMaps.push({ t, label, tables: all, required: new Set() });
    return label;
  }

  /** Requests the methods of the used interfaces' tables; true if it requested new ones. */
  completeInterfaceMaps(used: (itf: NamedType) => boolean): boolean {
    let changed = false;
    for (const map of this.pendingMaps) {
      for (const tab of map.tables) {
        if (map.required.has(tab) || !used(tab.itf)) continue;
        map.required.add(tab);
        for (const m of tab.methods) this.entry(map.t, m);
        changed = true;
      }
    }
    return changed;
  }

  emitInterfaceMaps(): void {
    const { asm } = this.ctx;
    asm.section('.rdata');
    for (const { t, label, tables, required } of this.pendingMaps) {
      const entries = tables.filter(tab => required.has(tab)).map(tab => ({ itf: this.ctx.typeInfo(tab.itf), methods: tab.methods.map(m => this.entry(t, m)) }));
      asm.align(4);
      asm.label(label, { type: 'object' });
      asm.u32(entries.length);
      entries.forEach((e, i) => {
        asm.addr32(e.itf);
        asm.addr32(`${label}${i}`);
      });
      entries.forEach((e, i) => {
        asm.label(`${label}${i}`);
        for (const m of e.methods) asm.addr32(m);
      });
      asm.endSymbol(label);
    }
  }
}
