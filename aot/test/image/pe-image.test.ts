// The PE/COFF multiboot image against independent readers: objdump -x (headers, sections,
// symbol table), objdump -d (addresses, bytes and symbol names of the code, compared with
// our own listing), gdb (reads the COFF symbols), the multiboot header read per the
// multiboot specification, and determinism.
import test from 'ava';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { formatListing, linkImage, listInstructions, writeMapFile, writePeImage, type LinkedImage } from '../../src/image/index.ts';
import { Assembler } from '../../src/x86/assembler.ts';
import { imm, mem, reg, sym } from '../../src/x86/operands.ts';
import { InternalError } from '../../src/util/assert.ts';
import { buildHelloKernel, ENTRY } from './helpers/hello-kernel.ts';
import { roundTrip } from '../x86/helpers/round-trip.ts';

const run = promisify(execFile);
const asm = buildHelloKernel();
const image = linkImage(asm, { entry: ENTRY });
const file = writePeImage(image);

let dir = '';
let kernel = '';
test.before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sharpaot-pe-'));
  kernel = join(dir, 'kernel.bin');
  await writeFile(kernel, file);
});
test.after.always(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const objdump = async (...args: string[]) => (await run('objdump', [...args, kernel], { maxBuffer: 16 << 20 })).stdout;
const field = (text: string, name: string) => {
  const m = new RegExp(`^${name}\\s+(\\S+)`, 'm').exec(text);
  if (!m) throw new Error(`objdump -x shows no ${name}`);
  return m[1];
};
const hexNum = (s: string) => parseInt(s, 16);

test('objdump -x reads the PE headers: i386 PE32, image base, alignments, entry, no timestamp', async t => {
  const x = await objdump('-x');
  t.regex(x, /file format pei-i386/);
  t.regex(x, /architecture: i386/);
  t.is(hexNum(/start address 0x([0-9a-f]+)/.exec(x)![1]), image.entry);
  t.is(field(x, 'Magic'), '010b');
  t.is(hexNum(field(x, 'ImageBase')), 0x100000);
  t.is(hexNum(field(x, 'SectionAlignment')), 0x1000);
  t.is(hexNum(field(x, 'FileAlignment')), 0x1000);
  t.is(hexNum(field(x, 'SizeOfHeaders')), 0x1000);
  t.is(hexNum(field(x, 'AddressOfEntryPoint')), image.entry - image.imageBase);
  // SizeOfImage reaches the end of the last section (objdump's section table), page-aligned.
  const last = [...x.matchAll(/^\s+\d+ \S+\s+([0-9a-f]{8})\s+([0-9a-f]{8})/gm)].pop()!;
  t.is(hexNum(field(x, 'SizeOfImage')), Math.ceil((hexNum(last[2]) + hexNum(last[1]) - 0x100000) / 0x1000) * 0x1000);
  t.is(hexNum(field(x, 'CheckSum')), 0);
  t.regex(x, /Time\/Date\s+Thu Jan  1 00:00:00 1970/);
  t.regex(x, /Subsystem\s+00000001/);
  t.regex(x, /relocations stripped/);
  t.regex(x, /executable/);
});

test('objdump -x lists the sections at their addresses with the right flags', async t => {
  const x = await objdump('-x');
  const rows = [...x.matchAll(/^\s+\d+ (\S+)\s+([0-9a-f]{8})\s+([0-9a-f]{8})\s+[0-9a-f]{8}\s+([0-9a-f]{8})\s+\S+\n\s+(.*)$/gm)].map(m => ({
    name: m[1],
    size: hexNum(m[2]),
    vma: hexNum(m[3]),
    fileOffset: hexNum(m[4]),
    flags: m[5].split(', ').sort(),
  }));
  t.deepEqual(
    rows,
    image.sections.map(s => ({ name: s.name, size: s.virtualSize, vma: s.vaddr, fileOffset: s.fileOffset, flags: s.name === '.bss' ? ['ALLOC'] : s.name === '.text' ? ['ALLOC', 'CODE', 'CONTENTS', 'LOAD', 'READONLY'] : s.name === '.rdata' ? ['ALLOC', 'CONTENTS', 'DATA', 'LOAD', 'READONLY'] : ['ALLOC', 'CONTENTS', 'DATA', 'LOAD'] })),
  );
  t.deepEqual(rows.map(r => r.name), ['.text', '.rdata', '.data', '.bss']);
});

test('the COFF symbol table names every function and data symbol at its address (objdump -t)', async t => {
  const out = await objdump('-t');
  const sectionVma = image.sections.map(s => s.vaddr);
  const symbols = [...out.matchAll(/^\[\s*\d+\]\(sec\s+(\d+)\)\(fl 0x00\)\(ty\s+(\d+)\)\(scl\s+(\d+)\) \(nx 0\) 0x([0-9a-f]+) (.*)$/gm)].map(m => ({
    name: m[5],
    address: sectionVma[Number(m[1]) - 1] + hexNum(m[4]),
    function: m[2] === '20',
    global: m[3] === '2',
  }));
  t.deepEqual(
    symbols,
    image.symbols.map(s => ({ name: s.name, address: s.address, function: s.type === 'function', global: s.global })),
  );
  t.false(symbols.some(s => s.name.startsWith('.L')), 'local labels stay out');
});

/** objdump -d as (address, bytes) per instruction and the symbol headings. */
function parseObjdump(text: string): { insns: Map<number, string>; headings: Map<number, string> } {
  const insns = new Map<number, string>();
  const headings = new Map<number, string>();
  let last = -1;
  for (const line of text.split('\n')) {
    const h = /^([0-9a-f]{8}) <(.*)>:$/.exec(line);
    if (h) headings.set(hexNum(h[1]), h[2]);
    const m = /^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*(\t.*)?$/.exec(line);
    if (!m) continue;
    const bytes = m[2].replace(/ /g, '');
    if (m[3] === undefined && last >= 0) insns.set(last, insns.get(last) + bytes); // continuation line
    else insns.set((last = hexNum(m[1])), bytes);
  }
  return { insns, headings };
}

test('objdump -d agrees with our listing: addresses, bytes and symbol names', async t => {
  const { insns, headings } = parseObjdump(await objdump('-d'));
  const ours = listInstructions(asm, image);
  t.true(ours.length > 30);
  t.deepEqual(
    ours.map(i => [i.address, Buffer.from(i.bytes).toString('hex')]),
    ours.map(i => [i.address, insns.get(i.address)]),
  );
  t.deepEqual(
    [...headings].sort((a, b) => a[0] - b[0]),
    image.symbols.filter(s => s.section === '.text').map(s => [s.address, s.name]),
  );
});

test('the printed listing shows every instruction of objdump -d and every function heading', async t => {
  const { insns, headings } = parseObjdump(await objdump('-d'));
  const listing = formatListing(asm, image);
  for (const i of listInstructions(asm, image)) {
    const bytes = insns.get(i.address)!.match(/../g)!.join(' ');
    t.true(listing.includes(`${i.address.toString(16)}:\t${bytes}`), `no line for 0x${i.address.toString(16)}`);
  }
  for (const [address, name] of headings) t.true(listing.includes(`${address.toString(16).padStart(8, '0')} <${name}>:`));
});

test('gdb reads the COFF symbols of the image', async t => {
  const write = image.symbols.find(s => s.name === 'Kernel.Serial::Write(string)')!;
  const data = image.symbols.find(s => s.name === 'Kernel.Data::second')!;
  const { stdout } = await run('gdb', ['-batch', '-nx', '-ex', `info symbol 0x${write.address.toString(16)}`, '-ex', `info address ${data.name}`, kernel]);
  t.regex(stdout, /Kernel\.Serial::Write\(string\) in section \.text/);
  t.regex(stdout, new RegExp(`Kernel\\.Data::second" is at 0x${data.address.toString(16)}`));
});

/** The multiboot header as the loader finds it (multiboot 0.6.96, section 3.1). */
function findMultiboot(bytes: Uint8Array) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset);
  for (let o = 0; o + 32 <= 8192; o += 4) {
    if (dv.getUint32(o, true) !== 0x1badb002) continue;
    const u = (k: number) => dv.getUint32(o + 4 * k, true);
    return { offset: o, flags: u(1), sum: (u(0) + u(1) + u(2)) >>> 0, headerAddr: u(3), loadAddr: u(4), loadEndAddr: u(5), bssEndAddr: u(6), entryAddr: u(7) };
  }
  return null;
}

