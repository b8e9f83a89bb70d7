// Rewrites an assembly's metadata into the uncompressed "#-" form with FieldPtr,
// MethodPtr and ParamPtr tables (ECMA-335 II.24.2.6), to test the indirection paths.
// The Ptr tables list each type's fields and methods, and each method's parameters, in
// reverse order, so a reader that ignores them sees a different order. Tokens and every
// other row stay as they are; the new metadata goes into a new section ".meta2" at the end
// of the file and the CLI header points at it.

import { readAssembly, Table } from '../../src/index.ts';

const align = (n: number, a: number) => Math.ceil(n / a) * a;

export function toUncompressed(original: Uint8Array): Uint8Array {
  const m = readAssembly(original).mainModule;
  const image = m.image;
  const pe = image.pe;
  const tables = image.tables;
  const view = new DataView(original.buffer, original.byteOffset, original.byteLength);
  const rootOffset = pe.rvaToOffset(pe.cliHeader.metadata.rva);

  // Ptr tables: the rows of each owner's run, reversed.
  const reversedRuns = (owner: Table, col: number, target: Table): number[] => {
    const info = tables.table(owner);
    const count = tables.rowCount(target);
    const out: number[] = [];
    for (let r = 1; r <= info.rows; r++) {
      const start = info.get(r, col);
      const end = r < info.rows ? info.get(r + 1, col) : count + 1;
      for (let i = end - 1; i >= start; i--) out.push(i);
    }
    return out;
  };
  const ptrs = new Map<Table, number[]>([
    [Table.FieldPtr, reversedRuns(Table.TypeDef, 4, Table.Field)],
    [Table.MethodPtr, reversedRuns(Table.TypeDef, 5, Table.MethodDef)],
    [Table.ParamPtr, reversedRuns(Table.MethodDef, 5, Table.Param)],
  ]);
  const ptrTarget: Record<number, Table> = { [Table.FieldPtr]: Table.Field, [Table.MethodPtr]: Table.MethodDef, [Table.ParamPtr]: Table.Param };

  // The #- stream: the #~ header with the Ptr tables added to Valid, row counts, rows.
  const old = image.streams.find(s => s.name === '#~')!;
  const oldStart = rootOffset + old.offset;
  const valid = tables.valid | (1n << 3n) | (1n << 5n) | (1n << 7n);
  const parts: number[] = [];
  const u32 = (v: number) => parts.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (let i = 0; i < 8; i++) parts.push(original[oldStart + i]!); // Reserved, versions, HeapSizes, Reserved
  for (let i = 0n; i < 64n; i += 8n) parts.push(Number((valid >> i) & 0xffn));
  for (let i = 0; i < 8; i++) parts.push(original[oldStart + 16 + i]!); // Sorted
  for (let id = 0; id < 64; id++) if ((valid >> BigInt(id)) & 1n) u32(ptrs.get(id)?.length ?? tables.rowCount(id));
  if (tables.heapSizes & 0x40) throw new Error('extra data in #~ is not handled');
  for (let id = 0; id < 0x2d; id++) {
    const ptr = ptrs.get(id);
    if (ptr !== undefined) {
      const wide = tables.rowCount(ptrTarget[id]!) >= 0x10000;
      for (const row of ptr) {
        parts.push(row & 0xff, (row >>> 8) & 0xff);
        if (wide) parts.push((row >>> 16) & 0xff, row >>> 24);
      }
      continue;
    }
    const info = tables.table(id);
    for (let i = 0; i < info.rows * info.rowSize; i++) parts.push(original[info.offset + i]!);
  }
  const tablesStream = Uint8Array.from(parts);

  // Metadata root: the original header up to the stream count, then the stream headers.
  const versionLength = view.getUint32(rootOffset + 12, true);
  const fixedLength = 16 + versionLength + 4;
  const streams = image.streams.map(s => ({
    name: s.name === '#~' ? '#-' : s.name,
    bytes: s.name === '#~' ? tablesStream : original.subarray(rootOffset + s.offset, rootOffset + s.offset + s.size),
  }));
  const headerLength = fixedLength + streams.reduce((n, s) => n + 8 + align(s.name.length + 1, 4), 0);
  let offset = align(headerLength, 4);
  const placed = streams.map(s => {
    const at = offset;
    offset = align(offset + s.bytes.length, 4);
    return { ...s, at };
  });
  const metadata = new Uint8Array(offset);
  const mv = new DataView(metadata.buffer);
  metadata.set(original.subarray(rootOffset, rootOffset + fixedLength));
  mv.setUint16(fixedLength - 2, streams.length, true);
  let p = fixedLength;
  for (const s of placed) {
    mv.setUint32(p, s.at, true);
    mv.setUint32(p + 4, s.bytes.length, true);
    for (let i = 0; i < s.name.length; i++) metadata[p + 8 + i] = s.name.charCodeAt(i);
    p += 8 + align(s.name.length + 1, 4);
    metadata.set(s.bytes, s.at);
  }

  // A new section for it, after the last one.
  const peOffset = view.getUint32(0x3c, true);
  const sizeOfOptionalHeader = view.getUint16(peOffset + 20, true);
  const sectionTable = peOffset + 24 + sizeOfOptionalHeader;
  const count = pe.sections.length;
  const headerAt = sectionTable + count * 40;
  if (headerAt + 40 > Math.min(...pe.sections.map(s => s.pointerToRawData))) throw new Error('no room for another section header');
  const last = pe.sections.reduce((a, b) => (b.virtualAddress > a.virtualAddress ? b : a));
  const rva = align(last.virtualAddress + Math.max(last.virtualSize, last.sizeOfRawData), pe.headers.sectionAlignment);
  const rawAt = align(original.length, pe.headers.fileAlignment);
  const rawSize = align(metadata.length, pe.headers.fileAlignment);
  const out = new Uint8Array(rawAt + rawSize);
  out.set(original);
  out.set(metadata, rawAt);
  const ov = new DataView(out.buffer);
  '.meta2'.split('').forEach((c, i) => (out[headerAt + i] = c.charCodeAt(0)));
  ov.setUint32(headerAt + 8, metadata.length, true); // VirtualSize
  ov.setUint32(headerAt + 12, rva, true); // VirtualAddress
  ov.setUint32(headerAt + 16, rawSize, true); // SizeOfRawData
  ov.setUint32(headerAt + 20, rawAt, true); // PointerToRawData
  ov.setUint32(headerAt + 36, 0x40000040, true); // Characteristics: initialized data, readable
  ov.setUint16(peOffset + 6, count + 1, true); // NumberOfSections
  ov.setUint32(peOffset + 24 + 56, align(rva + metadata.length, pe.headers.sectionAlignment), true); // SizeOfImage
  const cli = pe.rvaToOffset(pe.headers.dataDirectories[14]!.rva);
  ov.setUint32(cli + 8, rva, true); // MetaData RVA
  ov.setUint32(cli + 12, metadata.length, true); // MetaData Size
  return out;
}
