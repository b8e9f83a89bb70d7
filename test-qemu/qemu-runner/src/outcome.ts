// Decodes how a QEMU run ended into an Outcome and exit code. Inputs are the facts
// collected by runImage; the rules (README, "Decoding the outcome"):
//
//   killed by our timeout                         → 'timeout'
//   QEMU not found / killed by a signal           → 'qemu-error'
//   odd status (isa-debug-exit: (v << 1) | 1):
//     debugcon's last 4 bytes agree with v        → 'exit', code = int32 LE & 0xff
//     else QEMU printed an error (not a warning)  → 'qemu-error' (QEMU also exits 1 when it
//                                                   cannot start: bad option, missing image)
//     else                                        → 'exit', code = v
//   status 0 (with -no-reboot, the guest reset or powered off the machine):
//     cpu_reset log has "Triple fault"            → 'triple-fault'
//     else QEMU printed an error                  → 'qemu-error' (e.g. SIGTERM from outside)
//     else                                        → 'triple-fault', with a note that the guest
//                                                   reset/powered off without a triple fault
//   any other status                              → 'qemu-error'

import type { Outcome } from './types.ts';

export interface QemuTermination {
  timedOut: boolean;
  /** Set when QEMU could not be started at all (already turned into a message). */
  spawnError: string | null;
  status: number | null;
  signal: string | null;
  /** Total bytes the guest wrote to the debugcon port, and the last (up to) 4 of them. */
  debugconBytes: number;
  debugconTail: Uint8Array;
  /** QEMU's `-d cpu_reset` log ('' when QEMU never wrote it). */
  cpuResetLog: string;
  /** QEMU's own stdout + stderr. */
  qemuOutput: string;
}

export interface DecodedOutcome {
  outcome: Outcome;
  exitCode: number | null;
  /** qemu-runner's explanation, appended to qemuStderr when the facts alone do not say it. */
  note: string | null;
}

/** QEMU's log line when the CPU takes a fault while delivering a double fault (target/i386). */
const TRIPLE_FAULT_LINE = /^Triple fault$/m;

export function decodeOutcome(t: QemuTermination): DecodedOutcome {
  if (t.timedOut) return { outcome: 'timeout', exitCode: null, note: null };
  if (t.spawnError !== null) return qemuError(t.spawnError);
  if (t.status === null) return qemuError(`QEMU was killed by signal ${t.signal ?? 'unknown'}`);

  if ((t.status & 1) === 1) {
    const v = t.status >> 1;
    if (t.debugconBytes >= 4) {
      const code = new DataView(t.debugconTail.buffer, t.debugconTail.byteOffset, 4).getInt32(0, true);
      if ((code & 0x7f) === v) return { outcome: 'exit', exitCode: code & 0xff, note: null };
    }
    if (hasQemuError(t.qemuOutput)) return qemuError(null);
    return { outcome: 'exit', exitCode: v, note: null };
  }
  if (t.status === 0) {
    if (TRIPLE_FAULT_LINE.test(t.cpuResetLog)) return { outcome: 'triple-fault', exitCode: null, note: null };
    if (hasQemuError(t.qemuOutput)) return qemuError(null);
    return {
      outcome: 'triple-fault',
      exitCode: null,
      note: 'the guest reset or powered off the machine without a triple fault and without the exit protocol',
    };
  }
  return qemuError(`QEMU exited with status ${t.status}`);
}

function qemuError(note: string | null): DecodedOutcome {
  return { outcome: 'qemu-error', exitCode: null, note };
}

/** Any line of QEMU's output that is not a warning counts as an error message. */
function hasQemuError(output: string): boolean {
  return output.split('\n').some(line => line.trim() !== '' && !/\bwarning:/.test(line));
}
