// cecil-ts checked against Mono's runtime reflection (fixtures/oracle.cs run with mono):
// the opcode table against System.Reflection.Emit.OpCodes; custom attribute arguments of
// every kind, constants, default values and FieldRVA data against what the runtime decodes;
// and TypeRef/MemberRef resolution across assemblies against Module.ResolveType/ResolveMember.

import test from 'ava';
import { join } from 'node:path';
import {
  ArrayType, ByReferenceType, GenericInstanceType, GenericParameter, MetadataType, OpCodes, PointerType, ResolutionError, Table, TABLE_NAMES, readAssembly,
  type CustomAttribute, type CustomAttributeArgument, type DefaultAssemblyResolver, type ModuleDefinition, type TypeReference,
} from '../src/index.ts';
import { buildFeatures, MONO_LIB, oracle } from './helpers/fixtures.ts';

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

test('opcode table equals System.Reflection.Emit.OpCodes', async t => {
  const ours = new Map(Object.values(OpCodes).map(o => [o.code, o]));
  // Mono spells ldelem.any / stelem.any without the suffix, as ECMA-335's first edition did.
  const alias: Record<string, string> = { ldelem: 'ldelem.any', stelem: 'stelem.any' };
  let compared = 0;
  for (const line of (await oracle(['opcodes'])).trim().split('\n')) {
    const [name, value, size, operandType, flowControl, opCodeType, pop, push] = line.split(' ') as [string, string, string, string, string, string, string, string];
    const code = Number.parseInt(value, 16);
    if (opCodeType === 'Nternal') {
      t.is(ours.get(code), undefined, `${name} is a reserved prefix, not an instruction`);
      continue;
    }
    const o = ours.get(code);
    t.truthy(o, `opcode ${name} (0x${value}) missing`);
    if (o === undefined) continue;
    // .NET's OperandType has no argument kinds; Cecil's InlineArg/ShortInlineArg are its InlineVar/ShortInlineVar.
    const asDotNet = o.operandType.replace(/Arg$/, 'Var');
    // leave empties the evaluation stack (ECMA-335 III.3.46); Cecil says PopAll where Mono's table says Pop0.
    if (name === 'leave' || name === 'leave.s') {
      t.is(o.stackBehaviourPop, 'PopAll');
      t.is(pop, 'Pop0');
      continue;
    }
    t.deepEqual([o.name, o.size, asDotNet, o.flowControl, o.opCodeType, o.stackBehaviourPop, o.stackBehaviourPush], [alias[name] ?? name, Number(size), operandType, flowControl, opCodeType, pop, push], name);
    compared++;
  }
  t.is(compared, Object.keys(OpCodes).length - 3, 'every opcode but no. (absent from Mono) and leave/leave.s compared');
  t.is(OpCodes['no.']!.code, 0xfe19);
});

/** Reflection's FullName: '+' for nesting, generic arguments assembly-qualified in [[...]]. */
function reflectionName(t: TypeReference): string {
  if (t instanceof GenericParameter) return t.name;
  if (t instanceof ArrayType) return reflectionName(t.elementType) + (t.isVector ? '[]' : '[' + ','.repeat(t.rank - 1) + ']');
  if (t instanceof PointerType) return reflectionName(t.elementType) + '*';
  if (t instanceof ByReferenceType) return reflectionName(t.elementType) + '&';
  if (t instanceof GenericInstanceType) return reflectionName(t.elementType) + '[' + t.genericArguments.map(a => `[${reflectionName(a)}, ${a.resolve().module.assembly!.fullName}]`).join(',') + ']';
  if (t.declaringType !== undefined) return reflectionName(t.declaringType) + '+' + t.name;
  return t.namespace === '' ? t.name : t.namespace + '.' + t.name;
}

function quote(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\n/g, '\\n') + '"';
}

/**
 * An argument in the oracle's notation ("System.Int32:5", "System.Type:typeof(X)", "T[]:[...]").
 * Mono shows a named argument declared as object with the declared type, other boxed values
 * with the boxed value's type.
 */
