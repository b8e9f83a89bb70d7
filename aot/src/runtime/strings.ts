// String literals: each distinct ldstr value becomes a preallocated string object in
// .rdata with the layout of runtime/layout.ts: [String type info][length][UTF-16 chars]
// plus a terminating zero char (not counted) for debugging convenience.

import type { Assembler } from '../x86/assembler.ts';

export class StringLiterals {
  private readonly symbols = new Map<string, string>();

  /** The symbol of the string object holding `value`. */
  symbol(value: string): string {
    let s = this.symbols.get(value);
    if (s === undefined) {
      s = `.Lstr${this.symbols.size}`;
      this.symbols.set(value, s);
    }
    return s;
  }

  get count(): number {
    return this.symbols.size;
  }

  /** Emits every literal requested so far, in request order. */
  emit(asm: Assembler, stringTypeInfo: string): void {
    asm.section('.rdata');
    for (const [value, sym] of this.symbols) {
      asm.align(4);
      asm.label(sym);
      asm.addr32(stringTypeInfo);
      asm.u32(value.length);
      const chars = new Uint8Array(value.length * 2 + 2);
      const view = new DataView(chars.buffer);
      for (let i = 0; i < value.length; i++) view.setUint16(i * 2, value.charCodeAt(i), true);
      asm.bytes(chars);
    }
  }
}
