// The QEMU command line for one run: a headless PC with TCG, the two serial ports, the
// debugcon and isa-debug-exit devices of the exit protocol, and nothing else of QEMU's
// defaults (no VGA, NIC, monitor, parallel port, floppy or CD drive unless asked for).
//
// The serial ports and the debugcon are chardev sockets on inherited file descriptors
// (`-chardev socket,fd=N`): runImage passes connected socket pairs as fds 3, 4 and 5, so
// the guest's output streams into Node with no temp files, no named pipes and no race
// between QEMU exiting and the data being read.

import type { HostTool } from './host-tools.ts';
import { RunnerOptionsError, type RunOptions } from './types.ts';

export const QEMU_BINARY = 'qemu-system-i386' satisfies HostTool;

/** I/O ports of the guest protocol. */
export const PORTS = {
  com1: 0x3f8, // 16550 UART: the program's stdout
  com2: 0x2f8, // 16550 UART: the program's stderr
  debugcon: 0xe9, // bochs-style debug console: the 4-byte exit code
  debugExit: 0xf4, // isa-debug-exit: writing v makes QEMU exit with status (v << 1) | 1
} as const;

/** Child file descriptors runImage connects to the chardevs (0-2 are QEMU's stdio). */
export const CHARDEV_FDS = { com1: 3, com2: 4, debugcon: 5 } as const;

export const DEFAULTS = { timeoutMs: 10_000, memoryMB: 256 } as const;

/** QEMU accepts -icount shift values 0..10 (and "auto", which is not deterministic). */
const MAX_ICOUNT_SHIFT = 10;

const hex = (n: number) => '0x' + n.toString(16);

/**
 * The command runImage starts. `cpuResetLog` is where QEMU writes its `-d cpu_reset` log
 * (the "Triple fault" line); runImage puts it in a temp dir, dry runs may leave the default.
 */
export function qemuCommand(opts: RunOptions, cpuResetLog = 'qemu-cpu-reset.log'): { command: string; args: string[] } {
  validate(opts);
  const memoryMB = opts.memoryMB ?? DEFAULTS.memoryMB;
  const args = [
    '-machine', 'pc',
    '-accel', 'tcg',
    '-m', String(memoryMB),
    '-display', 'none',
    '-nodefaults',
    '-no-reboot', // a reset (triple fault) ends QEMU instead of rebooting the guest
    '-chardev', `socket,id=com1,fd=${CHARDEV_FDS.com1}`,
    '-device', `isa-serial,chardev=com1,iobase=${hex(PORTS.com1)},irq=4`,
    '-chardev', `socket,id=com2,fd=${CHARDEV_FDS.com2}`,
    '-device', `isa-serial,chardev=com2,iobase=${hex(PORTS.com2)},irq=3`,
    '-chardev', `socket,id=exitcode,fd=${CHARDEV_FDS.debugcon}`,
    '-device', `isa-debugcon,chardev=exitcode,iobase=${hex(PORTS.debugcon)}`,
    '-device', `isa-debug-exit,iobase=${hex(PORTS.debugExit)},iosize=0x04`,
    '-d', 'cpu_reset', // logs "Triple fault" when the CPU shuts down
    '-D', cpuResetLog,
  ];
  if (opts.icount !== undefined) args.push('-icount', `shift=${opts.icount},sleep=off`);
  if (opts.gdbPort !== undefined) args.push('-gdb', `tcp:127.0.0.1:${opts.gdbPort}`, '-S');
  if (opts.image !== undefined) args.push('-kernel', opts.image);
  if (opts.iso !== undefined) args.push('-cdrom', opts.iso);
  args.push(...(opts.extraArgs ?? []));
  return { command: QEMU_BINARY, args };
}

function validate(opts: RunOptions): void {
  if ((opts.image === undefined) === (opts.iso === undefined)) {
    throw new RunnerOptionsError('give exactly one of `image` (a multiboot kernel, booted with -kernel) and `iso` (a GRUB ISO, booted with -cdrom)');
  }
  for (const [name, path] of [['image', opts.image], ['iso', opts.iso]] as const) {
    if (path === '') throw new RunnerOptionsError(`\`${name}\` is an empty path`);
  }
  const t = opts.timeoutMs;
  if (t !== undefined && !(t > 0)) {
    throw new RunnerOptionsError(`timeoutMs must be a positive number of milliseconds (or Infinity), got ${t}`);
  }
  const m = opts.memoryMB;
  if (m !== undefined && !(Number.isInteger(m) && m >= 1)) {
    throw new RunnerOptionsError(`memoryMB must be a positive whole number of MiB, got ${m}`);
  }
  const s = opts.icount;
  if (s !== undefined && !(Number.isInteger(s) && s >= 0 && s <= MAX_ICOUNT_SHIFT)) {
    throw new RunnerOptionsError(`icount must be a whole number 0..${MAX_ICOUNT_SHIFT} (the -icount shift), got ${s}`);
  }
  const p = opts.gdbPort;
  if (p !== undefined && !(Number.isInteger(p) && p >= 1 && p <= 65535)) {
    throw new RunnerOptionsError(`gdbPort must be a TCP port 1..65535, got ${p}`);
  }
}
