// The assembler's symbols: every name an operand or a label mentions gets a small integer id
// (interned once), and definitions live in int lists indexed by id — no object per symbol.
//
// Names are interned in an open-addressing hash table of int32s (FNV-1a over the UTF-16
// code units, linear probing) rather than a Map: a large program has hundreds of thousands
// of labels, and a Map's insertions and rehashes cost several times more than this table's.

import { IntList } from './int-list.ts';
import type { SymbolInterner } from './insn-record.ts';
import { InternalError } from '../util/assert.ts';

export type SymbolType = 'function' | 'object' | 'notype';
const TYPES: readonly SymbolType[] = ['notype', 'function', 'object'];

/** Where a definition or a symbol's end lies: section index, frag, fixed-stream offset. */
export interface Place {
  readonly section: number;
  readonly frag: number;
  readonly at: number;
}

const UNDEFINED = -1;
const TYPE_MASK = 3;
const GLOBAL = 4;

/** FNV-1a hash of a string's code units. */
function hashOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h;
}

// Fields of a symbol's record, STRIDE int32s per id. SECTION is UNDEFINED while the symbol
// is only referred to; FLAGS holds the type index (TYPES) | GLOBAL.
const STRIDE = 7;
const SECTION = 0;
const FRAG = 1;
const AT = 2;
const FLAGS = 3;
const END_FRAG = 4;
const END_AT = 5;
const HASH = 6;

/** Entries of the cache of recently mentioned names (a power of two). */
const RECENT = 1024;

export class SymbolTable implements SymbolInterner {
  private readonly names: string[] = [];
  private rec = new Int32Array(STRIDE * 1024);
  /** The hash table: pairs (hash, id + 1), id + 1 = 0 when empty; a power of two of pairs. */
  private slots = new Int32Array(2 * 2048);
  // A direct-mapped cache of recent names by hash: code refers mostly to the labels of the
  // function being emitted, and this stays in the CPU cache where the table does not.
  private readonly recentName: string[] = new Array<string>(RECENT).fill('');
  private readonly recentId = new Int32Array(RECENT);
  /** Ids of defined symbols, in definition order. */
  readonly defined = new IntList();
  // The last name looked up: an instruction mentions its symbol twice (fixup and record).
  private lastName = '';
  private lastId = -1;

  /** SymbolInterner: the id of `name`, creating it on first mention. */
  symbolId(name: string): number {
    if (name === this.lastName) return this.lastId;
    const hash = hashOf(name);
    const r = hash & (RECENT - 1);
    let id: number;
    if (this.recentName[r] === name) id = this.recentId[r];
    else {
      id = this.find(name, hash);
      if (id < 0) id = this.add(name, hash, -1 - id);
      this.recentName[r] = name;
      this.recentId[r] = id;
    }
    this.lastName = name;
    this.lastId = id;
    return id;
  }

  /** The id of `name` (hash `hash`), or -1 - the empty pair where it would go. */
  private find(name: string, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 2;
    for (let i = (hash << 1) & mask; ; i = (i + 2) & mask) {
      const id = slots[i + 1] - 1;
      if (id < 0) return -1 - i;
      if (slots[i] === hash && this.names[id] === name) return id;
    }
  }

  /** A new symbol `name`, entered at pair `at` of the hash table. */
  private add(name: string, hash: number, at: number): number {
    const id = this.names.push(name) - 1;
    const o = id * STRIDE;
    if (o + STRIDE > this.rec.length) {
      const rec = new Int32Array(this.rec.length * 2);
      rec.set(this.rec);
      this.rec = rec;
    }
    this.rec[o + SECTION] = UNDEFINED;
    this.rec[o + END_FRAG] = UNDEFINED;
    this.rec[o + HASH] = hash;
    this.slots[at] = hash;
    this.slots[at + 1] = id + 1;
    // At most half full.
    if (this.names.length * 4 > this.slots.length) this.rehash();
    return id;
  }

  /** Doubles the hash table. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 2;
    for (let id = 0; id < this.names.length; id++) {
      const hash = this.rec[id * STRIDE + HASH];
      let i = (hash << 1) & mask;
      while (slots[i + 1] !== 0) i = (i + 2) & mask;
      slots[i] = hash;
      slots[i + 1] = id + 1;
    }
    this.slots = slots;
  }

  /** Number of ids given out. */
  get count(): number {
    return this.names.length;
  }

  symbolName(id: number): string {
    return this.names[id];
  }

  /** The id of a defined symbol, or -1. */
  definedId(name: string): number {
    const id = this.find(name, hashOf(name));
    return id >= 0 && this.isDefined(id) ? id : -1;
  }

  define(name: string, where: Place, type: SymbolType, global: boolean): number {
    const id = this.symbolId(name);
    const o = id * STRIDE;
    if (this.rec[o + SECTION] !== UNDEFINED) throw new InternalError(`symbol '${name}' is defined twice`);
    this.rec[o + SECTION] = where.section;
    this.rec[o + FRAG] = where.frag;
    this.rec[o + AT] = where.at;
    this.rec[o + FLAGS] = TYPES.indexOf(type) | (global ? GLOBAL : 0);
    this.defined.push(id);
    return id;
  }

  end(id: number, where: Place): void {
    const name = this.names[id];
    const o = id * STRIDE;
    if (this.rec[o + SECTION] !== where.section) throw new InternalError(`endSymbol('${name}'): the symbol is not in the current section`);
    if (this.rec[o + END_FRAG] !== UNDEFINED) throw new InternalError(`endSymbol('${name}') given twice`);
    this.rec[o + END_FRAG] = where.frag;
    this.rec[o + END_AT] = where.at;
  }

  isDefined(id: number): boolean {
    return this.rec[id * STRIDE + SECTION] !== UNDEFINED;
  }

  sectionOf(id: number): number {
    return this.rec[id * STRIDE + SECTION];
  }

  fragOf(id: number): number {
    return this.rec[id * STRIDE + FRAG];
  }

  atOf(id: number): number {
    return this.rec[id * STRIDE + AT];
  }

  /** The frag where endSymbol was given, or -1 without one. */
  endFragOf(id: number): number {
    return this.rec[id * STRIDE + END_FRAG];
  }

  endAtOf(id: number): number {
    return this.rec[id * STRIDE + END_AT];
  }

  typeOf(id: number): SymbolType {
    return TYPES[this.rec[id * STRIDE + FLAGS] & TYPE_MASK];
  }

  isGlobal(id: number): boolean {
    return (this.rec[id * STRIDE + FLAGS] & GLOBAL) !== 0;
  }
}
