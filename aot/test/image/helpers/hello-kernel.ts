// A tiny hand-written kernel built with the Assembler: it checks the multiboot hand-over
// (EAX magic, the info flags for the memory fields and memory map it asked for), prints two
// lines to COM1 — one string reached through a .data pointer (a data relocation) — and
// exits through the runner's protocol (debugcon 0xe9 + isa-debug-exit 0xf4).

import { Assembler } from '../../../src/x86/assembler.ts';
import { imm, mem, reg, sym } from '../../../src/x86/operands.ts';

export const ENTRY = 'Kernel.Boot::Start()';
export const HELLO = 'Hello from sharpaot\n';
export const SECOND = 'multiboot ok, data relocated\n';
/** Exit codes: all checks passed / bad magic / no memory fields / no memory map. */
export const EXIT_OK = 42;
export const EXIT_BAD_MAGIC = 1;
export const EXIT_NO_MEMORY_INFO = 2;
export const EXIT_NO_MEMORY_MAP = 3;

const COM1 = 0x3f8;
const LSR = COM1 + 5;
const THR_EMPTY = 0x20;
const DEBUGCON = 0xe9;
const DEBUG_EXIT = 0xf4;
const MULTIBOOT_BOOTLOADER_MAGIC = 0x2badb002;
/** multiboot_info.flags bits: 0 mem_lower/mem_upper valid, 6 mmap_* valid. */
const INFO_MEMORY = 1 << 0;
const INFO_MMAP = 1 << 6;

export function buildHelloKernel(): Assembler {
  const asm = new Assembler();
  asm.label(ENTRY, { type: 'function', global: true });
  asm.emit('mov', reg('esp'), imm(0, 'Kernel.Boot::stackTop'));
  asm.emit('cmp', reg('eax'), imm(MULTIBOOT_BOOTLOADER_MAGIC));
  asm.emit('mov', reg('ecx'), imm(EXIT_BAD_MAGIC));
  asm.emit('jne', sym('Kernel.Boot::Exit(int32)'));
  asm.emit('mov', reg('eax'), mem(4, { base: 'ebx' })); // multiboot_info.flags
  asm.emit('mov', reg('ecx'), imm(EXIT_NO_MEMORY_INFO));
  asm.emit('test', reg('al'), imm(INFO_MEMORY));
  asm.emit('je', sym('Kernel.Boot::Exit(int32)'));
  asm.emit('mov', reg('ecx'), imm(EXIT_NO_MEMORY_MAP));
  asm.emit('test', reg('al'), imm(INFO_MMAP));
  asm.emit('je', sym('Kernel.Boot::Exit(int32)'));
  asm.emit('mov', reg('esi'), imm(0, 'Kernel.Strings::hello'));
  asm.emit('call', sym('Kernel.Serial::Write(string)'));
  asm.emit('mov', reg('esi'), mem(4, { sym: 'Kernel.Data::second', disp: 0 }));
  asm.emit('call', sym('Kernel.Serial::Write(string)'));
  asm.emit('mov', reg('ecx'), imm(EXIT_OK));
  asm.emit('jmp', sym('Kernel.Boot::Exit(int32)'));
  asm.endSymbol(ENTRY);

  // Writes the NUL-terminated string at esi to COM1.
  asm.align(16);
  asm.label('Kernel.Serial::Write(string)', { type: 'function' });
  asm.label('.Lnext');
  asm.emit('movzx', reg('eax'), mem(1, { base: 'esi' }));
  asm.emit('test', reg('al'), reg('al'));
  asm.emit('je', sym('.Ldone'));
  asm.emit('mov', reg('edx'), imm(LSR));
  asm.emit('mov', reg('ah'), reg('al'));
  asm.label('.Lwait');
  asm.emit('in', reg('al'), reg('dx'));
  asm.emit('test', reg('al'), imm(THR_EMPTY));
  asm.emit('je', sym('.Lwait'));
  asm.emit('mov', reg('al'), reg('ah'));
  asm.emit('mov', reg('edx'), imm(COM1));
  asm.emit('out', reg('dx'), reg('al'));
  asm.emit('inc', reg('esi'));
  asm.emit('jmp', sym('.Lnext'));
  asm.label('.Ldone');
  asm.emit('ret');
  asm.endSymbol('Kernel.Serial::Write(string)');

  // Exit code in ecx: 4 bytes to debugcon, then the low 7 bits to isa-debug-exit.
  asm.align(16);
  asm.label('Kernel.Boot::Exit(int32)', { type: 'function' });
  asm.emit('mov', reg('eax'), reg('ecx'));
  for (let i = 0; i < 4; i++) {
    asm.emit('out', imm(DEBUGCON), reg('al'));
    asm.emit('shr', reg('eax'), imm(8));
  }
  asm.emit('mov', reg('eax'), reg('ecx'));
  asm.emit('and', reg('eax'), imm(0x7f));
  asm.emit('out', imm(DEBUG_EXIT), reg('al'));
  asm.label('.Lhang');
  asm.emit('cli');
  asm.emit('hlt');
  asm.emit('jmp', sym('.Lhang'));
  asm.endSymbol('Kernel.Boot::Exit(int32)');

  asm.section('.rdata');
  asm.label('Kernel.Strings::hello', { type: 'object' });
  asm.bytes(new TextEncoder().encode(HELLO + '\0'));
  asm.endSymbol('Kernel.Strings::hello');
  asm.label('Kernel.Strings::second', { type: 'object' });
  asm.bytes(new TextEncoder().encode(SECOND + '\0'));
  asm.endSymbol('Kernel.Strings::second');

  asm.section('.data');
  asm.align(4);
  asm.label('Kernel.Data::second', { type: 'object', global: true });
  asm.addr32('Kernel.Strings::second');
  asm.endSymbol('Kernel.Data::second');

  asm.section('.bss');
  asm.align(16);
  asm.label('Kernel.Boot::stack', { type: 'object' });
  asm.space(0x4000);
  asm.endSymbol('Kernel.Boot::stack');
  asm.label('Kernel.Boot::stackTop');
  return asm;
}