function argument(a: CustomAttributeArgument, named = false): string {
  const v = a.value;
  if (named && v !== null && typeof v === 'object' && !Array.isArray(v) && 'value' in v) return 'System.Object:' + value(v as CustomAttributeArgument);
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'value' in v) {
    // A boxed object: reflection shows the boxed value's own type; null and Type are shown as the runtime does.
    const inner = v as CustomAttributeArgument;
    if (inner.value === null) return 'System.Object:null';
    if (inner.type.fullName === 'System.Type') return 'System.RuntimeType:' + value(inner);
    return argument(inner);
  }
  return reflectionName(a.type) + ':' + value(a);
}

function value(a: CustomAttributeArgument): string {
  const v = a.value;
  if (v === null) return 'null';
  if (Array.isArray(v)) return "[" + v.map(x => argument(x)).join(',') + ']';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (a.type.metadataType === MetadataType.Single || a.type.metadataType === MetadataType.Double) return 'R' + String(v);
    return String(v);
  }
  return 'typeof(' + reflectionName(v as TypeReference) + ')';
}

/** Pseudo custom attributes (ECMA-335 II.21.2.1) that reflection synthesises from flags, not from CustomAttribute rows. */
const PSEUDO = new Set(['DllImportAttribute', 'FieldOffsetAttribute', 'InAttribute', 'MarshalAsAttribute', 'MethodImplAttribute', 'NonSerializedAttribute', 'OptionalAttribute', 'OutAttribute', 'PreserveSigAttribute', 'SerializableAttribute', 'StructLayoutAttribute', 'ComImportAttribute']);

/** Floats print in .NET "R" notation; compare them as numbers. */
function canonical(line: string): string {
  return line.replace(/(System\.(?:Single|Double)):(R?)(-?[0-9.]+(?:E[+-]?\d+)?|NaN|-?Infinity)/gi, (_, type: string, _r: string, n: string) => `${type}:${Number(n)}`);
}

function ourAttributes(m: ModuleDefinition): string[] {
  const owners = new Set([Table.Assembly, Table.Module, Table.TypeDef, Table.MethodDef, Table.Field, Table.Property, Table.Event, Table.Param]);
  const out: string[] = [];
  const rows = m.image.rowCount(Table.CustomAttribute);
  for (let r = 1; r <= rows; r++) {
    const parent = m.image.tables.decodeCoded({ name: 'HasCustomAttribute', tagBits: 5, tables: [Table.MethodDef, Table.Field, Table.TypeRef, Table.TypeDef, Table.Param, Table.InterfaceImpl, Table.MemberRef, Table.Module, Table.DeclSecurity, Table.Property, Table.Event, Table.StandAloneSig, Table.ModuleRef, Table.TypeSpec, Table.Assembly, Table.AssemblyRef, Table.File, Table.ExportedType, Table.ManifestResource, Table.GenericParam, Table.GenericParamConstraint, Table.MethodSpec] }, m.image.tables.table(Table.CustomAttribute).get(r, 0), 0);
    if (!owners.has(parent.table)) continue;
    // Reflection exposes no token for return-value Param rows (Sequence 0).
    if (parent.table === Table.Param && m.image.tables.table(Table.Param).get(parent.row, 1) === 0) continue;
    const a = m.reader.customAttribute(r) as CustomAttribute;
    const named = [...a.fields.map(f => 'F:' + f.name + '=' + argument(f.argument, true)), ...a.properties.map(p => 'P:' + p.name + '=' + argument(p.argument, true))].sort();
    out.push(`${hex8((parent.table << 24) | parent.row)} ${reflectionName(a.attributeType)}(${a.constructorArguments.map(x => argument(x)).join(',')}) {${named.join(',')}}`);
  }
  return out;
}

