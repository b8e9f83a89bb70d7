// ECMA-335 II.22: the metadata tables 0x00-0x2C and their columns, as data. Each column is
// a fixed-size constant, a heap index, a simple index into one table, or a coded index
// (II.24.2.6). Sizes of heap, table and coded indexes are decided per image (tables.ts).

export const enum Table {
  Module = 0x00, TypeRef = 0x01, TypeDef = 0x02, FieldPtr = 0x03, Field = 0x04, MethodPtr = 0x05,
  MethodDef = 0x06, ParamPtr = 0x07, Param = 0x08, InterfaceImpl = 0x09, MemberRef = 0x0a,
  Constant = 0x0b, CustomAttribute = 0x0c, FieldMarshal = 0x0d, DeclSecurity = 0x0e,
  ClassLayout = 0x0f, FieldLayout = 0x10, StandAloneSig = 0x11, EventMap = 0x12, EventPtr = 0x13,
  Event = 0x14, PropertyMap = 0x15, PropertyPtr = 0x16, Property = 0x17, MethodSemantics = 0x18,
  MethodImpl = 0x19, ModuleRef = 0x1a, TypeSpec = 0x1b, ImplMap = 0x1c, FieldRVA = 0x1d,
  EncLog = 0x1e, EncMap = 0x1f, Assembly = 0x20, AssemblyProcessor = 0x21, AssemblyOS = 0x22,
  AssemblyRef = 0x23, AssemblyRefProcessor = 0x24, AssemblyRefOS = 0x25, File = 0x26,
  ExportedType = 0x27, ManifestResource = 0x28, NestedClass = 0x29, GenericParam = 0x2a,
  MethodSpec = 0x2b, GenericParamConstraint = 0x2c,
}

export const TABLE_COUNT = 0x2d;

/** II.24.2.6 coded indexes: tag width and the tables in tag order (-1 = unused tag). */
export interface CodedIndex {
  readonly name: string;
  readonly tagBits: number;
  readonly tables: readonly number[];
}

export const CodedIndexes = {
  TypeDefOrRef: { name: 'TypeDefOrRef', tagBits: 2, tables: [Table.TypeDef, Table.TypeRef, Table.TypeSpec] },
  HasConstant: { name: 'HasConstant', tagBits: 2, tables: [Table.Field, Table.Param, Table.Property] },
  HasCustomAttribute: {
    name: 'HasCustomAttribute', tagBits: 5,
    tables: [Table.MethodDef, Table.Field, Table.TypeRef, Table.TypeDef, Table.Param, Table.InterfaceImpl, Table.MemberRef,
      Table.Module, Table.DeclSecurity, Table.Property, Table.Event, Table.StandAloneSig, Table.ModuleRef, Table.TypeSpec,
      Table.Assembly, Table.AssemblyRef, Table.File, Table.ExportedType, Table.ManifestResource, Table.GenericParam,
      Table.GenericParamConstraint, Table.MethodSpec],
  },
  HasFieldMarshal: { name: 'HasFieldMarshal', tagBits: 1, tables: [Table.Field, Table.Param] },
  HasDeclSecurity: { name: 'HasDeclSecurity', tagBits: 2, tables: [Table.TypeDef, Table.MethodDef, Table.Assembly] },
  MemberRefParent: { name: 'MemberRefParent', tagBits: 3, tables: [Table.TypeDef, Table.TypeRef, Table.ModuleRef, Table.MethodDef, Table.TypeSpec] },
  HasSemantics: { name: 'HasSemantics', tagBits: 1, tables: [Table.Event, Table.Property] },
  MethodDefOrRef: { name: 'MethodDefOrRef', tagBits: 1, tables: [Table.MethodDef, Table.MemberRef] },
  MemberForwarded: { name: 'MemberForwarded', tagBits: 1, tables: [Table.Field, Table.MethodDef] },
  Implementation: { name: 'Implementation', tagBits: 2, tables: [Table.File, Table.AssemblyRef, Table.ExportedType] },
  CustomAttributeType: { name: 'CustomAttributeType', tagBits: 3, tables: [-1, -1, Table.MethodDef, Table.MemberRef, -1] },
  ResolutionScope: { name: 'ResolutionScope', tagBits: 2, tables: [Table.Module, Table.ModuleRef, Table.AssemblyRef, Table.TypeRef] },
  TypeOrMethodDef: { name: 'TypeOrMethodDef', tagBits: 1, tables: [Table.TypeDef, Table.MethodDef] },
} as const satisfies Record<string, CodedIndex>;

