// Type identity across assemblies: two assemblies may define types of the same full name
// (every C# assembly with array initialisers has a <PrivateImplementationDetails>); they
// are different types, so they get different keys (and symbols), the second qualified by
// its assembly's name.

import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readAssembly } from 'cecil-ts';
import { TypeSystem } from '../../src/engine/types.ts';

test('same-named types of two assemblies are distinct types with distinct keys', async t => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sharpaot-keys-'));
  try {
    const defs = [];
    for (const name of ['first', 'second']) {
      const src = path.join(dir, `${name}.cs`);
      writeFileSync(src, `namespace N { public class Same { public static readonly int[] A = { 1, 2, 3, 4, 5, 6, 7, 8 }; } }\n`);
      const dll = path.join(dir, `${name}.dll`);
      await promisify(execFile)('mcs', ['-target:library', `-out:${dll}`, src]);
      const asm = readAssembly(dll);
      defs.push(asm.mainModule.getType('N.Same')!, asm.mainModule.getTypes().find(x => x.name.startsWith('<PrivateImplementationDetails>'))!);
    }
    const types = new TypeSystem(() => undefined);
    const [a, pa, b, pb] = defs.map(d => types.named(d!, []));
    t.not(a, b);
    t.not(pa, pb);
    t.is(a!.key, 'N.Same');
    t.is(b!.key, '[second]N.Same');
    t.not(pa!.key, pb!.key);
    t.is(types.named(defs[2]!, []), b!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
