// printGasSource on symbol names that are hard for GNU as: names it reads as registers or
// Intel-syntax operators even when quoted (printed under another name, bytes unchanged),
// and names with quotes, backslashes, spaces and punctuation from .NET metadata. Each program
// goes through as + ld and must give the image's bytes and symbol addresses.
import test from 'ava';
import { Assembler } from '../../src/x86/assembler.ts';
import { printGasSource } from '../../src/image/index.ts';
import { imm, mem, reg, sym } from '../../src/x86/operands.ts';
import { REG16, REG32, REG8, SREG, XMM, CREG } from '../../src/x86/registers.ts';
import { roundTrip } from '../x86/helpers/round-trip.ts';

const HARD_NAMES = [
  ...REG32, ...REG16, ...REG8, ...SREG, ...XMM, ...CREG,
  'EAX', 'st', 'st0', 'st(1)', 'mm3', 'dr7', 'eiz', 'rax', 'r8d', 'k1', 'bnd0',
  'byte', 'word', 'dword', 'fword', 'qword', 'tbyte', 'xmmword', 'ptr', 'offset', 'short', 'near', 'far', 'flat',
  'not', 'and', 'or', 'xor', 'shl', 'shr', 'mod', 'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  'dup', 'seg', 'size', 'length', 'type', 'rel', 'rip', 'nop', 'mov', 'jmp', 'rep',
  'a"b\\c', 'with space', '1foo', 'x@y', 'a$b', '<Module>::.cctor()', 'List`1<T>::Add(!0)', 'Kernel.Program::Main(int32,string[])',
];

function programUsing(names: readonly string[]): Assembler {
  const asm = new Assembler();
  asm.label('start', { type: 'function', global: true });
  for (const name of names) {
    asm.emit('call', sym(name));
    asm.emit('jmp', sym(name));
    asm.emit('mov', reg('eax'), imm(4, name));
    asm.emit('mov', reg('eax'), mem(4, { sym: name, base: 'ebx', index: 'ecx', scale: 4, disp: 8 }));
    asm.emit('mov', reg('eax'), mem(4, { sym: name, disp: -4 }));
    asm.emit('jmp', { kind: 'far', selector: 8, offset: 0, sym: name });
  }
  names.forEach((name, i) => {
    asm.label(name, { type: i % 3 === 0 ? 'function' : i % 3 === 1 ? 'object' : undefined, global: i % 2 === 0 });
    asm.emit('ret');
    asm.endSymbol(name);
  });
  asm.section('.data');
  for (const name of names) asm.addr32(name, 4);
  return asm;
}

test('symbols as would misread are renamed in the source only; the bytes and addresses agree', async t => {
  const asm = programUsing(HARD_NAMES);
  const r = await roundTrip(asm, 'start');
  t.deepEqual(r.problems, []);
  const renamed = printGasSource(asm, { entry: 'start' }).renamedSymbols;
  t.true(renamed.has('eax') && renamed.has('offset') && renamed.has('st'), 'register and operator names are renamed');
  t.false(renamed.has('Kernel.Program::Main(int32,string[])'));
  t.is(new Set(renamed.values()).size, renamed.size, 'aliases are distinct');
});

test('a rename never collides with an existing symbol', async t => {
  const asm = programUsing(['eax', 'eax$sym', 'eax$sym2']);
  const r = await roundTrip(asm, 'start');
  t.deepEqual(r.problems, []);
  t.is(printGasSource(asm, { entry: 'start' }).renamedSymbols.get('eax'), 'eax$sym3');
});