test('the multiboot header is found in the first 8 KiB and describes the loaded image', async t => {
  const mb = findMultiboot(file);
  if (!mb) return t.fail('no multiboot header in the first 8 KiB');
  const x = await objdump('-x');
  const section = (name: string) => {
    const m = new RegExp(`^\\s+\\d+ \\${name}\\s+([0-9a-f]{8})\\s+([0-9a-f]{8})`, 'm').exec(x)!;
    return { size: hexNum(m[1]), vma: hexNum(m[2]) };
  };
  t.is(mb.offset % 4, 0);
  t.is(mb.sum, 0, 'magic + flags + checksum = 0');
  t.is(mb.flags, (1 << 0) | (1 << 1) | (1 << 16), 'page-align modules, memory info, address fields');
  t.is(mb.headerAddr - mb.loadAddr, mb.offset, 'the file is loaded from offset 0');
  t.is(mb.loadAddr, 0x100000);
  t.is(mb.loadEndAddr, section('.data').vma + section('.data').size, 'load_end_addr ends the initialised data');
  t.is(mb.bssEndAddr, section('.bss').vma + section('.bss').size);
  t.is(mb.entryAddr, hexNum(/start address 0x([0-9a-f]+)/.exec(x)![1]));
  t.true(mb.loadEndAddr - mb.loadAddr <= file.length, 'the loaded part lies in the file');
  // Every loaded byte sits at file offset (address - load_addr), as the loader copies it.
  for (const s of image.sections.filter(s => s.name !== '.bss')) {
    t.deepEqual(file.subarray(s.vaddr - mb.loadAddr, s.vaddr - mb.loadAddr + s.bytes.length), s.bytes);
  }
});

