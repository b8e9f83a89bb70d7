// runImage: boots one image or ISO in QEMU, streams COM1/COM2 to the caller while the
// guest runs, enforces the timeout, and decodes the outcome (outcome.ts).
//
// QEMU's child stdio: 0 = /dev/null, 1 and 2 = QEMU's own messages, 3/4/5 = socket pairs
// for COM1, COM2 and the debugcon (see command.ts). Every pipe is read as data arrives,
// so a guest that prints a lot never blocks on a full pipe. The child's 'close' event
// comes after QEMU exited and all its pipes reached end-of-file, so nothing is lost.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { CHARDEV_FDS, DEFAULTS, QEMU_BINARY, qemuCommand } from './command.ts';
import { GrubPrologueStripper } from './grub-prologue.ts';
import { isNotFound, missingToolMessage } from './host-tools.ts';
import { decodeOutcome, type QemuTermination } from './outcome.ts';
import type { RunOptions, RunResult } from './types.ts';

export async function runImage(opts: RunOptions): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'qemu-runner-'));
  try {
    const cpuResetLog = join(dir, 'cpu-reset.log');
    const { command, args } = qemuCommand(opts, cpuResetLog);
    const run = await runQemu(command, args, opts);
    const log = await readFile(cpuResetLog, 'latin1').catch(() => '');
    const decoded = decodeOutcome({ ...run.termination, cpuResetLog: log });
    const notes = decoded.note === null ? '' : `qemu-runner: ${decoded.note}\n`;
    return {
      outcome: decoded.outcome,
      exitCode: decoded.exitCode,
      stdout: run.stdout,
      stderr: run.stderr,
      qemuStderr: run.termination.qemuOutput + notes,
      elapsedMs: run.elapsedMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface QemuRun {
  termination: Omit<QemuTermination, 'cpuResetLog'>;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

function runQemu(command: string, args: string[], opts: RunOptions): Promise<QemuRun> {
  const start = performance.now();
  const timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe'] });

  // A callback that throws ends the run: QEMU is killed and runImage rejects with the error.
  let callbackFailed: { error: unknown } | null = null;
  const call = (callback: ((chunk: string) => void) | undefined, text: string) => {
    try {
      callback?.(text);
    } catch (error) {
      callbackFailed ??= { error };
      child.kill('SIGKILL');
    }
  };

  let qemuOutput = '';
  const collectQemu = (chunk: string) => (qemuOutput += chunk);
  let stdout = '';
  const strip = opts.iso !== undefined ? new GrubPrologueStripper() : null;
  const emitStdout = (text: string) => {
    if (text === '') return;
    stdout += text;
    call(opts.onStdout, text);
  };
  let stderr = '';
  const emitStderr = (text: string) => {
    if (text === '') return;
    stderr += text;
    call(opts.onStderr, text);
  };
  const com1 = readText(pipe(child, CHARDEV_FDS.com1), text => emitStdout(strip ? strip.push(text) : text));
  const com2 = readText(pipe(child, CHARDEV_FDS.com2), emitStderr);
  const qemuStdout = readText(pipe(child, 1), collectQemu);
  const qemuStderr = readText(pipe(child, 2), collectQemu);

  let debugconBytes = 0;
  let debugconTail = Buffer.alloc(0); // the exit code is the last 4 bytes
  pipe(child, CHARDEV_FDS.debugcon)?.on('data', (chunk: Buffer) => {
    debugconBytes += chunk.length;
    debugconTail = Buffer.concat([debugconTail, chunk]).subarray(-4);
  });

  let timedOut = false;
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs)
    : null;

  track(child);
  let spawnError: string | null = null;
  child.on('error', e => {
    spawnError = isNotFound(e) ? missingToolMessage(QEMU_BINARY) : `could not start ${command}: ${e.message}`;
  });

  return new Promise((resolve, reject) => {
    child.on('close', (status, signal) => {
      if (timer) clearTimeout(timer);
      live.delete(child);
      for (const stream of [com1, com2, qemuStdout, qemuStderr]) stream.flush();
      if (strip) emitStdout(strip.end());
      if (callbackFailed) return reject(callbackFailed.error);
      resolve({
        termination: { timedOut, spawnError, status, signal, debugconBytes, debugconTail, qemuOutput },
        stdout,
        stderr,
        elapsedMs: Math.round(performance.now() - start),
      });
    });
  });
}

/** Running QEMUs: none may outlive the process that started it (e.g. a CLI calling process.exit). */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function track(child: ChildProcess): void {
  if (!exitHookInstalled) {
    process.on('exit', () => live.forEach(c => c.kill('SIGKILL')));
    exitHookInstalled = true;
  }
  live.add(child);
}

/** The parent's end of a child pipe (none when QEMU could not be spawned). */
function pipe(child: ChildProcess, fd: number): Readable | null {
  const stream: unknown = child.stdio[fd as 0];
  return stream instanceof Readable ? stream : null;
}

/**
 * Decodes a byte stream as UTF-8; a character split across chunks is held back until it
 * is complete. flush() hands the rest (an incomplete sequence becomes U+FFFD) to `sink`.
 */
function readText(stream: Readable | null, sink: (text: string) => void): { flush(): void } {
  const decoder = new StringDecoder('utf8');
  stream?.on('data', (chunk: Buffer) => sink(decoder.write(chunk)));
  return { flush: () => sink(decoder.end()) };
}
