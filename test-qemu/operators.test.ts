// Operators, conversions, control flow and data, differentially against mono: programs
// generated from the tables in test-qemu/generators (types × operators × boundary
// values, switches, loops, structs, ...) are run under mono on the host and booted in
// QEMU after sharpaot compiles them at -O0 and at -O2 (verifying IR and register
// allocation); every printed line must match. Two programs keep the compilations and
// boots few.

import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { controlPart } from './generators/control-program.ts';
import { conversionPart } from './generators/conversion-program.ts';
import { dataPart } from './generators/data-program.ts';
import { compare, prepare, type Prepared } from './generators/differential.ts';
import { BYTE, INT, LONG, SBYTE, SHORT, UINT, ULONG, USHORT } from './generators/int-types.ts';
import { operatorPart } from './generators/operator-programs.ts';
import { composeProgram, type GeneratedProgram } from './generators/program.ts';

const work = mkdtempSync(path.join(tmpdir(), 'sharpaot-operators-'));
test.after.always(() => rmSync(work, { recursive: true, force: true }));

// Two programs, balanced: each image costs a fixed compilation of the runtime it links.
const PROGRAMS: readonly [string, () => GeneratedProgram][] = [
  ['operators of SByte, Byte, Int16, UInt16, Int32 and UInt32', () => composeProgram('Ops8to32', [operatorPart([SBYTE, BYTE, SHORT, USHORT, INT, UINT])])],
  [
    'operators of Int64 and UInt64, conversions, Boolean, Char, control flow, arguments, statics, structs, ref/out and compound assignment',
    () => composeProgram('Ops64Misc', [operatorPart([LONG, ULONG]), conversionPart, controlPart, dataPart]),
  ],
];

// Mono first, for every program: while a test compiles (synchronously), the pipes of a
// mono started by another test would not be read.
const prepared = new Map<string, Promise<Prepared>>();
test.before(async () => {
  for (const [title, generate] of PROGRAMS) {
    const program = generate();
    prepared.set(title, prepare(work, program.name, program.source));
  }
  await Promise.all(prepared.values());
});

// The oracle itself, against BigInt arithmetic, where mono's JIT is known to be wrong.
test('the oracle multiplies Int64 values by -2^31 correctly', async t => {
  const factors = [3n, -5n, -140735340904447n, 1n << 40n];
  const source = [
    'using System;',
    'class OracleMul',
    '{',
    '    static long Id(long x) { return x; }',
    '    static int Main()',
    '    {',
    ...factors.map(f => `        Console.WriteLine(Id(${f}L) * -2147483648L);`),
    '        return 0;',
    '    }',
    '}',
  ].join('\n');
  const p = await prepare(work, 'OracleMul', source);
  t.is(p.expected.stdout, factors.map(f => `${BigInt.asIntN(64, f * -(2n ** 31n))}\n`).join(''));
});

for (const [title] of PROGRAMS) {
  test(`${title} print what mono prints at -O0 and -O2`, async t => {
    const p = await prepared.get(title)!;
    t.log(`${path.basename(p.file)}: ${p.lines} lines checked per level`);
    // The oracle ran the whole program: a program that stopped early would check little.
    t.is(p.expected.exitCode, 0, p.expected.stderr);
    t.regex(p.expected.stdout, /^lines printed \d+$/m);
    t.deepEqual(await compare(p, [0, 2]), []);
  });
}
