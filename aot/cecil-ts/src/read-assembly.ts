// Entry point: reads an assembly from a path or bytes, wiring the module to an assembly
// resolver (by default one that searches the assembly's own directory) and, on request,
// to its Mono symbol file (<path>.mdb).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { AssemblyDefinition } from './model/assembly.ts';
import { ModuleDefinition } from './model/module.ts';
import { DefaultAssemblyResolver, MetadataResolver, setAssemblyLoader, type AssemblyResolver } from './model/resolver.ts';
import { readMdb } from './symbols/mdb-reader.ts';

export interface ReaderParameters {
  /** Finds referenced assemblies; defaults to a DefaultAssemblyResolver over the file's directory. */
  resolver?: AssemblyResolver;
  /** Reads `<path>.mdb` (Mono symbols) if present and attaches sequence points to methods. */
  readSymbols?: boolean;
  /** Name to report for byte input (defaults to the path, or "<memory>"). */
  fileName?: string;
}

export function readAssembly(source: string | Uint8Array, options: ReaderParameters = {}): AssemblyDefinition {
  const path = typeof source === 'string' ? resolvePath(source) : undefined;
  const data = typeof source === 'string' ? readFileSync(source) : source;
  const bytes = data instanceof Uint8Array && !(data instanceof Buffer) ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let resolver = options.resolver;
  if (resolver === undefined) {
    const d = new DefaultAssemblyResolver();
    if (path !== undefined) d.addSearchDirectory(dirname(path));
    resolver = d;
  }
  const fileName = options.fileName ?? path ?? '<memory>';
  const module = new ModuleDefinition(bytes, fileName, resolver, new MetadataResolver(resolver));
  const assembly = new AssemblyDefinition(module);
  if (resolver instanceof DefaultAssemblyResolver) resolver.register(assembly);
  if (options.readSymbols) {
    const mdb = (path ?? options.fileName ?? '') + '.mdb';
    if (existsSync(mdb)) readMdb(module, readFileSync(mdb));
  }
  return assembly;
}

setAssemblyLoader((path, resolver) => readAssembly(path, { resolver }));
