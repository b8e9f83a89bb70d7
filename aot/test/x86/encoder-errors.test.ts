// Invalid operand combinations are compiler bugs: the encoder throws an InternalError that
// names the instruction and the forms that exist, and writes no bytes. Where GNU as can read
// the same text, it must reject it too.
import test from 'ava';
import { encode, encodeInto } from '../../src/x86/encoder.ts';
import { ByteBuffer } from '../../src/x86/byte-buffer.ts';
import { formatInstruction } from '../../src/x86/format.ts';
import { imm, mem, reg, sym, type Operand } from '../../src/x86/operands.ts';
import { InternalError } from '../../src/util/assert.ts';
import { assembleEach } from './helpers/gas.ts';

const m32 = (parts: Parameters<typeof mem>[1]) => mem(4, parts);

interface Bad {
  readonly mnemonic: string;
  readonly operands: Operand[];
  /** A fragment the message must contain. */
  readonly says: RegExp;
  /** GNU as also rejects the Intel-syntax text. */
  readonly asRejects: boolean;
}

const BAD: Bad[] = [
  { mnemonic: 'mov', operands: [m32({ base: 'eax' }), m32({ base: 'ebx' })], says: /no form of MOV takes \(m32, m32\).*MOV r\/m32, r32/, asRejects: true },
  { mnemonic: 'shl', operands: [reg('eax'), reg('ebx')], says: /no form of SHL takes \(r32 eax, r32 ebx\).*SHL r\/m32, CL/, asRejects: true },
  { mnemonic: 'mov', operands: [reg('eax'), m32({ base: 'eax', index: 'esp' })], says: /esp cannot be an index/, asRejects: true },
  { mnemonic: 'frobnicate', operands: [reg('eax')], says: /unknown mnemonic/, asRejects: true },
  { mnemonic: 'add', operands: [reg('al'), imm(300)], says: /no form of ADD takes \(r8 al, imm 300\)/, asRejects: false },
  { mnemonic: 'mov', operands: [reg('eax'), imm(2 ** 32)], says: /imm 4294967296/, asRejects: false },
  { mnemonic: 'int', operands: [imm(256)], says: /INT imm8/, asRejects: false },
  { mnemonic: 'ret', operands: [imm(0x10000)], says: /RET imm16/, asRejects: false },
  { mnemonic: 'mov', operands: [reg('eax'), imm(1.5)], says: /imm 1\.5/, asRejects: false },
  { mnemonic: 'mov', operands: [reg('eax'), reg('xmm0')], says: /no form of MOV takes \(r32 eax, xmm xmm0\)/, asRejects: true },
  { mnemonic: 'movzx', operands: [reg('eax'), reg('ecx')], says: /MOVZX r32, r\/m16/, asRejects: true },
  { mnemonic: 'inc', operands: [mem(0, { base: 'eax' })], says: /m \(no size\)/, asRejects: true },
  { mnemonic: 'lea', operands: [reg('eax'), mem(32 as 4, { base: 'eax' })], says: /no form of LEA takes \(r32 eax, m256\)/, asRejects: false },
  { mnemonic: 'mov', operands: [reg('cs'), reg('eax')], says: /no form of MOV takes \(sreg cs, r32 eax\)/, asRejects: false },
  { mnemonic: 'mov', operands: [reg('eax'), reg('cr1')], says: /creg cr1/, asRejects: false },
  { mnemonic: 'lock add', operands: [reg('eax'), imm(1)], says: /LOCK needs a memory destination/, asRejects: false },
  { mnemonic: 'lock mov', operands: [m32({ base: 'eax' }), reg('ecx')], says: /MOV takes no LOCK prefix/, asRejects: true },
  { mnemonic: 'rep add', operands: [reg('eax'), reg('ecx')], says: /ADD takes no REP prefix/, asRejects: false },
  { mnemonic: 'mov', operands: [reg('eax'), m32({ base: 'eax', scale: 4 })], says: /a scale needs an index/, asRejects: false },
  { mnemonic: 'mov', operands: [reg('eax'), m32({ base: 'eax', index: 'ecx', scale: 3 as 4 })], says: /scale 3/, asRejects: true },
  { mnemonic: 'mov', operands: [reg('eax'), m32({ base: 'eax', disp: 2 ** 32 })], says: /displacement 4294967296/, asRejects: false },
  { mnemonic: 'jmp', operands: [{ kind: 'far', selector: 0x10000, offset: 0 }], says: /no form of JMP takes \(ptr16:32\)/, asRejects: false },
  { mnemonic: 'call', operands: [sym('Kernel.Main')], says: /outside the Assembler/, asRejects: false },
  { mnemonic: 'mov', operands: [reg('eax'), imm(0, 'Kernel.Data')], says: /outside the Assembler: symbol addresses/, asRejects: false },
];

BAD.forEach((bad, i) => {
  test(`rejects #${i}: ${formatInstruction(bad.mnemonic, bad.operands)}`, t => {
    const out = new ByteBuffer(16);
    out.u8(0xaa);
    const e = t.throws(() => encodeInto(out, bad.mnemonic, bad.operands, null), { instanceOf: InternalError });
    t.regex(e!.message, bad.says);
    t.regex(e!.message, new RegExp(bad.mnemonic.split(' ').pop()!, 'i'), 'the message names the instruction');
    t.is(out.length, 1, 'no bytes written');
  });
});

test('GNU as rejects the same texts where it is strict', async t => {
  const strict = BAD.filter(b => b.asRejects);
  const results = await assembleEach(strict.map(b => formatInstruction(b.mnemonic, b.operands)));
  t.deepEqual(
    results.flatMap((r, i) => (r.ok ? [formatInstruction(strict[i].mnemonic, strict[i].operands)] : [])),
    [],
  );
});

test('encode() returns the bytes of one instruction', t => {
  t.deepEqual([...encode('mov', reg('eax'), imm(1))], [0xb8, 1, 0, 0, 0]);
});
