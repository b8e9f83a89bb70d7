// The assembler buffer against GNU as: labels, forward and backward branches, relaxation to
// a fixpoint (including chains where one branch growing pushes others out of rel8 range),
// alignment padding, symbol sizes, calls, and random programs — each compared byte for byte
// with `as` + `ld` on the printed source of the same program.
import test from 'ava';
import { Assembler } from '../../src/x86/assembler.ts';
import { imm, mem, reg, sym, type Operand } from '../../src/x86/operands.ts';
import { CONDITION_CODES } from '../../src/x86/encoding-table.ts';
import { InternalError } from '../../src/util/assert.ts';
import { roundTrip } from './helpers/round-trip.ts';
import { prng } from './helpers/operand-spread.ts';

/** `n` bytes of code: nops, so the printed source stays instructions. */
function filler(asm: Assembler, n: number): void {
  for (let i = 0; i < n; i++) asm.emit('nop');
}

test('alignment padding in .text matches as for every padding size 0..140', async t => {
  const asm = new Assembler();
  asm.label('start', { type: 'function', global: true });
  for (let n = 0; n <= 140; n++) {
    asm.bytes(new Uint8Array(256 - n).fill(0xcc));
    asm.align(256);
  }
  asm.emit('ret');
  const r = await roundTrip(asm, 'start');
  t.deepEqual(r.problems, []);
});

test('forward and backward branches at the rel8 boundaries', async t => {
  const asm = new Assembler();
  asm.label('start', { type: 'function', global: true });
  // Backward: a jmp 2 bytes long reaches -128 from its end when 126 bytes precede it.
  for (const [i, gap] of [126, 127, 128, 129].entries()) {
    asm.label(`.Lback${i}`);
    filler(asm, gap);
    asm.emit('jmp', sym(`.Lback${i}`));
    asm.label(`.Lbackc${i}`);
    filler(asm, gap);
    asm.emit('jne', sym(`.Lbackc${i}`));
  }
  // Forward: +127 fits, +128 does not.
  for (const [i, gap] of [126, 127, 128, 129].entries()) {
    asm.emit('jmp', sym(`.Lfwd${i}`));
    filler(asm, gap);
    asm.label(`.Lfwd${i}`);
    asm.emit('jl', sym(`.Lfwdc${i}`));
    filler(asm, gap);
    asm.label(`.Lfwdc${i}`);
  }
  // A branch to itself and to the next instruction.
  asm.label('.Lself');
  asm.emit('jmp', sym('.Lself'));
  asm.emit('je', sym('.Lnext'));
  asm.label('.Lnext');
  asm.emit('ret');
  const r = await roundTrip(asm, 'start');
  t.deepEqual(r.problems, []);
  // Independent of as: the first backward jmp (126 bytes back + itself) is short.
  const text = r.image.sections[0].bytes;
  t.is(text[126], 0xeb);
});

test('relaxation reaches the fixpoint of a chain: each growing branch pushes the previous one out of range', async t => {
  const asm = new Assembler();
  asm.label('start', { type: 'function', global: true });
  // Branch k jumps over 120 filler bytes and branch k+1; the last one jumps far. Growing the
  // last pushes its predecessor out of rel8 range, and so on down the chain.
  const N = 12;
  for (let k = 0; k < N; k++) {
    asm.emit(k % 2 ? 'jmp' : 'jg', sym(`.Lchain${k}`));
    filler(asm, 120);
  }
  asm.emit('jmp', sym('.Lfar'));
  for (let k = N - 1; k >= 0; k--) asm.label(`.Lchain${k}`);
  filler(asm, 300);
  asm.label('.Lfar');
  asm.emit('ret');
  const r = await roundTrip(asm, 'start');
  t.deepEqual(r.problems, []);
  const insns = asm.layout().sections[0].insnSizes;
  t.is(insns[0], 6, 'the first branch of the chain ended long (jcc rel32)');
});

test('a forward branch over an alignment that absorbs earlier growth is sized like as does', async t => {
  // B1 grows (its target is far); B2 jumps over x bytes and a 16-byte alignment that absorbs
  // B1's growth. as does not add the growth to targets behind an alignment (gas regions), so
  // B2 may stay short where a naive estimate would make it long.
  const asm = new Assembler();
  asm.label('start', { type: 'function', global: true });
  let n = 0;
  for (let y = 8; y <= 13; y++) {
    for (let x = 120; x <= 128; x++, n++) {
      asm.align(256);
      asm.emit('jmp', sym(`.Lfar${n}`));
      filler(asm, y);
      asm.emit('jmp', sym(`.Lt${n}`));
      filler(asm, x);
      asm.align(16);
      asm.label(`.Lt${n}`);
      filler(asm, 200);
      asm.label(`.Lfar${n}`);
    }
  }
  asm.emit('ret');
  const r = await roundTrip(asm, 'start');
  t.deepEqual(r.problems, []);
  const sizes = asm.layout().sections[0].insnSizes;
  const insns = asm.entries('.text').filter(e => e.kind === 'insn');
  const b2 = insns.flatMap((e, i) => (e.operands[0]?.kind === 'sym' && e.operands[0].name.startsWith('.Lt') ? [sizes[i]] : []));
  t.true(b2.includes(2) && b2.includes(5), 'the family has both short and long second branches');
});

