// A growable list of int32 values in a typed array: the assembler's per-item records (frags,
// fixups, directives, symbols) live off the JavaScript heap, so the garbage collector neither
// traces nor copies them however large a program grows.

export class IntList {
  private a: Int32Array<ArrayBuffer>;
  private n = 0;

  constructor(capacity = 256) {
    this.a = new Int32Array(capacity);
  }

  get length(): number {
    return this.n;
  }

  push(v: number): number {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n] = v;
    return this.n++;
  }

  get(i: number): number {
    return this.a[i];
  }

  set(i: number, v: number): void {
    this.a[i] = v;
  }

  /** The values, as a view valid until the next push. */
  view(): Int32Array {
    return this.a.subarray(0, this.n);
  }
}
