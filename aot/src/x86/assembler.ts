// The assembler buffer: sections, symbols, labels, fixups and branch relaxation.
//
// Instructions are encoded as they are emitted, into the current section's byte buffer.
// Everything whose size depends on addresses — a jmp/jcc to a label (rel8 or rel32) and a
// code alignment — closes the current frag and becomes its variable tail; layout() sizes the
// tails the way GNU as does (relax.ts) and assembles the final section bytes. Addresses of
// symbols (absolute data/immediate fields, calls, branches to other sections) stay
// relocations until linkImage() places the sections.
//
// What printers need (--emit-asm, listings) is recorded compactly: mnemonics and packed
// operands (insn-record.ts), and the directives in order. Symbols are ids (symbol-table.ts).
//
// Symbols are arbitrary strings; names starting with `.L` are local (no COFF symbol, no map
// entry). Defining a name twice or referring to an undefined one is a compiler bug.

import { ByteBuffer } from './byte-buffer.ts';
import { Classes, classify, encodeForm, lookupMnemonic, mnemonicById, select, type FixupSink, type MnemonicEntry } from './encoder.ts';
import { SYM } from './operand-class.ts';
import { IntList } from './int-list.ts';
import { InsnRecords } from './insn-record.ts';
import { writeCodePadding } from './nop-fill.ts';
import type { Operand, SymOperand } from './operands.ts';
import { relax, TAIL_ALIGN, TAIL_BRANCH, TAIL_NONE } from './relax.ts';
import { SymbolTable, type SymbolType } from './symbol-table.ts';
import { InternalError } from '../util/assert.ts';

export type { SymbolType } from './symbol-table.ts';
export type SectionName = '.text' | '.rdata' | '.data' | '.bss';
export const SECTION_NAMES: readonly SectionName[] = ['.text', '.rdata', '.data', '.bss'];
const TEXT = 0;
const BSS = 3;

/** One entry of a section's log, in emission order. */
export type LogEntry =
  | { readonly kind: 'insn'; readonly mnemonic: string; readonly operands: readonly Operand[] }
  | { readonly kind: 'label'; readonly name: string }
  | { readonly kind: 'end'; readonly name: string }
  | { readonly kind: 'data'; readonly width: 1 | 2 | 4; readonly value: number }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'addr32'; readonly sym: string; readonly addend: number }
  | { readonly kind: 'align'; readonly boundary: number }
  | { readonly kind: 'space'; readonly size: number };

/** A field to patch once symbol addresses are known: S + addend, minus P when pcRelative. */
export interface Relocation {
  readonly offset: number;
  readonly sym: string;
  /** Index of the symbol in AssemblyLayout.symbols, or -1 when it is not defined. */
  readonly symbol: number;
  readonly addend: number;
  readonly pcRelative: boolean;
}

export interface SectionLayout {
  readonly name: SectionName;
  /** Final contents; empty for .bss. */
  readonly bytes: Uint8Array;
  readonly size: number;
  /** Largest alignment asked for in the section. */
  readonly alignment: number;
  /** Fields holding symbol addresses, by final offset. */
  readonly relocations: readonly Relocation[];
  /** Final offset and size of each instruction of the section, in emission order. */
  readonly insnOffsets: Int32Array;
  readonly insnSizes: Int32Array;
}

export interface SymbolLayout {
  readonly name: string;
  readonly section: SectionName;
  readonly offset: number;
  readonly size: number;
  readonly type: SymbolType;
  readonly global: boolean;
  readonly local: boolean;
}

export interface AssemblyLayout {
  readonly sections: readonly SectionLayout[];
  /** Every defined symbol, in definition order. */
  readonly symbols: readonly SymbolLayout[];
}

export const isLocalSymbol = (name: string): boolean => name.startsWith('.L');

// Directive kinds of the log.
const D_LABEL = 0; // arg: symbol id
const D_END = 1; // arg: symbol id
const D_DATA = 2; // arg: value, arg2: width
const D_BYTES = 3; // arg: index into Section.blobs
const D_ADDR32 = 4; // arg: symbol id, arg2: addend
const D_ALIGN = 5; // arg: boundary
const D_SPACE = 6; // arg: size

/**
 * Per-section state, in parallel arrays rather than an object per item (a program has
 * millions of instructions and hundreds of thousands of labels and branches):
 *  - frags (relax.ts): fixed part [fragStart, fragEnd) (fragEnd -1 while open), then the
 *    tail: a branch (its mnemonic, target symbol id) or an alignment (log2 boundary);
 *  - instructions (insn-record.ts): position in the fixed byte stream, or -1 - frag index
 *    for a relaxable branch, which is its frag's tail;
 *  - directives: kind, arguments, and the number of instructions emitted before each.
 */
