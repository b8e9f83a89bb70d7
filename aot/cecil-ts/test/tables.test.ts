// Metadata tables checked against monodis's table dumps (--typedef, --typeref, --method,
// --fields, --memberref, --customattr, ... ): for Mono's large class libraries and the
// mcs-built fixtures, every table monodis can dump has the same rows, and each row the same
// names, flags, list indexes, coded parents and (normalised) signatures. `sharpaot inspect
// --tables` must report the row counts of those same dumps.

import test from 'ava';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  CodedIndexes, GenericInstanceMethod, Table, TABLE_NAMES, methodText, readAssembly, typeName, typeSig, typeToken,
  type DefaultAssemblyResolver, type ModuleDefinition,
} from '../src/index.ts';
import { buildFeatures, buildTinyCorlib, MONO_ASSEMBLIES, MONO_LIB } from './helpers/fixtures.ts';
import { monodis, normalizeOperand } from './helpers/monodis.ts';

const unquote = (s: string) => s.replace(/'/g, '');
const hex = (n: number, width = 0) => '0x' + n.toString(16).padStart(width, '0');

interface TableCheck {
  /** monodis option. */
  readonly option: string;
  /** The table whose rows the dump lists (for the --tables cross-check). */
  readonly table: Table;
  /** One string per row from monodis's text. */
  readonly parse: (text: string) => string[];
  /** One string per row from cecil-ts. */
  readonly ours: (m: ModuleDefinition) => string[];
}

const rows = (m: ModuleDefinition, t: Table) => Array.from({ length: m.image.rowCount(t) }, (_, i) => i + 1);
const col = (m: ModuleDefinition, t: Table, row: number, c: number) => m.image.tables.table(t).get(row, c);
const str = (m: ModuleDefinition, t: Table, row: number, c: number) => m.image.strings.get(col(m, t, row, c));
const coded = (m: ModuleDefinition, c: (typeof CodedIndexes)[keyof typeof CodedIndexes], t: Table, row: number, column: number) =>
  m.image.tables.decodeCoded(c, col(m, t, row, column), 0);
const lines = (text: string, re: RegExp) => text.split('\n').map(l => re.exec(l)).filter((x): x is RegExpExecArray => x !== null);
/** Presentation differences of the table dumps: unnamed method generic parameters, array shape spacing, generic arity markers. */
const norm = (s: string) => normalizeOperand(s).replace(/(!!?)\(null\)/g, '$1G').replace(/ \[(,*)\]/g, '[$1]').replace(/ ?<\[\d+\]>/g, '');

/** The name in a monodis method line: the token before the parameter list, without generic parameters. */
function methodNameOf(sig: string): string {
  let s = sig.replace(/\s+\(param: .*$/, '').trimEnd();
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ')') depth++;
    else if (s[i] === '(' && --depth === 0) {
      s = s.slice(0, i).trimEnd();
      break;
    }
  }
  // Generic parameters with their constraints: "CheckIo<(class X) TSafeHandle>".
  if (s.endsWith('>')) {
    depth = 0;
    for (let i = s.length - 1; i >= 0; i--) {
      if (s[i] === '>') depth++;
      else if (s[i] === '<' && --depth === 0) {
        s = s.slice(0, i);
        break;
      }
    }
  }
  return unquote(s.slice(s.lastIndexOf(' ') + 1));
}

const CA_PARENT: Partial<Record<number, string>> = { [Table.Field]: 'FieldDef' };

