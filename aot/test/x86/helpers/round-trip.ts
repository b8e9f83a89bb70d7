// The gas round trip: print the program with printGasSource, assemble and link it with GNU
// as and ld, and compare every section's bytes and every symbol with our own image.

import type { Assembler } from '../../../src/x86/assembler.ts';
import { linkImage, printGasSource, type LinkedImage } from '../../../src/image/index.ts';
import { assembleAndLink, hex } from './gas.ts';
import type { ElfFile } from './elf.ts';

export interface RoundTrip {
  readonly image: LinkedImage;
  readonly elf: ElfFile;
  /** Differences between the two; empty when they agree. */
  readonly problems: string[];
}

/** Where two byte arrays first differ, for messages. */
function firstDifference(a: Uint8Array, b: Uint8Array): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `lengths ${a.length}/${b.length}, first difference at +0x${i.toString(16)}: ours ${hex(a.subarray(i, i + 12))}, as ${hex(b.subarray(i, i + 12))}`;
}

export async function roundTrip(asm: Assembler, entry: string): Promise<RoundTrip> {
  const image = linkImage(asm, { entry });
  const gas = printGasSource(asm, { entry });
  const elf = await assembleAndLink(gas.source, gas.linkerScript);
  const problems: string[] = [];
  for (const s of image.sections) {
    const e = elf.section(s.name);
    if (!e) {
      problems.push(`${s.name}: missing from the ld output`);
      continue;
    }
    if (e.addr !== s.vaddr) problems.push(`${s.name}: address 0x${s.vaddr.toString(16)}, ld 0x${e.addr.toString(16)}`);
    if (e.size !== s.virtualSize) problems.push(`${s.name}: size ${s.virtualSize}, ld ${e.size}`);
    if (s.name !== '.bss' && hex(e.data) !== hex(s.bytes)) problems.push(`${s.name}: bytes differ: ${firstDifference(s.bytes, e.data)}`);
  }
  const elfSymbols = new Map(elf.symbols.map(s => [s.name, s]));
  // ld drops empty output sections with their symbols; references to them are in the bytes.
  const placed = new Set(image.sections.map(s => s.name));
  for (const sym of image.symbols.filter(s => placed.has(s.section))) {
    const e = elfSymbols.get(gas.renamedSymbols.get(sym.name) ?? sym.name);
    if (!e) problems.push(`symbol ${sym.name}: missing from the ld output`);
    else if (e.value !== sym.address || e.size !== sym.size) problems.push(`symbol ${sym.name}: 0x${sym.address.toString(16)} size ${sym.size}, ld 0x${e.value.toString(16)} size ${e.size}`);
  }
  return { image, elf, problems };
}