class Section {
  readonly code = new ByteBuffer();
  /** .bss holds no bytes, only a size. */
  bssSize = 0;
  readonly fragStart = new IntList();
  readonly fragEnd = new IntList();
  readonly fragTail = new IntList();
  /** Branch tail: MnemonicEntry id. */
  readonly fragBranch = new IntList();
  readonly fragArg = new IntList();
  readonly insns = new InsnRecords();
  readonly dirKind = new IntList();
  readonly dirArg = new IntList();
  readonly dirArg2 = new IntList();
  readonly dirBefore = new IntList();
  readonly blobs: Uint8Array[] = [];
  // Fixups, in increasing fixed-stream position: the 32-bit field at fixAt holds symbol
  // fixSym + fixAddend, minus the field's own end when fixPc is 1.
  readonly fixAt = new IntList();
  readonly fixSym = new IntList();
  readonly fixAddend = new IntList();
  readonly fixPc = new IntList();
  alignment = 1;
  constructor(
    readonly name: SectionName,
    readonly index: number,
  ) {
    this.open(0);
  }
  get pos(): number {
    return this.index === BSS ? this.bssSize : this.code.length;
  }
  get fragIndex(): number {
    return this.fragStart.length - 1;
  }
  private open(at: number): void {
    this.fragStart.push(at);
    this.fragEnd.push(-1);
    this.fragTail.push(TAIL_NONE);
    this.fragBranch.push(-1);
    this.fragArg.push(0);
  }
  /** Closes the open frag with a tail (branch: mnemonic id; arg: target id or log2 alignment) and opens the next. */
  close(tail: number, branch: number, arg: number): number {
    const f = this.fragIndex;
    const pos = this.pos;
    this.fragEnd.set(f, pos);
    this.fragTail.set(f, tail);
    this.fragBranch.set(f, branch);
    this.fragArg.set(f, arg);
    this.open(pos);
    return f;
  }
  directive(kind: number, arg: number, arg2 = 0): void {
    this.dirKind.push(kind);
    this.dirArg.push(arg);
    this.dirArg2.push(arg2);
    this.dirBefore.push(this.insns.length);
  }
}

/** What the scratch operand lists hold before their first use. */
const NO_OPERAND: Operand = { kind: 'imm', value: 0, sym: undefined };

const checkInt = (v: number, min: number, max: number, what: string) => {
  if (!Number.isInteger(v) || v < min || v > max) throw new InternalError(`${what}: ${v} is out of range ${min}..${max}`);
};

