// The mono oracle: the expected behaviour of a C# program, computed at test time by
// compiling it with mcs against Mono's own class library and running it with mono on
// the host. Differential tests compare a sharpaot-compiled kernel with this.
//
//   compileForHost(sources, opts)  mcs → an .exe in the cache, keyed by a content hash
//   runOnHost(exe, opts)           mono exe → { stdout, stderr, exitCode }
//   hostOracle(sources, opts)      both; the run's result is cached next to the .exe
//
// Cache: node_modules/.cache/sharpaot-oracle/<hash>/ (or $SHARPAOT_ORACLE_CACHE/<hash>/) holds <first source's stem>.exe
// (mcs's default output name, so the assembly is named as a plain `mcs` would name it)
// and run.json (run-<hash>.json when the run has monoOptions). The hash covers the
// sources' names and contents, the compile options and the mcs and mono versions;
// nothing expected is ever committed, a cold cache only
// makes the first run slower. Files that extraArgs refers to (e.g. -r:x.dll) are not
// hashed: pass their content through the sources, or clear the cache when they change.
//
// Mono runs with LC_ALL=C.UTF-8: the invariant culture ("0.5", not "0,5") and UTF-8
// console output, whatever the user's locale. After an unhandled exception Mono prints
// "Unhandled Exception:", "Type: message", a stack trace naming the module MVID
// ("in <mvid>:0") and a "[ERROR] FATAL UNHANDLED EXCEPTION" repeat; a kernel cannot
// reproduce the trace, so compare such stderr by its first lines.

import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile, access } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { limitConcurrency } from './concurrency.ts';

export interface HostRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface CompileOptions {
  /** mcs -unsafe */
  unsafe?: boolean;
  /** More mcs arguments, after the harness's own and before the sources. */
  extraArgs?: string[];
}

export interface HostRunOptions {
  /** Wall-clock limit for mono; default 30000. */
  timeoutMs?: number;
  /** mono options before the program, e.g. ['--interpreter'] (no JIT). */
  monoOptions?: string[];
}

/** mcs rejected the program, a tool is missing, or mono did not finish. */
export class HostOracleError extends Error {
  override name = 'HostOracleError';
}

const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/sharpaot-oracle/', import.meta.url));

/** Where compiled programs and results are kept; read at each call. */
export function oracleCacheDir(): string {
  return process.env.SHARPAOT_ORACLE_CACHE || DEFAULT_CACHE_DIR;
}
const DEFAULT_TIMEOUT_MS = 120_000;
const HOST_ENV = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
const DEBIAN_PACKAGES = { mcs: 'mono-mcs', mono: 'mono-runtime' } as const;
/** mcs and mono processes of this test process, one per core at a time. */
const hostProcess = limitConcurrency();

export async function compileForHost(sources: string[], opts: CompileOptions = {}): Promise<string> {
  const { exe } = await compileCached(sources, opts);
  return exe;
}

export function runOnHost(exe: string, opts: HostRunOptions = {}): Promise<HostRun> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return hostProcess(() => new Promise((resolve, reject) => {
    const child = spawn('mono', [...(opts.monoOptions ?? []), exe], { env: HOST_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', e => {
      clearTimeout(timer);
      reject(toolError('mono', e));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new HostOracleError(`mono ${exe} did not finish within ${timeoutMs} ms`));
      else if (code === null) reject(new HostOracleError(`mono ${exe} was killed by signal ${signal}`));
      else resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), exitCode: code });
    });
  }));
}

export async function hostOracle(sources: string[], opts: CompileOptions & HostRunOptions = {}): Promise<HostRun> {
  const { exe, dir } = await compileCached(sources, opts);
  const options = opts.monoOptions ?? [];
  const cached = join(dir, options.length === 0 ? 'run.json' : `run-${createHash('sha256').update(JSON.stringify(options)).digest('hex').slice(0, 16)}.json`);
  const previous = await readFile(cached, 'utf8').then(parseHostRun, () => null);
  if (previous) return previous;
  const result = await runOnHost(exe, opts);
  await writeAtomically(cached, JSON.stringify(result));
  return result;
}

async function compileCached(sources: string[], opts: CompileOptions): Promise<{ exe: string; dir: string }> {
  if (sources.length === 0) throw new HostOracleError('compileForHost needs at least one .cs file');
  const args = [...(opts.unsafe ? ['-unsafe'] : []), ...(opts.extraArgs ?? [])];
  const contents = await Promise.all(
    sources.map(path =>
      readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new HostOracleError(`cannot read C# source ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
      }),
    ),
  );
  const hash = createHash('sha256')
    .update(JSON.stringify({ tools: await toolVersions(), args, sources: sources.map((path, i) => [basename(path), contents[i]]) }))
    .digest('hex')
    .slice(0, 32);
  const dir = join(oracleCacheDir(), hash);
  const exeName = basename(sources[0]!, extname(sources[0]!)) + '.exe';
  const exe = join(dir, exeName);
  if (await exists(exe)) return { exe, dir };

  // Compile into a private directory, then rename it into place: concurrent test
  // processes may compile the same program, and a reader must never see half an .exe.
  const scratch = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(scratch, { recursive: true });
  try {
    await mcs([`-out:${join(scratch, exeName)}`, ...args, ...sources]);
    await rename(scratch, dir).catch(async (e: NodeJS.ErrnoException) => {
      if (!(await exists(exe))) throw e; // else another process won the race with the same result
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { exe, dir };
}

function mcs(args: string[]): Promise<void> {
  return hostProcess(() => new Promise((resolve, reject) => {
    execFile('mcs', args, { env: HOST_ENV, maxBuffer: 16 << 20 }, (e, stdout, stderr) => {
      if (!e) return resolve();
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return reject(toolError('mcs', e));
      // mcs reports errors on stdout ("file.cs(3,9): error CS1525: ...").
      reject(new HostOracleError(`mcs rejected the program:\n${(stdout + stderr).trim()}`));
    });
  }));
}

let versions: Promise<string> | null = null;

/** mcs's and mono's version lines, once per process: a new Mono invalidates the cache. */
function toolVersions(): Promise<string> {
  const version = (tool: keyof typeof DEBIAN_PACKAGES) =>
    new Promise<string>((resolve, reject) =>
      execFile(tool, ['--version'], (e, stdout) => (e ? reject(toolError(tool, e)) : resolve(stdout.split('\n')[0]!))),
    );
  versions ??= Promise.all([version('mcs'), version('mono')]).then(v => v.join('\n'));
  return versions;
}

function toolError(tool: keyof typeof DEBIAN_PACKAGES, e: Error): HostOracleError {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
    return new HostOracleError(`${tool} was not found on PATH; install it with: sudo apt-get install --no-install-recommends ${DEBIAN_PACKAGES[tool]}`);
  }
  return new HostOracleError(`${tool} failed: ${e.message}`);
}

function parseHostRun(text: string): HostRun | null {
  try {
    const v = JSON.parse(text) as Partial<HostRun>;
    return typeof v.stdout === 'string' && typeof v.stderr === 'string' && typeof v.exitCode === 'number'
      ? { stdout: v.stdout, stderr: v.stderr, exitCode: v.exitCode }
      : null;
  } catch {
    return null;
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
