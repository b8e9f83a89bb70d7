// The public data types of qemu-runner: what a caller asks for (RunOptions) and what a
// boot produced (RunResult). The guest protocol that gives these fields their meaning
// is described at the top of index.ts and in the package README.

export interface RunOptions {
  /** A multiboot kernel image (ELF or a.out-kludge/PE), booted with `-kernel`. */
  image?: string;
  /** Or a GRUB ISO (see buildGrubIso), booted with `-cdrom`; GRUB's serial prologue is stripped from stdout. */
  iso?: string;
  /** Wall-clock limit; the run is killed and reported as 'timeout'. Default 10000; Infinity disables it. */
  timeoutMs?: number;
  /** Guest RAM in MiB. Default 256. */
  memoryMB?: number;
  /** If set: `-icount shift=<n>,sleep=off`, so rdtsc counts executed instructions << n (deterministic). */
  icount?: number;
  /** Starts QEMU's gdb stub on tcp:127.0.0.1:<port>, with the CPU stopped until gdb continues (-S). */
  gdbPort?: number;
  /** Appended to the QEMU command line. */
  extraArgs?: string[];
  /** COM1 (the program's stdout) as it arrives. If a callback throws, QEMU is killed and runImage rejects with that error. */
  onStdout?: (chunk: string) => void;
  /** COM2 (the program's stderr) as it arrives. */
  onStderr?: (chunk: string) => void;
}

/**
 * - 'exit': the guest ended through the exit protocol (port 0xf4); exitCode holds its code.
 * - 'triple-fault': the machine reset: a triple fault (seen in QEMU's cpu_reset log), or a
 *   reset/power-off the guest requested some other way (qemuStderr then says so).
 * - 'timeout': the run outlived timeoutMs and was killed.
 * - 'qemu-error': QEMU could not start or run (bad arguments, missing or unloadable image,
 *   QEMU not installed, QEMU killed by a signal); qemuStderr has its message.
 */
export type Outcome = 'exit' | 'triple-fault' | 'timeout' | 'qemu-error';

export interface RunResult {
  outcome: Outcome;
  /** The guest's exit code, 0..255 like a process exit status, when outcome === 'exit'; else null. */
  exitCode: number | null;
  /** Everything the guest wrote to COM1 (0x3f8), decoded as UTF-8. */
  stdout: string;
  /** Everything the guest wrote to COM2 (0x2f8), decoded as UTF-8. */
  stderr: string;
  /** QEMU's own diagnostics (its stdout and stderr), plus qemu-runner's notes on the outcome. */
  qemuStderr: string;
  elapsedMs: number;
}

/** Thrown for options that cannot describe a run (a caller's mistake, reported before QEMU starts). */
export class RunnerOptionsError extends Error {
  override name = 'RunnerOptionsError';
}
