// MetadataReader: turns table rows into objects of the model, once per row (so identity
// holds: lookupToken(t) === lookupToken(t)), and answers the lazy questions definitions
// ask (members of a type, custom attributes of a token, layout, semantics, bodies).
// Reverse maps (owner → rows) are built on first use by one scan of the table. Every row
// index read from a column is checked against the target table's row count.

import { badImage } from '../errors.ts';
import { ByteReader, utf16 } from '../pe/byte-reader.ts';
import { readMethodBody } from '../il/body-reader.ts';
import type { MethodBody } from '../il/method-body.ts';
import type { MetadataImage } from '../metadata/image.ts';
import { SignatureReader, toParameters, type GenericContext } from '../metadata/signature-reader.ts';
import { CodedIndexes, TABLE_NAMES, Table, type CodedIndex } from '../metadata/table-schema.ts';
import type { TableInfo } from '../metadata/tables.ts';
import { AssemblyNameReference } from './assembly-name.ts';
import { CustomAttribute } from './custom-attribute.ts';
import { EventDefinition, FieldDefinition, MethodDefinition, PropertyDefinition, TypeDefinition, type InterfaceImplementation, type PInvokeInfo } from './definitions.ts';
import { CallSite, FieldReference, GenericInstanceMethod, MethodReference } from './members.ts';
import { MetadataType, PRIMITIVE_NAMES } from './metadata-type.ts';
import { GenericParameter, ModuleReference, TypeReference, type GenericParameterKind } from './types.ts';
import type { ModuleDefinition } from './module.ts';

/** Deepest chain of rows built inside one another (nested types, TypeRef scopes, TypeSpecs). */
const MAX_NESTING = 256;

/** The shared empty list of things a row has none of (never mutated). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

// Column numbers, in the order of table-schema.ts.
const TypeDefCol = { Flags: 0, Name: 1, Namespace: 2, Extends: 3, FieldList: 4, MethodList: 5 } as const;
const FieldCol = { Flags: 0, Name: 1, Signature: 2 } as const;
const MethodCol = { RVA: 0, ImplFlags: 1, Flags: 2, Name: 3, Signature: 4, ParamList: 5 } as const;

export interface ExportedTypeInfo {
  readonly row: number;
  readonly flags: number;
  readonly namespace: string;
  readonly name: string;
  /** Where the type is: an AssemblyRef (forwarder), a File, or the enclosing ExportedType. */
  readonly implementation: { readonly table: Table; readonly row: number };
}

export class MetadataReader {
  private readonly typeDefs: (TypeDefinition | undefined)[];
  private readonly typeRefs: (TypeReference | undefined)[];
  private readonly typeSpecs: (TypeReference | undefined)[];
  private readonly fields: (FieldDefinition | undefined)[];
  private readonly methods: (MethodDefinition | undefined)[];
  private readonly memberRefs: (FieldReference | MethodReference | undefined)[];
  private readonly methodSpecs: (GenericInstanceMethod | undefined)[];
  private readonly moduleRefs: (ModuleReference | undefined)[];
  private readonly assemblyRefs: (AssemblyNameReference | undefined)[];
  private readonly freeGenerics = new Map<string, GenericParameter>();
  /** Depth of the type signature being decoded, across nested TypeSpecs (see SignatureReader). */
  typeDepth = 0;
  /** Rows whose object is being built: re-entry means a cycle in the metadata. */
  private readonly building = new Set<number>();


  constructor(
    readonly module: ModuleDefinition,
    readonly image: MetadataImage,
  ) {
    const n = (t: Table) => new Array(image.rowCount(t) + 1);
    this.typeDefs = n(Table.TypeDef);
    this.typeRefs = n(Table.TypeRef);
    this.typeSpecs = n(Table.TypeSpec);
    this.fields = n(Table.Field);
    this.methods = n(Table.MethodDef);
    this.memberRefs = n(Table.MemberRef);
    this.methodSpecs = n(Table.MethodSpec);
    this.moduleRefs = n(Table.ModuleRef);
    this.assemblyRefs = n(Table.AssemblyRef);
  }

  // ---- raw access -------------------------------------------------------------------

  table(t: Table): TableInfo {
    return this.image.tables.table(t);
  }
  private col(t: Table, row: number, col: number): number {
    return this.table(t).get(row, col);
  }
  private str(t: Table, row: number, col: number): string {
    return this.image.strings.get(this.col(t, row, col));
  }
  private checkRow(t: Table, row: number, where: number): void {
    const rows = this.image.rowCount(t);
    if (row === 0 || row > rows) badImage(`${TABLE_NAMES[t]} index ${row} out of range 1..${rows}`, where);
  }
  private coded(c: CodedIndex, t: Table, row: number, col: number): { table: Table; row: number } {
    const info = this.table(t);
    const v = info.get(row, col);
    const decoded = this.image.tables.decodeCoded(c, v, info.rowOffset(row));
    if (decoded.row !== 0) this.checkRow(decoded.table, decoded.row, info.rowOffset(row));
    return decoded;
  }
  private blob(t: Table, row: number, col: number, what: string): ByteReader {
    return this.image.blobs.open(this.col(t, row, col), what);
  }
  private sig(t: Table, row: number, col: number, what: string, context: GenericContext): SignatureReader {
    return new SignatureReader(this, this.blob(t, row, col, what), context);
  }

