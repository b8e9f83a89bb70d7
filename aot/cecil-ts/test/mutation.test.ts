// Bad input never crashes the reader: seeded mutations of real assemblies (truncations,
// byte flips, and overwrites of header, table and heap fields with 0, all-ones and random
// values) either read fully — every table, signature, attribute and body decoded, every
// reference resolved or reported as ResolutionError — or throw BadImageFormatError. Never a
// TypeError/RangeError, never a hang. The seed and case number of a failure reproduce it.

import test from 'ava';
import { readFileSync } from 'node:fs';
import { BadImageFormatError, DefaultAssemblyResolver, readAssembly, readMdb, ResolutionError, type AssemblyResolver } from '../src/index.ts';
import { buildFeatures, buildTinyCorlib, MONO_LIB } from './helpers/fixtures.ts';
import { readEverything } from './helpers/read-everything.ts';
import { toUncompressed } from './helpers/uncompressed.ts';

/** mulberry32: a small seeded PRNG, so every case is reproducible from (seed, case). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = { kind: string; data: Uint8Array };

/** One mutation of `original`; offsets are biased towards `hot` (metadata and code), where structure lives. */
function mutate(original: Uint8Array, random: () => number, hot: { start: number; end: number }): Mutation {
  const data = Uint8Array.from(original);
  const pick = () => (random() < 0.75 ? hot.start + Math.floor(random() * (hot.end - hot.start)) : Math.floor(random() * data.length));
  const r = random();
  if (r < 0.15) {
    const n = Math.floor(random() * data.length);
    return { kind: `truncate to ${n}`, data: data.subarray(0, n) };
  }
  if (r < 0.55) {
    const flips = 1 + Math.floor(random() * 8);
    for (let i = 0; i < flips; i++) data[pick()]! ^= 1 << Math.floor(random() * 8);
    return { kind: `${flips} bit flips`, data };
  }
  const at = pick();
  const width = [1, 2, 4][Math.floor(random() * 3)]!;
  const style = Math.floor(random() * 4);
  for (let i = 0; i < width && at + i < data.length; i++) data[at + i] = style === 0 ? 0 : style === 1 ? 0xff : style === 2 ? (i === 0 ? 0x80 : 0) : Math.floor(random() * 256);
  return { kind: `overwrite ${width} bytes at 0x${at.toString(16)} (style ${style})`, data };
}

/** File range of the metadata and method bodies: from the start of the .text raw data to the end of the metadata. */
function hotRange(data: Uint8Array): { start: number; end: number } {
  const asm = readAssembly(data);
  const pe = asm.mainModule.image.pe;
  const text = pe.sections[0]!;
  const md = pe.cliHeader.metadata;
  return { start: text.pointerToRawData, end: pe.rvaToOffset(md.rva) + md.size };
}

function fuzz(t: import('ava').ExecutionContext, original: Uint8Array, seed: number, cases: number, shared: AssemblyResolver): void {
  const random = rng(seed);
  const hot = hotRange(original);
  const resolver: AssemblyResolver = { resolve: name => shared.resolve(name) };
  const outcome = { read: 0, rejected: 0, unresolved: 0 };
  for (let c = 0; c < cases; c++) {
    const { kind, data } = mutate(original, random, hot);
    try {
      const counts = readEverything(readAssembly(data, { resolver, fileName: `case-${c}` }), true);
      outcome.read++;
      outcome.unresolved += counts.unresolved;
    } catch (e) {
      if (e instanceof BadImageFormatError) {
        outcome.rejected++;
        if (!(e.offset >= -1 && e.offset <= data.length)) t.fail(`seed ${seed} case ${c} (${kind}): offset ${e.offset} outside the file`);
        continue;
      }
      if (e instanceof ResolutionError) {
        outcome.unresolved++;
        outcome.read++;
        continue;
      }
      t.fail(`seed ${seed} case ${c} (${kind}): ${(e as Error).stack}`);
      return;
    }
  }
  t.is(outcome.read + outcome.rejected, cases);
  t.true(outcome.rejected > 0 && outcome.read > 0, 'the mutations exercise both outcomes');
  t.log(`${cases} mutants: ${outcome.read} read fully, ${outcome.rejected} rejected with BadImageFormatError, ${outcome.unresolved} unresolvable references`);
}

const shared = new DefaultAssemblyResolver([MONO_LIB]);

test('mutated features.exe: reads fully or throws BadImageFormatError', async t => {
  fuzz(t, new Uint8Array(readFileSync(await buildFeatures())), 0x5eed0001, 1500, shared);
});

test('mutated #- image with Ptr tables: reads fully or throws BadImageFormatError', async t => {
  fuzz(t, toUncompressed(new Uint8Array(readFileSync(await buildFeatures()))), 0x5eed0005, 600, shared);
});

test('mutated -nostdlib corlib and kernel: read fully or throw BadImageFormatError', async t => {
  const { corlib, kernel } = await buildTinyCorlib();
  const local = new DefaultAssemblyResolver();
  local.register(readAssembly(corlib));
  fuzz(t, new Uint8Array(readFileSync(corlib)), 0x5eed0002, 800, local);
  fuzz(t, new Uint8Array(readFileSync(kernel)), 0x5eed0003, 800, local);
});

test('mutated .mdb symbol files: read or throw BadImageFormatError', async t => {
  const exe = await buildFeatures();
  const original = new Uint8Array(readFileSync(exe + '.mdb'));
  const random = rng(0x5eed0004);
  let read = 0;
  const module = readAssembly(exe).mainModule;
  for (let c = 0; c < 800; c++) {
    const { kind, data } = mutate(original, random, { start: 0, end: original.length });
    try {
      readMdb(module, data);
      read++;
    } catch (e) {
      if (!(e instanceof BadImageFormatError)) t.fail(`mdb case ${c} (${kind}): ${(e as Error).stack}`);
    }
  }
  t.true(read > 0 && read < 800);
});

test('structural corruptions give a clear message naming what was expected and where', t => {
  const bytes = (patch: (d: Uint8Array) => void) => {
    const d = new Uint8Array(readFileSync(`${MONO_LIB}/Mono.Security.dll`));
    patch(d);
    return d;
  };
  const peOffset = (d: Uint8Array) => new DataView(d.buffer).getUint32(0x3c, true);
  t.throws(() => readAssembly(new Uint8Array([0x4d])), { instanceOf: BadImageFormatError, message: /truncated: expected DOS signature/ });
  t.throws(() => readAssembly(bytes(d => (d[0] = 0))), { instanceOf: BadImageFormatError, message: /expected DOS signature "MZ" \(at file offset 0x0\)/ });
  t.throws(() => readAssembly(bytes(d => (d[peOffset(d)] = 0))), { instanceOf: BadImageFormatError, message: /expected PE signature/ });
  const e = t.throws(() => readAssembly(bytes(d => d.fill(0, peOffset(d) + 24, peOffset(d) + 26))), { instanceOf: BadImageFormatError });
  t.is(e.offset, peOffset(readFileSync(`${MONO_LIB}/Mono.Security.dll`)) + 24);
});
