// The whole program as GNU assembler source (`--emit-asm`), plus the linker script that puts
// the sections at the image's addresses: `as --32` and `ld -m elf_i386 -T script` on it give
// the same .text and data bytes as writePeImage — an encoding path independent of ours.
//
// Instructions are printed as Intel-syntax text (never .byte), data with .byte/.short/.long,
// alignment with .p2align (as pads code with the same nops), reservations with .zero.
// Symbols are double-quoted. The few names as reads as a register or an operator even when
// quoted (`eax`, `offset`, `st`, `flat`, ...) are printed under another name, reported in
// `renamedSymbols`; the bytes do not change.

import { SECTION_NAMES, type Assembler, type LogEntry, type SectionName, type SymbolLayout } from '../x86/assembler.ts';
import { formatInstruction, formatNumber, quoteSymbol, type SymbolFormatter } from '../x86/format.ts';
import { linkImage, sectionAddresses, type LinkedImage } from './link.ts';
import { InternalError } from '../util/assert.ts';

/** Names as treats as registers or Intel-syntax operators, quoted or not. */
const GAS_RESERVED =
  /^(?:[re]?[abcd]x|[abcd][lh]|[re]?(?:si|di|sp|bp|ip)|(?:si|di|sp|bp)l|[c-gs]s|r\d+[bwdl]?|st(?:\(\d\))?\d?|[xyz]?mm\d+|k\d|[cdt]r\d+|[re]iz|bnd\d|byte|word|dword|fword|qword|tbyte|oword|xmmword|ymmword|zmmword|ptr|offset|short|near|far|flat|not|and|or|xor|shl|shr|mod|eq|ne|lt|le|gt|ge)$/i;

const SECTION_DIRECTIVE: Record<SectionName, string> = {
  '.text': '.text',
  '.rdata': '.section .rdata,"a",@progbits',
  '.data': '.data',
  '.bss': '.bss',
};

export interface GasSource {
  readonly source: string;
  readonly linkerScript: string;
  /** Symbols printed under another name because as would misread them. */
  readonly renamedSymbols: ReadonlyMap<string, string>;
}

function renames(symbols: readonly SymbolLayout[]): Map<string, string> {
  const taken = new Set(symbols.map(s => s.name));
  const renamed = new Map<string, string>();
  for (const { name } of symbols) {
    if (!GAS_RESERVED.test(name)) continue;
    let alias = `${name}$sym`;
    for (let n = 2; taken.has(alias); n++) alias = `${name}$sym${n}`;
    taken.add(alias);
    renamed.set(name, alias);
  }
  return renamed;
}

function printEntry(e: LogEntry, out: string[], sym: SymbolFormatter, info: ReadonlyMap<string, SymbolLayout>, entry: string): void {
  switch (e.kind) {
    case 'insn':
      out.push('\t' + formatInstruction(e.mnemonic, e.operands, sym));
      return;
    case 'label': {
      const s = info.get(e.name)!;
      if (s.global || e.name === entry) out.push(`.globl ${sym(e.name)}`);
      if (s.type !== 'notype') out.push(`.type ${sym(e.name)}, @${s.type}`);
      out.push(`${sym(e.name)}:`);
      return;
    }
    case 'end':
      out.push(`.size ${sym(e.name)}, .-${sym(e.name)}`);
      return;
    case 'data':
      out.push(`\t${{ 1: '.byte', 2: '.short', 4: '.long' }[e.width]} ${formatNumber(e.value)}`);
      return;
    case 'bytes':
      for (let i = 0; i < e.bytes.length; i += 16) out.push('\t.byte ' + [...e.bytes.subarray(i, i + 16)].map(b => '0x' + b.toString(16).padStart(2, '0')).join(','));
      return;
    case 'addr32':
      out.push(`\t.long ${sym(e.sym)}${e.addend === 0 ? '' : (e.addend < 0 ? '' : '+') + formatNumber(e.addend)}`);
      return;
    case 'align':
      out.push(`\t.p2align ${Math.log2(e.boundary)}`);
      return;
    case 'space':
      out.push(`\t.zero ${e.size}`);
      return;
  }
}

/**
 * Places each section of the image at its address, and the empty sections that hold symbols
 * too (ld drops them but gives their symbols the address, as linkImage does).
 */
function linkerScript(image: LinkedImage, symbolSections: ReadonlySet<SectionName>, addresses: ReadonlyMap<SectionName, number>): string {
  if (/["\\]/.test(image.entrySymbol)) throw new InternalError(`entry symbol '${image.entrySymbol}' cannot be written in a linker script`);
  const hex = (v: number) => '0x' + v.toString(16).padStart(8, '0');
  const placed = SECTION_NAMES.filter(name => image.sections.some(s => s.name === name) || symbolSections.has(name));
  return [
    '/* sharpaot: places the sections of the --emit-asm output at the kernel image addresses */',
    'OUTPUT_FORMAT("elf32-i386")',
    'OUTPUT_ARCH(i386)',
    `ENTRY("${image.entrySymbol}")`,
    'SECTIONS',
    '{',
    ...placed.map(name => `  ${name} ${hex(addresses.get(name)!)}${name === '.bss' ? ' (NOLOAD)' : ''} : { *(${name}) }`),
    '  /DISCARD/ : { *(*) }',
    '}',
    '',
  ].join('\n');
}

export function printGasSource(asm: Assembler, opts: { entry: string; imageBase?: number }): GasSource {
  const image = linkImage(asm, opts);
  const layout = asm.layout();
  const symbols = layout.symbols;
  const info = new Map(symbols.map(s => [s.name, s]));
  const renamed = renames(symbols);
  const sym: SymbolFormatter = name => quoteSymbol(renamed.get(name) ?? name);
  const out = [
    `# sharpaot: the kernel image as GNU assembler source (entry ${opts.entry})`,
    '# as --32 -o kernel.o kernel.s && ld -m elf_i386 -T kernel.ld -o kernel.elf kernel.o',
    '.intel_syntax noprefix',
  ];
  for (const name of SECTION_NAMES) {
    const entries = asm.entries(name);
    if (entries.length === 0) continue;
    out.push('', SECTION_DIRECTIVE[name]);
    for (const e of entries) printEntry(e, out, sym, info, opts.entry);
  }
  const script = linkerScript(image, new Set(symbols.map(s => s.section)), sectionAddresses(layout, image.imageBase));
  return { source: out.join('\n') + '\n', linkerScript: script, renamedSymbols: renamed };
}
