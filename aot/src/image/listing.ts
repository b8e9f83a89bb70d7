// A disassembly-style listing of the image's code from our own records (address, bytes,
// Intel-syntax text, symbol headings), in the shape of `objdump -d` so that the two can be
// compared and read side by side.

import type { Assembler } from '../x86/assembler.ts';
import { formatInstruction } from '../x86/format.ts';
import type { LinkedImage } from './link.ts';

export interface ListedInstruction {
  readonly address: number;
  readonly bytes: Uint8Array;
  readonly text: string;
}

/** The instructions of .text, in address order. */
export function listInstructions(asm: Assembler, image: LinkedImage): ListedInstruction[] {
  const text = image.sections.find(s => s.name === '.text');
  if (!text) return [];
  const { insnOffsets, insnSizes } = asm.layout().sections.find(s => s.name === '.text')!;
  const insns = asm.entries('.text').filter(e => e.kind === 'insn');
  return insns.map((e, i) => {
    const start = insnOffsets[i];
    return { address: text.vaddr + start, bytes: text.bytes.slice(start, start + insnSizes[i]), text: formatInstruction(e.mnemonic, e.operands) };
  });
}

/**
 * The listing: a `<symbol>:` heading at each .text symbol, then `address: bytes  text`.
 * Alignment padding and data between instructions are not listed.
 */
export function formatListing(asm: Assembler, image: LinkedImage): string {
  const headings = new Map<number, string[]>();
  for (const s of image.symbols) if (s.section === '.text') headings.set(s.address, [...(headings.get(s.address) ?? []), s.name]);
  const out: string[] = [];
  for (const insn of listInstructions(asm, image)) {
    for (const name of headings.get(insn.address) ?? []) out.push('', `${insn.address.toString(16).padStart(8, '0')} <${name}>:`);
    const hex = [...insn.bytes].map(b => b.toString(16).padStart(2, '0')).join(' ');
    out.push(`${insn.address.toString(16).padStart(8, ' ')}:\t${hex.padEnd(21)}\t${insn.text}`);
  }
  return out.join('\n') + '\n';
}
