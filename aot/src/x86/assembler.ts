// The assembler buffer: sections, symbols, labels, fixups and branch relaxation.
//
// Instructions are encoded as they are emitted, into the current section's byte buffer.
// Everything whose size depends on addresses — a jmp/jcc to a label (rel8 or rel32) and a
// code alignment — closes the current frag and becomes its variable tail; layout() sizes the
// tails the way GNU as does (relax.ts) and assembles the final section bytes. Addresses of
// symbols (absolute data/immediate fields, calls, branches to other sections) stay
// relocations until linkImage() places the sections.
//
// The record kept for printing (--emit-asm, listings) is the per-section log of what was
// emitted: the mnemonic and operand array of each instruction (already allocated by the
// caller), labels and data directives.
//
// Symbols are arbitrary strings; names starting with `.L` are local (no COFF symbol, no map
// entry). Defining a name twice or referring to an undefined one is a compiler bug.

import { ByteBuffer } from './byte-buffer.ts';
import { encodeForm, lookupMnemonic, selectForm, type FixupSink, type MnemonicEntry } from './encoder.ts';
import type { Operand, SymOperand } from './operands.ts';
import { relax, TAIL_ALIGN, TAIL_BRANCH, TAIL_NONE } from './relax.ts';
import { writeCodePadding } from './nop-fill.ts';
import { InternalError } from '../util/assert.ts';

export type SectionName = '.text' | '.rdata' | '.data' | '.bss';
export const SECTION_NAMES: readonly SectionName[] = ['.text', '.rdata', '.data', '.bss'];

export type SymbolType = 'function' | 'object' | 'notype';

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
  /** Final offset and size of each 'insn' entry of the section's log, in log order. */
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
  /** Every symbol, in definition order. */
  readonly symbols: readonly SymbolLayout[];
}

export const isLocalSymbol = (name: string): boolean => name.startsWith('.L');

interface Frag {
  readonly fixStart: number;
  /** End of the fixed part; -1 while the frag is open. */
  fixEnd: number;
  tail: number;
  /** Branch: its mnemonic (rel8/rel32 forms) and target; alignment: log2 of the boundary. */
  branch: MnemonicEntry | null;
  target: string;
  alignLog2: number;
}

interface PendingFixup {
  readonly at: number;
  readonly sym: string;
  readonly addend: number;
  readonly pcRelative: boolean;
}

interface SymbolDef {
  readonly name: string;
  readonly section: Section;
  readonly frag: number;
  readonly at: number;
  readonly type: SymbolType;
  readonly global: boolean;
  end: { frag: number; at: number } | null;
}

/** Marks an 'insn' log entry that is a relaxable branch: its frag index is stored instead. */
interface InsnRecord {
  readonly kind: 'insn';
  readonly mnemonic: string;
  readonly operands: readonly Operand[];
  /** Fixed-stream offset, or -1 - frag index for a relaxable branch (the frag's tail). */
  readonly at: number;
  /** Encoded size; 0 for a relaxable branch (known after layout). */
  readonly size: number;
}

class Section {
  readonly code = new ByteBuffer();
  /** .bss holds no bytes, only a size. */
  bssSize = 0;
  readonly frags: Frag[] = [openFrag(0)];
  readonly fixups: PendingFixup[] = [];
  readonly log: (LogEntry | InsnRecord)[] = [];
  alignment = 1;
  constructor(readonly name: SectionName) {}
  get pos(): number {
    return this.name === '.bss' ? this.bssSize : this.code.length;
  }
  get fragIndex(): number {
    return this.frags.length - 1;
  }
  /** Closes the open frag with a tail and opens the next one. */
  close(tail: number, set: (f: Frag) => void): number {
    const f = this.frags[this.fragIndex];
    f.fixEnd = this.pos;
    f.tail = tail;
    set(f);
    this.frags.push(openFrag(this.pos));
    return this.fragIndex - 1;
  }
}

