// Resolution across assemblies (Mono.Cecil's IAssemblyResolver and MetadataResolver).
// An AssemblyResolver finds assemblies by name (search directories, a cache, pre-loaded
// assemblies). The MetadataResolver turns references into definitions: TypeRefs through
// their ResolutionScope and ExportedType forwarders; member references by name and
// signature against the declaring type and its base types, comparing generic parameters
// by position (!0 / !!0). Cycles are errors, never hangs.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BadImageFormatError, ResolutionError } from '../errors.ts';
import { Table } from '../metadata/table-schema.ts';
import { AssemblyNameReference } from './assembly-name.ts';
import type { AssemblyDefinition } from './assembly.ts';
import { FieldDefinition, MethodDefinition, TypeDefinition } from './definitions.ts';
import { FieldReference, MethodReference } from './members.ts';
import { ModuleDefinition } from './module.ts';
import {
  ArrayType, ByReferenceType, FunctionPointerType, GenericInstanceType, GenericParameter, OptionalModifierType, PinnedType,
  PointerType, RequiredModifierType, SentinelType, TypeReference,
} from './types.ts';

export interface AssemblyResolver {
  /** The assembly with this name; throws ResolutionError when it cannot be found. */
  resolve(name: AssemblyNameReference): AssemblyDefinition;
}

/** How DefaultAssemblyResolver reads a file it found (readAssembly, injected to avoid a cycle). */
export type AssemblyLoader = (path: string, resolver: AssemblyResolver) => AssemblyDefinition;

let loader: AssemblyLoader | undefined;
export function setAssemblyLoader(l: AssemblyLoader): void {
  loader = l;
}

export class DefaultAssemblyResolver implements AssemblyResolver {
  private readonly directories: string[];
  private readonly cache = new Map<string, AssemblyDefinition>();

  constructor(searchDirectories: string[] = []) {
    this.directories = [...searchDirectories];
  }

  addSearchDirectory(dir: string): void {
    if (!this.directories.includes(dir)) this.directories.push(dir);
  }

  getSearchDirectories(): readonly string[] {
    return this.directories;
  }

  /** Makes an already-read assembly resolvable by its name. */
  register(asm: AssemblyDefinition): void {
    if (!this.cache.has(asm.name.name)) this.cache.set(asm.name.name, asm);
  }

  resolve(name: AssemblyNameReference): AssemblyDefinition {
    const cached = this.cache.get(name.name);
    if (cached !== undefined) return cached;
    for (const dir of this.directories) {
      for (const ext of ['.dll', '.exe']) {
        const path = join(dir, name.name + ext);
        if (existsSync(path) && statSync(path).isFile()) {
          if (loader === undefined) throw new ResolutionError('no assembly loader registered');
          const asm = loader(path, this);
          this.cache.set(name.name, asm);
          return asm;
        }
      }
    }
    throw new ResolutionError(`assembly ${name.fullName} not found in ${this.directories.length === 0 ? '(no search directories)' : this.directories.join(', ')}`);
  }
}

/** Longest forwarder chain or base-type chain followed before declaring a cycle. */
const MAX_CHAIN = 64;

export class MetadataResolver {
  constructor(private readonly assemblyResolver: AssemblyResolver) {}

  resolveType(ref: TypeReference): TypeDefinition {
    return this.resolveTypeIn(ref, 0);
  }

  private resolveTypeIn(ref: TypeReference, depth: number): TypeDefinition {
    if (ref instanceof TypeDefinition) return ref;
    if (depth > MAX_CHAIN) throw new ResolutionError(`cannot resolve ${ref.fullName}: reference chain too long (cyclic forwarders or nesting)`);
    const element = ref.getElementType();
    if (element !== ref) return this.resolveTypeIn(element, depth + 1);
    if (ref instanceof GenericParameter || ref instanceof FunctionPointerType) return ref.resolve();
    if (ref.declaringType !== undefined) {
      const outer = this.resolveTypeIn(ref.declaringType, depth + 1);
      const nested = outer.nestedTypes.find(n => n.name === ref.name);
      if (nested === undefined) throw new ResolutionError(`type ${ref.fullName} not found: ${outer.fullName} has no nested type ${ref.name}`);
      return nested;
    }
    const scope = ref.scope;
    let module: ModuleDefinition;
    if (scope instanceof ModuleDefinition) module = scope;
    else if (scope instanceof AssemblyNameReference) module = this.assemblyFor(ref.module, scope).mainModule;
    else if (scope === undefined) throw new ResolutionError(`type ${ref.fullName} has no resolution scope`);
    else module = ref.module; // ModuleRef: only the manifest module is read
    return this.findInModule(module, ref.namespace, ref.name, ref.fullName, depth);
  }

