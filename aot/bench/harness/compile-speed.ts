// Compile speed: sharpaot against Mono's own AOT compiler on the same generated program
// (generate-methods.ts, 5,000 methods by default). mcs compiles the source twice, against
// korlib for sharpaot and against Mono's mscorlib for mono; the timed step is assembly →
// native code of each:
//   sharpaot  `sharpaot build PROGRAM.dll -O 0|2` (the CLI, a fresh Node process per run,
//             as a user runs it: start-up, loading, compiling every reachable method,
//             linking, writing the PE image);
//   mono      `mono --aot PROGRAM.exe` (Mono 6.8's normal AOT mode for the host, x86-64:
//             compiles every method of the assembly, then runs GNU as and ld to write
//             PROGRAM.exe.so). Checked to work: mono reports every method compiled,
//             running the program with MONO_LOG_MASK=aot shows mono loading the .so and
//             finding the program's methods in it, and the program prints the same under
//             mono as sharpaot's image under QEMU.
// After one untimed warm-up, each is run several times; medians are reported (hyperfine
// style) of wall-clock time and, where GNU time is installed, of CPU time (user + system
// of the process and its children), which other load on the machine disturbs less.

import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runImage } from 'qemu-runner';
import { compileCSharp } from '../../src/driver/csharp.ts';
import { compileForHost } from '../../../test-qemu/harness/host-oracle.ts';
import { generateMethodsProgram } from './generate-methods.ts';