test('branches across alignment, calls, symbol sizes and data references agree with as + ld', async t => {
  const asm = new Assembler();
  asm.label('Kernel.Program::Main(int32,string[])', { type: 'function', global: true });
  asm.emit('push', reg('ebp'));
  asm.emit('mov', reg('ebp'), reg('esp'));
  asm.emit('call', sym('Kernel.Helper::Run()'));
  asm.emit('mov', reg('eax'), mem(4, { sym: 'Kernel.Data::count', disp: 0 }));
  asm.emit('mov', reg('ecx'), imm(4, 'Kernel.Data::table'));
  asm.emit('jmp', sym('Kernel.Helper::Run()'));
  asm.emit('jmp', sym('Kernel.Data::table')); // to another section: always rel32
  asm.endSymbol('Kernel.Program::Main(int32,string[])');
  asm.align(16);
  asm.label('Kernel.Helper::Run()', { type: 'function' });
  asm.emit('jmp', sym('.Lover'));
  filler(asm, 100);
  asm.align(64);
  filler(asm, 20);
  asm.label('.Lover');
  asm.emit('ret');
  asm.endSymbol('Kernel.Helper::Run()');
  asm.section('.data');
  asm.label('Kernel.Data::count', { type: 'object', global: true });
  asm.u32(7);
  asm.endSymbol('Kernel.Data::count');
  asm.align(8);
  asm.label('Kernel.Data::table', { type: 'object' });
  asm.addr32('Kernel.Program::Main(int32,string[])');
  asm.addr32('Kernel.Data::count', 4);
  asm.u16(0xffff);
  asm.u8(-1);
  asm.bytes(Uint8Array.of(1, 2, 3));
  asm.endSymbol('Kernel.Data::table');
  asm.section('.rdata');
  asm.label('Kernel.Strings::hello', { type: 'object' });
  asm.bytes(new TextEncoder().encode('hello\n'));
  asm.section('.bss');
  asm.label('Kernel.Heap::start', { type: 'object', global: true });
  asm.space(0x2000);
  asm.align(16);
  asm.space(3);
  asm.endSymbol('Kernel.Heap::start');
  const r = await roundTrip(asm, 'Kernel.Program::Main(int32,string[])');
  t.deepEqual(r.problems, []);
  t.deepEqual(
    r.image.sections.map(s => s.name),
    ['.text', '.rdata', '.data', '.bss'],
  );
});

/** A random program: labels, jmp/jcc/call to random labels, filler, occasional alignment. */
function randomProgram(seed: number, size: number): Assembler {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const labels = Array.from({ length: Math.max(4, size / 8) }, (_, i) => `.L${i}`);
  const jcc = CONDITION_CODES.map(names => 'j' + names[0].toLowerCase());
  const fillers: Operand[][] = [[], [reg('eax'), imm(1)], [reg('ecx'), mem(4, { base: 'ebp', disp: -8 })], [reg('edx'), imm(0x12345)]];
  const asm = new Assembler();
  asm.label('start', { type: 'function', global: true });
  let defined = 0;
  for (let i = 0; i < size; i++) {
    const r = rand();
    if (r < 0.12 && defined < labels.length) asm.label(labels[defined++]);
    else if (r < 0.3) asm.emit(pick(['jmp', ...jcc]), sym(pick(labels)));
    else if (r < 0.33) asm.emit('call', sym(pick(labels)));
    else if (r < 0.345) asm.align(pick([4, 8, 16, 32]));
    else {
      const ops = pick(fillers);
      asm.emit(ops.length ? (ops[1].kind === 'mem' ? 'mov' : 'add') : 'nop', ...ops);
      if (rand() < 0.2) filler(asm, Math.floor(rand() * 40));
    }
  }
  while (defined < labels.length) asm.label(labels[defined++]);
  asm.emit('ret');
  return asm;
}

for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
  test(`random program ${seed} (labels, branches, calls, alignment) assembles like as`, async t => {
    const r = await roundTrip(randomProgram(seed, 1500), 'start');
    t.deepEqual(r.problems, []);
  });
}

test('misuse is an InternalError naming the symbol or directive', t => {
  const asm = new Assembler();
  asm.label('a');
  t.throws(() => asm.label('a'), { instanceOf: InternalError, message: /symbol 'a' is defined twice/ });
  t.throws(() => asm.endSymbol('b'), { instanceOf: InternalError, message: /endSymbol\('b'\)/ });
  t.throws(() => asm.align(3), { instanceOf: InternalError, message: /power of two/ });
  t.throws(() => asm.u8(256), { instanceOf: InternalError, message: /u8: 256/ });
  t.throws(() => asm.label('bad\nname'), { instanceOf: InternalError, message: /control characters/ });
  asm.section('.data');
  t.throws(() => asm.emit('nop'), { instanceOf: InternalError, message: /instructions go in .text/ });
  asm.section('.bss');
  t.throws(() => asm.u32(1), { instanceOf: InternalError, message: /u32 in .bss/ });
  asm.section('.text');
  asm.emit('jmp', sym('nowhere'));
  t.throws(() => asm.layout(), { instanceOf: InternalError, message: /undefined symbol 'nowhere'/ });
});