  private assemblyFor(from: ModuleDefinition, name: AssemblyNameReference): AssemblyDefinition {
    const own = from.assembly;
    if (own !== undefined && own.name.name === name.name) return own;
    return this.assemblyResolver.resolve(name);
  }

  /** A top-level type in a module, following ExportedType forwarders to other assemblies. */
  private findInModule(module: ModuleDefinition, namespace: string, name: string, fullName: string, depth: number): TypeDefinition {
    const found = module.getType(fullName);
    if (found !== undefined) return found;
    if (depth > MAX_CHAIN) throw new ResolutionError(`cannot resolve ${fullName}: type forwarders form a cycle`);
    const exported = module.exportedTypes.find(e => e.name === name && e.namespace === namespace);
    if (exported !== undefined && exported.implementation.table === Table.AssemblyRef) {
      const target = this.assemblyFor(module, module.reader.assemblyRef(exported.implementation.row));
      if (target.mainModule === module) throw new ResolutionError(`type ${fullName} is forwarded to its own assembly`);
      return this.findInModule(target.mainModule, namespace, name, fullName, depth + 1);
    }
    throw new ResolutionError(`type ${fullName} not found in ${module.assembly?.fullName ?? module.name}`);
  }

  resolveField(ref: FieldReference): FieldDefinition {
    if (ref instanceof FieldDefinition) return ref;
    if (ref.declaringType === undefined) throw new ResolutionError(`field ${ref.name} has no declaring type`);
    const key = typeKey(ref.fieldType);
    for (const t of this.hierarchy(ref.declaringType)) {
      const f = t.fields.find(x => x.name === ref.name && typeKey(x.fieldType) === key);
      if (f !== undefined) return f;
    }
    throw new ResolutionError(`field ${ref.fullName} not found`);
  }

  resolveMethod(ref: MethodReference): MethodDefinition {
    if (ref instanceof MethodDefinition) return ref;
    const element = ref.getElementMethod();
    if (element !== ref) return this.resolveMethod(element);
    const declaring = ref.declaringType;
    if (declaring === undefined) throw new ResolutionError(`method ${ref.name} has no declaring type`);
    if (declaring instanceof ArrayType) throw new ResolutionError(`method ${ref.fullName} is a runtime-provided array method with no definition`);
    const wanted = methodKey(ref);
    for (const t of this.hierarchy(declaring)) {
      const m = t.methods.find(x => x.name === ref.name && methodKey(x) === wanted);
      if (m !== undefined) return m;
    }
    throw new ResolutionError(`method ${ref.fullName} not found`);
  }

  /** The resolved type and its base types, most derived first. */
  private *hierarchy(type: TypeReference): Generator<TypeDefinition> {
    let t: TypeDefinition | undefined = this.resolveType(type);
    const seen = new Set<TypeDefinition>();
    while (t !== undefined) {
      if (seen.has(t)) throw new BadImageFormatError(`type ${t.fullName} is its own base type`);
      seen.add(t);
      yield t;
      const base: TypeReference | undefined = t.baseType;
      t = base === undefined ? undefined : this.resolveType(base);
    }
  }
}

/** A scope-independent key of a type in a signature; generic parameters by position. */
export function typeKey(t: TypeReference): string {
  if (t instanceof GenericParameter) return (t.type === 'type' ? '!' : '!!') + t.position;
  if (t instanceof ArrayType) return typeKey(t.elementType) + (t.isVector ? '[]' : '[' + ','.repeat(t.rank - 1) + ']');
  if (t instanceof PointerType) return typeKey(t.elementType) + '*';
  if (t instanceof ByReferenceType) return typeKey(t.elementType) + '&';
  if (t instanceof PinnedType || t instanceof SentinelType) return typeKey(t.elementType);
  if (t instanceof RequiredModifierType) return typeKey(t.elementType) + ' modreq(' + typeKey(t.modifierType) + ')';
  if (t instanceof OptionalModifierType) return typeKey(t.elementType) + ' modopt(' + typeKey(t.modifierType) + ')';
  if (t instanceof GenericInstanceType) return typeKey(t.elementType) + '<' + t.genericArguments.map(typeKey).join(',') + '>';
  if (t instanceof FunctionPointerType) return 'method ' + typeKey(t.returnType) + '(' + t.parameters.map(p => typeKey(p.parameterType)).join(',') + ')';
  return t.fullName;
}

/** Key of a method signature for matching a reference to a definition (vararg extras excluded). */
function methodKey(m: MethodReference): string {
  const params: string[] = [];
  for (const p of m.parameters) {
    if (p.parameterType instanceof SentinelType) break;
    params.push(typeKey(p.parameterType));
  }
  return `${m.genericParameters.length}|${m.hasThis ? 'i' : 's'}|${typeKey(m.returnType)}(${params.join(',')})`;
}
