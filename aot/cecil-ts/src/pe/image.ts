// PE/COFF image reading (PE/COFF spec; ECMA-335 II.25): DOS header, PE signature, COFF
// file header, optional header (PE32 or PE32+), section table, data directories and the
// CLI header. Produces an `Image` that maps RVAs to file offsets and locates the
// metadata root. Everything is bounds-checked; a malformed header is BadImageFormatError.

import { badImage } from '../errors.ts';
import { ByteReader } from './byte-reader.ts';

export interface Section {
  readonly name: string;
  readonly virtualSize: number;
  readonly virtualAddress: number;
  readonly sizeOfRawData: number;
  readonly pointerToRawData: number;
  readonly characteristics: number;
}

export interface DataDirectory {
  readonly rva: number;
  readonly size: number;
}

/** ECMA-335 II.25.3.3: the CLI header (a.k.a. COR20 header). */
export interface CliHeader {
  readonly cb: number;
  readonly majorRuntimeVersion: number;
  readonly minorRuntimeVersion: number;
  readonly metadata: DataDirectory;
  readonly flags: number;
  readonly entryPointToken: number;
  readonly resources: DataDirectory;
  readonly strongNameSignature: DataDirectory;
}

export interface PeHeaders {
  readonly machine: number;
  readonly timeDateStamp: number;
  readonly characteristics: number;
  /** 0x10b for PE32, 0x20b for PE32+. */
  readonly magic: number;
  readonly isPE32Plus: boolean;
  readonly subsystem: number;
  readonly dllCharacteristics: number;
  readonly fileAlignment: number;
  readonly sectionAlignment: number;
  readonly imageBase: bigint;
  readonly dataDirectories: readonly DataDirectory[];
}

/** Index of the CLI header in the optional header's data directories (PE/COFF spec). */
const CLI_HEADER_DIRECTORY = 14;

export class PeImage {
  readonly headers: PeHeaders;
  readonly sections: readonly Section[];
  readonly cliHeader: CliHeader;

  constructor(readonly data: Uint8Array) {
    const r = new ByteReader(data);
    // DOS header: e_magic "MZ" at 0, e_lfanew (offset of the PE signature) at 0x3c.
    if (r.u16('DOS signature "MZ"') !== 0x5a4d) badImage('not a PE file: expected DOS signature "MZ"', 0);
    r.seek(0x3c, 'e_lfanew');
    const peOffset = r.u32('e_lfanew');
    r.seek(peOffset, 'PE signature');
    if (r.u32('PE signature') !== 0x00004550) badImage('expected PE signature "PE\\0\\0"', peOffset);

    // COFF file header (20 bytes).
    const machine = r.u16('Machine');
    const numberOfSections = r.u16('NumberOfSections');
    const timeDateStamp = r.u32('TimeDateStamp');
    r.skip(4, 'PointerToSymbolTable');
    r.skip(4, 'NumberOfSymbols');
    const sizeOfOptionalHeader = r.u16('SizeOfOptionalHeader');
    const characteristics = r.u16('Characteristics');

    // Optional header: standard fields, Windows-specific fields, data directories.
    const optionalStart = r.position;
    const magic = r.u16('optional header Magic');
    if (magic !== 0x10b && magic !== 0x20b) badImage(`expected optional header magic 0x10b (PE32) or 0x20b (PE32+), found 0x${magic.toString(16)}`, r.fileOffset - 2);
    const isPE32Plus = magic === 0x20b;
    r.skip(2, 'LinkerVersion');
    r.skip(12, 'SizeOfCode, SizeOfInitializedData, SizeOfUninitializedData');
    r.skip(4, 'AddressOfEntryPoint');
    r.skip(4, 'BaseOfCode');
    let imageBase: bigint;
    if (isPE32Plus) {
      imageBase = r.u64('ImageBase');
    } else {
      r.skip(4, 'BaseOfData');
      imageBase = BigInt(r.u32('ImageBase'));
    }
    const sectionAlignment = r.u32('SectionAlignment');
    const fileAlignment = r.u32('FileAlignment');
    r.skip(12, 'OS, image and subsystem versions');
    r.skip(4, 'Win32VersionValue');
    r.skip(4, 'SizeOfImage');
    r.skip(4, 'SizeOfHeaders');
    r.skip(4, 'CheckSum');
    const subsystem = r.u16('Subsystem');
    const dllCharacteristics = r.u16('DllCharacteristics');
    r.skip(isPE32Plus ? 32 : 16, 'SizeOfStackReserve..SizeOfHeapCommit');
    r.skip(4, 'LoaderFlags');
    const numberOfRvaAndSizes = r.u32('NumberOfRvaAndSizes');
    if (numberOfRvaAndSizes <= CLI_HEADER_DIRECTORY || numberOfRvaAndSizes > 16) badImage(`expected 15 or 16 data directories (the CLI header is the 15th), found ${numberOfRvaAndSizes}`, r.fileOffset - 4);
    const dataDirectories: DataDirectory[] = [];
    for (let i = 0; i < numberOfRvaAndSizes; i++) dataDirectories.push({ rva: r.u32('data directory RVA'), size: r.u32('data directory Size') });
    if (r.position > optionalStart + sizeOfOptionalHeader) badImage('optional header larger than SizeOfOptionalHeader', optionalStart);
    r.seek(optionalStart + sizeOfOptionalHeader, 'section table');

    // Section table: 40 bytes per section.
    const sections: Section[] = [];
    for (let i = 0; i < numberOfSections; i++) {
      const name = r.paddedAscii(8, 'section Name');
      const virtualSize = r.u32('section VirtualSize');
      const virtualAddress = r.u32('section VirtualAddress');
      const sizeOfRawData = r.u32('section SizeOfRawData');
      const pointerToRawData = r.u32('section PointerToRawData');
      r.skip(12, 'section relocation/line-number fields');
      const sectionCharacteristics = r.u32('section Characteristics');
      sections.push({ name, virtualSize, virtualAddress, sizeOfRawData, pointerToRawData, characteristics: sectionCharacteristics });
    }
    this.sections = sections;
    this.headers = { machine, timeDateStamp, characteristics, magic, isPE32Plus, subsystem, dllCharacteristics, fileAlignment, sectionAlignment, imageBase, dataDirectories };

    const cli = dataDirectories[CLI_HEADER_DIRECTORY]!;
    if (cli.rva === 0) badImage('not a .NET assembly: the CLI header data directory is empty');
    const c = this.readerAt(cli.rva, 72, 'CLI header');
    const cb = c.u32('CLI header cb');
    const majorRuntimeVersion = c.u16('MajorRuntimeVersion');
    const minorRuntimeVersion = c.u16('MinorRuntimeVersion');
    const metadata = { rva: c.u32('MetaData RVA'), size: c.u32('MetaData Size') };
    const flags = c.u32('CLI Flags');
    const entryPointToken = c.u32('EntryPointToken');
    const resources = { rva: c.u32('Resources RVA'), size: c.u32('Resources Size') };
    const strongNameSignature = { rva: c.u32('StrongNameSignature RVA'), size: c.u32('StrongNameSignature Size') };
    this.cliHeader = { cb, majorRuntimeVersion, minorRuntimeVersion, metadata, flags, entryPointToken, resources, strongNameSignature };
  }

