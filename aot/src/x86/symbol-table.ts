// The assembler's symbols: every name an operand or a label mentions gets a small integer id
// (interned once), and definitions live in int lists indexed by id — no object per symbol,
// one map lookup per mention.

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

export class SymbolTable implements SymbolInterner {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  // Definition of each id; section UNDEFINED while only referred to. `flags`: type index
  // (TYPES) | GLOBAL.
  private readonly section = new IntList();
  private readonly frag = new IntList();
  private readonly at = new IntList();
  private readonly flags = new IntList();
  private readonly endFrag = new IntList();
  private readonly endAt = new IntList();
  /** Ids of defined symbols, in definition order. */
  readonly defined = new IntList();
  // The last name looked up: an instruction mentions its symbol twice (fixup and record).
  private lastName = '';
  private lastId = -1;

  /** SymbolInterner: the id of `name`, creating it on first mention. */
  symbolId(name: string): number {
    if (name === this.lastName) return this.lastId;
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.push(name) - 1;
      this.ids.set(name, id);
      this.section.push(UNDEFINED);
      this.frag.push(0);
      this.at.push(0);
      this.flags.push(0);
      this.endFrag.push(UNDEFINED);
      this.endAt.push(0);
    }
    this.lastName = name;
    this.lastId = id;
    return id;
  }

  symbolName(id: number): string {
    return this.names[id];
  }

  /** The id of a defined symbol, or -1. */
  definedId(name: string): number {
    const id = this.ids.get(name);
    return id !== undefined && this.section.get(id) !== UNDEFINED ? id : -1;
  }

  define(name: string, where: Place, type: SymbolType, global: boolean): number {
    const id = this.symbolId(name);
    if (this.section.get(id) !== UNDEFINED) throw new InternalError(`symbol '${name}' is defined twice`);
    this.section.set(id, where.section);
    this.frag.set(id, where.frag);
    this.at.set(id, where.at);
    this.flags.set(id, TYPES.indexOf(type) | (global ? GLOBAL : 0));
    this.defined.push(id);
    return id;
  }

  end(id: number, where: Place): void {
    const name = this.names[id];
    if (this.section.get(id) !== where.section) throw new InternalError(`endSymbol('${name}'): the symbol is not in the current section`);
    if (this.endFrag.get(id) !== UNDEFINED) throw new InternalError(`endSymbol('${name}') given twice`);
    this.endFrag.set(id, where.frag);
    this.endAt.set(id, where.at);
  }

  isDefined(id: number): boolean {
    return this.section.get(id) !== UNDEFINED;
  }

  sectionOf(id: number): number {
    return this.section.get(id);
  }

  fragOf(id: number): number {
    return this.frag.get(id);
  }

  atOf(id: number): number {
    return this.at.get(id);
  }

  /** The frag where endSymbol was given, or -1 without one. */
  endFragOf(id: number): number {
    return this.endFrag.get(id);
  }

  endAtOf(id: number): number {
    return this.endAt.get(id);
  }

  typeOf(id: number): SymbolType {
    return TYPES[this.flags.get(id) & TYPE_MASK];
  }

  isGlobal(id: number): boolean {
    return (this.flags.get(id) & GLOBAL) !== 0;
  }
}
