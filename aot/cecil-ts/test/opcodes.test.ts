// Every opcode of the table decodes as monodis decodes it. The fixture's long method
// Program::Big gets its code overwritten with one instance of each opcode (one- and
// two-byte, prefixes, short and long branches, switch, every operand type with a valid
// token), padded with nop; monodis disassembles the patched file and each instruction
// must agree. Only calli is left out: no StandAloneSig of the fixture is a method signature.

import test from 'ava';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpCodes, Table, instructionText, readAssembly, type OpCode } from '../src/index.ts';
import { buildFeatures } from './helpers/fixtures.ts';
import { ldstrValue, monodis, normalizeOperand, numberValue, parseDisassembly } from './helpers/monodis.ts';

/** Encodes one instance of an opcode with a valid operand. */
function encode(op: OpCode, tokens: Record<string, number>): number[] {
  const bytes = op.code > 0xff ? [0xfe, op.code & 0xff] : [op.code];
  const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
  switch (op.operandType) {
    case 'InlineNone': return bytes;
    case 'ShortInlineI': return [...bytes, op.name === 'ldc.i4.s' ? 0xfb : 0x01];
    case 'ShortInlineVar': case 'ShortInlineArg': return [...bytes, 0];
    case 'InlineVar': case 'InlineArg': return [...bytes, 0, 0];
    case 'InlineI': return [...bytes, ...u32(-123456)];
    case 'InlineI8': return [...bytes, ...u32(0x89abcdef), ...u32(0x01234567)];
    case 'ShortInlineR': return [...bytes, ...new Uint8Array(new Float32Array([1.5]).buffer)];
    case 'InlineR': return [...bytes, ...new Uint8Array(new Float64Array([-2.25]).buffer)];
    case 'ShortInlineBrTarget': return [...bytes, 0];
    case 'InlineBrTarget': return [...bytes, ...u32(0)];
    case 'InlineSwitch': return [...bytes, ...u32(2), ...u32(0), ...u32(0)];
    case 'InlineString': return [...bytes, ...u32(tokens.string!)];
    case 'InlineType': return [...bytes, ...u32(tokens.type!)];
    case 'InlineMethod': return [...bytes, ...u32(tokens.method!)];
    case 'InlineField': return [...bytes, ...u32(tokens.field!)];
    case 'InlineTok': return [...bytes, ...u32(tokens.type!)];
    case 'InlineSig': throw new Error('calli has no operand in this fixture');
  }
}

test('every opcode decodes as monodis decodes it', async t => {
  const path = await buildFeatures();
  const data = new Uint8Array(readFileSync(path));
  const m = readAssembly(data).mainModule;
  const big = m.getType('Features.Program')!.methods.find(x => x.name === 'Big')!;
  const body = big.body!;
  t.true(body.exceptionHandlers.length === 0 && body.variables.length > 0);
  // Rows that exist in the fixture; 0x70000001 is the first #US entry.
  const tokens = { string: 0x70000001, type: (Table.TypeDef << 24) | 2, method: (Table.MethodDef << 24) | 1, field: (Table.Field << 24) | 1 };
  const ops = Object.values(OpCodes).filter(o => o.operandType !== 'InlineSig');
  const code = ops.flatMap(o => encode(o, tokens));
  t.true(code.length <= body.codeSize, `${code.length} bytes fit in ${body.codeSize}`);
  const start = body.code.byteOffset;
  data.set(code, start);
  data.fill(0x00, start + code.length, start + body.codeSize);
  const patched = join(tmpdir(), `cecil-ts-opcodes-${process.pid}.exe`);
  writeFileSync(patched, data);
  t.teardown(() => rmSync(patched, { force: true }));

  const ours = readAssembly(patched).mainModule.reader.method(big.row).body!.instructions;
  const theirs = parseDisassembly(await monodis([patched])).get(big.row)!;
  const alias: Record<string, string> = { ldelem: 'ldelem.any', stelem: 'stelem.any' };
  const decoded = ours.slice(0, ops.length);
  t.deepEqual(decoded.map(i => i.opCode.name), ops.map(o => o.name), 'decoded in order');
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i]!;
    const b = theirs[i]!;
    t.is(a.offset, b.offset);
    t.is(a.opCode.name, alias[b.opcode] ?? b.opcode);
    if (a.opCode.operandType === 'ShortInlineR' || a.opCode.operandType === 'InlineR') t.is(a.operand, numberValue(b.operand, a.opCode.operandType === 'ShortInlineR'));
    else if (a.opCode.operandType === 'InlineI8') t.is(BigInt.asUintN(64, a.operand as bigint), numberValue(b.operand, false) as bigint);
    else if (a.opCode.operandType === 'InlineString') t.is(a.operand, ldstrValue(b.operand));
    else t.is(normalizeOperand(instructionText(a, m).replace(/^IL_[0-9a-f]+: {2}\S+ ?/, '')), normalizeOperand(b.operand), `${a.opCode.name} at ${a.offset}`);
  }
  t.is(ours.length, theirs.length);
});
