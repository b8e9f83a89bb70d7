// The image's entry point, jumped to by the multiboot loader (EAX = 0x2BADB002, EBX =
// multiboot info, no usable stack). It sets up a stack in .bss, clears the direction
// flag and the frame-pointer chain (ebp = 0 ends stack walks), enables SSE, hands the
// loader's registers, the first free address after the image and the method table to
// korlib's Sharpaot.Runtime.Startup.Init, calls the program's entry method (type
// initializers run on first use, see ir/builder/type-init.ts) and passes its result (0 for void) to Startup.Exit, which
// reports it to the host and halts.

import type { Assembler } from '../x86/assembler.ts';
import { imm, reg, sym } from '../x86/operands.ts';

export const ENTRY_SYMBOL = '__sharpaot_start';
export const STACK_TOP_SYMBOL = '__sharpaot_stack_top';
export const IMAGE_END_SYMBOL = '__sharpaot_image_end';
export const STACK_SIZE = 256 * 1024;

export interface EntryStubSpec {
  readonly init: string;
  readonly main: string;
  /** Push a null string[] argument for Main(string[]). */
  readonly mainTakesArgs: boolean;
  readonly mainReturnsInt: boolean;
  readonly exit: string;
  /** The method table (method-table.ts), passed to Init for exception handling. */
  readonly methodTable: string;
}

export function emitEntryStub(asm: Assembler, spec: EntryStubSpec): void {
  asm.section('.bss');
  asm.align(16);
  asm.label('__sharpaot_stack', { type: 'object' });
  asm.space(STACK_SIZE);
  asm.label(STACK_TOP_SYMBOL);
  asm.endSymbol('__sharpaot_stack');

  asm.section('.text');
  asm.align(16);
  asm.label(ENTRY_SYMBOL, { type: 'function', global: true });
  asm.emit('cli');
  asm.emit('mov', reg('esp'), imm(0, STACK_TOP_SYMBOL));
  asm.emit('xor', reg('ebp'), reg('ebp'));
  asm.emit('cld');
  // Enable SSE (floats are compiled to SSE2): CR0.EM = 0, CR0.MP = 1, CR4.OSFXSR = CR4.OSXMMEXCPT = 1.
  asm.emit('mov', reg('ecx'), reg('cr0'));
  asm.emit('and', reg('ecx'), imm(~0x4));
  asm.emit('or', reg('ecx'), imm(0x2));
  asm.emit('mov', reg('cr0'), reg('ecx'));
  asm.emit('mov', reg('ecx'), reg('cr4'));
  asm.emit('or', reg('ecx'), imm(0x600));
  asm.emit('mov', reg('cr4'), reg('ecx'));
  asm.emit('push', imm(0, spec.methodTable));
  asm.emit('push', imm(0, IMAGE_END_SYMBOL));
  asm.emit('push', reg('ebx'));
  asm.emit('push', reg('eax'));
  asm.emit('call', sym(spec.init));
  asm.emit('add', reg('esp'), imm(16));
  if (spec.mainTakesArgs) asm.emit('push', imm(0));
  asm.emit('call', sym(spec.main));
  if (spec.mainTakesArgs) asm.emit('add', reg('esp'), imm(4));
  if (!spec.mainReturnsInt) asm.emit('xor', reg('eax'), reg('eax'));
  asm.emit('push', reg('eax'));
  asm.emit('call', sym(spec.exit));
  // Exit does not return; if it ever does, stop here.
  asm.label('.Lsharpaot_halt');
  asm.emit('cli');
  asm.emit('hlt');
  asm.emit('jmp', sym('.Lsharpaot_halt'));
  asm.endSymbol(ENTRY_SYMBOL);
}
