// Places the assembled sections at their addresses in the kernel image and resolves every
// relocation: the layout the PE writer, the map file, the listing and the gas printer share.
//
// Layout (PE/COFF with FileAlignment = SectionAlignment = 0x1000, because a multiboot loader
// copies the file contiguously to ImageBase, so file offset = RVA for loaded bytes):
//   ImageBase + 0x0000   headers (MZ stub, PE headers, section table, multiboot header)
//   ImageBase + 0x1000   .text, then .rdata, .data, .bss, each at the next 4 KiB boundary
// Empty sections are left out (their symbols keep the address the section would have).

import type { Assembler, AssemblyLayout, SectionName, SymbolType } from '../x86/assembler.ts';
import { InternalError } from '../util/assert.ts';

export const PAGE = 0x1000;
export const DEFAULT_IMAGE_BASE = 0x100000;
/** PE/COFF: ImageBase must be a multiple of 64 KiB. */
const IMAGE_BASE_ALIGNMENT = 0x10000;
/** Bytes reserved for the headers at the start of the image. */
export const HEADERS_SIZE = PAGE;

export interface ImageSection {
  readonly name: SectionName;
  /** Absolute address. */
  readonly vaddr: number;
  /** Offset of the raw data in the file; 0 for .bss, which has none. */
  readonly fileOffset: number;
  /** Contents with every relocation applied; empty for .bss. */
  readonly bytes: Uint8Array;
  readonly virtualSize: number;
}

export interface ImageSymbol {
  readonly name: string;
  readonly address: number;
  readonly size: number;
  readonly section: SectionName;
  readonly type: SymbolType;
  readonly global: boolean;
}

export interface LinkedImage {
  readonly imageBase: number;
  /** Address of the entry point. */
  readonly entry: number;
  readonly entrySymbol: string;
  readonly sections: readonly ImageSection[];
  /** Non-local symbols, sorted by address (definition order among equals). */
  readonly symbols: readonly ImageSymbol[];
}

const alignUp = (v: number, a: number) => Math.ceil(v / a) * a;

function writeU32(out: Uint8Array, at: number, v: number): void {
  out[at] = v;
  out[at + 1] = v >>> 8;
  out[at + 2] = v >>> 16;
  out[at + 3] = v >>> 24;
}

/**
 * The address of each section: the next 4 KiB page after the headers and the sections
 * before it. An empty section takes no room (it is left out of the image) but keeps its
 * address, where the symbols defined in it lie.
 */
export function sectionAddresses(layout: AssemblyLayout, imageBase: number): Map<SectionName, number> {
  const vaddrOf = new Map<SectionName, number>();
  let rva = HEADERS_SIZE;
  for (const s of layout.sections) {
    if (s.alignment > PAGE) throw new InternalError(`${s.name} asks for ${s.alignment}-byte alignment; sections are placed on 4 KiB pages`);
    vaddrOf.set(s.name, imageBase + rva);
    rva += alignUp(s.size, PAGE);
  }
  if (imageBase + rva > 0x100000000) throw new InternalError('the image does not fit below 4 GiB');
  return vaddrOf;
}

export function linkImage(asm: Assembler, opts: { imageBase?: number; entry: string }): LinkedImage {
  const imageBase = opts.imageBase ?? DEFAULT_IMAGE_BASE;
  if (!Number.isInteger(imageBase) || imageBase % IMAGE_BASE_ALIGNMENT !== 0 || imageBase < 0 || imageBase > 0xffffffff) {
    throw new InternalError(`image base 0x${imageBase.toString(16)} is not a multiple of 64 KiB in the 32-bit address space`);
  }
  const layout = asm.layout();
  const vaddrOf = sectionAddresses(layout, imageBase);
  const placed = layout.sections.filter(s => s.size > 0);
  // Symbol addresses, by index in layout.symbols.
  const addresses = layout.symbols.map(sym => vaddrOf.get(sym.section)! + sym.offset);

  const sections: ImageSection[] = placed.map(s => {
    const vaddr = vaddrOf.get(s.name)!;
    const bytes = s.bytes.slice();
    for (const r of s.relocations) {
      if (r.symbol < 0) throw new InternalError(`undefined symbol '${r.sym}' (referenced from ${s.name}+0x${r.offset.toString(16)})`);
      const target = addresses[r.symbol] + r.addend;
      writeU32(bytes, r.offset, r.pcRelative ? target - (vaddr + r.offset) : target);
    }
    return { name: s.name, vaddr, fileOffset: s.name === '.bss' ? 0 : vaddr - imageBase, bytes, virtualSize: s.size };
  });

  const order = layout.symbols.map((_, i) => i).filter(i => !layout.symbols[i].local);
  order.sort((a, b) => addresses[a] - addresses[b] || a - b);
  const symbols: ImageSymbol[] = order.map(i => {
    const s = layout.symbols[i];
    return { name: s.name, address: addresses[i], size: s.size, section: s.section, type: s.type, global: s.global };
  });

  const entry = layout.symbols.findIndex(s => s.name === opts.entry);
  if (entry < 0) throw new InternalError(`undefined symbol '${opts.entry}' (referenced from the entry point)`);
  return { imageBase, entry: addresses[entry], entrySymbol: opts.entry, sections, symbols };
}
