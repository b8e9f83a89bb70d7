// The module's view of the core library (Mono.Cecil's TypeSystem): one TypeReference per
// primitive/special type (System.Int32, System.String, ...) scoped to the corlib
// AssemblyRef, or the TypeDefinition itself when this module is the core library.

import { AssemblyNameReference } from './assembly-name.ts';
import { ELEMENT_TYPE_NAMES, MetadataType, isValueElementType } from './metadata-type.ts';
import { TypeReference, type Scope } from './types.ts';
import type { ModuleDefinition } from './module.ts';

/** Names a core library goes by. */
const CORLIB_NAMES = new Set(['mscorlib', 'netstandard', 'System.Runtime', 'System.Private.CoreLib']);

export class TypeSystem {
  private readonly cache = new Map<string, TypeReference>();
  /** byElementType results, indexed by element type. */
  private readonly byEt: (TypeReference | undefined)[] = [];
  private scope: Scope | undefined;

  constructor(private readonly module: ModuleDefinition) {}

  /** The corlib scope: this module if it is the core library, else its corlib AssemblyRef. */
  get corlibScope(): Scope {
    if (this.scope === undefined) {
      if (this.module.isCorlib) this.scope = this.module;
      else {
        const refs = this.module.assemblyReferences;
        this.scope = refs.find(r => CORLIB_NAMES.has(r.name)) ?? new AssemblyNameReference('mscorlib', { major: 4, minor: 0, build: 0, revision: 0 }, '', 0, new Uint8Array(0));
      }
    }
    return this.scope;
  }

  isCorlibScope(s: Scope | undefined): boolean {
    if (s === undefined) return false;
    if (s === this.module) return this.module.isCorlib;
    return s instanceof AssemblyNameReference && CORLIB_NAMES.has(s.name);
  }

  /** A type of the core library by name; its TypeDefinition when this module is corlib. */
  lookupCorlibType(namespace: string, name: string, isValueType: boolean): TypeReference {
    const key = namespace + '.' + name;
    let t = this.cache.get(key);
    if (t === undefined) {
      t = (this.module.isCorlib ? this.module.getType(key) : undefined) ?? new TypeReference(namespace, name, this.module, this.corlibScope, isValueType);
      this.cache.set(key, t);
    }
    return t;
  }

  /** The type of a one-byte element type (VOID, BOOLEAN ... OBJECT). */
  byElementType(et: MetadataType): TypeReference {
    let t = this.byEt[et];
    if (t === undefined) {
      t = this.lookupCorlibType('System', ELEMENT_TYPE_NAMES[et]!, isValueElementType(et));
      t.setElementType(et);
      this.byEt[et] = t;
    }
    return t;
  }

  get void(): TypeReference {
    return this.byElementType(MetadataType.Void);
  }
  get object(): TypeReference {
    return this.byElementType(MetadataType.Object);
  }
  get string(): TypeReference {
    return this.byElementType(MetadataType.String);
  }
  get int32(): TypeReference {
    return this.byElementType(MetadataType.Int32);
  }
}