  /**
   * Guards a recursive build of one row against cycles (nested types, TypeSpec loops) and
   * against chains deeper than any real program nests, which would exhaust the stack.
   */
  private guard<T>(t: Table, row: number, build: () => T): T {
    const key = (t << 24) | row;
    if (this.building.has(key)) badImage(`cyclic reference through ${TABLE_NAMES[t]} row ${row}`, this.table(t).rowOffset(row));
    if (this.building.size >= MAX_NESTING) badImage(`${TABLE_NAMES[t]} row ${row}: references nest more than ${MAX_NESTING} deep`, this.table(t).rowOffset(row));
    this.building.add(key);
    try {
      return build();
    } finally {
      this.building.delete(key);
    }
  }

  // ---- reverse maps, built on first use ----------------------------------------------

  private maps = new Map<string, Map<number, number[]>>();
  /** owner key → rows of `t` whose column `col` (simple or coded index) names that owner. */
  private rowsBy(t: Table, col: number): Map<number, number[]> {
    const key = `${t}:${col}`;
    let m = this.maps.get(key);
    if (m === undefined) {
      m = new Map();
      const values = this.table(t).column(col);
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        const list = m.get(v);
        if (list === undefined) m.set(v, [i + 1]);
        else list.push(i + 1);
      }
      this.maps.set(key, m);
    }
    return m;
  }
  private encode(c: CodedIndex, table: Table, row: number): number {
    return (row << c.tagBits) | c.tables.indexOf(table);
  }

  private ownerMaps: { fieldOwner: Int32Array; methodOwner: Int32Array } | undefined;
  /** Field row → declaring TypeDef row and MethodDef row → declaring TypeDef row. */
  private owners(): { fieldOwner: Int32Array; methodOwner: Int32Array } {
    if (this.ownerMaps === undefined) {
      const fieldOwner = new Int32Array(this.image.rowCount(Table.Field) + 1);
      const methodOwner = new Int32Array(this.image.rowCount(Table.MethodDef) + 1);
      const types = this.image.rowCount(Table.TypeDef);
      for (let t = 1; t <= types; t++) {
        for (const f of this.listRows(t, TypeDefCol.FieldList, Table.Field, Table.FieldPtr)) fieldOwner[f] = t;
        for (const m of this.listRows(t, TypeDefCol.MethodList, Table.MethodDef, Table.MethodPtr)) methodOwner[m] = t;
      }
      this.ownerMaps = { fieldOwner, methodOwner };
    }
    return this.ownerMaps;
  }

  /**
   * The rows of a member list (II.22: a run from this row's list column to the next row's,
   * or to the end), mapped through the Ptr table when the #- stream has one.
   */
  private listRange(owner: Table, row: number, col: number, target: Table, ptr: Table): number[] {
    const info = this.table(owner);
    const ptrRows = this.image.rowCount(ptr);
    const count = ptrRows > 0 ? ptrRows : this.image.rowCount(target);
    const start = info.get(row, col);
    const end = row < info.rows ? info.get(row + 1, col) : count + 1;
    if (start === 0 || start > count + 1) badImage(`${TABLE_NAMES[owner]} row ${row}: member list starts at ${start}, outside 1..${count + 1}`, info.rowOffset(row));
    const rows: number[] = [];
    for (let i = start; i < Math.min(end, count + 1); i++) {
      if (ptrRows > 0) {
        const real = this.col(ptr, i, 0);
        this.checkRow(target, real, this.table(ptr).rowOffset(i));
        rows.push(real);
      } else rows.push(i);
    }
    return rows;
  }
  private listRows(typeRow: number, col: number, target: Table, ptr: Table): number[] {
    return this.listRange(Table.TypeDef, typeRow, col, target, ptr);
  }

  // ---- type definitions and references ------------------------------------------------

  private enclosingOf(row: number): number {
    const nested = this.rowsBy(Table.NestedClass, 0).get(row);
    if (nested === undefined) return 0;
    const enclosing = this.col(Table.NestedClass, nested[0]!, 1);
    this.checkRow(Table.TypeDef, enclosing, this.table(Table.NestedClass).rowOffset(nested[0]!));
    return enclosing;
  }

  typeDef(row: number): TypeDefinition {
    let t = this.typeDefs[row];
    if (t !== undefined) return t;
    this.checkRow(Table.TypeDef, row, this.table(Table.TypeDef).offset);
    return this.guard(Table.TypeDef, row, () => {
      const enclosing = this.enclosingOf(row);
      const declaring = enclosing === 0 ? undefined : this.typeDef(enclosing);
      const ns = this.str(Table.TypeDef, row, TypeDefCol.Namespace);
      const name = this.str(Table.TypeDef, row, TypeDefCol.Name);
      t = new TypeDefinition(this, row, this.col(Table.TypeDef, row, TypeDefCol.Flags), ns, name, this.module);
      t.declaringType = declaring;
      if (declaring === undefined && ns === 'System' && this.module.isCorlib) {
        const et = PRIMITIVE_NAMES[name];
        if (et !== undefined) t.setElementType(et);
      }
      this.typeDefs[row] = t;
      return t;
    });
  }

  typeRef(row: number): TypeReference {
    let t = this.typeRefs[row];
    if (t !== undefined) return t;
    this.checkRow(Table.TypeRef, row, this.table(Table.TypeRef).offset);
    return this.guard(Table.TypeRef, row, () => {
      const scope = this.coded(CodedIndexes.ResolutionScope, Table.TypeRef, row, 0);
      const ns = this.str(Table.TypeRef, row, 2);
      const name = this.str(Table.TypeRef, row, 1);
      let declaring: TypeReference | undefined;
      let s: TypeReference['scope'];
      switch (scope.table) {
        case Table.Module: s = this.module; break;
        case Table.ModuleRef: s = this.moduleRef(scope.row); break;
        case Table.AssemblyRef: s = this.assemblyRef(scope.row); break;
        case Table.TypeRef:
          declaring = this.typeRef(scope.row);
          s = declaring.scope;
          break;
      }
      // A null scope means "look in ExportedType" (II.22.38); treat it as this module.
      if (scope.row === 0) s = this.module;
      t = new TypeReference(ns, name, this.module, s);
      t.declaringType = declaring;
      if (declaring === undefined && ns === 'System' && this.module.typeSystem.isCorlibScope(s)) {
        const et = PRIMITIVE_NAMES[name];
        if (et !== undefined) {
          t.setElementType(et);
          t.isValueType = et !== MetadataType.String && et !== MetadataType.Object;
        }
      }
      this.typeRefs[row] = t;
      return t;
    });
  }

  typeSpec(row: number): TypeReference {
    let t = this.typeSpecs[row];
    if (t !== undefined) return t;
    this.checkRow(Table.TypeSpec, row, this.table(Table.TypeSpec).offset);
    t = this.guard(Table.TypeSpec, row, () => this.sig(Table.TypeSpec, row, 0, 'TypeSpec signature', {}).readType());
    this.typeSpecs[row] = t;
    return t;
  }

  /** TypeSpecs decoded within a generic definition's context, per owner (see typeDefOrRef). */
  private readonly contextualSpecs = new WeakMap<object, Map<number, TypeReference>>();

  /**
   * A TypeDefOrRef coded value (table column or signature TypeDefOrRefOrSpecEncoded).
   * Within a generic type or method definition (base type, interfaces, constraints,
   * signatures of its members) a TypeSpec's !n/!!n bind to that definition's parameters
   * (as in Cecil); elsewhere the context-free, per-row cached TypeSpec is returned.
   */
  typeDefOrRef(coded: number, context: GenericContext, where: number): TypeReference {
    const c = this.image.tables.decodeCoded(CodedIndexes.TypeDefOrRef, coded, where);
    this.checkRow(c.table, c.row, where);
    if (c.table === Table.TypeSpec) {
      const owner = context.method?.isDefinition && context.method.hasGenericParameters ? context.method : context.type?.isDefinition && context.type.hasGenericParameters ? context.type : undefined;
      if (owner !== undefined) {
        let specs = this.contextualSpecs.get(owner);
        if (specs === undefined) this.contextualSpecs.set(owner, (specs = new Map()));
        let t = specs.get(c.row);
        if (t === undefined) {
          t = this.guard(Table.TypeSpec, c.row, () => this.sig(Table.TypeSpec, c.row, 0, 'TypeSpec signature', context).readType());
          specs.set(c.row, t);
        }
        return t;
      }
    }
    return this.typeOfToken(c.table, c.row);
  }
  private typeOfToken(table: Table, row: number): TypeReference {
    switch (table) {
      case Table.TypeDef: return this.typeDef(row);
      case Table.TypeRef: return this.typeRef(row);
      case Table.TypeSpec: return this.typeSpec(row);
      default: return badImage(`expected a TypeDef, TypeRef or TypeSpec token, found table ${TABLE_NAMES[table]}`);
    }
  }

  freeGenericParameter(kind: GenericParameterKind, position: number): GenericParameter {
    const key = kind + position;
    let p = this.freeGenerics.get(key);
    if (p === undefined) {
      p = new GenericParameter((kind === 'type' ? '!' : '!!') + position, position, kind, undefined, this.module);
      this.freeGenerics.set(key, p);
    }
    return p;
  }

  moduleRef(row: number): ModuleReference {
    let m = this.moduleRefs[row];
    if (m === undefined) {
      this.checkRow(Table.ModuleRef, row, this.table(Table.ModuleRef).offset);
      m = new ModuleReference(this.str(Table.ModuleRef, row, 0));
      this.moduleRefs[row] = m;
    }
    return m;
  }

  assemblyRef(row: number): AssemblyNameReference {
    let a = this.assemblyRefs[row];
    if (a === undefined) {
      this.checkRow(Table.AssemblyRef, row, this.table(Table.AssemblyRef).offset);
      const c = (i: number) => this.col(Table.AssemblyRef, row, i);
      const version = { major: c(0), minor: c(1), build: c(2), revision: c(3) };
      a = new AssemblyNameReference(
        this.str(Table.AssemblyRef, row, 6), version, this.str(Table.AssemblyRef, row, 7), c(4),
        this.image.blobs.get(c(5), 'AssemblyRef PublicKeyOrToken'), this.image.blobs.get(c(8), 'AssemblyRef HashValue'),
      );
      this.assemblyRefs[row] = a;
    }
    return a;
  }

  exportedTypes(): ExportedTypeInfo[] {
    const rows = this.image.rowCount(Table.ExportedType);
    const out: ExportedTypeInfo[] = [];
    for (let row = 1; row <= rows; row++) {
      out.push({
        row,
        flags: this.col(Table.ExportedType, row, 0),
        name: this.str(Table.ExportedType, row, 2),
        namespace: this.str(Table.ExportedType, row, 3),
        implementation: this.coded(CodedIndexes.Implementation, Table.ExportedType, row, 4),
      });
    }
    return out;
  }

  // ---- members of a type -------------------------------------------------------------

  typeBaseType(t: TypeDefinition): TypeReference | undefined {
    const v = this.col(Table.TypeDef, t.row, TypeDefCol.Extends);
    const at = this.table(Table.TypeDef).rowOffset(t.row);
    const c = this.image.tables.decodeCoded(CodedIndexes.TypeDefOrRef, v, at);
    if (c.row === 0) return undefined;
    return this.typeDefOrRef(v, { type: t }, at);
  }

  typeFields(t: TypeDefinition): FieldDefinition[] {
    return this.listRows(t.row, TypeDefCol.FieldList, Table.Field, Table.FieldPtr).map(r => this.field(r));
  }
  typeMethods(t: TypeDefinition): MethodDefinition[] {
    return this.listRows(t.row, TypeDefCol.MethodList, Table.MethodDef, Table.MethodPtr).map(r => this.method(r));
  }

  nestedTypes(t: TypeDefinition): TypeDefinition[] {
    const rows = this.rowsBy(Table.NestedClass, 1).get(t.row) ?? [];
    return rows.map(r => {
      const nested = this.col(Table.NestedClass, r, 0);
      this.checkRow(Table.TypeDef, nested, this.table(Table.NestedClass).rowOffset(r));
      return this.typeDef(nested);
    }).filter(n => n.declaringType === t);
  }

  typeInterfaces(t: TypeDefinition): InterfaceImplementation[] {
    const rows = this.rowsBy(Table.InterfaceImpl, 0).get(t.row) ?? [];
    return rows.map(r => {
      const c = this.col(Table.InterfaceImpl, r, 1);
      const interfaceType = this.typeDefOrRef(c, { type: t }, this.table(Table.InterfaceImpl).rowOffset(r));
      const token = 0x09000000 | r;
      let list: CustomAttribute[] | undefined;
      const load = () => (list ??= this.customAttributesOf(token));
      return { interfaceType, get customAttributes() { return load(); } };
    });
  }

  field(row: number): FieldDefinition {
    let f = this.fields[row];
    if (f !== undefined) return f;
    this.checkRow(Table.Field, row, this.table(Table.Field).offset);
    const owner = this.owners().fieldOwner[row]!;
    if (owner === 0) badImage(`Field row ${row} belongs to no type`, this.table(Table.Field).rowOffset(row));
    const declaring = this.typeDef(owner);
    const type = this.sig(Table.Field, row, FieldCol.Signature, 'field signature', { type: declaring }).readFieldSig();
    f = new FieldDefinition(this, row, this.col(Table.Field, row, FieldCol.Flags), this.str(Table.Field, row, FieldCol.Name), type, declaring, this.module);
    this.fields[row] = f;
    return f;
  }

  method(row: number): MethodDefinition {
    let m = this.methods[row];
    if (m !== undefined) return m;
    this.checkRow(Table.MethodDef, row, this.table(Table.MethodDef).offset);
    const owner = this.owners().methodOwner[row]!;
    if (owner === 0) badImage(`MethodDef row ${row} belongs to no type`, this.table(Table.MethodDef).rowOffset(row));
    const declaring = this.typeDef(owner);
    const t = this.table(Table.MethodDef);
    const def = new MethodDefinition(this, row, t.get(row, MethodCol.Flags), t.get(row, MethodCol.ImplFlags), t.get(row, MethodCol.RVA), this.str(Table.MethodDef, row, MethodCol.Name), declaring, this.module);
    def.setGenericParameters(() => this.genericParametersOf(def));
    this.methods[row] = def;
    try {
      const sig = this.sig(Table.MethodDef, row, MethodCol.Signature, 'method signature', { type: declaring, method: def }).readMethodSig();
      def.returnType = sig.returnType;
      def.hasThis = sig.hasThis;
      def.explicitThis = sig.explicitThis;
      def.callingConvention = sig.callingConvention;
      def.parameters = toParameters(sig.parameterTypes, def);
      for (const p of this.listRange(Table.MethodDef, row, MethodCol.ParamList, Table.Param, Table.ParamPtr)) {
        const seq = this.col(Table.Param, p, 1);
        const param = seq >= 1 ? def.parameters[seq - 1] : undefined;
        if (param === undefined) continue; // return-value row or a sequence beyond the signature
        param.row = p;
        param.sequence = seq;
        param.name = this.str(Table.Param, p, 2);
        param.attributes = this.col(Table.Param, p, 0);
        param.source = this;
      }
    } catch (e) {
      this.methods[row] = undefined;
      throw e;
    }
    return def;
  }

  typeProperties(t: TypeDefinition): PropertyDefinition[] {
    const map = this.rowsBy(Table.PropertyMap, 0).get(t.row);
    if (map === undefined) return [];
    return this.listRange(Table.PropertyMap, map[0]!, 1, Table.Property, Table.PropertyPtr).map(row => {
      const sig = this.sig(Table.Property, row, 2, 'property signature', { type: t }).readPropertySig();
      const token = 0x17000000 | row;
      const p = new PropertyDefinition(row, this.str(Table.Property, row, 1), this.col(Table.Property, row, 0), sig.type, sig.parameterTypes, sig.hasThis, t, () => this.customAttributesOf(token));
      for (const { semantics, method } of this.semanticsFor(Table.Property, row)) {
        if (semantics & 0x2) p.getMethod = method;
        else if (semantics & 0x1) p.setMethod = method;
        else p.otherMethods.push(method);
      }
      return p;
    });
  }

  typeEvents(t: TypeDefinition): EventDefinition[] {
    const map = this.rowsBy(Table.EventMap, 0).get(t.row);
    if (map === undefined) return [];
    return this.listRange(Table.EventMap, map[0]!, 1, Table.Event, Table.EventPtr).map(row => {
      const type = this.typeDefOrRef(this.col(Table.Event, row, 2), { type: t }, this.table(Table.Event).rowOffset(row));
      const token = 0x14000000 | row;
      const e = new EventDefinition(row, this.str(Table.Event, row, 1), this.col(Table.Event, row, 0), type, t, () => this.customAttributesOf(token));
      for (const { semantics, method } of this.semanticsFor(Table.Event, row)) {
        if (semantics & 0x8) e.addMethod = method;
        else if (semantics & 0x10) e.removeMethod = method;
        else if (semantics & 0x20) e.invokeMethod = method;
        else e.otherMethods.push(method);
      }
      return e;
    });
  }

  private semanticsFor(table: Table, row: number): { semantics: number; method: MethodDefinition }[] {
    const rows = this.rowsBy(Table.MethodSemantics, 2).get(this.encode(CodedIndexes.HasSemantics, table, row)) ?? [];
    return rows.map(r => {
      const m = this.col(Table.MethodSemantics, r, 1);
      this.checkRow(Table.MethodDef, m, this.table(Table.MethodSemantics).rowOffset(r));
      return { semantics: this.col(Table.MethodSemantics, r, 0), method: this.method(m) };
    });
  }

  semanticsOf(m: MethodDefinition): number {
    const rows = this.rowsBy(Table.MethodSemantics, 1).get(m.row);
    let semantics = 0;
    if (rows !== undefined) for (const r of rows) semantics |= this.col(Table.MethodSemantics, r, 0);
    return semantics;
  }

  genericParametersOf(owner: TypeDefinition | MethodDefinition): GenericParameter[] {
    const table = owner instanceof TypeDefinition ? Table.TypeDef : Table.MethodDef;
    const rows = this.rowsBy(Table.GenericParam, 2).get(this.encode(CodedIndexes.TypeOrMethodDef, table, owner.row)) ?? [];
    const kind: GenericParameterKind = table === Table.TypeDef ? 'type' : 'method';
    const params = rows.map(r => {
      const p = new GenericParameter(this.str(Table.GenericParam, r, 3), this.col(Table.GenericParam, r, 0), kind, owner, this.module);
      p.attributes = this.col(Table.GenericParam, r, 1);
      const context: GenericContext = owner instanceof TypeDefinition ? { type: owner } : { type: owner.declaringType, method: owner };
      p.setConstraints(() => (this.rowsBy(Table.GenericParamConstraint, 0).get(r) ?? []).map(cr =>
        this.typeDefOrRef(this.col(Table.GenericParamConstraint, cr, 1), context, this.table(Table.GenericParamConstraint).rowOffset(cr))));
      const token = 0x2a000000 | r;
      Object.defineProperty(p, 'customAttributes', { get: () => this.customAttributesOf(token) });
      return p;
    });
    params.sort((a, b) => a.position - b.position);
    return params;
  }

  methodOverrides(m: MethodDefinition): MethodReference[] {
    const rows = this.rowsBy(Table.MethodImpl, 0).get(m.declaringType.row) ?? [];
    const out: MethodReference[] = [];
    for (const r of rows) {
      const body = this.coded(CodedIndexes.MethodDefOrRef, Table.MethodImpl, r, 1);
      if (body.table !== Table.MethodDef || body.row !== m.row) continue;
      const decl = this.coded(CodedIndexes.MethodDefOrRef, Table.MethodImpl, r, 2);
      out.push(this.methodDefOrRef(decl.table, decl.row, this.table(Table.MethodImpl).rowOffset(r)));
    }
    return out;
  }

  pInvokeInfo(m: MethodDefinition): PInvokeInfo | undefined {
    const rows = this.rowsBy(Table.ImplMap, 1).get(this.encode(CodedIndexes.MemberForwarded, Table.MethodDef, m.row));
    if (rows === undefined) return undefined;
    const r = rows[0]!;
    const scope = this.col(Table.ImplMap, r, 3);
    return { attributes: this.col(Table.ImplMap, r, 0), entryPoint: this.str(Table.ImplMap, r, 2), module: this.moduleRef(scope) };
  }

  classLayout(t: TypeDefinition): { packingSize: number; classSize: number } {
    const rows = this.rowsBy(Table.ClassLayout, 2).get(t.row);
    if (rows === undefined) return { packingSize: -1, classSize: -1 };
    return { packingSize: this.col(Table.ClassLayout, rows[0]!, 0), classSize: this.col(Table.ClassLayout, rows[0]!, 1) };
  }

  fieldOffset(f: FieldDefinition): number {
    const rows = this.rowsBy(Table.FieldLayout, 1).get(f.row);
    return rows === undefined ? -1 : this.col(Table.FieldLayout, rows[0]!, 0);
  }

  fieldRva(f: FieldDefinition): number {
    const rows = this.rowsBy(Table.FieldRVA, 1).get(f.row);
    return rows === undefined ? 0 : this.col(Table.FieldRVA, rows[0]!, 0);
  }

  fieldInitialValue(f: FieldDefinition): Uint8Array {
    const rva = this.fieldRva(f);
    if (rva === 0) return new Uint8Array(0);
    const size = this.typeSize(f.fieldType, new Set());
    const r = this.image.pe.readerAt(rva, size, `initial value of field ${f.fullName}`);
    return r.bytes(size);
  }

  /** Byte size of a field type for FieldRVA data: primitives, pointers, and value types by ClassLayout or fields. */
  private typeSize(t: TypeReference, seen: Set<TypeReference>): number {
    switch (t.metadataType) {
      case MetadataType.Boolean: case MetadataType.SByte: case MetadataType.Byte: return 1;
      case MetadataType.Char: case MetadataType.Int16: case MetadataType.UInt16: return 2;
      case MetadataType.Int32: case MetadataType.UInt32: case MetadataType.Single: return 4;
      case MetadataType.Int64: case MetadataType.UInt64: case MetadataType.Double: return 8;
      case MetadataType.IntPtr: case MetadataType.UIntPtr: case MetadataType.Pointer: case MetadataType.FunctionPointer:
        return this.image.pe.headers.isPE32Plus ? 8 : 4;
    }
    const def = t.resolve();
    if (def.isEnum) return this.typeSize(def.getEnumUnderlyingType(), seen);
    if (def.classSize > 0) return def.classSize;
    if (seen.has(def)) badImage(`value type ${def.fullName} contains itself`);
    seen.add(def);
    let size = 0;
    for (const f of def.fields) if (!f.isStatic) size += this.typeSize(f.fieldType, seen);
    seen.delete(def);
    return size;
  }

  // ---- constants and custom attributes --------------------------------------------------

  private constantRow(token: number): number | undefined {
    const table = token >>> 24;
    const c = CodedIndexes.HasConstant;
    if (!c.tables.includes(table)) return undefined;
    return this.rowsBy(Table.Constant, 1).get(this.encode(c, table, token & 0xffffff))?.[0];
  }

  /** II.22.9 Constant value decoded by its element type; CLASS means null. */
  constantOf(token: number): { has: boolean; value: unknown } {
    const row = this.constantRow(token);
    if (row === undefined) return { has: false, value: undefined };
    const type = this.col(Table.Constant, row, 0) & 0xff;
    const b = this.blob(Table.Constant, row, 2, 'constant value');
    switch (type) {
      case MetadataType.Boolean: return { has: true, value: b.u8('bool constant') !== 0 };
      case MetadataType.Char: return { has: true, value: b.u16('char constant') };
      case MetadataType.SByte: return { has: true, value: b.i8('int8 constant') };
      case MetadataType.Byte: return { has: true, value: b.u8('uint8 constant') };
      case MetadataType.Int16: return { has: true, value: b.i16('int16 constant') };
      case MetadataType.UInt16: return { has: true, value: b.u16('uint16 constant') };
      case MetadataType.Int32: return { has: true, value: b.i32('int32 constant') };
      case MetadataType.UInt32: return { has: true, value: b.u32('uint32 constant') };
      case MetadataType.Int64: return { has: true, value: b.i64('int64 constant') };
      case MetadataType.UInt64: return { has: true, value: b.u64('uint64 constant') };
      case MetadataType.Single: return { has: true, value: b.f32('float32 constant') };
      case MetadataType.Double: return { has: true, value: b.f64('float64 constant') };
      case MetadataType.String: return { has: true, value: utf16.decode(b.bytes(b.length & ~1, 'string constant')) };
      case MetadataType.Class: return { has: true, value: null };
      default: return badImage(`invalid constant element type 0x${type.toString(16)}`, this.table(Table.Constant).rowOffset(row));
    }
  }

  customAttributesOf(token: number): CustomAttribute[] {
    const table = token >>> 24;
    const c = CodedIndexes.HasCustomAttribute;
    if (!c.tables.includes(table)) return NONE;
    const rows = this.rowsBy(Table.CustomAttribute, 0).get(this.encode(c, table, token & 0xffffff));
    return rows === undefined ? NONE : rows.map(r => this.customAttribute(r));
  }

  private customAttributeCache = new Map<number, CustomAttribute>();
  customAttribute(row: number): CustomAttribute {
    let a = this.customAttributeCache.get(row);
    if (a === undefined) {
      const ctor = this.coded(CodedIndexes.CustomAttributeType, Table.CustomAttribute, row, 1);
      const at = this.table(Table.CustomAttribute).rowOffset(row);
      const m = this.methodDefOrRef(ctor.table, ctor.row, at);
      a = new CustomAttribute(m, this.blob(Table.CustomAttribute, row, 2, 'custom attribute value'), this.module);
      this.customAttributeCache.set(row, a);
    }
    return a;
  }

  // ---- member references, method specs, tokens ------------------------------------------

  memberRef(row: number): FieldReference | MethodReference {
    let m = this.memberRefs[row];
    if (m !== undefined) return m;
    this.checkRow(Table.MemberRef, row, this.table(Table.MemberRef).offset);
    m = this.guard(Table.MemberRef, row, () => {
      const parent = this.coded(CodedIndexes.MemberRefParent, Table.MemberRef, row, 0);
      const at = this.table(Table.MemberRef).rowOffset(row);
      if (parent.row === 0) badImage(`MemberRef row ${row} has no parent`, at);
      let declaring: TypeReference;
      switch (parent.table) {
        case Table.TypeDef: case Table.TypeRef: case Table.TypeSpec:
          declaring = this.typeOfToken(parent.table, parent.row);
          break;
        case Table.ModuleRef:
          declaring = new TypeReference('', '<Module>', this.module, this.moduleRef(parent.row));
          break;
        default: // MethodDef: a vararg call site of a method defined here
          declaring = this.method(parent.row).declaringType;
      }
      const name = this.str(Table.MemberRef, row, 1);
      const contextType = declaring.getElementType();
      const blob = this.blob(Table.MemberRef, row, 2, 'MemberRef signature');
      const reader = new SignatureReader(this, blob, { type: contextType });
      if (reader.peek() === 0x06) return new FieldReference(name, new SignatureReader(this, blob, { type: contextType }).readFieldSig(), declaring, this.module);
      const ref = new MethodReference(name, this.module.typeSystem.void, declaring, this.module);
      // The generic arity is the signature's; peek it so !!n binds to this reference's parameters.
      const flags = reader.peek();
      if (flags & 0x10) {
        blob.position = 1;
        const arity = blob.compressedU32('generic parameter count');
        if (arity > blob.remaining) badImage(`generic arity ${arity} exceeds the signature`, blob.fileOffset);
        ref.setGenericParameters(Array.from({ length: arity }, (_, i) => new GenericParameter('!!' + i, i, 'method', ref, this.module)));
        blob.position = 0;
      }
      const sig = new SignatureReader(this, blob, { type: contextType, method: ref }).readMethodSig();
      ref.returnType = sig.returnType;
      ref.hasThis = sig.hasThis;
      ref.explicitThis = sig.explicitThis;
      ref.callingConvention = sig.callingConvention;
      ref.parameters = toParameters(sig.parameterTypes, ref);
      return ref;
    });
    this.memberRefs[row] = m;
    return m;
  }

  methodDefOrRef(table: Table, row: number, where: number): MethodReference {
    if (table === Table.MethodDef) return this.method(row);
    if (table === Table.MemberRef) {
      const m = this.memberRef(row);
      if (m instanceof MethodReference) return m;
      return badImage(`MemberRef row ${row} is a field where a method was expected`, where);
    }
    return badImage(`expected a MethodDef or MemberRef, found ${TABLE_NAMES[table]}`, where);
  }

  methodSpec(row: number): GenericInstanceMethod {
    let m = this.methodSpecs[row];
    if (m !== undefined) return m;
    this.checkRow(Table.MethodSpec, row, this.table(Table.MethodSpec).offset);
    const c = this.coded(CodedIndexes.MethodDefOrRef, Table.MethodSpec, row, 0);
    const element = this.methodDefOrRef(c.table, c.row, this.table(Table.MethodSpec).rowOffset(row));
    const args = this.sig(Table.MethodSpec, row, 1, 'MethodSpec instantiation', {}).readMethodSpec();
    m = new GenericInstanceMethod(element, args);
    this.methodSpecs[row] = m;
    return m;
  }

  private tokenTable(token: number, allowed: readonly Table[], what: string, where: number): { table: Table; row: number } {
    const table = token >>> 24;
    const row = token & 0xffffff;
    if (!allowed.includes(table)) badImage(`expected a ${what} token, found 0x${token.toString(16).padStart(8, '0')}`, where);
    this.checkRow(table, row, where);
    return { table, row };
  }

  typeOperand(token: number, where: number): TypeReference {
    const t = this.tokenTable(token, [Table.TypeDef, Table.TypeRef, Table.TypeSpec], 'type', where);
    return this.typeOfToken(t.table, t.row);
  }

  methodOperand(token: number, where: number): MethodReference {
    const t = this.tokenTable(token, [Table.MethodDef, Table.MemberRef, Table.MethodSpec], 'method', where);
    if (t.table === Table.MethodSpec) return this.methodSpec(t.row);
    return this.methodDefOrRef(t.table, t.row, where);
  }

  fieldOperand(token: number, where: number): FieldReference {
    const t = this.tokenTable(token, [Table.Field, Table.MemberRef], 'field', where);
    if (t.table === Table.Field) return this.field(t.row);
    const m = this.memberRef(t.row);
    if (m instanceof FieldReference) return m;
    return badImage(`MemberRef row ${t.row} is a method where a field was expected`, where);
  }

  tokenOperand(token: number, where: number): TypeReference | MethodReference | FieldReference {
    const t = this.tokenTable(token, [Table.TypeDef, Table.TypeRef, Table.TypeSpec, Table.Field, Table.MethodDef, Table.MemberRef, Table.MethodSpec], 'type, field or method', where);
    switch (t.table) {
      case Table.Field: return this.field(t.row);
      case Table.MethodDef: return this.method(t.row);
      case Table.MemberRef: return this.memberRef(t.row);
      case Table.MethodSpec: return this.methodSpec(t.row);
      default: return this.typeOperand(token, where);
    }
  }

  userStringOperand(token: number, where: number): string {
    if (token >>> 24 !== 0x70) badImage(`expected a user-string token (0x70xxxxxx), found 0x${token.toString(16).padStart(8, '0')}`, where);
    return this.image.userStrings.get(token & 0xffffff);
  }

  private standAloneSig(token: number, where: number): ByteReader {
    const t = this.tokenTable(token, [Table.StandAloneSig], 'StandAloneSig', where);
    return this.blob(Table.StandAloneSig, t.row, 0, 'StandAloneSig');
  }

  callSite(token: number, method: MethodDefinition, where: number): CallSite {
    const sig = new SignatureReader(this, this.standAloneSig(token, where), { type: method.declaringType, method }).readMethodSig();
    return new CallSite(sig.returnType, toParameters(sig.parameterTypes, undefined), sig.hasThis, sig.explicitThis, sig.callingConvention);
  }

  localVariables(token: number, method: MethodDefinition, where: number): TypeReference[] {
    return new SignatureReader(this, this.standAloneSig(token, where), { type: method.declaringType, method }).readLocalVarSig();
  }

  methodBody(m: MethodDefinition): MethodBody {
    return readMethodBody(this, m);
  }

  /** The object a metadata token names (Cecil's LookupToken). */
  lookupToken(token: number): unknown {
    const table = token >>> 24;
    const row = token & 0xffffff;
    if (table === 0x70) return this.image.userStrings.get(row);
    if (table >= TABLE_NAMES.length) badImage(`token 0x${token.toString(16)} names no metadata table`);
    this.checkRow(table, row, this.table(table).offset);
    switch (table) {
      case Table.TypeDef: return this.typeDef(row);
      case Table.TypeRef: return this.typeRef(row);
      case Table.TypeSpec: return this.typeSpec(row);
      case Table.Field: return this.field(row);
      case Table.MethodDef: return this.method(row);
      case Table.MemberRef: return this.memberRef(row);
      case Table.MethodSpec: return this.methodSpec(row);
      case Table.ModuleRef: return this.moduleRef(row);
      case Table.AssemblyRef: return this.assemblyRef(row);
      case Table.CustomAttribute: return this.customAttribute(row);
      default: return undefined;
    }
  }
}
