// Builds and runs one benchmark program in each of its forms, all printing the same
// "NAME n = result" line on stdout:
//   - C# under sharpaot: NAME.cs + csharp/KernelEntry.cs → kernel image, booted in QEMU with
//     -icount shift=0 and the size on the multiboot command line (-append n); the kernel
//     prints "instructions COUNT" (executed guest instructions of Benchmark.Run()) on COM2;
//   - C under gcc -O2: the same boot, the same protocol (c-kernel.ts);
//   - C# under mono on the host (the oracle): NAME.cs + csharp/HostEntry.cs, `mono exe n`.

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { runImage } from 'qemu-runner';
import { build } from '../../src/driver/build.ts';
import type { OptLevel } from '../../src/passes/pipeline.ts';
import { compileForHost } from '../../../test-qemu/harness/host-oracle.ts';
import { BENCH_DIR, csharpSource } from './catalogue.ts';

const KERNEL_ENTRY = path.join(BENCH_DIR, 'harness', 'csharp', 'KernelEntry.cs');
const HOST_ENTRY = path.join(BENCH_DIR, 'harness', 'csharp', 'HostEntry.cs');

export class BenchRunError extends Error {
  override name = 'BenchRunError';
}

/** What one boot of a benchmark kernel printed. */
export interface KernelRun {
  /** The program's stdout: "NAME n = result\n". */
  readonly stdout: string;
  /** Guest instructions executed by the timed kernel (Benchmark.Run / bench_run). */
  readonly instructions: number;
}

/** Compiles NAME.cs with the kernel entry into a sharpaot image at `output`. */
export async function buildCSharpKernel(name: string, optLevel: OptLevel, output: string, opts: { verify?: boolean } = {}): Promise<string> {
  await build({ inputs: [csharpSource(name), KERNEL_ENTRY], arch: 'x86', output, optLevel, verify: opts.verify ?? false });
  return output;
}

/**
 * Boots a benchmark kernel (sharpaot's or gcc's) with size n and instruction counting;
 * throws BenchRunError, with what the guest and QEMU said, unless it exits with 0 and
 * reports its count.
 */
export async function bootBenchKernel(image: string, n: number, timeoutMs = 120_000): Promise<KernelRun> {
  const r = await runImage({ image, icount: 0, extraArgs: ['-append', String(n)], timeoutMs });
  const count = /^instructions (\d+)$/m.exec(r.stderr);
  if (r.outcome !== 'exit' || r.exitCode !== 0 || count === null) {
    const detail = [`outcome ${r.outcome}, exit code ${r.exitCode}`, r.stdout && `stdout: ${r.stdout.trim()}`, r.stderr && `stderr: ${r.stderr.trim()}`, r.qemuStderr && `qemu: ${r.qemuStderr.trim()}`];
    throw new BenchRunError(`${path.basename(image)} with n=${n} did not finish as a benchmark should:\n  ${detail.filter(Boolean).join('\n  ')}`);
  }
  return { stdout: r.stdout, instructions: Number(count[1]) };
}

/** NAME.cs + HostEntry.cs compiled by mcs against Mono's class library (cached by the host oracle). */
export function compileForMono(name: string): Promise<string> {
  return compileForHost([csharpSource(name), HOST_ENTRY]);
}

/** Runs the mono build of NAME with size n on the host; returns its stdout. */
export async function runOnMono(exe: string, n: number): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('mono', [exe, String(n)], { env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' }, timeout: 120_000 });
    return stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (err.code === 'ENOENT') throw new BenchRunError('mono was not found on PATH; install it with: sudo apt-get install --no-install-recommends mono-runtime');
    throw new BenchRunError(`mono ${path.basename(exe)} ${n} failed: ${(err.stderr ?? err.message).trim()}`);
  }
}
