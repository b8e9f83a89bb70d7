// The compact record of emitted instructions that printers (--emit-asm, listings) read back:
// operands packed into int32 slots of a growable Int32Array instead of kept as objects, so a
// million-instruction program holds a few typed arrays rather than millions of objects for
// the garbage collector to trace.
//
// An operand takes 1 to 4 int32s (MAX_SLOTS), the first a head word:
//   reg   head: K_REG | register id << 3
//   imm   head: K_IMM | flags; then the value (as int32); then the symbol id when HAS_SYM
//   mem   head: K_MEM | flags | mem size (bits 8-12) | segment + 1 (bits 13-15, 0 none) |
//         scale log2 (bits 16-17) | HAS_INDEX | HAS_BASE | base id (bits 20-25) |
//         index id (bits 26-31); then the displacement (as int32); then the symbol id
//         when HAS_SYM
//   sym   head: K_SYM; then the symbol id
//   far   head: K_FAR | flags; then the selector, the offset; then the symbol id when HAS_SYM
// Flags: UNSIGNED_VALUE (bit 3: the value/displacement/offset is >= 2^31, read it back
// unsigned), HAS_SYM (bit 4). Only operands that were encoded successfully are recorded:
// values are in range.

import type { MemSize, Operand } from './operands.ts';
import { ALL_REGISTERS, SREG, type Reg32, type Sreg } from './registers.ts';
import { MEM, type Classes } from './operand-class.ts';

const K_REG = 0;
const K_IMM = 1;
const K_MEM = 2;
const K_SYM = 3;
const K_FAR = 4;
const UNSIGNED_VALUE = 1 << 3;
const HAS_SYM = 1 << 4;
const HAS_INDEX = 1 << 18;
const HAS_BASE = 1 << 19;
const BASE_SHIFT = 20;
const INDEX_SHIFT = 26;
const SCALE_LOG2: Record<number, number> = { 1: 0, 2: 1, 4: 2, 8: 3 };
/** The most int32s one operand takes. */
const MAX_SLOTS = 4;

/** Maps symbol names to ids and back. */
export interface SymbolInterner {
  symbolId(name: string): number;
  symbolName(id: number): string;
}

// Each instruction is a record of 2 + operand int32s: INFO = mnemonic id (MnemonicEntry.id)
// << 8 | record length << 4 | size in bytes, then its position (the assembler's meaning, see
// assembler.ts), then its operands. Records follow one another in chunks of int32s, each
// chunk's end marked by END: the stream grows without ever being copied. Records are read
// back in order only.
const R_INFO = 0;
const R_AT = 1;
const R_OPERANDS = 2;
const SIZE_MASK = 15;
const LENGTH_SHIFT = 4;
const MNEMONIC_SHIFT = 8;
/** The longest record: three operands of MAX_SLOTS. */
const MAX_RECORD = R_OPERANDS + 3 * MAX_SLOTS;
const END = -1;
const FIRST_CHUNK = 1 << 10;
const LARGEST_CHUNK = 1 << 16;

export class InsnRecords {
  private readonly chunks: Int32Array[] = [];
  private chunk = new Int32Array(0);
  private used = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  /**
   * Appends one instruction of `size` (0..15) bytes with at most three operands. `classes`
   * are the operands' classes (operand-class.ts): register ids of register operands and of
   * memory bases and indexes.
   */
  push(mnemonic: number, operands: readonly Operand[], classes: Classes, at: number, size: number, symbols: SymbolInterner): void {
    if (this.used + MAX_RECORD + 1 > this.chunk.length) this.nextChunk();
    const d = this.chunk;
    const first = this.used;
    let o = first + R_OPERANDS;
    const cls = classes.cls;
    for (let i = 0; i < operands.length; i++) {
      const op = operands[i];
      const c = cls[i];
      if (c < MEM) {
        // A register: its id is its class.
        d[o++] = K_REG | (c << 3);
      } else if (op.kind === 'mem') {
        let word = K_MEM | (op.disp > 0x7fffffff ? UNSIGNED_VALUE : 0) | (op.size << 8);
        if (op.seg !== undefined) word |= (SREG.indexOf(op.seg) + 1) << 13;
        if (op.base !== undefined) word |= HAS_BASE | (classes.base[i] << BASE_SHIFT);
        if (op.index !== undefined) word |= HAS_INDEX | (SCALE_LOG2[op.scale ?? 1] << 16) | (classes.index[i] << INDEX_SHIFT);
        o = withSym(d, o, word, op.disp, op.sym, symbols);
      } else if (op.kind === 'imm') {
        o = withSym(d, o, K_IMM | (op.value > 0x7fffffff ? UNSIGNED_VALUE : 0), op.value, op.sym, symbols);
      } else if (op.kind === 'sym') {
        d[o] = K_SYM;
        d[o + 1] = symbols.symbolId(op.name);
        o += 2;
      } else if (op.kind === 'far') {
        d[o++] = K_FAR | (op.offset > 0x7fffffff ? UNSIGNED_VALUE : 0) | (op.sym === undefined ? 0 : HAS_SYM);
        d[o++] = op.selector;
        d[o++] = op.offset;
        if (op.sym !== undefined) d[o++] = symbols.symbolId(op.sym);
      }
    }
    d[first + R_INFO] = (mnemonic << MNEMONIC_SHIFT) | ((o - first) << LENGTH_SHIFT) | size;
    d[first + R_AT] = at;
    d[o] = END;
    this.used = o;
    this.count++;
  }

