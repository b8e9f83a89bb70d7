// The COFF symbol table and string table (PE/COFF specification, 5.4 and 5.6) that name every
// function and data symbol of the image for objdump and gdb. They follow the loaded part of
// the file; the loader never reads them.

import type { LinkedImage } from './link.ts';

/** Size of one symbol record. */
export const SYMBOL_RECORD_SIZE = 18;
/** IMAGE_SYM_CLASS_EXTERNAL: a global symbol. */
const CLASS_EXTERNAL = 2;
/** IMAGE_SYM_CLASS_STATIC: a symbol local to the image. */
const CLASS_STATIC = 3;
/** SectionNumber of a symbol with an absolute value: one defined in a section left out as empty. */
const IMAGE_SYM_ABSOLUTE = -1;
/** Type: IMAGE_SYM_DTYPE_FUNCTION (2) in the high nibble of the low byte: a function. */
const TYPE_FUNCTION = 0x20;

/**
 * The symbol table followed by the string table. `sectionNumber` maps a section name to its
 * 1-based index in the section table.
 */
export function coffSymbolTable(image: LinkedImage, sectionNumber: (name: string) => number): { bytes: Uint8Array; count: number } {
  const encoder = new TextEncoder();
  const strings: Uint8Array[] = [];
  let stringTableSize = 4; // the size field counts itself
  const records = new Uint8Array(image.symbols.length * SYMBOL_RECORD_SIZE);
  const dv = new DataView(records.buffer);
  const sectionOf = new Map(image.sections.map(s => [s.name, s]));
  image.symbols.forEach((sym, i) => {
    const o = i * SYMBOL_RECORD_SIZE;
    const name = encoder.encode(sym.name);
    if (name.length <= 8) records.set(name, o); // Name: inline, NUL-padded
    else {
      dv.setUint32(o, 0, true); // Name: zeroes, then...
      dv.setUint32(o + 4, stringTableSize, true); // ...the offset of the name in the string table
      strings.push(name, new Uint8Array(1));
      stringTableSize += name.length + 1;
    }
    const section = sectionOf.get(sym.section);
    dv.setUint32(o + 8, section ? sym.address - section.vaddr : sym.address, true); // Value: offset in the section (PE images), or the address
    dv.setInt16(o + 12, section ? sectionNumber(sym.section) : IMAGE_SYM_ABSOLUTE, true); // SectionNumber: 1-based
    dv.setUint16(o + 14, sym.type === 'function' ? TYPE_FUNCTION : 0, true); // Type
    records[o + 16] = sym.global ? CLASS_EXTERNAL : CLASS_STATIC; // StorageClass
    records[o + 17] = 0; // NumberOfAuxSymbols
  });
  const out = new Uint8Array(records.length + stringTableSize);
  out.set(records);
  new DataView(out.buffer).setUint32(records.length, stringTableSize, true); // string table: total size
  let at = records.length + 4;
  for (const s of strings) {
    out.set(s, at);
    at += s.length;
  }
  return { bytes: out, count: image.symbols.length };
}
