// Intel-syntax text of an instruction, as GNU as reads it after `.intel_syntax noprefix`:
//   mov dword ptr fs:["Kernel.X::y"+ebx+ecx*4+0x10], offset "Kernel.Z"+4
// Symbols are double-quoted (names like `Ns.Type::Method(int32,string[])` contain characters
// as would otherwise parse), with `"` and `\` escaped. The printer of a whole program passes
// its own symbol formatter to rename the few names as would read as a register or keyword
// even when quoted (see gas-printer.ts).

import type { MemOperand, MemSize, Operand } from './operands.ts';

export type SymbolFormatter = (name: string) => string;

/** `"name"` with `\` and `"` escaped. */
export function quoteSymbol(name: string): string {
  return `"${name.replace(/[\\"]/g, c => '\\' + c)}"`;
}

const SIZE_KEYWORD: Readonly<Record<MemSize, string>> = {
  0: '', 1: 'byte', 2: 'word', 4: 'dword', 6: 'fword', 8: 'qword', 10: 'tbyte', 16: 'xmmword',
};

/** A number as as reads it: decimal below 10, hex above; negative with a minus sign. */
export function formatNumber(v: number): string {
  const a = Math.abs(v);
  const digits = a < 10 ? String(a) : '0x' + a.toString(16);
  return v < 0 ? '-' + digits : digits;
}

/** `sym+n`, `sym-n` or `sym`. */
function symbolPlus(sym: string, addend: number, symbol: SymbolFormatter): string {
  if (addend === 0) return symbol(sym);
  return symbol(sym) + (addend < 0 ? '' : '+') + formatNumber(addend);
}

function formatMem(m: MemOperand, symbol: SymbolFormatter): string {
  const parts: string[] = [];
  if (m.sym !== undefined) parts.push(symbol(m.sym));
  if (m.base !== undefined) parts.push(m.base);
  if (m.index !== undefined) parts.push(`${m.index}*${m.scale ?? 1}`);
  let inner = parts.join('+');
  const disp = m.disp | 0;
  if (disp !== 0 || inner === '') inner += inner === '' ? formatNumber(disp >>> 0) : (disp < 0 ? '' : '+') + formatNumber(disp);
  const size = SIZE_KEYWORD[m.size] ?? `size${m.size}`;
  return `${size ? size + ' ptr ' : ''}${m.seg ? m.seg + ':' : ''}[${inner}]`;
}

export function formatOperand(op: Operand, symbol: SymbolFormatter = quoteSymbol): string {
  switch (op.kind) {
    case 'reg':
      return op.reg;
    case 'imm':
      return op.sym === undefined ? formatNumber(op.value) : 'offset ' + symbolPlus(op.sym, op.value, symbol);
    case 'mem':
      return formatMem(op, symbol);
    case 'sym':
      return symbol(op.name);
    case 'far':
      return `${formatNumber(op.selector)}:${op.sym === undefined ? formatNumber(op.offset) : symbolPlus(op.sym, op.offset, symbol)}`;
  }
}

/** One instruction in Intel syntax: `mnemonic op, op`. Prefixes stay part of the mnemonic. */
export function formatInstruction(mnemonic: string, operands: readonly Operand[], symbol: SymbolFormatter = quoteSymbol): string {
  if (operands.length === 0) return mnemonic;
  return mnemonic + ' ' + operands.map(op => formatOperand(op, symbol)).join(', ');
}
