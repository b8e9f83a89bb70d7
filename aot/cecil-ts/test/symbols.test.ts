// Mono symbol files (.mdb from `mcs -debug`) checked against Mono's runtime: lines.exe
// prints, for each call site, the IL offset and source line the runtime reads from the
// .mdb; cecil-ts's sequence points must map the same offset to the same file and line.

import test from 'ava';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { BadImageFormatError, readAssembly, readMdb, type MethodDefinition } from '../src/index.ts';
import { buildFeatures, buildLines, buildTinyCorlib } from './helpers/fixtures.ts';

test('IL offset → file and line equals what the Mono runtime reads from the .mdb', async t => {
  const exe = await buildLines();
  const { stdout } = await promisify(execFile)('mono', ['--debug', exe]);
  const frames = stdout.trim().split('\n').map(l => l.split(' ')) as [string, string, string, string][];
  t.true(frames.length >= 12);
  const module = readAssembly(exe, { readSymbols: true }).mainModule;
  for (const [token, offset, file, line] of frames) {
    const method = module.lookupToken(Number.parseInt(token, 16)) as MethodDefinition;
    const points = method.debugInformation?.sequencePoints ?? [];
    // The runtime reports the closest sequence point at or before the offset.
    const point = points.filter(p => p.offset <= Number(offset)).at(-1);
    t.truthy(point, `${method.fullName} has a sequence point before IL_${offset}`);
    t.is(point?.document.url, file);
    t.is(point?.startLine, Number(line), `${method.fullName} IL offset ${offset}`);
  }
});

test('every method with a body has sequence points within its code, and no other method has any', async t => {
  const { kernel } = await buildTinyCorlib();
  for (const path of [await buildFeatures(), await buildLines(), kernel]) {
    const module = readAssembly(path, { readSymbols: true }).mainModule;
    for (const type of module.getTypes()) {
      for (const m of type.methods) {
        const points = m.debugInformation?.sequencePoints;
        if (!m.hasBody) t.is(points, undefined);
        else for (const p of points ?? []) t.true(p.offset <= m.body!.codeSize && p.startLine > 0, `${m.fullName}`);
      }
    }
    t.true(module.getTypes().some(ty => ty.methods.some(m => (m.debugInformation?.sequencePoints.length ?? 0) > 0)));
  }
});

test('a symbol file of another module is rejected by MVID', async t => {
  const lines = readAssembly(await buildLines()).mainModule;
  const other = readFileSync((await buildFeatures()) + '.mdb');
  t.throws(() => readMdb(lines, other), { instanceOf: BadImageFormatError, message: /symbol file belongs to module/ });
});

test('without readSymbols no symbols are read', async t => {
  const module = readAssembly(await buildLines()).mainModule;
  t.true(module.getTypes().every(ty => ty.methods.every(m => m.debugInformation === undefined)));
});
