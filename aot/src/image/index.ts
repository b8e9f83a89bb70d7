// The image stage: layout and relocation (link), the PE/COFF multiboot writer with its COFF
// symbol table, the map file, the listing and the GNU as source printer.

export { linkImage, DEFAULT_IMAGE_BASE, type LinkedImage, type ImageSection, type ImageSymbol } from './link.ts';
export { writePeImage } from './pe-writer.ts';
export { writeMapFile } from './map-file.ts';
export { printGasSource, type GasSource } from './gas-printer.ts';
export { formatListing, listInstructions, type ListedInstruction } from './listing.ts';
export { formatInstruction } from '../x86/format.ts';