function openFrag(fixStart: number): Frag {
  return { fixStart, fixEnd: -1, tail: TAIL_NONE, branch: null, target: '', alignLog2: 0 };
}

const checkInt = (v: number, min: number, max: number, what: string) => {
  if (!Number.isInteger(v) || v < min || v > max) throw new InternalError(`${what}: ${v} is out of range ${min}..${max}`);
};

export class Assembler implements FixupSink {
  private readonly sections = new Map<SectionName, Section>(SECTION_NAMES.map(n => [n, new Section(n)]));
  private cur: Section = this.sections.get('.text')!;
  private readonly symbols = new Map<string, SymbolDef>();
  private cached: AssemblyLayout | null = null;

  /** Switches the current section. */
  section(name: SectionName): void {
    const s = this.sections.get(name);
    if (!s) throw new InternalError(`unknown section '${name}'`);
    this.cur = s;
  }

  get currentSection(): SectionName {
    return this.cur.name;
  }

  /** Defines symbol `name` at the current position. */
  label(name: string, opts: { type?: 'function' | 'object'; global?: boolean } = {}): void {
    if (this.symbols.has(name)) throw new InternalError(`symbol '${name}' is defined twice`);
    // eslint-disable-next-line no-control-regex -- names end up NUL-terminated in COFF and quoted in assembler text
    if (name === '' || /[\x00-\x1f\x7f]/.test(name)) throw new InternalError(`symbol name ${JSON.stringify(name)} is empty or has control characters`);
    const s = this.cur;
    this.symbols.set(name, { name, section: s, frag: s.fragIndex, at: s.pos, type: opts.type ?? 'notype', global: opts.global ?? false, end: null });
    this.log({ kind: 'label', name });
  }

  /** Ends symbol `name` here: its size is the distance from its label. */
  endSymbol(name: string): void {
    const def = this.symbols.get(name);
    if (!def) throw new InternalError(`endSymbol('${name}'): the symbol is not defined`);
    if (def.section !== this.cur) throw new InternalError(`endSymbol('${name}'): the symbol is in ${def.section.name}, not the current section ${this.cur.name}`);
    if (def.end) throw new InternalError(`endSymbol('${name}') given twice`);
    def.end = { frag: this.cur.fragIndex, at: this.cur.pos };
    this.log({ kind: 'end', name });
  }

  /**
   * One instruction in Intel operand order; prefixes are part of the mnemonic ('rep movsd',
   * 'lock cmpxchg'). jmp/jcc to a label are relaxed at layout; call to a label is rel32.
   */
  emit(mnemonic: string, ...operands: Operand[]): void {
    const s = this.cur;
    if (s.name !== '.text') throw new InternalError(`emit('${mnemonic}') in ${s.name}: instructions go in .text`);
    const entry = lookupMnemonic(mnemonic);
    if (entry.rel8 !== null && operands.length === 1 && operands[0].kind === 'sym') {
      const target = (operands[0] as SymOperand).name;
      const frag = s.close(TAIL_BRANCH, f => {
        f.branch = entry;
        f.target = target;
      });
      this.cached = null;
      s.log.push({ kind: 'insn', mnemonic, operands, at: -1 - frag, size: 0 });
      return;
    }
    const at = s.code.length;
    encodeForm(s.code, entry, selectForm(entry, operands), operands, this);
    this.cached = null;
    s.log.push({ kind: 'insn', mnemonic, operands, at, size: s.code.length - at });
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
    this.initialised('bytes').code.bytes(b);
    this.log({ kind: 'bytes', bytes: b.slice() });
  }

  /** The absolute 32-bit address of `sym` plus `addend` (data). */
  addr32(sym: string, addend = 0): void {
    checkInt(addend, -0x80000000, 0xffffffff, 'addr32 addend');
    const s = this.initialised('addr32');
    this.abs32(s.code.length, sym, addend);
    s.code.u32(addend);
    this.log({ kind: 'addr32', sym, addend });
  }

