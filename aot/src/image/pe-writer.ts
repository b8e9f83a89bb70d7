// Writes the kernel image: a PE32 file (PE/COFF specification rev. 11) that multiboot
// loaders (GRUB, QEMU -kernel) load through its multiboot header, and that objdump and gdb
// read as an ordinary pei-i386 executable with a COFF symbol table.
//
// File layout:
//   0x000   MZ header and DOS stub (e_lfanew = 0x80)
//   0x080   "PE\0\0", COFF file header (20 bytes), PE32 optional header (224 bytes),
//           section table (40 bytes per section)
//   after   multiboot header, 4-byte aligned (well within the first 8 KiB)
//   0x1000  section raw data, each section at its RVA (FileAlignment = SectionAlignment)
//   end     COFF symbol table and string table (not loaded)
// Deterministic: TimeDateStamp and CheckSum are 0.

import { coffSymbolTable } from './coff-symbols.ts';
import { HEADERS_SIZE, PAGE, type ImageSection, type LinkedImage } from './link.ts';
import { multibootHeader, MULTIBOOT_HEADER_SIZE, MULTIBOOT_SEARCH_LIMIT } from './multiboot.ts';
import { assert } from '../util/assert.ts';

const PE_OFFSET = 0x80;
const COFF_HEADER_SIZE = 20;
const OPTIONAL_HEADER_SIZE = 224;
const SECTION_HEADER_SIZE = 40;

const IMAGE_FILE_MACHINE_I386 = 0x14c;
// Characteristics: RELOCS_STRIPPED | EXECUTABLE_IMAGE | LINE_NUMS_STRIPPED | 32BIT_MACHINE.
const FILE_CHARACTERISTICS = 0x0001 | 0x0002 | 0x0004 | 0x0100;
const PE32_MAGIC = 0x10b;
const IMAGE_SUBSYSTEM_NATIVE = 1;

const SCN_CNT_CODE = 0x20;
const SCN_CNT_INITIALIZED_DATA = 0x40;
const SCN_CNT_UNINITIALIZED_DATA = 0x80;
const SCN_MEM_EXECUTE = 0x20000000;
const SCN_MEM_READ = 0x40000000;
const SCN_MEM_WRITE = 0x80000000;
const SECTION_CHARACTERISTICS: Record<string, number> = {
  '.text': SCN_CNT_CODE | SCN_MEM_EXECUTE | SCN_MEM_READ,
  '.rdata': SCN_CNT_INITIALIZED_DATA | SCN_MEM_READ,
  '.data': SCN_CNT_INITIALIZED_DATA | SCN_MEM_READ | SCN_MEM_WRITE,
  '.bss': SCN_CNT_UNINITIALIZED_DATA | SCN_MEM_READ | SCN_MEM_WRITE,
};

// The classic DOS stub program: prints the message with INT 21h/AH=09h and exits with 4C01h.
const DOS_STUB_CODE = [0x0e, 0x1f, 0xba, 0x0e, 0x00, 0xb4, 0x09, 0xcd, 0x21, 0xb8, 0x01, 0x4c, 0xcd, 0x21];
const DOS_STUB_MESSAGE = 'This program cannot be run in DOS mode.\r\r\n$';

const alignUp = (v: number, a: number) => Math.ceil(v / a) * a;

function writeDosHeader(dv: DataView, file: Uint8Array): void {
  dv.setUint16(0x00, 0x5a4d, true); // e_magic "MZ"
  dv.setUint16(0x02, 0x90, true); // e_cblp: bytes on the last 512-byte page
  dv.setUint16(0x04, 3, true); // e_cp: pages in the DOS file
  dv.setUint16(0x06, 0, true); // e_crlc: relocations
  dv.setUint16(0x08, 4, true); // e_cparhdr: header size in 16-byte paragraphs
  dv.setUint16(0x0a, 0, true); // e_minalloc
  dv.setUint16(0x0c, 0xffff, true); // e_maxalloc
  dv.setUint16(0x0e, 0, true); // e_ss
  dv.setUint16(0x10, 0xb8, true); // e_sp
  dv.setUint16(0x12, 0, true); // e_csum
  dv.setUint16(0x14, 0, true); // e_ip
  dv.setUint16(0x16, 0, true); // e_cs
  dv.setUint16(0x18, 0x40, true); // e_lfarlc: relocation table offset
  dv.setUint16(0x1a, 0, true); // e_ovno; e_res, e_oemid, e_oeminfo, e_res2 stay 0
  dv.setUint32(0x3c, PE_OFFSET, true); // e_lfanew: offset of the PE signature
  file.set(DOS_STUB_CODE, 0x40);
  file.set(new TextEncoder().encode(DOS_STUB_MESSAGE), 0x40 + DOS_STUB_CODE.length);
}

