// qemu-runner: boots sharpaot kernel images in QEMU (headless, TCG) and decodes how the
// guest ended. `sharpaot run` and the tests that boot images use this package.
//
// Guest protocol (what a kernel does to talk to the runner):
//   - COM1, I/O port 0x3f8 (16550 UART): the program's stdout.
//   - COM2, I/O port 0x2f8: its stderr (Console.Error, unhandled exceptions).
//     Write a byte to the THR (base+0) once LSR (base+5) bit 5 says it is empty.
//   - Exit with code c (a full 32-bit int):
//       1. write c as 4 bytes, little-endian, to the debugcon port 0xe9;
//       2. write (c & 0x7f) to the isa-debug-exit port 0xf4; QEMU then exits with
//          status ((c & 0x7f) << 1) | 1.
//     The runner reports exitCode = c & 0xff (like a process exit status: -1 → 255,
//     200 → 200) when the 4 bytes arrived and agree with the status, else status >> 1.
//   - A triple fault ends the run (QEMU runs with -no-reboot): outcome 'triple-fault'.
//   - A run that outlives timeoutMs is killed: outcome 'timeout'.
//   - QEMU failing to start (bad arguments, missing or unloadable image): 'qemu-error',
//     with QEMU's message in qemuStderr.
// With an ISO, GRUB's serial prologue is removed from stdout (grub-prologue.ts), so the
// output equals that of a -kernel boot of the same kernel.
//
// The QEMU command line is built in command.ts (qemuCommand shows it), the outcome rules
// are in outcome.ts, ISO assembly in grub-iso.ts.

export type { Outcome, RunOptions, RunResult } from './types.ts';
export { RunnerOptionsError } from './types.ts';
export { runImage } from './run.ts';
export { qemuCommand, PORTS, QEMU_BINARY } from './command.ts';
export { buildGrubIso, GrubIsoError, GRUB_CFG_TEMPLATE } from './grub-iso.ts';
export { GRUB_BOOT_MARKER } from './grub-prologue.ts';
