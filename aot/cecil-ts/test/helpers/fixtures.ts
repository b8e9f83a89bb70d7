// Builds the C# fixtures with mcs at test time and caches the results under the OS temp
// directory, keyed by a hash of the sources and flags, so the test files of one run (each
// its own process) compile each fixture once.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const MONO_LIB = '/usr/lib/mono/4.5';

/** The large class libraries shipped with Mono that the oracle tests read. */
export const MONO_ASSEMBLIES = ['mscorlib', 'System', 'System.Core', 'System.Xml', 'Mono.Security'].map(n => join(MONO_LIB, n + '.dll'));

interface Build {
  readonly name: string;
  readonly sources: readonly string[];
  readonly flags: readonly string[];
  /** Names of earlier outputs of the same group to reference. */
  readonly references?: readonly string[];
}

/**
 * Compiles a group of assemblies with mcs into one cached directory (so they can find
 * each other) and returns the output paths in order.
 */
const inProcess = new Map<string, Promise<string[]>>();

export function mcs(builds: readonly Build[]): Promise<string[]> {
  const key = JSON.stringify(builds);
  let p = inProcess.get(key);
  if (p === undefined) {
    p = compile(builds);
    inProcess.set(key, p);
  }
  return p;
}

async function compile(builds: readonly Build[]): Promise<string[]> {
  const hash = createHash('sha256');
  for (const b of builds) {
    hash.update(b.name + '|' + b.flags.join(' ') + '|' + (b.references ?? []).join(','));
    for (const s of b.sources) hash.update(readFileSync(s));
  }
  const dir = join(tmpdir(), 'cecil-ts-fixtures', hash.digest('hex').slice(0, 16));
  const outs = builds.map(b => join(dir, b.name));
  if (outs.every(o => existsSync(o))) return outs;
  // Build in a private directory, then move it into place, so concurrent test processes never see half a group.
  const work = dir + '.tmp-' + process.pid;
  mkdirSync(work, { recursive: true });
  for (const b of builds) {
    await run('mcs', [...b.flags, ...(b.references ?? []).map(r => '-r:' + join(work, r)), '-out:' + join(work, b.name), ...b.sources]);
  }
  try {
    renameSync(work, dir);
  } catch {
    // Another process finished the same group first; its results are identical.
    rmSync(work, { recursive: true, force: true });
  }
  return outs;
}

/** features.exe: the feature-rich fixture, against Mono's mscorlib, with .mdb symbols. */
export async function buildFeatures(): Promise<string> {
  const [exe] = await mcs([{ name: 'features.exe', sources: [join(FIXTURES, 'features.cs')], flags: ['-unsafe', '-debug', '-target:exe'] }]);
  return exe!;
}

/** mscorlib.dll (tiny, -nostdlib) and kernel.dll built against it. */
export async function buildTinyCorlib(): Promise<{ corlib: string; kernel: string }> {
  const [corlib, kernel] = await mcs([
    { name: 'mscorlib.dll', sources: [join(FIXTURES, 'tinycorlib/corlib.cs')], flags: ['-nostdlib', '-target:library', '-unsafe', '-nowarn:649,169'] },
    { name: 'kernel.dll', sources: [join(FIXTURES, 'tinycorlib/kernel.cs')], flags: ['-nostdlib', '-target:library', '-unsafe', '-debug'], references: ['mscorlib.dll'] },
  ]);
  return { corlib: corlib!, kernel: kernel! };
}

/** oracle.exe: the reflection oracle (fixtures/oracle.cs), run with mono. */
export async function buildOracle(): Promise<string> {
  const [exe] = await mcs([{ name: 'oracle.exe', sources: [join(FIXTURES, 'oracle.cs')], flags: ['-target:exe', '-r:System.Core.dll'] }]);
  return exe!;
}

/** stdout of `mono oracle.exe args...`. */
export async function oracle(args: string[]): Promise<string> {
  const { stdout } = await run('mono', [await buildOracle(), ...args], { maxBuffer: 1 << 28 });
  return stdout;
}

/** lines.exe with lines.exe.mdb: the line-number oracle program. */
export async function buildLines(): Promise<string> {
  const [exe] = await mcs([{ name: 'lines.exe', sources: [join(FIXTURES, 'lines.cs')], flags: ['-debug', '-target:exe'] }]);
  return exe!;
}

/** features.exe compiled for x64: a PE32+ image. */
export async function buildFeatures64(): Promise<string> {
  const [exe] = await mcs([{ name: 'features64.exe', sources: [join(FIXTURES, 'features.cs')], flags: ['-unsafe', '-target:exe', '-platform:x64'] }]);
  return exe!;
}