const CHECKS: readonly TableCheck[] = [
  {
    option: '--module', table: Table.Module,
    parse: t => lines(t, /^1: (.*) \d+ \{(.*)\}$/).map(m => `${m[1]} ${m[2]!.toLowerCase()}`),
    ours: m => [`${m.name} ${m.mvid}`],
  },
  {
    option: '--typedef', table: Table.TypeDef,
    parse: t => lines(t, /^\d+: (.*) \(flist=(\d+), mlist=(\d+), flags=(0x[0-9a-f]+), extends=(0x[0-9a-f]+)\)$/).map(m => `${unquote(m[1]!)} ${m[2]} ${m[3]} ${m[4]} ${m[5]}`),
    ours: m => rows(m, Table.TypeDef).map(r => {
      const name = r === 1 ? '(null)' : unquote(typeName(m.reader.typeDef(r)));
      return `${name} ${col(m, Table.TypeDef, r, 4)} ${col(m, Table.TypeDef, r, 5)} ${hex(col(m, Table.TypeDef, r, 0))} ${hex(col(m, Table.TypeDef, r, 3))}`;
    }),
  },
  {
    option: '--typeref', table: Table.TypeRef,
    parse: t => lines(t, /^\d+: (.*)$/).map(m => unquote(m[1]!)),
    ours: m => m.getTypeReferences().map(r => unquote(typeName(r))),
  },
  {
    option: '--method', table: Table.MethodDef,
    parse: t => lines(t, /^\d+: (.*\(param: (\d+) .*)$/).map(m => `${methodNameOf(m[1]!)} ${m[2]}`),
    ours: m => rows(m, Table.MethodDef).map(r => `${m.reader.method(r).name} ${col(m, Table.MethodDef, r, 5)}`),
  },
  {
    option: '--fields', table: Table.Field,
    parse: t => lines(t, /^\d+: (.*) ('(?:[^'\\]|\\.)*'|\S+): .*$/).map(m => unquote(m[2]!)),
    ours: m => rows(m, Table.Field).map(r => m.reader.field(r).name),
  },
  {
    option: '--memberref', table: Table.MemberRef,
    parse: t => lines(t, /^\d+: (\w+)\[(\d+)\] (.*)$/).map(m => `${m[1]} ${m[2]} ${m[3]}`),
    ours: m => rows(m, Table.MemberRef).map(r => {
      const p = coded(m, CodedIndexes.MemberRefParent, Table.MemberRef, r, 0);
      return `${TABLE_NAMES[p.table]} ${p.row} ${str(m, Table.MemberRef, r, 1)}`;
    }),
  },
  {
    option: '--assemblyref', table: Table.AssemblyRef,
    parse: t => lines(t.replace(/: Version=(.*)\n\s*Name=(.*)/g, ': $2 $1'), /^\d+: (.*)$/).map(m => m[1]!),
    ours: m => m.assemblyReferences.map(a => `${a.name} ${a.versionString}`),
  },
  {
    option: '--moduleref', table: Table.ModuleRef,
    parse: t => lines(t, /^\d+: (.*)$/).map(m => m[1]!),
    ours: m => m.moduleReferences.map(r => r.name),
  },
  {
    option: '--customattr', table: Table.CustomAttribute,
    parse: t => lines(t, /^\d+: (\w+): (\d+): (.*\)) \[.*$/s).map(m => `${m[1]} ${m[2]} ${norm(m[3]!)}`),
    ours: m => rows(m, Table.CustomAttribute).map(r => {
      const p = coded(m, CodedIndexes.HasCustomAttribute, Table.CustomAttribute, r, 0);
      return `${CA_PARENT[p.table] ?? TABLE_NAMES[p.table]} ${p.row} ${norm(methodText(m.reader.customAttribute(r).constructor))}`;
    }),
  },
  {
    option: '--param', table: Table.Param,
    parse: t => lines(t, /^\d+: (0x[0-9a-f]{4}) (\d+) (.*)$/).map(m => `${m[1]} ${m[2]} ${m[3]}`),
    ours: m => rows(m, Table.Param).map(r => `${hex(col(m, Table.Param, r, 0), 4)} ${col(m, Table.Param, r, 1)} ${str(m, Table.Param, r, 2)}`),
  },
  {
    option: '--interface', table: Table.InterfaceImpl,
    parse: t => lines(t, /^\d+: (.*)$/).map(m => norm(m[1]!)),
    ours: m => rows(m, Table.InterfaceImpl).map(r => {
      const cls = m.reader.typeDef(col(m, Table.InterfaceImpl, r, 0));
      const iface = m.reader.typeDefOrRef(col(m, Table.InterfaceImpl, r, 1), {}, 0);
      return norm(`${typeName(cls)} implements ${typeToken(iface)}`);
    }),
  },
  {
    option: '--nested', table: Table.NestedClass,
    parse: t => lines(t, /^\d+: (\d+) (\d+): /).map(m => `${m[1]} ${m[2]}`),
    ours: m => rows(m, Table.NestedClass).map(r => `${col(m, Table.NestedClass, r, 0)} ${col(m, Table.NestedClass, r, 1)}`),
  },
  {
    option: '--event', table: Table.Event,
    parse: t => lines(t, /^\d+: (.*?) ?$/).map(m => norm(m[1]!)),
    ours: m => rows(m, Table.Event).map(r => norm(`${typeToken(m.reader.typeDefOrRef(col(m, Table.Event, r, 2), {}, 0))} ${str(m, Table.Event, r, 1)}`)),
  },
  {
    option: '--property', table: Table.Property,
    parse: t => lines(t, /^\d+: (.*) ('(?:[^'\\]|\\.)*'|\S+) \(.*$/).map(m => unquote(m[2]!)),
    ours: m => rows(m, Table.Property).map(r => str(m, Table.Property, r, 1)),
  },
  {
    option: '--genericpar', table: Table.GenericParam,
    parse: t => lines(t, /^\d+: (\d+), flags=(\w+), owner=(\w+) (.*)$/).map(m => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`),
    ours: m => rows(m, Table.GenericParam).map(r => `${col(m, Table.GenericParam, r, 0)} ${col(m, Table.GenericParam, r, 1)} ${col(m, Table.GenericParam, r, 2).toString(16)} ${str(m, Table.GenericParam, r, 3)}`),
  },
  {
    option: '--methodspec', table: Table.MethodSpec,
    parse: t => lines(t, /^\d+: (.*)$/).map(m => norm(m[1]!)),
    ours: m => rows(m, Table.MethodSpec).map(r => {
      const spec = m.reader.methodSpec(r) as GenericInstanceMethod;
      return norm(`${methodText(spec)}, <${spec.genericArguments.map(a => typeSig(a)).join(', ')}>`);
    }),
  },
  {
    option: '--implmap', table: Table.ImplMap,
    parse: t => lines(t, /^\d+: .* (\d+) \((\S+) (.*)\)$/).map(m => `${m[1]} ${m[2]} ${m[3]}`),
    ours: m => rows(m, Table.ImplMap).map(r => `${col(m, Table.ImplMap, r, 0)} ${str(m, Table.ImplMap, r, 2)} ${m.reader.moduleRef(col(m, Table.ImplMap, r, 3)).name}`),
  },
  {
    option: '--fieldrva', table: Table.FieldRVA,
    parse: t => lines(t, /^\d+: Field (\d+): ([0-9a-f]+)$/).map(m => `${m[1]} ${m[2]}`),
    ours: m => rows(m, Table.FieldRVA).map(r => `${col(m, Table.FieldRVA, r, 1)} ${col(m, Table.FieldRVA, r, 0).toString(16)}`),
  },
  {
    option: '--manifest', table: Table.ManifestResource,
    parse: t => lines(t, /^\d+: \w+ (.*) at offset (\d+) in (.*)$/).map(m => `${unquote(m[1]!)} ${m[2]}`),
    ours: m => rows(m, Table.ManifestResource).map(r => `${str(m, Table.ManifestResource, r, 2)} ${col(m, Table.ManifestResource, r, 0)}`),
  },
  {
    option: '--exported', table: Table.ExportedType,
    parse: t => lines(t, /^\d+: (.*) is in (\w+) (\d+), index=(\w+), flags=(\w+)$/).map(m => `${m[1]} ${m[2]} ${m[3]} ${m[4]} ${m[5]}`),
    ours: m => m.exportedTypes.map(e => {
      const where = e.implementation.table === Table.AssemblyRef ? 'assemblyref' : e.implementation.table === Table.File ? 'file' : 'exportedtype';
      return `${e.namespace === '' ? e.name : e.namespace + '.' + e.name} ${where} ${e.implementation.row} ${col(m, Table.ExportedType, e.row, 1)} ${hex(e.flags)}`;
    }),
  },
  {
    option: '--constant', table: Table.Constant,
    // Strings print as "..." or as a bytearray; both are 'string' here.
    parse: t => lines(t, /^\d+: Parent= (\w+): (\d+) (\w+|")/).map(m => `${m[1]} ${m[2]} ${m[3] === '"' || m[3] === 'bytearray' ? 'string' : m[3]}`),
    ours: m => rows(m, Table.Constant).map(r => {
      const p = coded(m, CodedIndexes.HasConstant, Table.Constant, r, 1);
      const et = col(m, Table.Constant, r, 0) & 0xff;
      const names: Record<number, string> = { 2: 'bool', 3: 'char', 4: 'int8', 5: 'int8', 6: 'int16', 7: 'int16', 8: 'int32', 9: 'int32', 10: 'int64', 11: 'int64', 12: 'float32', 13: 'float64', 0x12: 'nullref' };
      const value = m.reader.constantOf(p.table === Table.Field ? 0x04000000 | p.row : p.table === Table.Param ? 0x08000000 | p.row : 0x17000000 | p.row).value;
      const kind = et === 0x0e ? 'string' : names[et]!;
      void value;
      return `${p.table === Table.Field ? 'Field' : p.table === Table.Param ? 'Param' : 'Property'} ${p.row} ${kind}`;
    }),
  },
  {
    option: '--typespec', table: Table.TypeSpec,
    parse: t => lines(t, /^\d+: (.*)$/).map(m => norm(m[1]!)),
    ours: m => rows(m, Table.TypeSpec).map(r => norm(typeSig(m.reader.typeSpec(r)))),
  },
  {
    option: '--methodimpl', table: Table.MethodImpl,
    parse: t => lines(t.replace(/\n\tdecl: (.*)\n\timpl: (.*)/g, ' | $1 | $2'), /^\d+: (.*)$/).map(m => norm(m[1]!)),
    ours: m => rows(m, Table.MethodImpl).map(r => {
      const decl = coded(m, CodedIndexes.MethodDefOrRef, Table.MethodImpl, r, 2);
      const body = coded(m, CodedIndexes.MethodDefOrRef, Table.MethodImpl, r, 1);
      const text = (c: { table: Table; row: number }) => methodText(m.reader.methodDefOrRef(c.table, c.row, 0));
      return norm(`${typeName(m.reader.typeDef(col(m, Table.MethodImpl, r, 0)))} | ${text(decl)} | ${text(body)}`);
    }),
  },
  {
    // monodis prints the Method column minus one (its dump_table_methodsem); so does this side.
    option: '--methodsem', table: Table.MethodSemantics,
    parse: t => lines(t, /^\d+: \[\d+\] (.*) method: (\d+) (\w+) (\d+)$/).map(m => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`),
    ours: m => rows(m, Table.MethodSemantics).map(r => {
      const kinds: Record<number, string> = { 1: 'setter', 2: 'getter', 4: 'other', 8: 'add-on', 0x10: 'remove-on', 0x20: 'fire' };
      const a = coded(m, CodedIndexes.HasSemantics, Table.MethodSemantics, r, 2);
      return `${kinds[col(m, Table.MethodSemantics, r, 0)]} ${col(m, Table.MethodSemantics, r, 1) - 1} ${a.table === Table.Event ? 'event' : 'property'} ${a.row}`;
    }),
  },
  {
    option: '--file', table: Table.File,
    parse: t => lines(t, /^\d+: (.*)$/).map(m => m[1]!),
    ours: m => rows(m, Table.File).map(r => str(m, Table.File, r, 1)),
  },
  {
    option: '--classlayout', table: Table.ClassLayout,
    parse: t => lines(t, /^\d+: PackingSize=(\d+) {2}ClassSize=(\d+) {2}Parent=(.*)$/).map(m => `${m[1]} ${m[2]} ${unquote(m[3]!)}`),
    ours: m => rows(m, Table.ClassLayout).map(r => `${col(m, Table.ClassLayout, r, 0)} ${col(m, Table.ClassLayout, r, 1)} ${unquote(typeName(m.reader.typeDef(col(m, Table.ClassLayout, r, 2))))}`),
  },
];

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * For assemblies built against a -nostdlib corlib, monodis does not take their System.Enum
 * for the runtime's, so it prints enums as "class"; compare those without the prefix.
 */
const noValueTypePrefix = (s: string) => s.replace(/\b(?:class|valuetype) /g, '');

async function checkAssembly(t: import('ava').ExecutionContext, path: string, ownCorlib = false): Promise<void> {
  const dumps = await Promise.all(CHECKS.map(c => monodis([c.option, path])));
  const asm = readAssembly(path);
  (asm.mainModule.assemblyResolver as DefaultAssemblyResolver).addSearchDirectory(MONO_LIB);
  const m = asm.mainModule;
  const counts = new Map<string, number>();
  const problems: string[] = [];
  let compared = 0;
  CHECKS.forEach((c, i) => {
    const fix = ownCorlib ? noValueTypePrefix : (x: string) => x;
    const expected = c.parse(dumps[i]!).map(fix);
    const actual = c.ours(m).map(fix);
    counts.set(TABLE_NAMES[c.table]!, expected.length);
    if (actual.length !== expected.length) problems.push(`${c.option}: ${actual.length} rows, monodis ${expected.length}`);
    const diffs = actual.map((a, j) => (a === expected[j] ? undefined : `${c.option} row ${j + 1}:\n  ours:    ${a}\n  monodis: ${expected[j]}`)).filter(x => x !== undefined);
    problems.push(...diffs.slice(0, 3));
    compared += actual.length;
  });
  t.deepEqual(problems, []);
  t.log(`${compared} rows in ${CHECKS.length} tables identical to monodis`);
  // sharpaot inspect --tables reports the same row counts.
  const { stdout } = await promisify(execFile)(process.execPath, [`${root}/aot/bin/sharpaot.js`, 'inspect', path, '--tables']);
  const reported = new Map(stdout.trim().split('\n').map(l => l.split(': ') as [string, string]).map(([k, v]) => [k, Number(v)]));
  for (const [name, n] of counts) t.is(reported.get(name) ?? 0, n, `inspect --tables ${name}`);
}

for (const path of MONO_ASSEMBLIES) test(`${path.split('/').pop()}: tables match monodis`, t => checkAssembly(t, path));
test('features.exe: tables match monodis', async t => checkAssembly(t, await buildFeatures()));
test('kernel.dll and -nostdlib mscorlib.dll: tables match monodis', async t => {
  const { kernel, corlib } = await buildTinyCorlib();
  await checkAssembly(t, kernel, true);
  await checkAssembly(t, corlib, true);
});