const SHARPAOT_BIN = fileURLToPath(new URL('../../bin/sharpaot.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';
const HOST_ENV = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };

export interface Timing {
  /** Wall-clock milliseconds of each run, in order. */
  readonly wallMs: readonly number[];
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** CPU milliseconds (user + system, children included) of each run; empty without GNU time. */
  readonly cpuMs: readonly number[];
  readonly cpuMedianMs: number | null;
}

export interface CompileSpeedResult {
  readonly methods: number;
  readonly sourceLines: number;
  readonly sharpaot: {
    readonly O0: Timing;
    readonly O2: Timing;
    /** Methods in the -O2 image (the program's plus what it reaches in korlib). */
    readonly compiledMethods: number;
    readonly imageBytes: number;
  };
  readonly mono: {
    readonly command: string;
    readonly timing: Timing;
    /** Mono's "Compiled: N/M" line. */
    readonly compiled: string;
    readonly soBytes: number;
    /** mono loaded the AOT image and took the program's methods from it (MONO_LOG_MASK=aot). */
    readonly aotImageLoaded: boolean;
  };
  /** What the program printed: under QEMU (sharpaot -O2) and under mono with its AOT image. */
  readonly output: { readonly sharpaot: string; readonly mono: string };
  /** sharpaot -O2's median over mono's: wall clock, and CPU time when measured. */
  readonly sharpaotO2OverMono: { readonly wall: number; readonly cpu: number | null };
}

export class CompileSpeedError extends Error {
  override name = 'CompileSpeedError';
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Run {
  readonly wallMs: number;
  readonly cpuMs: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command to completion (under GNU time when installed, which writes "USER SYSTEM"
 * seconds to a file); rejects with its output if it fails.
 */
function timed(command: string, args: readonly string[], cwd: string): Promise<Run> {
  const cpuFile = path.join(cwd, '.cpu-time');
  const gnuTime = existsSync(GNU_TIME);
  const [file, argv] = gnuTime ? [GNU_TIME, ['-f', '%U %S', '-o', cpuFile, command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, argv, { cwd, env: HOST_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', e => reject(new CompileSpeedError(`${file} could not be started: ${e.message}`)));
    child.on('close', code => {
      const wallMs = performance.now() - start;
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0) return reject(new CompileSpeedError(`${command} ${args.join(' ')} exited with ${code}:\n${(stdout + stderr).trim()}`));
      let cpuMs: number | null = null;
      if (gnuTime) {
        const [user, system] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number);
        cpuMs = ((user ?? NaN) + (system ?? NaN)) * 1000;
      }
      resolve({ wallMs, cpuMs, stdout, stderr });
    });
  });
}

async function repeat(runs: number, once: () => Promise<Run>): Promise<Timing> {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) results.push(await once());
  const wallMs = results.map(r => r.wallMs);
  const cpuMs = results.flatMap(r => (r.cpuMs === null ? [] : [r.cpuMs]));
  return {
    wallMs,
    medianMs: median(wallMs),
    minMs: Math.min(...wallMs),
    maxMs: Math.max(...wallMs),
    cpuMs,
    cpuMedianMs: cpuMs.length === runs ? median(cpuMs) : null,
  };
}

export interface CompileSpeedOptions {
  readonly methods: number;
  /** Timed runs of each compiler (the median is reported). */
  readonly runs: number;
  readonly workDir: string;
}

export async function runCompileSpeed(opts: CompileSpeedOptions): Promise<CompileSpeedResult> {
  mkdirSync(opts.workDir, { recursive: true });
  const source = path.join(opts.workDir, `methods${opts.methods}.cs`);
  const text = generateMethodsProgram(opts.methods);
  writeFileSync(source, text);

  // Warm-up, untimed (hyperfine's --warmup): both compilers once on a 10-method program,
  // so tsx's transform cache and the OS file cache are as in everyday use.
  const warmSource = path.join(opts.workDir, 'warm-up.cs');
  writeFileSync(warmSource, generateMethodsProgram(10));
  const warmDll = (await compileCSharp([warmSource])).dll;
  await timed(process.execPath, [SHARPAOT_BIN, 'build', warmDll, '-o', path.join(opts.workDir, 'warm-up.bin')], opts.workDir);
  const warmExe = path.join(opts.workDir, 'warm-up.exe');
  copyFileSync(await compileForHost([warmSource]), warmExe);
  await timed('mono', ['--aot', warmExe], opts.workDir);

  // sharpaot: the korlib build of the program (cached by mcs's driver), then `sharpaot build` on it.
  const { dll } = await compileCSharp([source]);
  const image = path.join(opts.workDir, `methods${opts.methods}.bin`);
  let report = '';
  const sharpaotBuild = (level: number) => async () => {
    const r = await timed(process.execPath, [SHARPAOT_BIN, 'build', dll, '-o', image, '-O', String(level)], opts.workDir);
    report = r.stderr + r.stdout; // "sharpaot: wrote FILE (N bytes, M methods)"
    return r;
  };
  const O0 = await repeat(opts.runs, sharpaotBuild(0));
  const O2 = await repeat(opts.runs, sharpaotBuild(2));
  const compiledMethods = Number(/(\d+) methods/.exec(report)?.[1] ?? NaN);
  const qemu = await runImage({ image, timeoutMs: 60_000 });
  if (qemu.outcome !== 'exit') throw new CompileSpeedError(`the sharpaot build of the generated program did not run: ${qemu.outcome} ${qemu.stderr} ${qemu.qemuStderr}`);

  // mono: the mscorlib build (cached by the host oracle), copied so the .so lands here.
  const exe = path.join(opts.workDir, `methods${opts.methods}.exe`);
  copyFileSync(await compileForHost([source]), exe);
  let compiled = '';
  const mono = await repeat(opts.runs, async () => {
    const r = await timed('mono', ['--aot', exe], opts.workDir);
    compiled = /Compiled: (\d+\/\d+)/.exec(r.stdout + r.stderr)?.[1] ?? '';
    return r;
  });
  const so = `${exe}.so`;
  const run = await promisify(execFile)('mono', [exe], { env: HOST_ENV });
  // Mono's log goes to stdout and stderr; it names the image it loads and each method it finds there.
  const log = await promisify(execFile)('mono', [exe], { env: { ...HOST_ENV, MONO_LOG_LEVEL: 'debug', MONO_LOG_MASK: 'aot' }, maxBuffer: 64 << 20 });
  const logText = log.stdout + log.stderr;
  const aotImageLoaded = logText.includes(`AOT: image '${so}' found`) && logText.includes('AOT: FOUND method C0:M0 ') && !logText.includes(`${so} is unusable`);

  return {
    methods: opts.methods,
    sourceLines: text.split('\n').length,
    sharpaot: { O0, O2, compiledMethods, imageBytes: statSync(image).size },
    mono: { command: 'mono --aot PROGRAM.exe', timing: mono, compiled, soBytes: statSync(so).size, aotImageLoaded },
    output: { sharpaot: qemu.stdout, mono: run.stdout },
    sharpaotO2OverMono: {
      wall: O2.medianMs / mono.medianMs,
      cpu: O2.cpuMedianMs !== null && mono.cpuMedianMs !== null ? O2.cpuMedianMs / mono.cpuMedianMs : null,
    },
  };
}