test('the image is deterministic: the same program gives the same bytes', t => {
  const again = writePeImage(linkImage(buildHelloKernel(), { entry: ENTRY }));
  t.deepEqual(Buffer.from(again), Buffer.from(file));
});

test('the map file lists every symbol sorted by address, with the addresses and sizes ld computes', async t => {
  const r = await roundTrip(buildHelloKernel(), ENTRY);
  t.deepEqual(r.problems, []);
  const lines = writeMapFile(image).split('\n').filter(l => /^0x/.test(l));
  const rows = lines.map(l => {
    const [address, size, section, ...name] = l.split(/\s+/);
    return { address: hexNum(address), size: hexNum(size), section, name: name.join(' ') };
  });
  const elf = new Map(r.elf.symbols.map(s => [s.name, s]));
  t.deepEqual(
    rows,
    rows.map(row => ({ address: elf.get(row.name)!.value, size: elf.get(row.name)!.size, section: elf.get(row.name)!.section, name: row.name })),
  );
  t.deepEqual(rows.map(r => r.address), rows.map(r => r.address).sort((a, b) => a - b));
  t.is(rows.length, image.symbols.length);
});

test('the gas printer round trip gives the same bytes as the image', async t => {
  const r = await roundTrip(buildHelloKernel(), ENTRY);
  t.deepEqual(r.problems, []);
});

test('a symbol in an empty section lies where the section would begin (absolute in COFF, same address with as + ld)', async t => {
  const a = new Assembler();
  a.label('start', { type: 'function', global: true });
  a.emit('mov', reg('eax'), imm(0, 'Empty.Data::marker'));
  a.emit('ret');
  a.section('.data');
  a.label('Empty.Data::marker', { type: 'object' });
  a.section('.bss');
  a.space(16);
  const r = await roundTrip(a, 'start');
  t.deepEqual(r.problems, []);
  t.deepEqual(r.image.sections.map(s => s.name), ['.text', '.bss']);
  const marker = r.image.symbols.find(s => s.name === 'Empty.Data::marker')!;
  t.is(marker.address, r.image.sections[1].vaddr, 'the empty .data would start where .bss starts');
  const path = join(dir, 'empty.bin');
  await writeFile(path, writePeImage(r.image));
  const { stdout } = await run('objdump', ['-t', path]);
  t.regex(stdout, new RegExp(`\\(sec -1\\).* 0x0*${marker.address.toString(16)} Empty\\.Data::marker`));
});

test('link errors are InternalErrors naming the symbol', t => {
  const a = new Assembler();
  a.label('start');
  a.emit('mov', reg('eax'), mem(4, { sym: 'Missing.Field', disp: 0 }));
  a.emit('call', sym('start'));
  t.throws(() => linkImage(a, { entry: 'start' }), { instanceOf: InternalError, message: /undefined symbol 'Missing.Field'/ });
  const b = new Assembler();
  b.label('start');
  b.emit('push', imm(0, 'start'));
  t.throws(() => linkImage(b, { entry: 'Main' }), { instanceOf: InternalError, message: /undefined symbol 'Main' \(referenced from the entry point\)/ });
  t.throws(() => linkImage(b, { entry: 'start', imageBase: 0x101000 }), { instanceOf: InternalError, message: /multiple of 64 KiB/ });
  const ok: LinkedImage = linkImage(b, { entry: 'start', imageBase: 0x400000 });
  t.is(ok.sections[0].vaddr, 0x401000);
});