  /** Pads to a multiple of `boundary` (a power of two): nops in .text, zeros elsewhere. */
  align(boundary: number): void {
    if (!Number.isInteger(boundary) || boundary < 1 || (boundary & (boundary - 1)) !== 0 || boundary > 0x1000) {
      throw new InternalError(`align(${boundary}): the boundary must be a power of two up to 4096`);
    }
    const s = this.cur;
    s.alignment = Math.max(s.alignment, boundary);
    const log2 = Math.log2(boundary);
    if (s.name === '.text') {
      s.close(TAIL_ALIGN, f => (f.alignLog2 = log2));
    } else {
      // No branches outside .text: the padding is known now.
      const pad = (-s.pos >>> 0) & (boundary - 1);
      if (s.name === '.bss') s.bssSize += pad;
      else for (let i = 0; i < pad; i++) s.code.u8(0);
    }
    this.log({ kind: 'align', boundary });
  }

  /** `n` zero bytes (.bss: reserved only). */
  space(n: number): void {
    checkInt(n, 0, 0x7fffffff, 'space');
    const s = this.cur;
    if (s.name === '.bss') s.bssSize += n;
    else for (let i = 0; i < n; i++) s.code.u8(0);
    this.log({ kind: 'space', size: n });
  }

  /** FixupSink: an absolute 32-bit field written by the encoder or addr32. */
  abs32(at: number, sym: string, addend: number): void {
    this.cur.fixups.push({ at, sym, addend, pcRelative: false });
  }

  /** FixupSink: a rel32 call displacement. */
  rel32(at: number, sym: string): void {
    this.cur.fixups.push({ at, sym, addend: -4, pcRelative: true });
  }

  /** The log of a section, for printers. */
  entries(name: SectionName): readonly LogEntry[] {
    return this.sections.get(name)!.log;
  }

  /** True if `name` is defined. */
  has(name: string): boolean {
    return this.symbols.has(name);
  }

  /**
   * Relaxes branches and lays every section out (offsets relative to the section start).
   * Cached until the next change. Throws InternalError for a branch to an undefined symbol.
   */
  layout(): AssemblyLayout {
    if (this.cached) return this.cached;
    const sections = SECTION_NAMES.map(n => this.layoutSection(this.sections.get(n)!));
    const byName = new Map(sections.map(s => [s.name, s]));
    const symbols: SymbolLayout[] = [];
    for (const def of this.symbols.values()) {
      const place = byName.get(def.section.name)!.place;
      const offset = place(def.frag, def.at);
      symbols.push({
        name: def.name,
        section: def.section.name,
        offset,
        size: def.end ? place(def.end.frag, def.end.at) - offset : 0,
        type: def.type,
        global: def.global,
        local: isLocalSymbol(def.name),
      });
    }
    this.cached = { sections: sections.map(s => s.layout), symbols };
    return this.cached;
  }

