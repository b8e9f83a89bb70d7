// AssemblyDefinition: the Assembly row (name, version, key) and its modules. Only the
// manifest module is read; other modules of a multi-module assembly appear as File rows.

import { badImage } from '../errors.ts';
import { Table } from '../metadata/table-schema.ts';
import { AssemblyNameDefinition } from './assembly-name.ts';
import type { CustomAttribute } from './custom-attribute.ts';
import type { ModuleDefinition } from './module.ts';

export class AssemblyDefinition {
  readonly name: AssemblyNameDefinition;
  readonly modules: readonly ModuleDefinition[];

  constructor(readonly mainModule: ModuleDefinition) {
    const image = mainModule.image;
    if (image.rowCount(Table.Assembly) < 1) badImage(`${mainModule.fileName} is a module without an assembly manifest (no Assembly row)`);
    const t = image.tables.table(Table.Assembly);
    const c = (i: number) => t.get(1, i);
    this.name = new AssemblyNameDefinition(
      image.strings.get(c(7)), { major: c(1), minor: c(2), build: c(3), revision: c(4) }, image.strings.get(c(8)), c(5),
      image.blobs.get(c(6), 'Assembly PublicKey'), c(0),
    );
    this.modules = [mainModule];
    mainModule.assembly = this;
  }

  get fullName(): string {
    return this.name.fullName;
  }

  get customAttributes(): readonly CustomAttribute[] {
    return this.mainModule.reader.customAttributesOf(0x20000001);
  }

  toString(): string {
    return this.fullName;
  }
}
