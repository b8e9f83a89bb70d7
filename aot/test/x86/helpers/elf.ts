// A minimal ELF32 little-endian reader for the test oracles: the sections and symbols of
// what GNU as and ld produce (System V ABI, "ELF header", "Section header", "Symbol table").

export interface ElfSection {
  readonly name: string;
  /** sh_type: 1 PROGBITS, 8 NOBITS, 2 SYMTAB, 3 STRTAB, ... */
  readonly type: number;
  readonly addr: number;
  readonly size: number;
  /** Contents (empty for NOBITS). */
  readonly data: Uint8Array;
}

export interface ElfSymbol {
  readonly name: string;
  readonly value: number;
  readonly size: number;
  /** STT_*: 0 NOTYPE, 1 OBJECT, 2 FUNC, 3 SECTION, 4 FILE. */
  readonly type: number;
  /** STB_*: 0 LOCAL, 1 GLOBAL. */
  readonly bind: number;
  /** Name of the section the symbol is defined in, '' when undefined or absolute. */
  readonly section: string;
}

export interface ElfFile {
  readonly sections: readonly ElfSection[];
  readonly symbols: readonly ElfSymbol[];
  section(name: string): ElfSection | undefined;
}

function cstring(bytes: Uint8Array, at: number): string {
  let end = at;
  while (bytes[end] !== 0) end++;
  return Buffer.from(bytes.subarray(at, end)).toString('latin1');
}

export function readElf(file: Uint8Array): ElfFile {
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (dv.getUint32(0, false) !== 0x7f454c46 || file[4] !== 1 || file[5] !== 1) throw new Error('not an ELF32 little-endian file');
  const shoff = dv.getUint32(0x20, true); // e_shoff
  const shentsize = dv.getUint16(0x2e, true); // e_shentsize
  const shnum = dv.getUint16(0x30, true); // e_shnum
  const shstrndx = dv.getUint16(0x32, true); // e_shstrndx
  const raw = Array.from({ length: shnum }, (_, i) => {
    const o = shoff + i * shentsize;
    return {
      nameOff: dv.getUint32(o, true), // sh_name
      type: dv.getUint32(o + 4, true), // sh_type
      addr: dv.getUint32(o + 12, true), // sh_addr
      offset: dv.getUint32(o + 16, true), // sh_offset
      size: dv.getUint32(o + 20, true), // sh_size
      link: dv.getUint32(o + 24, true), // sh_link
      entsize: dv.getUint32(o + 36, true), // sh_entsize
    };
  });
  const shstr = file.subarray(raw[shstrndx].offset, raw[shstrndx].offset + raw[shstrndx].size);
  const sections: ElfSection[] = raw.map(s => ({
    name: cstring(shstr, s.nameOff),
    type: s.type,
    addr: s.addr,
    size: s.size,
    data: s.type === 8 ? new Uint8Array(0) : file.subarray(s.offset, s.offset + s.size),
  }));
  const symbols: ElfSymbol[] = [];
  raw.forEach(s => {
    if (s.type !== 2) return; // SHT_SYMTAB
    const strtab = sections[s.link].data;
    for (let o = s.offset + s.entsize; o < s.offset + s.size; o += s.entsize) {
      const info = file[o + 12]; // st_info
      const shndx = dv.getUint16(o + 14, true); // st_shndx
      symbols.push({
        name: cstring(strtab, dv.getUint32(o, true)), // st_name
        value: dv.getUint32(o + 4, true), // st_value
        size: dv.getUint32(o + 8, true), // st_size
        type: info & 0xf,
        bind: info >> 4,
        section: shndx > 0 && shndx < 0xff00 ? sections[shndx].name : '',
      });
    }
  });
  return { sections, symbols, section: name => sections.find(s => s.name === name) };
}