  private layoutSection(s: Section): { name: SectionName; layout: SectionLayout; place: (frag: number, at: number) => number } {
    const frags = s.frags;
    const n = frags.length;
    const fixSize = new Int32Array(n);
    const tail = new Uint8Array(n);
    const arg = new Int32Array(n);
    const shortSize = new Int32Array(n);
    const longSize = new Int32Array(n);
    const targetFrag = new Int32Array(n);
    const targetOffset = new Int32Array(n);
    for (let f = 0; f < n; f++) {
      const frag = frags[f];
      const end = frag.fixEnd < 0 ? s.pos : frag.fixEnd;
      fixSize[f] = end - frag.fixStart;
      tail[f] = frag.tail;
      if (frag.tail === TAIL_ALIGN) arg[f] = frag.alignLog2;
      else if (frag.tail === TAIL_BRANCH) {
        const entry = frag.branch!;
        arg[f] = entry.rel8!.opcode.length;
        shortSize[f] = entry.rel8!.opcode.length + 1;
        longSize[f] = entry.rel32!.opcode.length + 4;
        const def = this.symbols.get(frag.target);
        if (!def) throw new InternalError(`undefined symbol '${frag.target}' (branch target in ${s.name})`);
        targetFrag[f] = def.section === s ? def.frag : -1;
        targetOffset[f] = def.section === s ? def.at - frags[def.frag].fixStart : 0;
      }
    }
    const r = relax({ fixSize, tail, arg, shortSize, longSize, targetFrag, targetOffset });
    const place = (frag: number, at: number) => r.address[frag] + (at - frags[frag].fixStart);

    const bytes = new Uint8Array(s.name === '.bss' ? 0 : r.size);
    const relocations: Relocation[] = [];
    let fixup = 0;
    const fixups = s.fixups;
    for (let f = 0; f < n; f++) {
      const frag = frags[f];
      const start = r.address[f];
      if (s.name !== '.bss') bytes.set(s.code.view(frag.fixStart, frag.fixStart + fixSize[f]), start);
      // Fixups lie inside fixed parts, in increasing order.
      const end = frag.fixStart + fixSize[f];
      while (fixup < fixups.length && fixups[fixup].at < end) {
        const fx = fixups[fixup++];
        relocations.push({ offset: start + (fx.at - frag.fixStart), sym: fx.sym, addend: fx.addend, pcRelative: fx.pcRelative });
      }
      const tailAt = start + fixSize[f];
      if (tail[f] === TAIL_ALIGN) writeCodePadding(bytes, tailAt, r.tailSize[f]);
      else if (tail[f] === TAIL_BRANCH) {
        const entry = frag.branch!;
        const form = r.long[f] ? entry.rel32! : entry.rel8!;
        bytes.set(form.opcode, tailAt);
        const field = tailAt + form.opcode.length;
        const next = tailAt + r.tailSize[f];
        if (!r.long[f]) bytes[field] = place(targetFrag[f], frags[targetFrag[f]].fixStart + targetOffset[f]) - next;
        else if (targetFrag[f] >= 0) writeU32(bytes, field, place(targetFrag[f], frags[targetFrag[f]].fixStart + targetOffset[f]) - next);
        else relocations.push({ offset: field, sym: frag.target, addend: -4, pcRelative: true });
      }
    }

    const insnOffsets: number[] = [];
    const insnSizes: number[] = [];
    let f = 0;
    for (const e of s.log) {
      if (e.kind !== 'insn') continue;
      const { at, size } = e as InsnRecord;
      if (at < 0) {
        insnOffsets.push(r.address[-1 - at] + fixSize[-1 - at]);
        insnSizes.push(r.tailSize[-1 - at]);
      } else {
        while (frags[f].fixStart + fixSize[f] <= at) f++;
        insnOffsets.push(place(f, at));
        insnSizes.push(size);
      }
    }
    return {
      name: s.name,
      place,
      layout: { name: s.name, bytes, size: r.size, alignment: s.alignment, relocations, insnOffsets: Int32Array.from(insnOffsets), insnSizes: Int32Array.from(insnSizes) },
    };
  }

  private data(width: 1 | 2 | 4, value: number): void {
    const code = this.initialised(`u${width * 8}`).code;
    if (width === 1) code.u8(value);
    else if (width === 2) code.u16(value);
    else code.u32(value);
    this.log({ kind: 'data', width, value });
  }

  private initialised(what: string): Section {
    if (this.cur.name === '.bss') throw new InternalError(`${what} in .bss: it holds no initialised data (use space)`);
    return this.cur;
  }

  private log(e: LogEntry): void {
    this.cached = null;
    this.cur.log.push(e);
  }
}

function writeU32(out: Uint8Array, at: number, v: number): void {
  out[at] = v;
  out[at + 1] = v >>> 8;
  out[at + 2] = v >>> 16;
  out[at + 3] = v >>> 24;
}