  private nextChunk(): void {
    this.chunk = new Int32Array(Math.min(LARGEST_CHUNK, Math.max(FIRST_CHUNK, this.chunk.length * 2)));
    this.chunks.push(this.chunk);
    this.used = 0;
  }

  /**
   * Final offset and size of every instruction, given where the frags went: the frags'
   * fixed-stream `start` and `fixSize`, their final `address` and `tailSize` (relax.ts).
   */
  place(start: Int32Array, fixSize: Int32Array, address: Int32Array, tailSize: Int32Array): { offsets: Int32Array; sizes: Int32Array } {
    const offsets = new Int32Array(this.count);
    const sizes = new Int32Array(this.count);
    let i = 0;
    let f = 0;
    for (const d of this.chunks) {
      for (let r = 0; d[r] !== END; r += (d[r] >>> LENGTH_SHIFT) & SIZE_MASK, i++) {
        const at = d[r + R_AT];
        if (at < 0) {
          // A relaxed branch: the tail of frag -1 - at.
          offsets[i] = address[-1 - at] + fixSize[-1 - at];
          sizes[i] = tailSize[-1 - at];
        } else {
          while (start[f] + fixSize[f] <= at) f++;
          offsets[i] = address[f] + (at - start[f]);
          sizes[i] = d[r + R_INFO] & SIZE_MASK;
        }
      }
    }
    return { offsets, sizes };
  }

  /** Calls `visit` with the mnemonic id and operands (rebuilt as objects) of each instruction, in order. */
  forEach(symbols: SymbolInterner, visit: (mnemonic: number, operands: Operand[]) => void): void {
    for (const d of this.chunks) {
      for (let r = 0; d[r] !== END; r += (d[r] >>> LENGTH_SHIFT) & SIZE_MASK) {
        visit(d[r] >>> MNEMONIC_SHIFT, decode(d, r + R_OPERANDS, r + ((d[r] >>> LENGTH_SHIFT) & SIZE_MASK), symbols));
      }
    }
  }
}

/** Writes head word `word`, `value` and the id of `sym` when there is one; returns the next slot. */
function withSym(d: Int32Array, o: number, word: number, value: number, sym: string | undefined, symbols: SymbolInterner): number {
  if (sym === undefined) {
    d[o] = word;
    d[o + 1] = value;
    return o + 2;
  }
  d[o] = word | HAS_SYM;
  d[o + 1] = value;
  d[o + 2] = symbols.symbolId(sym);
  return o + 3;
}

/** The operands whose words are d[start, end), rebuilt as objects. */
function decode(d: Int32Array, start: number, end: number, symbols: SymbolInterner): Operand[] {
  const out: Operand[] = [];
  for (let o = start; o < end; ) {
    const head = d[o++];
    const kind = head & 7;
    if (kind === K_REG) {
      out.push({ kind: 'reg', reg: ALL_REGISTERS[head >>> 3] });
      continue;
    }
    if (kind === K_SYM) {
      out.push({ kind: 'sym', name: symbols.symbolName(d[o++]) });
      continue;
    }
    const selector = kind === K_FAR ? d[o++] : 0;
    const value = head & UNSIGNED_VALUE ? d[o++] >>> 0 : d[o++];
    const sym = head & HAS_SYM ? symbols.symbolName(d[o++]) : undefined;
    switch (kind) {
      case K_IMM:
        out.push(sym === undefined ? { kind: 'imm', value } : { kind: 'imm', value, sym });
        break;
      case K_MEM: {
        const seg = (head >>> 13) & 7;
        out.push({
          kind: 'mem',
          size: ((head >>> 8) & 31) as MemSize,
          ...(head & HAS_BASE ? { base: ALL_REGISTERS[(head >>> BASE_SHIFT) & 63] as Reg32 } : {}),
          ...(head & HAS_INDEX ? { index: ALL_REGISTERS[head >>> INDEX_SHIFT] as Reg32, scale: (1 << ((head >>> 16) & 3)) as 1 | 2 | 4 | 8 } : {}),
          disp: value,
          ...(sym === undefined ? {} : { sym }),
          ...(seg ? { seg: SREG[seg - 1] as Sreg } : {}),
        });
        break;
      }
      case K_FAR:
        out.push(sym === undefined ? { kind: 'far', selector, offset: value } : { kind: 'far', selector, offset: value, sym });
        break;
    }
  }
  return out;
}
