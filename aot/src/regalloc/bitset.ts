// Fixed-size bit sets over small integers, for liveness sets (one bit per value).

export class BitSet {
  readonly words: Uint32Array;

  constructor(readonly size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }

  has(i: number): boolean {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  add(i: number): void {
    this.words[i >>> 5] |= 1 << (i & 31);
  }

  delete(i: number): void {
    this.words[i >>> 5] &= ~(1 << (i & 31));
  }

  /** this |= other; returns true if this changed. */
  unionWith(other: BitSet): boolean {
    let changed = false;
    const a = this.words;
    const b = other.words;
    for (let w = 0; w < a.length; w++) {
      const v = (a[w] | b[w]) >>> 0;
      if (v !== a[w]) {
        a[w] = v;
        changed = true;
      }
    }
    return changed;
  }

  /** this &= other; returns true if this changed. */
  intersectWith(other: BitSet): boolean {
    let changed = false;
    const a = this.words;
    const b = other.words;
    for (let w = 0; w < a.length; w++) {
      const v = (a[w] & b[w]) >>> 0;
      if (v !== a[w]) {
        a[w] = v;
        changed = true;
      }
    }
    return changed;
  }

  fill(): void {
    this.words.fill(0xffffffff);
  }

  copyFrom(other: BitSet): void {
    this.words.set(other.words);
  }

  /** this = gen | (out & ~kill); returns true if this changed. */
  assignTransfer(gen: BitSet, out: BitSet, kill: BitSet): boolean {
    let changed = false;
    const a = this.words;
    for (let w = 0; w < a.length; w++) {
      const v = (gen.words[w] | (out.words[w] & ~kill.words[w])) >>> 0;
      if (v !== a[w]) {
        a[w] = v;
        changed = true;
      }
    }
    return changed;
  }

  /** Visits the members in increasing order. */
  forEach(visit: (i: number) => void): void {
    const a = this.words;
    for (let w = 0; w < a.length; w++) {
      let bits = a[w];
      while (bits !== 0) {
        const low = bits & -bits;
        visit((w << 5) + 31 - Math.clz32(low));
        bits ^= low;
      }
    }
  }

  toArray(): number[] {
    const out: number[] = [];
    this.forEach(i => out.push(i));
    return out;
  }
}
