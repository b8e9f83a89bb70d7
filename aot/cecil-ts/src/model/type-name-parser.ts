// Serialized type names as custom attributes store them (ECMA-335 II.23.3, reflection
// notation): "Ns.Outer+Inner`1[[Arg, Asm]][], Assembly, Version=1.0.0.0, Culture=neutral,
// PublicKeyToken=null". Turned into a TypeReference scoped to the named assembly, or to
// this module / the core library when no assembly is given.

import { badImage } from '../errors.ts';
import { AssemblyNameReference, type Version } from './assembly-name.ts';
import { ArrayType, ByReferenceType, GenericInstanceType, PointerType, TypeReference } from './types.ts';
import type { ModuleDefinition } from './module.ts';

interface ParsedName {
  namespace: string;
  names: string[];
  genericArguments: ParsedName[];
  suffixes: string[];
  assembly: string | undefined;
}

const MAX_DEPTH = 16;

class Parser {
  pos = 0;
  constructor(readonly s: string) {}

  fail(what: string): never {
    return badImage(`malformed type name "${this.s}": ${what} at character ${this.pos}`);
  }

  /** An identifier up to one of the delimiters, honouring backslash escapes. */
  ident(stops: string): string {
    let out = '';
    while (this.pos < this.s.length) {
      const c = this.s[this.pos]!;
      if (c === '\\' && this.pos + 1 < this.s.length) {
        out += this.s[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (stops.includes(c)) break;
      out += c;
      this.pos++;
    }
    return out;
  }

  type(depth: number, inBrackets: boolean): ParsedName {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    const full = this.ident(inBrackets ? '+[]*&,' : '+[]*&,').trim();
    if (full === '') this.fail('expected a type name');
    const dot = full.lastIndexOf('.');
    const namespace = dot < 0 ? '' : full.slice(0, dot);
    const names = [dot < 0 ? full : full.slice(dot + 1)];
    while (this.s[this.pos] === '+') {
      this.pos++;
      names.push(this.ident('+[]*&,').trim());
    }
    const genericArguments: ParsedName[] = [];
    const suffixes: string[] = [];
    for (;;) {
      const c = this.s[this.pos];
      if (c === '[') {
        const next = this.s[this.pos + 1];
        if (next === '[' || (next !== undefined && next !== ']' && next !== ',' && next !== '*' && genericArguments.length === 0 && suffixes.length === 0)) {
          this.pos++;
          for (;;) {
            const bracketed = this.s[this.pos] === '[';
            if (bracketed) this.pos++;
            genericArguments.push(this.type(depth + 1, bracketed));
            if (bracketed) this.expect(']');
            if (this.s[this.pos] === ',') {
              this.pos++;
              continue;
            }
            break;
          }
          this.expect(']');
          continue;
        }
        let suffix = '[';
        this.pos++;
        while (this.pos < this.s.length && this.s[this.pos] !== ']') suffix += this.s[this.pos++];
        this.expect(']');
        suffixes.push(suffix + ']');
        continue;
      }
      if (c === '*' || c === '&') {
        suffixes.push(c);
        this.pos++;
        continue;
      }
      break;
    }
    let assembly: string | undefined;
    if (this.s[this.pos] === ',') {
      this.pos++;
      // Assembly name: up to the closing bracket when inside [[...]], else to the end.
      const start = this.pos;
      while (this.pos < this.s.length && !(inBrackets && this.s[this.pos] === ']')) this.pos++;
      assembly = this.s.slice(start, this.pos).trim();
    }
    return { namespace, names, genericArguments, suffixes, assembly };
  }

  expect(c: string): void {
    if (this.s[this.pos] !== c) this.fail(`expected '${c}'`);
    this.pos++;
  }
}

function parseAssemblyName(s: string): AssemblyNameReference {
  const parts = s.split(',').map(p => p.trim());
  let version: Version = { major: 0, minor: 0, build: 0, revision: 0 };
  let culture = '';
  let token = new Uint8Array(0);
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase();
    const value = p.slice(eq + 1).trim();
    if (key === 'version') {
      const n = value.split('.').map(x => Number.parseInt(x, 10) || 0);
      version = { major: n[0] ?? 0, minor: n[1] ?? 0, build: n[2] ?? 0, revision: n[3] ?? 0 };
    } else if (key === 'culture') {
      culture = value.toLowerCase() === 'neutral' ? '' : value;
    } else if (key === 'publickeytoken' && value.toLowerCase() !== 'null' && /^[0-9a-fA-F]{16}$/.test(value)) {
      token = Uint8Array.from(value.match(/../g)!.map(h => Number.parseInt(h, 16)));
    }
  }
  return new AssemblyNameReference(parts[0]!, version, culture, 0, token);
}

function toReference(module: ModuleDefinition, p: ParsedName): TypeReference {
  let t: TypeReference;
  const scopeName = p.assembly === undefined ? undefined : parseAssemblyName(p.assembly);
  const fullTop = p.namespace === '' ? p.names[0]! : p.namespace + '.' + p.names[0]!;
  const local = scopeName === undefined ? module.getType([fullTop, ...p.names.slice(1)].join('/')) : undefined;
  if (local !== undefined) {
    t = local;
  } else {
    const scope = scopeName === undefined ? module.typeSystem.corlibScope : (module.assemblyReferences.find(a => a.name === scopeName.name) ?? scopeName);
    t = new TypeReference(p.namespace, p.names[0]!, module, scope);
    for (const n of p.names.slice(1)) {
      const nested = new TypeReference('', n, module, scope);
      nested.declaringType = t;
      t = nested;
    }
  }
  if (p.genericArguments.length > 0) t = new GenericInstanceType(t, p.genericArguments.map(a => toReference(module, a)));
  for (const s of p.suffixes) {
    if (s === '*') t = new PointerType(t);
    else if (s === '&') t = new ByReferenceType(t);
    else {
      const rank = s.split(',').length;
      t = rank === 1 && s === '[]' ? new ArrayType(t) : new ArrayType(t, Array.from({ length: rank }, () => ({})));
    }
  }
  return t;
}

/** Parses a reflection-notation type name into a TypeReference of this module. */
export function parseTypeName(module: ModuleDefinition, name: string): TypeReference {
  const parser = new Parser(name);
  const parsed = parser.type(0, false);
  if (parser.pos !== name.length) parser.fail('unexpected trailing characters');
  return toReference(module, parsed);
}
