// A growable little-endian byte buffer: the encoder appends instructions to it and the
// assembler patches fields in it. Capacity doubles, so appending is amortised O(1).

export class ByteBuffer {
  private buf: Uint8Array;
  private len = 0;

  constructor(initialCapacity = 4096) {
    this.buf = new Uint8Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.len;
  }

  u8(v: number): void {
    if (this.len === this.buf.length) this.grow(1);
    this.buf[this.len++] = v;
  }

  u16(v: number): void {
    if (this.len + 2 > this.buf.length) this.grow(2);
    const b = this.buf;
    b[this.len++] = v;
    b[this.len++] = v >>> 8;
  }

  u32(v: number): void {
    if (this.len + 4 > this.buf.length) this.grow(4);
    const b = this.buf;
    b[this.len++] = v;
    b[this.len++] = v >>> 8;
    b[this.len++] = v >>> 16;
    b[this.len++] = v >>> 24;
  }

  bytes(src: Uint8Array): void {
    if (this.len + src.length > this.buf.length) this.grow(src.length);
    this.buf.set(src, this.len);
    this.len += src.length;
  }

  /**
   * Room for `n` more bytes: returns the backing array, to be written from `length` on by
   * the caller, who then calls commit() with the new length. For the encoder's hot path.
   */
  room(n: number): Uint8Array {
    if (this.len + n > this.buf.length) this.grow(n);
    return this.buf;
  }

  commit(length: number): void {
    this.len = length;
  }

  /** Overwrites the 32-bit field at `at`, which must already be written. */
  patch32(at: number, v: number): void {
    const b = this.buf;
    b[at] = v;
    b[at + 1] = v >>> 8;
    b[at + 2] = v >>> 16;
    b[at + 3] = v >>> 24;
  }

  /** A view of bytes [start, end); valid until the next append. */
  view(start = 0, end = this.len): Uint8Array {
    return this.buf.subarray(start, end);
  }

  /** A copy of the contents. */
  toBytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  private grow(extra: number): void {
    let cap = this.buf.length * 2;
    while (cap < this.len + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
}
