// ECMA-335 II.24.2.1-II.24.2.2: the metadata root and its stream headers, tying the PE
// image to the table stream and the four heaps. `MetadataImage` is the raw access layer
// under the object model (ModuleDefinition.image).

import { badImage } from '../errors.ts';
import { ByteReader } from '../pe/byte-reader.ts';
import { PeImage } from '../pe/image.ts';
import { BlobHeap, GuidHeap, StringsHeap, UserStringsHeap } from './heaps.ts';
import { TABLE_NAMES, type Table } from './table-schema.ts';
import { TablesStream } from './tables.ts';

export interface StreamHeader {
  readonly name: string;
  /** Offset from the metadata root. */
  readonly offset: number;
  readonly size: number;
}

export class MetadataImage {
  readonly pe: PeImage;
  readonly runtimeVersion: string;
  readonly metadataVersion: { major: number; minor: number };
  readonly streams: readonly StreamHeader[];
  readonly tables: TablesStream;
  readonly strings: StringsHeap;
  readonly userStrings: UserStringsHeap;
  readonly blobs: BlobHeap;
  readonly guids: GuidHeap;

  constructor(readonly data: Uint8Array) {
    this.pe = new PeImage(data);
    const md = this.pe.cliHeader.metadata;
    const root = this.pe.readerAt(md.rva, md.size, 'metadata root');
    // Signature "BSJB", MajorVersion u16, MinorVersion u16, Reserved u32, Length u32,
    // Version (Length bytes, zero-padded to 4), Flags u16, Streams u16, stream headers.
    if (root.u32('metadata signature') !== 0x424a5342) badImage('expected metadata signature "BSJB"', root.start);
    const major = root.u16('metadata MajorVersion');
    const minor = root.u16('metadata MinorVersion');
    this.metadataVersion = { major, minor };
    root.skip(4, 'metadata Reserved');
    const versionLength = root.u32('metadata version Length');
    if (versionLength > 255) badImage(`metadata version length ${versionLength} exceeds 255`, root.fileOffset - 4);
    this.runtimeVersion = root.paddedAscii(versionLength, 'metadata version string');
    root.skip(2, 'metadata Flags');
    const count = root.u16('metadata Streams');
    const streams: StreamHeader[] = [];
    for (let i = 0; i < count; i++) {
      const offset = root.u32('stream Offset');
      const size = root.u32('stream Size');
      const nameAt = root.position;
      const name = root.zstring(31, 'stream name');
      root.seek(nameAt + ((root.position - nameAt + 3) & ~3), 'stream header padding');
      if (offset > md.size || size > md.size - offset) badImage(`stream ${name} (offset ${offset}, size ${size}) outside the ${md.size}-byte metadata`, root.start + nameAt - 8);
      streams.push({ name, offset, size });
    }
    this.streams = streams;

    const window = (name: string): ByteReader | undefined => {
      const s = streams.find(x => x.name === name);
      return s === undefined ? undefined : new ByteReader(data, root.start + s.offset, s.size);
    };
    this.strings = new StringsHeap(window('#Strings'));
    this.userStrings = new UserStringsHeap(window('#US'));
    this.blobs = new BlobHeap(window('#Blob'));
    this.guids = new GuidHeap(window('#GUID'));
    const compressed = window('#~');
    const uncompressed = window('#-');
    const tables = compressed ?? uncompressed;
    if (tables === undefined) badImage('metadata has no #~ or #- table stream', root.start);
    this.tables = new TablesStream(tables, compressed === undefined);
  }

  rowCount(table: Table): number {
    return this.tables.rowCount(table);
  }

  /** Row count per table by ECMA name, for present tables only. */
  tableRowCounts(): { name: string; rows: number }[] {
    return this.tables.tables.filter(t => t.rows > 0).map(t => ({ name: TABLE_NAMES[t.id]!, rows: t.rows }));
  }
}
