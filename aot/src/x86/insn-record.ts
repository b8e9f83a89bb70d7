// The compact record of emitted instructions that printers (--emit-asm, listings) read back:
// operands packed into int32 slots of a growable Int32Array instead of kept as objects, so a
// million-instruction program holds a few typed arrays rather than millions of objects for
// the garbage collector to trace.
//
// Every operand takes SLOTS int32s:
//   slot 0  kind (bits 0-2) | flags: UNSIGNED_VALUE (bit 3: slot 2 holds a value >= 2^31,
//           read it back unsigned) | mem size (bits 8-12) | mem segment + 1 (bits 13-15, 0
//           none) | mem scale log2 (bits 16-17) | mem has index (bit 18) | mem has base (bit 19)
//   slot 1  reg: register id | mem: base id | (index id << 8) | far: selector
//   slot 2  imm value | mem displacement | far offset            (as int32)
//   slot 3  symbol id (an index into the assembler's symbol names) or -1; unused for reg
// Only operands that were encoded successfully are recorded: values are in range.

import type { MemSize, Operand } from './operands.ts';
import { ALL_REGISTERS, SREG, type Reg32, type Sreg } from './registers.ts';
import { MEM, type Classes } from './operand-class.ts';

export const SLOTS = 4;

const K_REG = 0;
const K_IMM = 1;
const K_MEM = 2;
const K_SYM = 3;
const K_FAR = 4;
const UNSIGNED_VALUE = 1 << 3;
const HAS_INDEX = 1 << 18;
const HAS_BASE = 1 << 19;
const SCALE_LOG2: Record<number, number> = { 1: 0, 2: 1, 4: 2, 8: 3 };

/** Maps symbol names to ids and back. */
export interface SymbolInterner {
  symbolId(name: string): number;
  symbolName(id: number): string;
}

// Per-instruction header, HEADER int32s: mnemonic id (MnemonicEntry.id), position and size
// (the assembler's meaning, see assembler.ts), and the first operand slot in `data`.
const HEADER = 4;
const H_MNEMONIC = 0;
const H_AT = 1;
const H_SIZE = 2;
const H_START = 3;

export class InsnRecords {
  private data: Int32Array<ArrayBuffer> = new Int32Array(1 << 14);
  private used = 0;
  /** Headers; one more than `count`, whose H_START ends the last instruction's operands. */
  private head: Int32Array<ArrayBuffer> = new Int32Array(1 << 14);
  private count = 0;

  get length(): number {
    return this.count;
  }

  mnemonicOf(i: number): number {
    return this.head[i * HEADER + H_MNEMONIC];
  }

  atOf(i: number): number {
    return this.head[i * HEADER + H_AT];
  }

  sizeOf(i: number): number {
    return this.head[i * HEADER + H_SIZE];
  }

  /**
   * Appends one instruction. `classes` are the operands' classes (operand-class.ts): register
   * ids of register operands and of memory bases and indexes.
   */
  push(mnemonic: number, operands: readonly Operand[], classes: Classes, at: number, size: number, symbols: SymbolInterner): void {
    let h = this.count * HEADER;
    if (h + 2 * HEADER > this.head.length) this.head = grow(this.head, h + 2 * HEADER);
    const head = this.head;
    head[h + H_MNEMONIC] = mnemonic;
    head[h + H_AT] = at;
    head[h + H_SIZE] = size;
    head[h + H_START] = this.used;
    const need = this.used + operands.length * SLOTS;
    if (need > this.data.length) this.data = grow(this.data, need);
    const d = this.data;
    let o = this.used;
    const cls = classes.cls;
    for (let i = 0; i < operands.length; i++, o += SLOTS) {
      const op = operands[i];
      const c = cls[i];
      if (c < MEM) {
        // A register: its id is its class.
        d[o] = K_REG;
        d[o + 1] = c;
      } else if (op.kind === 'mem') {
        let word = K_MEM | (op.disp > 0x7fffffff ? UNSIGNED_VALUE : 0) | (op.size << 8);
        if (op.seg !== undefined) word |= (SREG.indexOf(op.seg) + 1) << 13;
        let regs = 0;
        if (op.base !== undefined) {
          word |= HAS_BASE;
          regs = classes.base[i];
        }
        if (op.index !== undefined) {
          word |= HAS_INDEX | (SCALE_LOG2[op.scale ?? 1] << 16);
          regs |= classes.index[i] << 8;
        }
        d[o] = word;
        d[o + 1] = regs;
        d[o + 2] = op.disp;
        d[o + 3] = op.sym === undefined ? -1 : symbols.symbolId(op.sym);
      } else if (op.kind === 'imm') {
        d[o] = K_IMM | (op.value > 0x7fffffff ? UNSIGNED_VALUE : 0);
        d[o + 2] = op.value;
        d[o + 3] = op.sym === undefined ? -1 : symbols.symbolId(op.sym);
      } else if (op.kind === 'sym') {
        d[o] = K_SYM;
        d[o + 3] = symbols.symbolId(op.name);
      } else if (op.kind === 'far') {
        d[o] = K_FAR | (op.offset > 0x7fffffff ? UNSIGNED_VALUE : 0);
        d[o + 1] = op.selector;
        d[o + 2] = op.offset;
        d[o + 3] = op.sym === undefined ? -1 : symbols.symbolId(op.sym);
      }
    }
    this.used = o;
    h += HEADER;
    head[h + H_START] = o;
    this.count++;
  }

  /** The operands of instruction `i`, rebuilt as objects. */
  operands(i: number, symbols: SymbolInterner): Operand[] {
    const d = this.data;
    const out: Operand[] = [];
    const end = this.head[(i + 1) * HEADER + H_START];
    for (let o = this.head[i * HEADER + H_START]; o < end; o += SLOTS) {
      const head = d[o];
      if ((head & 7) === K_REG) {
        out.push({ kind: 'reg', reg: ALL_REGISTERS[d[o + 1]] });
        continue;
      }
      const value = head & UNSIGNED_VALUE ? d[o + 2] >>> 0 : d[o + 2];
      const sym = d[o + 3] < 0 ? undefined : symbols.symbolName(d[o + 3]);
      switch (head & 7) {
        case K_IMM:
          out.push(sym === undefined ? { kind: 'imm', value } : { kind: 'imm', value, sym });
          break;
        case K_MEM: {
          const seg = (head >>> 13) & 7;
          out.push({
            kind: 'mem',
            size: ((head >>> 8) & 31) as MemSize,
            ...(head & HAS_BASE ? { base: ALL_REGISTERS[d[o + 1] & 0xff] as Reg32 } : {}),
            ...(head & HAS_INDEX ? { index: ALL_REGISTERS[(d[o + 1] >>> 8) & 0xff] as Reg32, scale: (1 << ((head >>> 16) & 3)) as 1 | 2 | 4 | 8 } : {}),
            disp: value,
            ...(sym === undefined ? {} : { sym }),
            ...(seg ? { seg: SREG[seg - 1] as Sreg } : {}),
          });
          break;
        }
        case K_SYM:
          out.push({ kind: 'sym', name: sym! });
          break;
        case K_FAR:
          out.push(sym === undefined ? { kind: 'far', selector: d[o + 1], offset: value } : { kind: 'far', selector: d[o + 1], offset: value, sym });
          break;
      }
    }
    return out;
  }
}

function grow(a: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> {
  let n = a.length * 2;
  while (n < min) n *= 2;
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