function reflectionAttributes(text: string): string[] {
  return text.trim().split('\n').filter(l => {
    const type = /^\w+ ([^(]+)\(/.exec(l)?.[1] ?? '';
    return !PSEUDO.has(type.slice(type.lastIndexOf('.') + 1));
  }).map(l => {
    // Sort the named arguments as the other side does.
    const m = /^(.*) \{(.*)\}$/.exec(l)!;
    const named = m[2] === '' ? [] : splitTop(m[2]!).sort();
    return `${m[1]} {${named.join(',')}}`;
  });
}

/** Splits "a,b[c,d],e" at top-level commas. */
function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '[' || c === '(')) depth++;
    else if (!quoted && (c === ']' || c === ')')) depth--;
    else if (!quoted && depth === 0 && c === ',') {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function read(path: string): ModuleDefinition {
  const asm = readAssembly(path);
  (asm.mainModule.assemblyResolver as DefaultAssemblyResolver).addSearchDirectory(MONO_LIB);
  return asm.mainModule;
}

for (const [label, path] of [['features.exe', undefined], ['System.dll', join(MONO_LIB, 'System.dll')], ['System.Xml.dll', join(MONO_LIB, 'System.Xml.dll')]] as const) {
  test(`${label}: custom attribute arguments equal reflection's`, async t => {
    const file = path ?? (await buildFeatures());
    const expected = reflectionAttributes(await oracle(['attributes', file])).map(canonical).sort();
    const actual = ourAttributes(read(file)).map(canonical).sort();
    const missing = expected.filter(x => !actual.includes(x));
    const extra = actual.filter(x => !expected.includes(x));
    t.deepEqual({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }, { missing: [], extra: [] });
    t.is(actual.length, expected.length);
    t.log(`${actual.length} custom attributes decoded as reflection does`);
  });
}

test('features.exe: constants, default values and FieldRVA data equal reflection\'s', async t => {
  const file = await buildFeatures();
  const m = read(file);
  const constants = (await oracle(['constants', file])).trim().split('\n');
  t.true(constants.length > 15);
  for (const line of constants) {
    const [token, text] = [Number.parseInt(line.slice(0, 8), 16), line.slice(9)];
    const owner = m.lookupToken(token) as { constant: unknown } | undefined;
    const param = token >>> 24 === Table.Param ? m.getTypes().flatMap(ty => ty.methods).flatMap(me => me.parameters).find(p => p.row === (token & 0xffffff)) : undefined;
    const v = param !== undefined ? param.constant : owner!.constant;
    let ours: string;
    if (v === null) ours = 'null';
    else if (typeof v === 'string') ours = quote(v);
    else ours = String(v);
    if (typeof v === 'number') t.is(v, Number(text), `constant ${hex8(token)}`);
    else t.is(ours, text.replace(/\\u00e9|é/g, 'é'), `constant ${hex8(token)} (${TABLE_NAMES[token >>> 24]})`);
  }
  const rva = (await oracle(['fieldrva', file])).trim().split('\n');
  t.true(rva.length >= 4);
  for (const line of rva) {
    const f = m.lookupToken(Number.parseInt(line.slice(0, 8), 16)) as { initialValue: Uint8Array; name: string };
    t.is(Buffer.from(f.initialValue).toString('hex'), line.slice(9), `initial value of ${f.name}`);
  }
});

for (const name of ['System.Core', 'System.Xml', 'System']) {
  test(`${name}.dll: TypeRefs and MemberRefs resolve to the definitions the runtime finds`, async t => {
    const path = join(MONO_LIB, name + '.dll');
    const m = read(path);
    const typeRefs = m.image.rowCount(Table.TypeRef);
    const memberRefs = m.image.rowCount(Table.MemberRef);
    const lines = (await oracle(['resolve', path, String(typeRefs), String(memberRefs)])).trim().split('\n');
    let resolved = 0;
    const problems: string[] = [];
    for (const line of lines) {
      const [tokenText, asmName, defToken] = line.split(' ') as [string, string, string | undefined];
      if (asmName === 'unresolved') continue; // the runtime needs a generic context for these
      const token = Number.parseInt(tokenText, 16);
      const ref = m.lookupToken(token) as { resolve(): { module: ModuleDefinition; token: number }; declaringType?: TypeReference };
      if (ref.declaringType instanceof ArrayType) {
        // Get/Set/Address/.ctor of multi-dimensional arrays are provided by the runtime: no definition to find.
        t.throws(() => ref.resolve(), { instanceOf: ResolutionError });
        continue;
      }
      try {
        const def = ref.resolve();
        const got = `${def.module.assembly!.name.name} ${hex8(def.token)}`;
        if (got !== `${asmName} ${defToken}`) problems.push(`${tokenText}: ${got}, runtime ${asmName} ${defToken}`);
        else resolved++;
      } catch (e) {
        problems.push(`${tokenText}: ${(e as Error).message}`);
      }
    }
    t.deepEqual(problems.slice(0, 10), [], `${problems.length} resolutions differ`);
    t.true(resolved > 1000);
    t.log(`${resolved} references resolved to the same definitions as Mono's runtime`);
  });
}
