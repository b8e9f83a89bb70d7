// The component benchmarks, each in its own Node process (a fresh V8 heap and JIT, no
// interference from the others), one after the other so none disturbs another's timing:
//   cecil-ts   aot/cecil-ts/bench/read-mscorlib.ts: read and decode all of Mono's
//              mscorlib.dll; monodis on the same file for comparison (JSON)
//   encoder    aot/src/x86/bench/encode-bench.ts --json: ≥1M instructions encoded,
//              relaxed and linked; instructions per second (best of 3 rounds)
//   regalloc   aot/src/regalloc/bench/regalloc-bench.ts: random machine functions;
//              allocation time per instruction (text, parsed here)
//   passes     passes-worker.ts → runPassesBench at -O1 and -O2 (JSON)
// A benchmark that fails is reported with its error; the others still run.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EncodeBenchResult } from '../../src/x86/bench/encode-bench.ts';
import type { PassesBenchResult } from '../../src/passes/bench/passes-bench.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

export interface CecilResult {
  readonly assembly: string;
  readonly cecilTs: {
    readonly firstRun: { readonly wallMs: number; readonly cpuMs: number };
    readonly bestRun: { readonly wallMs: number; readonly cpuMs: number };
    readonly peakRssMb: number;
    readonly decoded: Record<string, number>;
  };
  readonly monodis: { readonly wallMs?: number; readonly cpuMs?: number; readonly peakRssMb?: number; readonly error?: string };
}

export interface RegallocRow {
  readonly name: string;
  readonly instructions: number;
  readonly allocMs: number;
  readonly allocUsPerInst: number;
  readonly checkUsPerInst: number;
  readonly movesPerInst: number;
  readonly spilledPercent: number;
}

export interface ComponentResults {
  readonly cecil: CecilResult | { readonly error: string };
  readonly encoder: EncodeBenchResult | { readonly error: string };
  readonly regalloc: { readonly rows: readonly RegallocRow[]; readonly text: string } | { readonly error: string };
  readonly passes: readonly PassesBenchResult[] | { readonly error: string };
}

/** Runs `node --import=tsx script args` from the repository root; resolves with its stdout. */
function runScript(script: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import=tsx', script, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', code => {
      const stdout = Buffer.concat(out).toString('utf8');
      if (code === 0) resolve(stdout);
      else reject(new Error(`${script} exited with ${code}: ${Buffer.concat(err).toString('utf8').trim().split('\n').slice(0, 8).join('\n')}`));
    });
  });
}

/** A script's JSON report: the whole stdout (pretty-printed) or its last line. */
function parseJson(stdout: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    return JSON.parse(stdout.trim().split('\n').pop() ?? '');
  }
}

/**
 * One row of regalloc-bench's text per workload, e.g.
 * "2,000-instruction fns     100 fn  201453 insts  42710 vregs | alloc   2042 ms = 10.13 µs/inst | check  9.04 µs/inst | moves 141163 (0.701/inst), spilled vregs 8909 (20.9%), ..."
 */
const REGALLOC_ROW = /^(.+?)\s+\d+ fn\s+(\d+) insts.*?alloc\s+(\d+) ms =\s*([\d.]+) µs\/inst \| check\s+([\d.]+) µs\/inst \| moves \d+ \(([\d.]+)\/inst\), spilled vregs \d+ \(([\d.]+)%\)/;

export function parseRegallocText(text: string): RegallocRow[] {
  const rows: RegallocRow[] = [];
  for (const line of text.split('\n')) {
    const m = REGALLOC_ROW.exec(line);
    if (m === null) continue;
    rows.push({
      name: m[1]!.trim(),
      instructions: Number(m[2]),
      allocMs: Number(m[3]),
      allocUsPerInst: Number(m[4]),
      checkUsPerInst: Number(m[5]),
      movesPerInst: Number(m[6]),
      spilledPercent: Number(m[7]),
    });
  }
  return rows;
}

async function attempt<T>(what: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await what();
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export async function runComponentBenchmarks(opts: { quick: boolean; onStart?: (name: string) => void }): Promise<ComponentResults> {
  opts.onStart?.('cecil-ts (read mscorlib)');
  const cecil = await attempt(async () => parseJson(await runScript('aot/cecil-ts/bench/read-mscorlib.ts', [])) as CecilResult);
  opts.onStart?.('x86 encoder');
  const encoder = await attempt(async () => parseJson(await runScript('aot/src/x86/bench/encode-bench.ts', ['1000000', '--json', ...(opts.quick ? ['--rounds=1'] : [])])) as EncodeBenchResult);
  opts.onStart?.('register allocator');
  const regalloc = await attempt(async () => {
    const text = await runScript('aot/src/regalloc/bench/regalloc-bench.ts', opts.quick ? ['--quick'] : []);
    const rows = parseRegallocText(text);
    if (rows.length === 0) throw new Error(`no result rows in regalloc-bench's output:\n${text}`);
    return { rows, text };
  });
  opts.onStart?.('optimisation passes');
  const passes = await attempt(async () => parseJson(await runScript('aot/bench/harness/passes-worker.ts', [])) as PassesBenchResult[]);
  return { cecil, encoder, regalloc, passes };
}
