// The multiboot (version 0.6.96) header of a non-ELF kernel: with flag bit 16 the loader
// takes the load addresses from the header instead of parsing the file (the "a.out kludge").
// It must be 32-bit aligned and lie entirely within the first 8192 bytes of the file.

import type { LinkedImage } from './link.ts';

export const MULTIBOOT_MAGIC = 0x1badb002;
/** Bit 0: align boot modules on 4 KiB pages. */
export const MULTIBOOT_PAGE_ALIGN = 1 << 0;
/** Bit 1: pass the memory fields and the memory map in the multiboot info. */
export const MULTIBOOT_MEMORY_INFO = 1 << 1;
/** Bit 16: the address fields below are valid (not an ELF kernel). */
export const MULTIBOOT_AOUT_KLUDGE = 1 << 16;
export const MULTIBOOT_FLAGS = MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO | MULTIBOOT_AOUT_KLUDGE;
export const MULTIBOOT_HEADER_SIZE = 32;
/** The loader searches this many leading bytes of the file. */
export const MULTIBOOT_SEARCH_LIMIT = 8192;

/** The 32-byte header for `image`, placed at file offset `fileOffset` (= its RVA). */
export function multibootHeader(image: LinkedImage, fileOffset: number): Uint8Array {
  const initialised = image.sections.filter(s => s.name !== '.bss');
  const bss = image.sections.find(s => s.name === '.bss');
  const last = initialised[initialised.length - 1];
  const loadEnd = last ? last.vaddr + last.bytes.length : image.imageBase;
  const header = new Uint8Array(MULTIBOOT_HEADER_SIZE);
  const dv = new DataView(header.buffer);
  dv.setUint32(0, MULTIBOOT_MAGIC, true); // magic
  dv.setUint32(4, MULTIBOOT_FLAGS, true); // flags
  dv.setUint32(8, (-(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)) >>> 0, true); // checksum: magic + flags + checksum = 0 (mod 2^32)
  dv.setUint32(12, image.imageBase + fileOffset, true); // header_addr: where this header is loaded
  dv.setUint32(16, image.imageBase, true); // load_addr: the loader copies from file offset (header offset - (header_addr - load_addr)) = 0 to here
  dv.setUint32(20, loadEnd, true); // load_end_addr: end of the initialised data (.text/.rdata/.data) to load
  dv.setUint32(24, bss ? bss.vaddr + bss.virtualSize : loadEnd, true); // bss_end_addr: the loader zeroes load_end_addr..bss_end_addr
  dv.setUint32(28, image.entry, true); // entry_addr: where the loader jumps
  return header;
}