/** Empty, or has control characters: such names cannot be quoted in assembler text or NUL-terminated in COFF. */
function badName(name: string): boolean {
  if (name.length === 0) return true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

export class Assembler implements FixupSink {
  private readonly sections = SECTION_NAMES.map((n, i) => new Section(n, i));
  private cur: Section = this.sections[TEXT];
  private readonly symbols = new SymbolTable();
  private cached: AssemblyLayout | null = null;
  /** Scratch operand classes of the instruction being emitted. */
  private readonly classes = new Classes();
  /** Scratch operand lists of emit(), by operand count. */
  private readonly lists: Operand[][] = [[], [NO_OPERAND], [NO_OPERAND, NO_OPERAND], [NO_OPERAND, NO_OPERAND, NO_OPERAND]];

  /** Switches the current section. */
  section(name: SectionName): void {
    const i = SECTION_NAMES.indexOf(name);
    if (i < 0) throw new InternalError(`unknown section '${name}'`);
    this.cur = this.sections[i];
  }

  get currentSection(): SectionName {
    return this.cur.name;
  }

  /** Defines symbol `name` at the current position. */
  label(name: string, opts: { type?: 'function' | 'object'; global?: boolean } = {}): void {
    if (badName(name)) throw new InternalError(`symbol name ${JSON.stringify(name)} is empty or has control characters`);
    const s = this.cur;
    const id = this.symbols.define(name, { section: s.index, frag: s.fragIndex, at: s.pos }, opts.type ?? 'notype', opts.global ?? false);
    this.log(D_LABEL, id);
  }

  /** Ends symbol `name` here: its size is the distance from its label. */
  endSymbol(name: string): void {
    const id = this.symbols.definedId(name);
    if (id < 0) throw new InternalError(`endSymbol('${name}'): the symbol is not defined`);
    this.symbols.end(id, { section: this.cur.index, frag: this.cur.fragIndex, at: this.cur.pos });
    this.log(D_END, id);
  }

  /** True if `name` is defined. */
  has(name: string): boolean {
    return this.symbols.definedId(name) >= 0;
  }

  /**
   * One instruction in Intel operand order; prefixes are part of the mnemonic ('rep movsd',
   * 'lock cmpxchg'). jmp/jcc to a label are relaxed at layout; call to a label is rel32.
   */
  emit(mnemonic: string, ...operands: Operand[]): void;
  // The operands come as parameters, not a rest array, and go in a reused list: no
  // allocation per instruction. A fourth operand (no form has one) only makes the error.
  emit(mnemonic: string, a?: Operand, b?: Operand, c?: Operand, d?: Operand): void {
    const s = this.cur;
    if (s.index !== TEXT) throw new InternalError(`emit('${mnemonic}') in ${s.name}: instructions go in .text`);
    const entry = lookupMnemonic(mnemonic);
    let operands: Operand[];
    if (a === undefined) operands = this.lists[0];
    else if (b === undefined) {
      if (entry.rel8 !== null && a.kind === 'sym') {
        this.branch(s, entry, a);
        return;
      }
      operands = this.lists[1];
      operands[0] = a;
    } else if (c === undefined) {
      operands = this.lists[2];
      operands[0] = a;
      operands[1] = b;
    } else if (d === undefined) {
      operands = this.lists[3];
      operands[0] = a;
      operands[1] = b;
      operands[2] = c;
    } else operands = [a, b, c, d];
    const classes = this.classes;
    const key = classify(operands, classes);
    const at = s.code.length;
    encodeForm(s.code, entry, select(entry, operands, classes, key), operands, this, classes);
    this.record(s, entry, operands, at, s.code.length - at);
  }

  /** A jmp/jcc to label `target`: the tail of the current frag, sized by layout(). */
  private branch(s: Section, entry: MnemonicEntry, target: SymOperand): void {
    const frag = s.close(TAIL_BRANCH, entry.id, this.symbols.symbolId(target.name));
    const operands = this.lists[1];
    operands[0] = target;
    this.classes.cls[0] = SYM;
    this.record(s, entry, operands, -1 - frag, 0);
  }

  /** Records an instruction whose operands `this.classes` holds the classes of. */
  private record(s: Section, entry: MnemonicEntry, operands: readonly Operand[], at: number, size: number): void {
    this.cached = null;
    s.insns.push(entry.id, operands, this.classes, at, size, this.symbols);
  }

  u8(v: number): void {
    checkInt(v, -0x80, 0xff, 'u8');
    this.data(1, v);
  }

  u16(v: number): void {
    checkInt(v, -0x8000, 0xffff, 'u16');
    this.data(2, v);
  }

  u32(v: number): void {
    checkInt(v, -0x80000000, 0xffffffff, 'u32');
    this.data(4, v);
  }

  bytes(b: Uint8Array): void {
    const s = this.initialised('bytes');
    s.code.bytes(b);
    this.log(D_BYTES, s.blobs.push(b.slice()) - 1);
  }

  /** The absolute 32-bit address of `sym` plus `addend` (data). */
  addr32(sym: string, addend = 0): void {
    checkInt(addend, -0x80000000, 0xffffffff, 'addr32 addend');
    const s = this.initialised('addr32');
    this.abs32(s.code.length, sym, addend);
    s.code.u32(addend);
    this.log(D_ADDR32, this.symbols.symbolId(sym), addend);
  }

  /** Pads to a multiple of `boundary` (a power of two): nops in .text, zeros elsewhere. */
  align(boundary: number): void {
    if (!Number.isInteger(boundary) || boundary < 1 || (boundary & (boundary - 1)) !== 0 || boundary > 0x1000) {
      throw new InternalError(`align(${boundary}): the boundary must be a power of two up to 4096`);
    }
    const s = this.cur;
    s.alignment = Math.max(s.alignment, boundary);
    if (s.index === TEXT) s.close(TAIL_ALIGN, -1, Math.log2(boundary));
    else {
      // No branches outside .text: the padding is known now.
      const pad = (-s.pos >>> 0) & (boundary - 1);
      if (s.index === BSS) s.bssSize += pad;
      else for (let i = 0; i < pad; i++) s.code.u8(0);
    }
    this.log(D_ALIGN, boundary);
  }

  /** `n` zero bytes (.bss: reserved only). */
  space(n: number): void {
    checkInt(n, 0, 0x7fffffff, 'space');
    const s = this.cur;
    if (s.index === BSS) s.bssSize += n;
    else for (let i = 0; i < n; i++) s.code.u8(0);
    this.log(D_SPACE, n);
  }

  /** FixupSink: an absolute 32-bit field written by the encoder or addr32. */
  abs32(at: number, sym: string, addend: number): void {
    this.fixup(at, sym, addend, 0);
  }

  /** FixupSink: a rel32 call displacement. */
  rel32(at: number, sym: string): void {
    this.fixup(at, sym, -4, 1);
  }

  private fixup(at: number, sym: string, addend: number, pc: number): void {
    const s = this.cur;
    s.fixAt.push(at);
    s.fixSym.push(this.symbols.symbolId(sym));
    s.fixAddend.push(addend);
    s.fixPc.push(pc);
  }

  /** What was emitted in a section, in order, for printers. */
  entries(name: SectionName): LogEntry[] {
    const s = this.sections[SECTION_NAMES.indexOf(name)];
    const out: LogEntry[] = [];
    let d = 0;
    let i = 0;
    s.insns.forEach(this.symbols, (mnemonic, operands) => {
      while (d < s.dirKind.length && s.dirBefore.get(d) === i) out.push(this.directiveEntry(s, d++));
      out.push({ kind: 'insn', mnemonic: mnemonicById(mnemonic).text, operands });
      i++;
    });
    while (d < s.dirKind.length) out.push(this.directiveEntry(s, d++));
    return out;
  }

  /**
   * Relaxes branches and lays every section out (offsets relative to the section start).
   * Cached until the next change. Throws InternalError for a branch to an undefined symbol.
   */
  layout(): AssemblyLayout {
    if (this.cached) return this.cached;
    const syms = this.symbols;
    const count = syms.defined.length;
    // Index of each defined symbol id in the result (-1 for the undefined), for relocations.
    const indexOf = new Int32Array(syms.count).fill(-1);
    for (let i = 0; i < count; i++) indexOf[syms.defined.get(i)] = i;
    const laid = this.sections.map(s => this.layoutSection(s, indexOf));
    const symbols: SymbolLayout[] = new Array<SymbolLayout>(count);
    for (let i = 0; i < count; i++) {
      const id = syms.defined.get(i);
      const section = syms.sectionOf(id);
      const place = laid[section];
      const offset = place.offsetOf(syms.fragOf(id), syms.atOf(id));
      const name = syms.symbolName(id);
      const endFrag = syms.endFragOf(id);
      symbols[i] = {
        name,
        section: SECTION_NAMES[section],
        offset,
        size: endFrag < 0 ? 0 : place.offsetOf(endFrag, syms.endAtOf(id)) - offset,
        type: syms.typeOf(id),
        global: syms.isGlobal(id),
        local: isLocalSymbol(name),
      };
    }
    this.cached = { sections: laid.map(l => l.layout), symbols };
    return this.cached;
  }

  private layoutSection(s: Section, indexOf: Int32Array): Placed {
    const syms = this.symbols;
    const n = s.fragStart.length;
    const start = s.fragStart.view();
    const fragEnd = s.fragEnd.view();
    const tail = s.fragTail.view();
    const fragArg = s.fragArg.view();
    const fragBranch = s.fragBranch.view();
    const fixSize = new Int32Array(n);
    const arg = new Int32Array(n);
    const shortSize = new Int32Array(n);
    const longSize = new Int32Array(n);
    const targetFrag = new Int32Array(n);
    const targetOffset = new Int32Array(n);
    for (let f = 0; f < n; f++) {
      const end = fragEnd[f];
      fixSize[f] = (end < 0 ? s.pos : end) - start[f];
      if (tail[f] === TAIL_ALIGN) arg[f] = fragArg[f];
      else if (tail[f] === TAIL_BRANCH) {
        const entry = mnemonicById(fragBranch[f]);
        arg[f] = entry.rel8!.opcode.length;
        shortSize[f] = entry.rel8!.opcode.length + 1;
        longSize[f] = entry.rel32!.opcode.length + 4;
        const t = fragArg[f];
        if (!syms.isDefined(t)) throw new InternalError(`undefined symbol '${syms.symbolName(t)}' (branch target in ${s.name})`);
        const here = syms.sectionOf(t) === s.index;
        targetFrag[f] = here ? syms.fragOf(t) : -1;
        targetOffset[f] = here ? syms.atOf(t) - start[syms.fragOf(t)] : 0;
      }
    }
    const r = relax({ fixSize, tail, arg, shortSize, longSize, targetFrag, targetOffset });

    const bytes = new Uint8Array(s.index === BSS ? 0 : r.size);
    const code = s.index === BSS ? bytes : s.code.view();
    const relocations: Relocation[] = [];
    let fixup = 0;
    const fixAt = s.fixAt.view();
    const fixCount = fixAt.length;
    for (let f = 0; f < n; f++) {
      const to = r.address[f];
      const end = start[f] + fixSize[f];
      if (s.index !== BSS) copy(code, start[f], end, bytes, to);
      // Fixups lie inside fixed parts, in increasing order.
      for (; fixup < fixCount && fixAt[fixup] < end; fixup++) {
        relocations.push(this.relocation(to + (fixAt[fixup] - start[f]), s.fixSym.get(fixup), s.fixAddend.get(fixup), s.fixPc.get(fixup) === 1, indexOf));
      }
      const tailAt = to + fixSize[f];
      if (tail[f] === TAIL_ALIGN) writeCodePadding(bytes, tailAt, r.tailSize[f]);
      else if (tail[f] === TAIL_BRANCH) {
        const entry = mnemonicById(fragBranch[f]);
        const opcode = r.long[f] ? entry.rel32!.opcode : entry.rel8!.opcode;
        for (let i = 0; i < opcode.length; i++) bytes[tailAt + i] = opcode[i];
        const field = tailAt + opcode.length;
        const t = targetFrag[f];
        if (t < 0) relocations.push(this.relocation(field, fragArg[f], -4, true, indexOf));
        else {
          const disp = r.address[t] + targetOffset[f] - (tailAt + r.tailSize[f]);
          if (r.long[f]) writeU32(bytes, field, disp);
          else bytes[field] = disp;
        }
      }
    }
    const { offsets: insnOffsets, sizes: insnSizes } = s.insns.place(start, fixSize, r.address, r.tailSize);
    return new Placed({ name: s.name, bytes, size: r.size, alignment: s.alignment, relocations, insnOffsets, insnSizes }, r.address, start);
  }

  private relocation(offset: number, id: number, addend: number, pcRelative: boolean, indexOf: Int32Array): Relocation {
    return { offset, sym: this.symbols.symbolName(id), symbol: indexOf[id], addend, pcRelative };
  }

  private data(width: 1 | 2 | 4, value: number): void {
    const code = this.initialised(`u${width * 8}`).code;
    if (width === 1) code.u8(value);
    else if (width === 2) code.u16(value);
    else code.u32(value);
    this.log(D_DATA, value, width);
  }

  private initialised(what: string): Section {
    if (this.cur.index === BSS) throw new InternalError(`${what} in .bss: it holds no initialised data (use space)`);
    return this.cur;
  }

  private log(kind: number, arg: number, arg2 = 0): void {
    this.cached = null;
    this.cur.directive(kind, arg, arg2);
  }

  private directiveEntry(s: Section, d: number): LogEntry {
    const arg = s.dirArg.get(d);
    switch (s.dirKind.get(d)) {
      case D_LABEL:
        return { kind: 'label', name: this.symbols.symbolName(arg) };
      case D_END:
        return { kind: 'end', name: this.symbols.symbolName(arg) };
      case D_DATA:
        return { kind: 'data', width: s.dirArg2.get(d) as 1 | 2 | 4, value: arg };
      case D_BYTES:
        return { kind: 'bytes', bytes: s.blobs[arg] };
      case D_ADDR32:
        return { kind: 'addr32', sym: this.symbols.symbolName(arg), addend: s.dirArg2.get(d) };
      case D_ALIGN:
        return { kind: 'align', boundary: arg };
      default:
        return { kind: 'space', size: arg };
    }
  }
}

/** A section laid out, and where its frags went: to place the symbols defined in it. */
class Placed {
  constructor(
    readonly layout: SectionLayout,
    private readonly address: Int32Array,
    private readonly start: Int32Array,
  ) {}
  /** The section offset of fixed-stream position `at` of frag `frag`. */
  offsetOf(frag: number, at: number): number {
    return this.address[frag] + (at - this.start[frag]);
  }
}

/** Copies src[from, to) to dst at `at`: a plain loop for the short fixed parts between branches. */
function copy(src: Uint8Array, from: number, to: number, dst: Uint8Array, at: number): void {
  if (to - from > 64) dst.set(src.subarray(from, to), at);
  else for (let i = from; i < to; i++) dst[at++] = src[i];
}

function writeU32(out: Uint8Array, at: number, v: number): void {
  out[at] = v;
  out[at + 1] = v >>> 8;
  out[at + 2] = v >>> 16;
  out[at + 3] = v >>> 24;
}
