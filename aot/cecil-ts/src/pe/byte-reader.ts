// Bounds-checked little-endian reading over a window of the file. Every read past the
// window's end throws BadImageFormatError naming what was being read and the file offset,
// so malformed input never surfaces as a RangeError.

import { badImage } from '../errors.ts';

export class ByteReader {
  /** Created on the first float or 64-bit read; integer reads work on the bytes directly. */
  private viewCache: DataView | undefined;
  /** Position relative to `start`. */
  position = 0;

  /**
   * @param data  the whole file
   * @param start window start (file offset)
   * @param length window length in bytes
   */
  constructor(
    readonly data: Uint8Array,
    readonly start = 0,
    readonly length = data.length - start,
  ) {
    // Data that should be there but is not: the file ends first. Report where it ends.
    if (start < 0 || length < 0 || start + length > data.length) badImage(`truncated: expected ${length} bytes at file offset 0x${start.toString(16)}, but the file has ${data.length}`, Math.min(Math.max(start, 0), data.length));
  }

  private get view(): DataView {
    return (this.viewCache ??= new DataView(this.data.buffer, this.data.byteOffset, this.data.byteLength));
  }

  get fileOffset(): number {
    return this.start + this.position;
  }

  get remaining(): number {
    return this.length - this.position;
  }

  private need(n: number, what: string): number {
    const p = this.position;
    if (p < 0 || p + n > this.length) badImage(`truncated: expected ${what} (${n} bytes)`, this.start + p);
    this.position = p + n;
    return this.start + p;
  }

  seek(position: number, what: string): void {
    if (position < 0 || position > this.length) badImage(`${what}: offset ${position} outside a ${this.length}-byte region`, this.start);
    this.position = position;
  }

  skip(n: number, what: string): void {
    this.need(n, what);
  }

  u8(what = 'a byte'): number {
    return this.data[this.need(1, what)]!;
  }

  i8(what = 'a byte'): number {
    return (this.data[this.need(1, what)]! << 24) >> 24;
  }

  u16(what = 'a 16-bit value'): number {
    const p = this.need(2, what);
    const d = this.data;
    return d[p]! | (d[p + 1]! << 8);
  }

  i16(what = 'a 16-bit value'): number {
    return (this.u16(what) << 16) >> 16;
  }

  u32(what = 'a 32-bit value'): number {
    return this.i32(what) >>> 0;
  }

  i32(what = 'a 32-bit value'): number {
    const p = this.need(4, what);
    const d = this.data;
    return d[p]! | (d[p + 1]! << 8) | (d[p + 2]! << 16) | (d[p + 3]! << 24);
  }

  i64(what = 'a 64-bit value'): bigint {
    return this.view.getBigInt64(this.need(8, what), true);
  }

  u64(what = 'a 64-bit value'): bigint {
    return this.view.getBigUint64(this.need(8, what), true);
  }

  f32(what = 'a float32'): number {
    return this.view.getFloat32(this.need(4, what), true);
  }

  f64(what = 'a float64'): number {
    return this.view.getFloat64(this.need(8, what), true);
  }

  bytes(n: number, what = 'bytes'): Uint8Array {
    const at = this.need(n, what);
    return this.data.subarray(at, at + n);
  }

  /** ECMA-335 II.23.2 compressed unsigned integer (1, 2 or 4 bytes). */
  compressedU32(what = 'a compressed integer'): number {
    const b0 = this.u8(what);
    if ((b0 & 0x80) === 0) return b0;
    if ((b0 & 0xc0) === 0x80) return ((b0 & 0x3f) << 8) | this.u8(what);
    if ((b0 & 0xe0) === 0xc0) return (((b0 & 0x1f) << 24) | (this.u8(what) << 16) | (this.u8(what) << 8) | this.u8(what)) >>> 0;
    return badImage(`invalid compressed integer lead byte 0x${b0.toString(16)} for ${what}`, this.fileOffset - 1);
  }

  /** ECMA-335 II.23.2 compressed signed integer (rotated sign bit). */
  compressedI32(what = 'a compressed signed integer'): number {
    const at = this.position;
    const b0 = this.u8(what);
    this.position = at;
    const u = this.compressedU32(what);
    const negative = (u & 1) !== 0;
    const v = u >>> 1;
    if (!negative) return v;
    if ((b0 & 0x80) === 0) return v - 0x40;
    if ((b0 & 0xc0) === 0x80) return v - 0x2000;
    return v - 0x10000000;
  }

  /** A zero-terminated UTF-8 string of at most `max` bytes (terminator excluded). */
  zstring(max: number, what = 'a string'): string {
    const from = this.position;
    const limit = Math.min(this.length, from + max + 1);
    let p = from;
    while (p < limit && this.data[this.start + p] !== 0) p++;
    if (p >= limit) badImage(`unterminated ${what}`, this.start + from);
    this.position = p + 1;
    return utf8.decode(this.data.subarray(this.start + from, this.start + p));
  }

  /** A fixed-size, zero-padded ASCII field (section names, stream names). */
  paddedAscii(n: number, what: string): string {
    const b = this.bytes(n, what);
    let end = b.indexOf(0);
    if (end < 0) end = n;
    return latin1.decode(b.subarray(0, end));
  }
}

export const utf8 = new TextDecoder('utf-8');
export const utf16 = new TextDecoder('utf-16le');
const latin1 = new TextDecoder('latin1');
