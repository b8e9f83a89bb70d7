// C# sources → assemblies with mcs: the korlib (sharpaot's corlib, built on demand from
// kernel/korlib and cached by content hash) and user programs compiled against it, so
// users never need mcs's -nostdlib flags. Results are cached by the hash of the sources
// and flags under node_modules/.cache/sharpaot (override with SHARPAOT_CACHE).

import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fail } from '../diagnostics.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
/** korlib's sources; SHARPAOT_KORLIB points at another copy (e.g. a modified corlib). */
export const KORLIB_SOURCE_DIR = process.env['SHARPAOT_KORLIB'] ?? path.join(REPO, 'kernel', 'korlib');
/** Warnings mcs gives for korlib's placeholder fields of the primitive types. */
const KORLIB_NOWARN = '169,649,414';

export function cacheDir(): string {
  return process.env['SHARPAOT_CACHE'] ?? path.join(REPO, 'node_modules', '.cache', 'sharpaot');
}

/** Every .cs file under a directory, sorted (deterministic order for mcs). */
export function csFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.cs')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function hashOf(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(typeof p === 'string' ? p : Buffer.from(p));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

async function runMcs(args: string[], what: string): Promise<void> {
  try {
    await promisify(execFile)('mcs', args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { code?: string | number; stdout?: string; stderr?: string };
    if (err.code === 'ENOENT') fail('SA1004', 'mcs (the Mono C# compiler) is not installed', { hint: 'install the Debian package mono-mcs, or run `npm start` once as root' });
    const output = `${err.stdout ?? ''}${err.stderr ?? ''}`.trim();
    fail('SA1003', `mcs could not compile ${what}:\n${output}`);
  }
}

/** Compiles into a fresh temporary name and renames, so a cache entry is never half written. */
async function compileCached(key: string, outName: string, args: (out: string) => string[], what: string): Promise<string> {
  const dir = path.join(cacheDir(), key);
  const out = path.join(dir, outName);
  if (existsSync(out)) return out;
  // A private directory keeps the file name (mcs names the assembly after it).
  const work = path.join(dir, `.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  const tmp = path.join(work, outName);
  try {
    await runMcs(args(tmp), what);
    for (const ext of ['.mdb', '']) if (existsSync(tmp + ext)) renameSync(tmp + ext, out + ext);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

/** Builds korlib (mscorlib.dll) from kernel/korlib if its sources changed; returns the dll path. */
export async function ensureKorlib(): Promise<string> {
  const sources = csFilesUnder(KORLIB_SOURCE_DIR);
  const key = 'korlib-' + hashOf(sources.flatMap(f => [path.relative(KORLIB_SOURCE_DIR, f), readFileSync(f)]));
  return compileCached(key, 'mscorlib.dll', out => ['-nostdlib', '-unsafe', '-target:library', '-debug', '-optimize+', `-nowarn:${KORLIB_NOWARN}`, `-out:${out}`, ...sources], 'korlib');
}

export interface CSharpOptions {
  /** Assembly name (default: the first source's base name). */
  readonly name?: string;
  /** Extra assemblies to reference. */
  readonly references?: readonly string[];
}

/**
 * Compiles C# sources against korlib into a library (the entry point is found by
 * [KernelMain] or Main, so kernels without Main compile too). Returns the dll path.
 */
export async function compileCSharp(sources: readonly string[], opts: CSharpOptions = {}): Promise<{ dll: string; korlib: string }> {
  const korlib = await ensureKorlib();
  for (const s of sources) {
    if (!existsSync(s) || !statSync(s).isFile()) fail('SA1001', `input file not found: ${s}`);
  }
  const name = opts.name ?? path.basename(sources[0]!, '.cs');
  const refs = opts.references ?? [];
  const key = 'cs-' + hashOf([korlib, readFileSync(korlib), name, ...refs, ...sources.flatMap(f => [path.resolve(f), readFileSync(f)])]);
  const dll = await compileCached(
    key,
    `${name}.dll`,
    out => ['-nostdlib', '-unsafe', '-target:library', '-debug', '-optimize+', `-r:${korlib}`, ...refs.map(r => `-r:${r}`), `-out:${out}`, ...sources.map(s => path.resolve(s))],
    sources.map(s => path.basename(s)).join(', '),
  );
  return { dll, korlib };
}
