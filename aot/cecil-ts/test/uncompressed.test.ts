// The uncompressed "#-" table stream with FieldPtr/MethodPtr/ParamPtr indirection: the
// fixtures rewritten by helpers/uncompressed.ts (members listed in reverse through the Ptr
// tables) read with each type's fields, constructors and methods in the order Mono's
// runtime lists them (monodis ignores Ptr tables, the runtime follows them), and every
// method's parameters and body are unchanged.

import test from 'ava';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instructionText, readAssembly, Table } from '../src/index.ts';
import { buildFeatures, buildFeatures64, oracle } from './helpers/fixtures.ts';
import { toUncompressed } from './helpers/uncompressed.ts';

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

// (Fixtures only: the runtime lays out vtables in method order, so reordering the virtual
// methods of a class library makes it reject the types.)
for (const [label, build] of [['features.exe', buildFeatures], ['features64.exe', buildFeatures64]] as const) {
  test(`${label} as #- with Ptr tables reads as Mono's runtime reads it`, async t => {
    const original = new Uint8Array(readFileSync(await build()));
    const rewritten = toUncompressed(original);
    const path = join(tmpdir(), `cecil-ts-uncompressed-${process.pid}-${label}`);
    writeFileSync(path, rewritten);
    t.teardown(() => rmSync(path, { force: true }));
    const a = readAssembly(original).mainModule;
    const b = readAssembly(path).mainModule;
    t.false(a.image.tables.uncompressed);
    t.true(b.image.tables.uncompressed);
    t.true(b.image.rowCount(Table.MethodPtr) > 0);
    // Members come out through the Ptr tables, in reverse of the physical order.
    const typesA = a.getTypes();
    const typesB = b.getTypes();
    t.is(typesB.length, typesA.length);
    let reordered = 0;
    typesB.forEach((tb, i) => {
      const ta = typesA[i]!;
      t.deepEqual(tb.methods.map(m => m.row), ta.methods.map(m => m.row).reverse());
      t.deepEqual(tb.fields.map(f => f.row), ta.fields.map(f => f.row).reverse());
      if (tb.methods.length > 1) reordered++;
      tb.methods.forEach(mb => {
        const ma = a.reader.method(mb.row);
        t.deepEqual(mb.parameters.map(p => [p.name, p.sequence]), ma.parameters.map(p => [p.name, p.sequence]));
        t.deepEqual(mb.body?.instructions.map(x => instructionText(x, b)), ma.body?.instructions.map(x => instructionText(x, a)));
      });
    });
    t.true(reordered > 0);
    // Mono's runtime follows the Ptr tables: each type's members in the same order.
    const expected = (await oracle(['members', path])).trim().split('\n').sort();
    const ours = typesB.filter(ty => ty.row !== 1).map(ty => {
      const ctors = ty.methods.filter(m => m.name === '.ctor' || m.name === '.cctor');
      const others = ty.methods.filter(m => m.name !== '.ctor' && m.name !== '.cctor');
      return `${hex8(ty.token)} F[${ty.fields.map(f => hex8(f.token)).join(',')}] C[${ctors.map(m => hex8(m.token)).join(',')}] M[${others.map(m => hex8(m.token)).join(',')}]`;
    }).sort();
    t.deepEqual(ours, expected);
  });
}