/** A column kind: fixed width (1, 2, 4), heap index, simple table index or coded index. */
export type ColumnKind =
  | { readonly kind: 'u16' }
  | { readonly kind: 'u32' }
  | { readonly kind: 'string' }
  | { readonly kind: 'guid' }
  | { readonly kind: 'blob' }
  | { readonly kind: 'table'; readonly table: Table }
  | { readonly kind: 'coded'; readonly coded: CodedIndex };

export interface Column {
  readonly name: string;
  readonly type: ColumnKind;
}

export interface TableSchema {
  readonly id: Table;
  readonly name: string;
  readonly columns: readonly Column[];
}

const u16 = { kind: 'u16' } as const;
const u32 = { kind: 'u32' } as const;
const str = { kind: 'string' } as const;
const guid = { kind: 'guid' } as const;
const blob = { kind: 'blob' } as const;
const idx = (table: Table) => ({ kind: 'table', table }) as const;
const coded = (c: CodedIndex) => ({ kind: 'coded', coded: c }) as const;
const C = CodedIndexes;

function t(id: Table, name: string, ...cols: [string, ColumnKind][]): TableSchema {
  return { id, name, columns: cols.map(([n, type]) => ({ name: n, type })) };
}

/** Indexed by table id. Constant's Type is a byte followed by a padding byte: read as u16, low byte. */
export const TABLE_SCHEMAS: readonly TableSchema[] = [
  t(Table.Module, 'Module', ['Generation', u16], ['Name', str], ['Mvid', guid], ['EncId', guid], ['EncBaseId', guid]),
  t(Table.TypeRef, 'TypeRef', ['ResolutionScope', coded(C.ResolutionScope)], ['TypeName', str], ['TypeNamespace', str]),
  t(Table.TypeDef, 'TypeDef', ['Flags', u32], ['TypeName', str], ['TypeNamespace', str], ['Extends', coded(C.TypeDefOrRef)], ['FieldList', idx(Table.Field)], ['MethodList', idx(Table.MethodDef)]),
  t(Table.FieldPtr, 'FieldPtr', ['Field', idx(Table.Field)]),
  t(Table.Field, 'Field', ['Flags', u16], ['Name', str], ['Signature', blob]),
  t(Table.MethodPtr, 'MethodPtr', ['Method', idx(Table.MethodDef)]),
  t(Table.MethodDef, 'MethodDef', ['RVA', u32], ['ImplFlags', u16], ['Flags', u16], ['Name', str], ['Signature', blob], ['ParamList', idx(Table.Param)]),
  t(Table.ParamPtr, 'ParamPtr', ['Param', idx(Table.Param)]),
  t(Table.Param, 'Param', ['Flags', u16], ['Sequence', u16], ['Name', str]),
  t(Table.InterfaceImpl, 'InterfaceImpl', ['Class', idx(Table.TypeDef)], ['Interface', coded(C.TypeDefOrRef)]),
  t(Table.MemberRef, 'MemberRef', ['Class', coded(C.MemberRefParent)], ['Name', str], ['Signature', blob]),
  t(Table.Constant, 'Constant', ['Type', u16], ['Parent', coded(C.HasConstant)], ['Value', blob]),
  t(Table.CustomAttribute, 'CustomAttribute', ['Parent', coded(C.HasCustomAttribute)], ['Type', coded(C.CustomAttributeType)], ['Value', blob]),
  t(Table.FieldMarshal, 'FieldMarshal', ['Parent', coded(C.HasFieldMarshal)], ['NativeType', blob]),
  t(Table.DeclSecurity, 'DeclSecurity', ['Action', u16], ['Parent', coded(C.HasDeclSecurity)], ['PermissionSet', blob]),
  t(Table.ClassLayout, 'ClassLayout', ['PackingSize', u16], ['ClassSize', u32], ['Parent', idx(Table.TypeDef)]),
  t(Table.FieldLayout, 'FieldLayout', ['Offset', u32], ['Field', idx(Table.Field)]),
  t(Table.StandAloneSig, 'StandAloneSig', ['Signature', blob]),
  t(Table.EventMap, 'EventMap', ['Parent', idx(Table.TypeDef)], ['EventList', idx(Table.Event)]),
  t(Table.EventPtr, 'EventPtr', ['Event', idx(Table.Event)]),
  t(Table.Event, 'Event', ['EventFlags', u16], ['Name', str], ['EventType', coded(C.TypeDefOrRef)]),
  t(Table.PropertyMap, 'PropertyMap', ['Parent', idx(Table.TypeDef)], ['PropertyList', idx(Table.Property)]),
  t(Table.PropertyPtr, 'PropertyPtr', ['Property', idx(Table.Property)]),
  t(Table.Property, 'Property', ['Flags', u16], ['Name', str], ['Type', blob]),
  t(Table.MethodSemantics, 'MethodSemantics', ['Semantics', u16], ['Method', idx(Table.MethodDef)], ['Association', coded(C.HasSemantics)]),
  t(Table.MethodImpl, 'MethodImpl', ['Class', idx(Table.TypeDef)], ['MethodBody', coded(C.MethodDefOrRef)], ['MethodDeclaration', coded(C.MethodDefOrRef)]),
  t(Table.ModuleRef, 'ModuleRef', ['Name', str]),
  t(Table.TypeSpec, 'TypeSpec', ['Signature', blob]),
  t(Table.ImplMap, 'ImplMap', ['MappingFlags', u16], ['MemberForwarded', coded(C.MemberForwarded)], ['ImportName', str], ['ImportScope', idx(Table.ModuleRef)]),
  t(Table.FieldRVA, 'FieldRVA', ['RVA', u32], ['Field', idx(Table.Field)]),
  t(Table.EncLog, 'EncLog', ['Token', u32], ['FuncCode', u32]),
  t(Table.EncMap, 'EncMap', ['Token', u32]),
  t(Table.Assembly, 'Assembly', ['HashAlgId', u32], ['MajorVersion', u16], ['MinorVersion', u16], ['BuildNumber', u16], ['RevisionNumber', u16], ['Flags', u32], ['PublicKey', blob], ['Name', str], ['Culture', str]),
  t(Table.AssemblyProcessor, 'AssemblyProcessor', ['Processor', u32]),
  t(Table.AssemblyOS, 'AssemblyOS', ['OSPlatformID', u32], ['OSMajorVersion', u32], ['OSMinorVersion', u32]),
  t(Table.AssemblyRef, 'AssemblyRef', ['MajorVersion', u16], ['MinorVersion', u16], ['BuildNumber', u16], ['RevisionNumber', u16], ['Flags', u32], ['PublicKeyOrToken', blob], ['Name', str], ['Culture', str], ['HashValue', blob]),
  t(Table.AssemblyRefProcessor, 'AssemblyRefProcessor', ['Processor', u32], ['AssemblyRef', idx(Table.AssemblyRef)]),
  t(Table.AssemblyRefOS, 'AssemblyRefOS', ['OSPlatformID', u32], ['OSMajorVersion', u32], ['OSMinorVersion', u32], ['AssemblyRef', idx(Table.AssemblyRef)]),
  t(Table.File, 'File', ['Flags', u32], ['Name', str], ['HashValue', blob]),
  t(Table.ExportedType, 'ExportedType', ['Flags', u32], ['TypeDefId', u32], ['TypeName', str], ['TypeNamespace', str], ['Implementation', coded(C.Implementation)]),
  t(Table.ManifestResource, 'ManifestResource', ['Offset', u32], ['Flags', u32], ['Name', str], ['Implementation', coded(C.Implementation)]),
  t(Table.NestedClass, 'NestedClass', ['NestedClass', idx(Table.TypeDef)], ['EnclosingClass', idx(Table.TypeDef)]),
  t(Table.GenericParam, 'GenericParam', ['Number', u16], ['Flags', u16], ['Owner', coded(C.TypeOrMethodDef)], ['Name', str]),
  t(Table.MethodSpec, 'MethodSpec', ['Method', coded(C.MethodDefOrRef)], ['Instantiation', blob]),
  t(Table.GenericParamConstraint, 'GenericParamConstraint', ['Owner', idx(Table.GenericParam)], ['Constraint', coded(C.TypeDefOrRef)]),
];

export const TABLE_NAMES: readonly string[] = TABLE_SCHEMAS.map(s => s.name);
