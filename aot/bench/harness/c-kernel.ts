// Builds the C twin of a benchmark program into a multiboot ELF kernel with gcc: the
// program (aot/bench/programs/NAME.c), the start-up code (c/start.S: multiboot header,
// stack, SSE on) and the runtime (c/runtime.c: command line, rdtsc, serial, exit), linked
// at 1 MiB by c/link.ld. libgcc supplies the 64-bit division helpers (gcc-multilib).

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { BENCH_DIR, cSource } from './catalogue.ts';

const C_DIR = path.join(BENCH_DIR, 'harness', 'c');

/** How the C programs are compiled: gcc -O2 for a freestanding 32-bit kernel. */
export const GCC_FLAGS: readonly string[] = [
  '-m32',
  '-O2',
  '-ffreestanding',
  '-fno-pic',
  '-nostdlib',
  // Doubles in SSE2 registers, as sharpaot compiles them (gcc -m32 would use the x87).
  '-msse2',
  '-mfpmath=sse',
  // Keep loops as loops: gcc would otherwise turn the runtime's own memset loop into a call to memset.
  '-fno-tree-loop-distribute-patterns',
];

const LINK_FLAGS: readonly string[] = [
  '-no-pie',
  '-static',
  '-fno-asynchronous-unwind-tables',
  '-Wl,--build-id=none',
  // One loadable segment for code and data, as a kernel without paging needs nothing more.
  '-Wl,--no-warn-rwx-segments',
];

export class CKernelError extends Error {
  override name = 'CKernelError';
}

/** Compiles and links NAME.c into the ELF kernel `output`. */
export async function buildCKernel(name: string, output: string): Promise<string> {
  const args = [
    ...GCC_FLAGS,
    ...LINK_FLAGS,
    '-std=c11',
    '-Wall',
    '-Wextra',
    '-Werror',
    `-I${C_DIR}`,
    '-T',
    path.join(C_DIR, 'link.ld'),
    path.join(C_DIR, 'start.S'),
    path.join(C_DIR, 'runtime.c'),
    cSource(name),
    '-lgcc',
    '-o',
    output,
  ];
  try {
    await promisify(execFile)('gcc', args, { maxBuffer: 16 << 20 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new CKernelError('gcc was not found on PATH; install it with: sudo apt-get install --no-install-recommends gcc gcc-multilib');
    const text = (err.stderr ?? err.message).trim();
    const hint = /-lgcc|gnu\/stubs-32|crt1\.o|skipping incompatible/.test(text) ? '\n(gcc -m32 needs the 32-bit libgcc: sudo apt-get install --no-install-recommends gcc-multilib)' : '';
    throw new CKernelError(`gcc could not build the C benchmark ${name}:\n${text}${hint}`);
  }
  return output;
}