/** The bytes of kernel.bin. */
export function writePeImage(image: LinkedImage): Uint8Array {
  const sections = image.sections;
  const rva = (s: ImageSection) => s.vaddr - image.imageBase;
  const rawSize = (s: ImageSection) => (s.name === '.bss' ? 0 : alignUp(s.bytes.length, PAGE));
  const sectionTableAt = PE_OFFSET + 4 + COFF_HEADER_SIZE + OPTIONAL_HEADER_SIZE;
  const multibootAt = alignUp(sectionTableAt + sections.length * SECTION_HEADER_SIZE, 4);
  assert(multibootAt + MULTIBOOT_HEADER_SIZE <= Math.min(HEADERS_SIZE, MULTIBOOT_SEARCH_LIMIT), 'headers overflow the first page');

  const loadedEnd = sections.reduce((end, s) => Math.max(end, s.fileOffset + rawSize(s)), HEADERS_SIZE);
  const symbolTable = coffSymbolTable(image, name => sections.findIndex(s => s.name === name) + 1);
  const file = new Uint8Array(loadedEnd + symbolTable.bytes.length);
  const dv = new DataView(file.buffer);
  writeDosHeader(dv, file);

  // PE signature and COFF file header.
  let o = PE_OFFSET;
  dv.setUint32(o, 0x00004550, true); // "PE\0\0"
  o += 4;
  dv.setUint16(o + 0, IMAGE_FILE_MACHINE_I386, true); // Machine
  dv.setUint16(o + 2, sections.length, true); // NumberOfSections
  dv.setUint32(o + 4, 0, true); // TimeDateStamp: 0 for reproducible output
  dv.setUint32(o + 8, loadedEnd, true); // PointerToSymbolTable
  dv.setUint32(o + 12, symbolTable.count, true); // NumberOfSymbols
  dv.setUint16(o + 16, OPTIONAL_HEADER_SIZE, true); // SizeOfOptionalHeader
  dv.setUint16(o + 18, FILE_CHARACTERISTICS, true); // Characteristics
  o += COFF_HEADER_SIZE;

  // PE32 optional header: standard fields.
  const text = sections.find(s => s.name === '.text');
  const data = sections.filter(s => s.name === '.rdata' || s.name === '.data');
  const bss = sections.find(s => s.name === '.bss');
  const firstData = sections.find(s => s.name !== '.text');
  const last = sections[sections.length - 1];
  dv.setUint16(o + 0, PE32_MAGIC, true); // Magic: PE32
  file[o + 2] = 0; // MajorLinkerVersion
  file[o + 3] = 0; // MinorLinkerVersion
  dv.setUint32(o + 4, text ? rawSize(text) : 0, true); // SizeOfCode
  dv.setUint32(o + 8, data.reduce((n, s) => n + rawSize(s), 0), true); // SizeOfInitializedData
  dv.setUint32(o + 12, bss ? alignUp(bss.virtualSize, PAGE) : 0, true); // SizeOfUninitializedData
  dv.setUint32(o + 16, image.entry - image.imageBase, true); // AddressOfEntryPoint (RVA)
  dv.setUint32(o + 20, text ? rva(text) : 0, true); // BaseOfCode
  dv.setUint32(o + 24, firstData ? rva(firstData) : 0, true); // BaseOfData
  // Windows-specific fields.
  dv.setUint32(o + 28, image.imageBase, true); // ImageBase
  dv.setUint32(o + 32, PAGE, true); // SectionAlignment
  dv.setUint32(o + 36, PAGE, true); // FileAlignment: equal, so file offset = RVA
  dv.setUint16(o + 40, 4, true); // MajorOperatingSystemVersion
  dv.setUint16(o + 42, 0, true); // MinorOperatingSystemVersion
  dv.setUint16(o + 44, 0, true); // MajorImageVersion
  dv.setUint16(o + 46, 0, true); // MinorImageVersion
  dv.setUint16(o + 48, 4, true); // MajorSubsystemVersion
  dv.setUint16(o + 50, 0, true); // MinorSubsystemVersion
  dv.setUint32(o + 52, 0, true); // Win32VersionValue: reserved
  dv.setUint32(o + 56, last ? rva(last) + alignUp(last.virtualSize, PAGE) : HEADERS_SIZE, true); // SizeOfImage
  dv.setUint32(o + 60, HEADERS_SIZE, true); // SizeOfHeaders
  dv.setUint32(o + 64, 0, true); // CheckSum: not needed outside Windows drivers
  dv.setUint16(o + 68, IMAGE_SUBSYSTEM_NATIVE, true); // Subsystem: native (a kernel)
  dv.setUint16(o + 70, 0, true); // DllCharacteristics
  // SizeOfStackReserve/Commit, SizeOfHeapReserve/Commit (o+72..o+87), LoaderFlags (o+88): 0,
  // the kernel sets up its own stack and heap.
  dv.setUint32(o + 92, 16, true); // NumberOfRvaAndSizes; all 16 data directories stay empty
  o += OPTIONAL_HEADER_SIZE;

  // Section table.
  for (const s of sections) {
    file.set(new TextEncoder().encode(s.name), o); // Name (8 bytes, NUL-padded)
    dv.setUint32(o + 8, s.virtualSize, true); // VirtualSize
    dv.setUint32(o + 12, rva(s), true); // VirtualAddress (RVA)
    dv.setUint32(o + 16, rawSize(s), true); // SizeOfRawData
    dv.setUint32(o + 20, s.name === '.bss' ? 0 : s.fileOffset, true); // PointerToRawData
    // PointerToRelocations, PointerToLinenumbers, NumberOfRelocations, NumberOfLinenumbers: 0
    dv.setUint32(o + 36, SECTION_CHARACTERISTICS[s.name], true); // Characteristics
    o += SECTION_HEADER_SIZE;
  }

  file.set(multibootHeader(image, multibootAt), multibootAt);
  for (const s of sections) if (s.name !== '.bss') file.set(s.bytes, s.fileOffset);
  file.set(symbolTable.bytes, loadedEnd);
  return file;
}
