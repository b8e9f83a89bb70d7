// Tiny multiboot kernels for the qemu-runner tests, assembled at test time with GNU as
// and linked with GNU ld, so these tests do not depend on the sharpaot compiler.
//
// Each kernel is an ELF32 executable at 1 MiB: a multiboot v1 header (flags 0, so the
// loader takes the load addresses from the ELF program headers), _start, the test's own
// code, then a small library that speaks the qemu-runner guest protocol:
//   putc    %dx = UART base (0x3f8 COM1, 0x2f8 COM2), %al = byte; waits for LSR.THRE
//   puts    %dx = UART base, %esi = NUL-terminated string
//   puthex  %dx = UART base, %eax = value, printed as 8 lowercase hex digits
//   exit    %eax = exit code: 4 bytes LE to debugcon 0xe9, then code & 0x7f to 0xf4

import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface KernelSource {
  /** File name stem, unique within the output directory. */
  name: string;
  /** Instructions executed after the stack is set up (AT&T syntax). */
  code: string;
  /** Data placed after the library (labels, .asciz strings). */
  data?: string;
}

const PROLOGUE = `
    .code32
    .section .text
    .align 4
multiboot_header:
    .long 0x1BADB002            # magic
    .long 0                     # flags: no requests; ELF program headers give the layout
    .long -0x1BADB002           # checksum: magic + flags + checksum = 0
    .globl _start
_start:
    mov $stack_top, %esp
`;

const LIBRARY = `
halt:
    cli
    hlt
    jmp halt

putc:
    push %eax
    push %edx
    add $5, %dx                 # LSR
1:  in %dx, %al
    test $0x20, %al             # THR empty
    jz 1b
    pop %edx
    pop %eax
    out %al, %dx
    ret

puts:
    push %eax
    push %esi
1:  lodsb
    test %al, %al
    jz 2f
    call putc
    jmp 1b
2:  pop %esi
    pop %eax
    ret

puthex:
    push %eax
    push %ebx
    push %ecx
    mov %eax, %ebx
    mov $8, %ecx
1:  rol $4, %ebx
    mov %ebx, %eax
    and $0xf, %eax
    mov hex_digits(%eax), %al
    call putc
    loop 1b
    pop %ecx
    pop %ebx
    pop %eax
    ret

exit:
    mov %eax, %ebx
    mov $0xe9, %dx
    out %al, %dx                # byte 0
    mov %ah, %al
    out %al, %dx                # byte 1
    shr $16, %eax
    out %al, %dx                # byte 2
    mov %ah, %al
    out %al, %dx                # byte 3
    mov %ebx, %eax
    and $0x7f, %eax
    mov $0xf4, %dx
    out %al, %dx                # QEMU exits with status (al << 1) | 1
    jmp halt

hex_digits:
    .ascii "0123456789abcdef"
`;

const EPILOGUE = `
    .align 16
stack:
    .space 4096
stack_top:
`;

/** A GNU as string literal for `text` (UTF-8 bytes as octal escapes where needed). */
export function asciz(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c ? String.fromCharCode(byte) : '\\' + byte.toString(8).padStart(3, '0');
  }
  return `.asciz "${out}"`;
}

/** Assembles and links every kernel (in parallel); returns name → ELF path. */
export async function buildKernels(dir: string, sources: readonly KernelSource[]): Promise<Map<string, string>> {
  const paths = await Promise.all(
    sources.map(async source => {
      const asm = join(dir, `${source.name}.s`);
      const obj = join(dir, `${source.name}.o`);
      const elf = join(dir, `${source.name}.elf`);
      await writeFile(asm, PROLOGUE + source.code + LIBRARY + (source.data ?? '') + EPILOGUE);
      await run('as', ['--32', '-o', obj, asm]);
      // -n: no page alignment, so the only PT_LOAD is the code at 1 MiB (not the ELF
      // headers below it, in the BIOS area).
      await run('ld', ['-m', 'elf_i386', '-n', '-Ttext', '0x100000', '-e', '_start', '-o', elf, obj]);
      return [source.name, elf] as const;
    }),
  );
  return new Map(paths);
}

/** The bytes of `elf` from symbol `from` up to symbol `to` (objcopy + nm). */
export async function bytesBetween(elf: string, from: string, to: string): Promise<Uint8Array> {
  const flat = elf + '.flat';
  await run('objcopy', ['-O', 'binary', '--only-section=.text', elf, flat]);
  const { stdout } = await run('nm', [elf]);
  const symbols = new Map<string, number>();
  for (const line of stdout.split('\n')) {
    const [addr, , name] = line.trim().split(/\s+/);
    if (addr && name) symbols.set(name, parseInt(addr, 16));
  }
  const base = symbols.get('multiboot_header');
  const start = symbols.get(from);
  const end = symbols.get(to);
  if (base === undefined || start === undefined || end === undefined) throw new Error(`symbols ${from}/${to} not found in ${elf}`);
  const text = await readFile(flat);
  return new Uint8Array(text.subarray(start - base, end - base));
}
