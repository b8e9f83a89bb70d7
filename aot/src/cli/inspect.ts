// `sharpaot inspect <assembly>`: shows what cecil-ts reads from an assembly, in notation
// that diffs against Mono's tools. --tables prints one "Name: rows" line per metadata
// table (ECMA-335 names); --il prints method bodies as monodis does ("IL_0000:  ldarg.0"),
// all of them or those matching --method Type::Name. A malformed file is SA2001.

import { existsSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { BadImageFormatError, methodBodyText, readAssembly, type AssemblyDefinition, type MethodDefinition } from 'cecil-ts';
import { fail } from '../diagnostics.ts';

/** Reported by cli/report.ts as SA1006 (it recognises the name). */
class UsageError extends Error {
  override name = 'UsageError';
}

interface InspectArgs {
  assembly: string;
  tables?: boolean;
  il?: boolean;
  method?: string;
}

function load(path: string): AssemblyDefinition {
  if (!existsSync(path)) fail('SA1001', `input file not found: ${path}`);
  try {
    return readAssembly(path);
  } catch (e) {
    if (e instanceof BadImageFormatError) fail('SA2001', `${path}: ${e.message}`);
    throw e;
  }
}

/** "Ns.Type::Name" or "Ns.Outer/Inner::Name" (also matches without the namespace). */
function matches(m: MethodDefinition, filter: string): boolean {
  const sep = filter.lastIndexOf('::');
  const type = sep < 0 ? undefined : filter.slice(0, sep);
  const name = sep < 0 ? filter : filter.slice(sep + 2);
  if (m.name !== name) return false;
  if (type === undefined) return true;
  const t = m.declaringType;
  return t.fullName === type || t.fullName.endsWith('.' + type) || t.name === type;
}

function guard<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof BadImageFormatError) fail('SA2001', `${path}: ${e.message}`);
    throw e;
  }
}

export const inspectCommand: CommandModule<object, InspectArgs> = {
  command: 'inspect <assembly>',
  describe: 'show the metadata tables or the IL of an assembly, in monodis notation',
  builder: y =>
    y
      .positional('assembly', { type: 'string', demandOption: true, describe: '.dll or .exe to read' })
      .option('tables', { type: 'boolean', describe: 'row count of every metadata table, one "Name: N" per line' })
      .option('il', { type: 'boolean', describe: 'IL of method bodies, as monodis prints them' })
      .option('method', { type: 'string', describe: 'with --il: only methods named Type::Name' }),
  handler: args => {
    if (!args.tables && !args.il) throw new UsageError('give --tables or --il');
    if (args.method !== undefined && !args.il) throw new UsageError('--method needs --il');
    const asm = load(args.assembly);
    const out: string[] = [];
    guard(args.assembly, () => {
      if (args.tables) for (const t of asm.mainModule.image.tableRowCounts()) out.push(`${t.name}: ${t.rows}`);
      if (args.il) {
        let found = 0;
        for (const type of asm.mainModule.getTypes()) {
          for (const m of type.methods) {
            if (args.method !== undefined ? !matches(m, args.method) : !m.hasBody) continue;
            found++;
            out.push(...methodBodyText(m), '');
          }
        }
        if (args.method !== undefined && found === 0) fail('SA2003', `no method ${args.method} in ${args.assembly}`);
      }
    });
    process.stdout.write(out.join('\n') + '\n');
  },
};
