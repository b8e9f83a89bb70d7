// The map file: every non-local symbol with its address, size and section, sorted by address,
// after a summary of the sections. Plain text, one symbol per line, columns separated by
// two spaces, so that `sort`, `grep` and `awk` work on it:
//
//   # sharpaot map: image base 0x00100000, entry 0x00101000 Kernel.Program::Main()
//   # section  address     size
//   # .text    0x00101000  0x00000123
//   address     size        section  symbol
//   0x00101000  0x0000002a  .text    Kernel.Program::Main()

import type { LinkedImage } from './link.ts';

const hex8 = (v: number) => '0x' + v.toString(16).padStart(8, '0');

export function writeMapFile(image: LinkedImage): string {
  const lines = [`# sharpaot map: image base ${hex8(image.imageBase)}, entry ${hex8(image.entry)} ${image.entrySymbol}`, '# section  address     size'];
  for (const s of image.sections) lines.push(`# ${s.name.padEnd(7)}  ${hex8(s.vaddr)}  ${hex8(s.virtualSize)}`);
  lines.push('address     size        section  symbol');
  for (const sym of image.symbols) lines.push(`${hex8(sym.address)}  ${hex8(sym.size)}  ${sym.section.padEnd(7)}  ${sym.name}`);
  return lines.join('\n') + '\n';
}