  /** File offset of an RVA, or -1 when no section maps it. */
  rvaToOffset(rva: number): number {
    for (const s of this.sections) {
      const size = Math.max(s.virtualSize, s.sizeOfRawData);
      if (rva >= s.virtualAddress && rva < s.virtualAddress + size) {
        const offset = rva - s.virtualAddress;
        if (offset >= s.sizeOfRawData) return -1; // uninitialised tail of the section
        return s.pointerToRawData + offset;
      }
    }
    return -1;
  }

  /** Bytes available in the file from an RVA to the end of its section's raw data. */
  availableAt(rva: number): number {
    for (const s of this.sections) {
      if (rva >= s.virtualAddress && rva < s.virtualAddress + s.sizeOfRawData) {
        const end = Math.min(s.pointerToRawData + s.sizeOfRawData, this.data.length);
        return Math.max(0, end - (s.pointerToRawData + rva - s.virtualAddress));
      }
    }
    return 0;
  }

  /** A reader over `length` bytes at an RVA; throws if the range is not in the file. */
  readerAt(rva: number, length: number, what: string): ByteReader {
    const offset = this.rvaToOffset(rva);
    if (offset < 0) badImage(`${what}: RVA 0x${rva.toString(16)} is not inside any section`);
    if (length > this.availableAt(rva)) badImage(`${what}: ${length} bytes at RVA 0x${rva.toString(16)} run past the end of the section or file`, Math.min(offset, this.data.length));
    return new ByteReader(this.data, offset, length);
  }

  /** A reader from an RVA to the end of its section's raw data (for variable-size records). */
  readerFrom(rva: number, what: string): ByteReader {
    const offset = this.rvaToOffset(rva);
    if (offset < 0) badImage(`${what}: RVA 0x${rva.toString(16)} is not inside any section`);
    if (offset > this.data.length) badImage(`${what}: RVA 0x${rva.toString(16)} maps to file offset 0x${offset.toString(16)}, past the end of the file`, this.data.length);
    return new ByteReader(this.data, offset, this.availableAt(rva));
  }
}
