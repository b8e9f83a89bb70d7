// ECMA-335 II.24.2.6: the #~ (compressed) or #- (uncompressed, with Ptr tables) stream.
// Decides the size of every heap, table and coded index for this image, checks that all
// rows fit in the stream, and decodes a table's columns into typed arrays on first use.

import { badImage } from '../errors.ts';
import { ByteReader } from '../pe/byte-reader.ts';
import { TABLE_COUNT, TABLE_SCHEMAS, Table, type CodedIndex, type ColumnKind } from './table-schema.ts';

export interface CodedToken {
  readonly table: Table;
  /** 1-based row; 0 = null. */
  readonly row: number;
}

export class TableInfo {
  /** Decoded column values, column-major, created on first access. */
  private columns: (Uint32Array | undefined)[];

  constructor(
    private readonly data: Uint8Array,
    readonly id: Table,
    readonly rows: number,
    /** File offset of the first row. */
    readonly offset: number,
    readonly rowSize: number,
    readonly columnOffsets: readonly number[],
    readonly columnSizes: readonly number[],
  ) {
    this.columns = new Array(columnOffsets.length);
  }

  get name(): string {
    return TABLE_SCHEMAS[this.id]!.name;
  }

  /** All values of one column (index 0 = row 1). */
  column(col: number): Uint32Array {
    let c = this.columns[col];
    if (c === undefined) {
      c = new Uint32Array(this.rows);
      const d = this.data;
      const size = this.columnSizes[col]!;
      let p = this.offset + this.columnOffsets[col]!;
      const step = this.rowSize;
      if (size === 2) {
        for (let i = 0; i < this.rows; i++, p += step) c[i] = d[p]! | (d[p + 1]! << 8);
      } else {
        for (let i = 0; i < this.rows; i++, p += step) c[i] = (d[p]! | (d[p + 1]! << 8) | (d[p + 2]! << 16) | (d[p + 3]! << 24)) >>> 0;
      }
      this.columns[col] = c;
    }
    return c;
  }

  /** The value of a column in a 1-based row. */
  get(row: number, col: number): number {
    if (row < 1 || row > this.rows) badImage(`${this.name} row ${row} out of range 1..${this.rows}`, this.offset);
    return this.column(col)[row - 1]!;
  }

  /** File offset of a 1-based row (for error messages). */
  rowOffset(row: number): number {
    return this.offset + (row - 1) * this.rowSize;
  }
}

export class TablesStream {
  readonly majorVersion: number;
  readonly minorVersion: number;
  readonly heapSizes: number;
  readonly valid: bigint;
  readonly sorted: bigint;
  readonly tables: readonly TableInfo[];
  /** True for the #- stream, whose lists may go through FieldPtr/MethodPtr/... tables. */
  readonly uncompressed: boolean;

  constructor(r: ByteReader, uncompressed: boolean) {
    this.uncompressed = uncompressed;
    // Header: Reserved u32, MajorVersion u8, MinorVersion u8, HeapSizes u8, Reserved u8,
    // Valid u64, Sorted u64, then one u32 row count per present table.
    r.skip(4, '#~ Reserved');
    this.majorVersion = r.u8('#~ MajorVersion');
    this.minorVersion = r.u8('#~ MinorVersion');
    this.heapSizes = r.u8('#~ HeapSizes');
    r.skip(1, '#~ Reserved');
    this.valid = r.u64('#~ Valid');
    this.sorted = r.u64('#~ Sorted');
    const rows = new Array<number>(TABLE_COUNT).fill(0);
    for (let i = 0; i < 64; i++) {
      if ((this.valid >> BigInt(i)) & 1n) {
        const n = r.u32('table row count');
        if (i >= TABLE_COUNT) badImage(`unknown metadata table 0x${i.toString(16)} in the Valid mask`, r.fileOffset - 4);
        rows[i] = n;
      }
    }
    // Bit 0x40: an extra 4 bytes follow the row counts (seen in some obfuscated/ENC images).
    if (this.heapSizes & 0x40) r.skip(4, '#~ extra data');

    const stringIndex = this.heapSizes & 0x01 ? 4 : 2;
    const guidIndex = this.heapSizes & 0x02 ? 4 : 2;
    const blobIndex = this.heapSizes & 0x04 ? 4 : 2;
    const tableIndex = (t: Table) => (rows[t]! < 0x10000 ? 2 : 4);
    const codedIndex = (c: CodedIndex) => {
      const limit = 1 << (16 - c.tagBits);
      return c.tables.every(t => t < 0 || rows[t]! < limit) ? 2 : 4;
    };
    const sizeOf = (k: ColumnKind): number => {
      switch (k.kind) {
        case 'u16': return 2;
        case 'u32': return 4;
        case 'string': return stringIndex;
        case 'guid': return guidIndex;
        case 'blob': return blobIndex;
        case 'table': return tableIndex(k.table);
        case 'coded': return codedIndex(k.coded);
      }
    };

    const tables: TableInfo[] = [];
    let offset = r.fileOffset;
    const end = r.start + r.length;
    for (let id = 0; id < TABLE_COUNT; id++) {
      const schema = TABLE_SCHEMAS[id]!;
      const sizes = schema.columns.map(c => sizeOf(c.type));
      const offsets: number[] = [];
      let rowSize = 0;
      for (const s of sizes) {
        offsets.push(rowSize);
        rowSize += s;
      }
      const n = rows[id]!;
      if (n * rowSize > end - offset) badImage(`${schema.name} table: ${n} rows of ${rowSize} bytes run past the end of the #~ stream`, offset);
      tables.push(new TableInfo(r.data, id, n, offset, rowSize, offsets, sizes));
      offset += n * rowSize;
    }
    this.tables = tables;
  }

  table(id: Table): TableInfo {
    return this.tables[id]!;
  }

  rowCount(id: Table): number {
    return this.tables[id]!.rows;
  }

  /** Decodes a coded index value (II.24.2.6); an unused tag is BadImageFormatError. */
  decodeCoded(c: CodedIndex, value: number, where: number): CodedToken {
    const tag = value & ((1 << c.tagBits) - 1);
    const table = c.tables[tag];
    if (table === undefined || table < 0) badImage(`${c.name} coded index has invalid tag ${tag}`, where);
    return { table, row: value >>> c.tagBits };
  }
}
