// ECMA-335 II.24.2.3-II.24.2.5: the #Strings, #US, #Blob and #GUID heaps. Each heap is a
// bounds-checked window of the file; reads of an index outside the heap throw
// BadImageFormatError. Decoded strings are cached per offset.

import { badImage } from '../errors.ts';
import { ByteReader, utf16 } from '../pe/byte-reader.ts';

export class StringsHeap {
  private readonly cache = new Map<number, string>();
  constructor(private readonly reader: ByteReader | undefined) {}

  get size(): number {
    return this.reader?.length ?? 0;
  }

  /** #Strings: zero-terminated UTF-8 at a byte index; index 0 is the empty string. */
  get(index: number): string {
    if (index === 0) return '';
    let s = this.cache.get(index);
    if (s !== undefined) return s;
    const r = this.reader;
    if (r === undefined || index >= r.length) badImage(`#Strings index 0x${index.toString(16)} outside the heap`, r?.start ?? -1);
    // Most names are ASCII: build those directly, leave the rest to the UTF-8 decoder.
    const d = r.data;
    const end = r.start + r.length;
    let p = r.start + index;
    let ascii = '';
    while (p < end) {
      const b = d[p]!;
      if (b === 0 || b >= 0x80) break;
      ascii += String.fromCharCode(b);
      p++;
    }
    if (p < end && d[p] === 0) s = ascii;
    else {
      r.position = index;
      s = r.zstring(r.length - index, '#Strings entry');
    }
    this.cache.set(index, s);
    return s;
  }
}

export class BlobHeap {
  constructor(private readonly reader: ByteReader | undefined) {}

  get size(): number {
    return this.reader?.length ?? 0;
  }

  /** A reader over the blob at an index (after its compressed length prefix). */
  open(index: number, what = 'blob'): ByteReader {
    const r = this.reader;
    if (r === undefined) {
      if (index === 0) return new ByteReader(new Uint8Array(0));
      return badImage(`${what}: #Blob heap missing`);
    }
    if (index >= r.length) badImage(`${what}: #Blob index 0x${index.toString(16)} outside the heap`, r.start);
    r.position = index;
    const length = r.compressedU32(`${what} length`);
    if (length > r.remaining) badImage(`${what}: blob of ${length} bytes runs past the #Blob heap`, r.start + index);
    return new ByteReader(r.data, r.start + r.position, length);
  }

  get(index: number, what = 'blob'): Uint8Array {
    const b = this.open(index, what);
    return b.bytes(b.length, what);
  }
}

export class UserStringsHeap {
  private readonly cache = new Map<number, string>();
  constructor(private readonly reader: ByteReader | undefined) {}

  get size(): number {
    return this.reader?.length ?? 0;
  }

  /** #US: compressed byte length, UTF-16LE code units, then one flag byte (II.24.2.4). */
  get(index: number): string {
    let s = this.cache.get(index);
    if (s !== undefined) return s;
    const r = this.reader;
    if (r === undefined || index >= r.length) badImage(`#US index 0x${index.toString(16)} outside the heap`, r?.start ?? -1);
    r.position = index;
    const length = r.compressedU32('#US entry length');
    if (length > r.remaining) badImage('#US entry runs past the heap', r.start + index);
    const bytes = r.bytes(length & ~1, '#US entry');
    s = utf16.decode(bytes);
    this.cache.set(index, s);
    return s;
  }
}

export class GuidHeap {
  constructor(private readonly reader: ByteReader | undefined) {}

  get size(): number {
    return this.reader?.length ?? 0;
  }

  /** #GUID: 1-based index of a 16-byte GUID, formatted as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx. */
  get(index: number): string {
    if (index === 0) return '00000000-0000-0000-0000-000000000000';
    const r = this.reader;
    if (r === undefined || index * 16 > r.length) badImage(`#GUID index ${index} outside the heap`, r?.start ?? -1);
    r.position = (index - 1) * 16;
    return formatGuid(r.bytes(16, 'GUID'));
  }
}

/** Formats 16 bytes in the mixed-endian layout of System.Guid. */
export function formatGuid(b: Uint8Array): string {
  const h = (i: number) => b[i]!.toString(16).padStart(2, '0');
  return (
    h(3) + h(2) + h(1) + h(0) + '-' + h(5) + h(4) + '-' + h(7) + h(6) + '-' + h(8) + h(9) + '-' +
    h(10) + h(11) + h(12) + h(13) + h(14) + h(15)
  );
}
