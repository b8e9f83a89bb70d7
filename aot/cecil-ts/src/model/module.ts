// ModuleDefinition: one PE file's metadata as objects. Types, references, the entry
// point, user strings and token lookup; raw tables and heaps stay reachable as `image`.

import { badImage } from '../errors.ts';
import { MetadataImage } from '../metadata/image.ts';
import { Table } from '../metadata/table-schema.ts';
import { MetadataReader, type ExportedTypeInfo } from './reader.ts';
import { TypeSystem } from './type-system.ts';
import type { AssemblyDefinition } from './assembly.ts';
import type { AssemblyNameReference } from './assembly-name.ts';
import type { CustomAttribute } from './custom-attribute.ts';
import type { FieldReference, MethodReference } from './members.ts';
import type { MetadataResolver, AssemblyResolver } from './resolver.ts';
import type { MethodDefinition, TypeDefinition } from './definitions.ts';
import type { ModuleReference, TypeReference } from './types.ts';

/** PE kind as Mono.Cecil names it. */
export type ModuleKind = 'dll' | 'console' | 'windows' | 'netmodule';

export class ModuleDefinition {
  readonly image: MetadataImage;
  readonly reader: MetadataReader;
  readonly typeSystem: TypeSystem;
  readonly name: string;
  readonly mvid: string;
  assembly: AssemblyDefinition | undefined;
  private typeList: TypeDefinition[] | undefined;
  private allTypes: TypeDefinition[] | undefined;
  private byFullName: Map<string, TypeDefinition> | undefined;
  private corlibFlag: boolean | undefined;

  constructor(
    data: Uint8Array,
    readonly fileName: string,
    readonly assemblyResolver: AssemblyResolver,
    readonly metadataResolver: MetadataResolver,
  ) {
    this.image = new MetadataImage(data);
    if (this.image.rowCount(Table.Module) < 1) badImage('metadata has no Module row');
    this.reader = new MetadataReader(this, this.image);
    this.typeSystem = new TypeSystem(this);
    const moduleTable = this.image.tables.table(Table.Module);
    this.name = this.image.strings.get(moduleTable.get(1, 1));
    this.mvid = this.image.guids.get(moduleTable.get(1, 2));
  }

  get runtimeVersion(): string {
    return this.image.runtimeVersion;
  }

  get kind(): ModuleKind {
    if (this.image.rowCount(Table.Assembly) === 0) return 'netmodule';
    if ((this.image.pe.headers.characteristics & 0x2000) !== 0) return 'dll';
    return this.image.pe.headers.subsystem === 2 ? 'windows' : 'console';
  }

  /** True when this module defines System.Object and references no other core library. */
  get isCorlib(): boolean {
    if (this.corlibFlag === undefined) {
      const rows = this.image.rowCount(Table.AssemblyRef);
      let refsCorlib = false;
      for (let r = 1; r <= rows; r++) if (this.reader.assemblyRef(r).name === 'mscorlib') refsCorlib = true;
      this.corlibFlag = false; // provisional, while scanning type names below
      if (!refsCorlib) {
        const t = this.image.tables.table(Table.TypeDef);
        for (let r = 1; r <= t.rows && !this.corlibFlag; r++) {
          if (this.image.strings.get(t.get(r, 1)) === 'Object' && this.image.strings.get(t.get(r, 2)) === 'System') this.corlibFlag = true;
        }
      }
    }
    return this.corlibFlag;
  }

  /** Top-level types, including <Module>. */
  get types(): readonly TypeDefinition[] {
    if (this.typeList === undefined) {
      const rows = this.image.rowCount(Table.TypeDef);
      const list: TypeDefinition[] = [];
      for (let r = 1; r <= rows; r++) {
        const t = this.reader.typeDef(r);
        if (t.declaringType === undefined) list.push(t);
      }
      this.typeList = list;
    }
    return this.typeList;
  }

  /** All types, each followed by its nested types (depth first). */
  getTypes(): TypeDefinition[] {
    if (this.allTypes === undefined) {
      const out: TypeDefinition[] = [];
      const visit = (t: TypeDefinition) => {
        out.push(t);
        for (const n of t.nestedTypes) visit(n);
      };
      for (const t of this.types) visit(t);
      this.allTypes = out;
    }
    return this.allTypes;
  }

  /** A type by full name; nested types as "Outer/Inner". */
  getType(fullName: string): TypeDefinition | undefined {
    if (this.byFullName === undefined) {
      const m = new Map<string, TypeDefinition>();
      for (const t of this.getTypes()) m.set(t.fullName, t);
      this.byFullName = m;
    }
    return this.byFullName.get(fullName);
  }

  get entryPoint(): MethodDefinition | undefined {
    const token = this.image.pe.cliHeader.entryPointToken;
    if (token === 0 || token >>> 24 !== Table.MethodDef) return undefined;
    return this.reader.method(token & 0xffffff);
  }

  get assemblyReferences(): readonly AssemblyNameReference[] {
    const rows = this.image.rowCount(Table.AssemblyRef);
    return Array.from({ length: rows }, (_, i) => this.reader.assemblyRef(i + 1));
  }

  get moduleReferences(): readonly ModuleReference[] {
    const rows = this.image.rowCount(Table.ModuleRef);
    return Array.from({ length: rows }, (_, i) => this.reader.moduleRef(i + 1));
  }

  get exportedTypes(): readonly ExportedTypeInfo[] {
    return this.reader.exportedTypes();
  }

  get customAttributes(): readonly CustomAttribute[] {
    return this.reader.customAttributesOf(0x00000001);
  }

  /** Every TypeRef of the module. */
  getTypeReferences(): TypeReference[] {
    const rows = this.image.rowCount(Table.TypeRef);
    return Array.from({ length: rows }, (_, i) => this.reader.typeRef(i + 1));
  }

  /** Every MemberRef of the module. */
  getMemberReferences(): (FieldReference | MethodReference)[] {
    const rows = this.image.rowCount(Table.MemberRef);
    return Array.from({ length: rows }, (_, i) => this.reader.memberRef(i + 1));
  }

  /** The object a metadata token names: a type, member, module/assembly reference or user string. */
  lookupToken(token: number): unknown {
    return this.reader.lookupToken(token);
  }

  /** The #US string of an ldstr token (0x70xxxxxx). */
  getUserString(token: number): string {
    return this.reader.userStringOperand(token, -1);
  }

  toString(): string {
    return this.name;
  }
}
