// Differential runs of generated programs: the program is written to a file, run under
// mono on the host (the oracle) and compiled by sharpaot (with --verify) and booted in
// QEMU at each -O level; every way the two disagree becomes a readable discrepancy.
// The tests assert there are none; aot/scripts/fuzz.ts saves the programs that have some.
//
// The oracle runs mono's interpreter: mono 6.8's JIT, with or without its optimisations,
// computes some `x * -2147483648L` as x << 31 (the sign lost), and a test must never take
// a wrong answer from its oracle. operators.test.ts checks the interpreter on that case
// against BigInt arithmetic.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OptLevel } from '../../aot/src/passes/pipeline.ts';
import { hostOracle, type HostRun } from '../harness/host-oracle.ts';
import { runWithSharpaot } from '../harness/sharpaot.ts';

export const ORACLE_MONO_OPTIONS = ['--interpreter'];

/** A generated program on disk and mono's behaviour. */
export interface Prepared {
  readonly file: string;
  readonly expected: HostRun;
  /** Lines mono printed on stdout. */
  readonly lines: number;
}

export interface DifferentialResult extends Prepared {
  /** Empty when sharpaot agreed with mono at every level. */
  readonly discrepancies: string[];
}

/** At most this many differing stdout lines are quoted per level. */
const QUOTED_LINES = 12;
/**
 * Wall-clock limit for mono and for QEMU. Generous: builds run synchronously in the test
 * process, and while one runs nobody reads the pipes of the programs running meanwhile.
 */
const TIMEOUT_MS = 180_000;

/** Writes `source` to `<dir>/<name>.cs` and runs it under mono. */
export async function prepare(dir: string, name: string, source: string): Promise<Prepared> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.cs`);
  writeFileSync(file, source);
  const expected = await hostOracle([file], { monoOptions: ORACLE_MONO_OPTIONS, timeoutMs: TIMEOUT_MS });
  return { file, expected, lines: countLines(expected.stdout) };
}

/** Compiles and boots a prepared program at each level; the ways it differs from mono. */
export async function compare(p: Prepared, levels: readonly OptLevel[]): Promise<string[]> {
  const perLevel = await Promise.all(levels.map(level => compareLevel(p.file, level, p.expected)));
  return perLevel.flat();
}

/** prepare, then compare. */
export async function differential(dir: string, name: string, source: string, levels: readonly OptLevel[]): Promise<DifferentialResult> {
  const p = await prepare(dir, name, source);
  return { ...p, discrepancies: await compare(p, levels) };
}

async function compareLevel(file: string, level: OptLevel, expected: HostRun): Promise<string[]> {
  const at = `-O${level}`;
  let got;
  try {
    got = await runWithSharpaot([file], { optLevel: level, timeoutMs: TIMEOUT_MS });
  } catch (e) {
    return [`${at}: sharpaot failed to compile: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`];
  }
  const out: string[] = [];
  if (got.outcome !== 'exit') out.push(`${at}: the program did not exit: ${got.outcome} ${got.qemuStderr.trim()}`);
  else if (got.exitCode !== expected.exitCode) out.push(`${at}: exit code ${got.exitCode}, mono's ${expected.exitCode}`);
  out.push(...diffLines(expected.stdout, got.stdout).map(d => `${at}: ${d}`));
  const want = exceptionType(expected.stderr);
  if (want !== undefined && exceptionType(got.stderr) !== want) {
    out.push(`${at}: unhandled exception ${JSON.stringify(exceptionType(got.stderr) ?? got.stderr)}, mono's ${want}`);
  }
  return out;
}

/** The differing lines of two outputs, quoted with their line numbers (1-based). */
export function diffLines(expected: string, got: string): string[] {
  const a = expected.split('\n');
  const b = got.split('\n');
  const out: string[] = [];
  let differing = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (differing++ < QUOTED_LINES) out.push(`line ${i + 1}: ${quote(b[i])}, mono ${quote(a[i])}`);
  }
  if (differing > QUOTED_LINES) out.push(`... ${differing - QUOTED_LINES} more differing lines`);
  return out;
}

function quote(line: string | undefined): string {
  return line === undefined ? '(no line)' : JSON.stringify(line);
}

function countLines(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/**
 * The type of the unhandled exception a stderr reports: mono prints "Unhandled Exception:"
 * then "System.X: message", korlib "Unhandled Exception:" then "System.X".
 */
export function exceptionType(stderr: string): string | undefined {
  const lines = stderr.split('\n');
  const at = lines.findIndex(l => l.startsWith('Unhandled Exception:'));
  if (at < 0) return undefined;
  return lines[at + 1]?.split(':')[0]?.trim();
}
