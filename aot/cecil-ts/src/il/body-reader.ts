// ECMA-335 II.25.4: method body decoding. Tiny and fat headers, local variables from the
// StandAloneSig, the instruction stream driven by the opcode table (prefixes are
// instructions of their own, as in Cecil), and the extra data sections with small and
// fat exception clauses. Branch targets and handler boundaries must fall on instruction
// starts; anything else is BadImageFormatError.

import { badImage } from '../errors.ts';
import { ByteReader } from '../pe/byte-reader.ts';
import { ONE_BYTE_OPCODES, OPERAND_SIZE, TWO_BYTE_OPCODES, type OpCode } from './opcodes.ts';
import { Instruction, MethodBody, VariableDefinition, type ExceptionHandler, type ExceptionHandlerType, type Operand } from './method-body.ts';
import type { MethodDefinition } from '../model/definitions.ts';
import type { MetadataReader } from '../model/reader.ts';

const CorILMethod = { TinyFormat: 0x2, FatFormat: 0x3, FormatMask: 0x3, MoreSects: 0x8, InitLocals: 0x10 } as const;
const CorILMethodSect = { EHTable: 0x1, OptILTable: 0x2, FatFormat: 0x40, MoreSects: 0x80 } as const;
const HANDLER_TYPES: Readonly<Record<number, ExceptionHandlerType>> = { 0: 'catch', 1: 'filter', 2: 'finally', 4: 'fault' };

export function readMethodBody(reader: MetadataReader, method: MethodDefinition): MethodBody {
  const image = reader.image;
  const start = image.pe.rvaToOffset(method.rva);
  if (start < 0 || start >= image.data.length) badImage(`body of ${method.fullName}: RVA 0x${method.rva.toString(16)} is not inside the file`, start < 0 ? -1 : image.data.length);
  const r = image.pe.readerFrom(method.rva, 'method body');
  const at = r.fileOffset;
  const first = r.u8('method header');
  let maxStack: number;
  let codeSize: number;
  let localVarToken = 0;
  let flags = 0;
  if ((first & CorILMethod.FormatMask) === CorILMethod.TinyFormat) {
    // Tiny header: one byte, code size in the upper 6 bits, max stack 8, no locals.
    maxStack = 8;
    codeSize = first >> 2;
  } else if ((first & CorILMethod.FormatMask) === CorILMethod.FatFormat) {
    // Fat header (12 bytes): Flags:12 Size:4 (in dwords), MaxStack u16, CodeSize u32, LocalVarSigTok u32.
    r.position = 0;
    const flagsAndSize = r.u16('fat header flags');
    flags = flagsAndSize & 0x0fff;
    const headerSize = (flagsAndSize >> 12) * 4;
    maxStack = r.u16('MaxStack');
    codeSize = r.u32('CodeSize');
    localVarToken = r.u32('LocalVarSigTok');
    if (headerSize < 12) badImage(`fat method header size ${headerSize} is below 12 bytes`, at);
    r.seek(headerSize, 'method code');
  } else {
    return badImage(`invalid method header format 0x${first.toString(16)} for ${method.fullName}`, at);
  }
  if (codeSize > r.remaining) badImage(`method ${method.fullName}: code size ${codeSize} runs past the end of its section`, at);
  const codeStart = r.position;
  const code = new ByteReader(r.data, r.fileOffset, codeSize);

  const variables = localVarToken === 0 ? [] : reader.localVariables(localVarToken, method, at).map((t, i) => new VariableDefinition(i, t));
  const instructions = decodeInstructions(reader, method, code, variables.length);

  const handlers: ExceptionHandler[] = [];
  if (flags & CorILMethod.MoreSects) {
    r.seek(codeStart + codeSize, 'method data sections');
    readSections(reader, method, r, instructions, codeSize, handlers);
  }
  const body = new MethodBody(method, maxStack, codeSize, (flags & CorILMethod.InitLocals) !== 0, localVarToken, variables, instructions, handlers);
  body.code = r.data.subarray(code.start, code.start + codeSize);
  return body;
}

function where(method: MethodDefinition, offset: number): string {
  return `in ${method.fullName} at IL_${offset.toString(16).padStart(4, '0')}`;
}

/** The instruction starting exactly at `offset` (binary search; instructions are in offset order). */
function instructionAt(instructions: readonly Instruction[], offset: number): Instruction | undefined {
  let lo = 0;
  let hi = instructions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = instructions[mid]!.offset;
    if (o === offset) return instructions[mid];
    if (o < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function decodeInstructions(reader: MetadataReader, method: MethodDefinition, r: ByteReader, localCount: number): Instruction[] {
  // The hot loop of the reader: bytes are read straight from the file with explicit bounds
  // checks (the operand size comes from the opcode table), not through ByteReader calls.
  const d = r.data;
  const base = r.start;
  const length = r.length;
  const instructions: Instruction[] = [];
  // Branches hold their target offsets (number, or number[] for switch) until all instructions exist.
  const branches: Instruction[] = [];
  let previous: Instruction | undefined;
  let p = 0;
  const i32 = (q: number): number => d[base + q]! | (d[base + q + 1]! << 8) | (d[base + q + 2]! << 16) | (d[base + q + 3]! << 24);
  while (p < length) {
    const offset = p;
    const b = d[base + p++]!;
    let op: OpCode | undefined;
    if (b === 0xfe) {
      if (p >= length) badImage(`truncated: expected the second byte of a two-byte opcode ${where(method, offset)}`, base + p);
      op = TWO_BYTE_OPCODES[d[base + p++]!];
    } else op = ONE_BYTE_OPCODES[b];
    if (op === undefined) badImage(`unknown opcode 0x${b === 0xfe ? 'fe' + d[base + p - 1]!.toString(16).padStart(2, '0') : b.toString(16)} ${where(method, offset)}`, base + offset);
    const operandAt = base + p;
    const size = OPERAND_SIZE[op.operandType];
    if (p + size > length) badImage(`truncated: the ${op.name} operand runs past the end of the code ${where(method, offset)}`, operandAt);
    let operand: Operand = null;
    let branch = false;
    switch (op.operandType) {
      case 'InlineNone': break;
      case 'ShortInlineI': operand = op.code === 0x1f ? (d[base + p]! << 24) >> 24 : d[base + p]!; break;
      case 'ShortInlineVar': case 'ShortInlineArg': operand = d[base + p]!; break;
      case 'InlineVar': case 'InlineArg': operand = d[base + p]! | (d[base + p + 1]! << 8); break;
      case 'InlineI': operand = i32(p); break;
      case 'InlineI8': r.position = p; operand = r.i64('int64 operand'); break;
      case 'ShortInlineR': r.position = p; operand = r.f32('float32 operand'); break;
      case 'InlineR': r.position = p; operand = r.f64('float64 operand'); break;
      case 'ShortInlineBrTarget': operand = p + 1 + ((d[base + p]! << 24) >> 24); branch = true; break;
      case 'InlineBrTarget': operand = p + 4 + i32(p); branch = true; break;
      case 'InlineSwitch': {
        const n = i32(p) >>> 0;
        if (n > (length - p - 4) / 4) badImage(`switch with ${n} targets runs past the end of the code ${where(method, offset)}`, operandAt);
        const end = p + 4 + 4 * n;
        const targets: number[] = new Array(n);
        for (let i = 0; i < n; i++) targets[i] = end + i32(p + 4 + 4 * i);
        operand = targets as unknown as Instruction[];
        p = end - size;
        branch = true;
        break;
      }
      case 'InlineString': operand = reader.userStringOperand(i32(p) >>> 0, operandAt); break;
      case 'InlineType': operand = reader.typeOperand(i32(p) >>> 0, operandAt); break;
      case 'InlineMethod': operand = reader.methodOperand(i32(p) >>> 0, operandAt); break;
      case 'InlineField': operand = reader.fieldOperand(i32(p) >>> 0, operandAt); break;
      case 'InlineTok': operand = reader.tokenOperand(i32(p) >>> 0, operandAt); break;
      case 'InlineSig': operand = reader.callSite(i32(p) >>> 0, method, operandAt); break;
    }
    p += size;
    if ((op.operandType === 'InlineVar' || op.operandType === 'ShortInlineVar') && (operand as number) >= localCount) {
      badImage(`local variable ${operand as number} out of range (method has ${localCount}) ${where(method, offset)}`, operandAt);
    }
    const insn = new Instruction(offset, op, operand, p - offset);
    if (branch) branches.push(insn);
    if (previous !== undefined) {
      previous.next = insn;
      insn.previous = previous;
    }
    previous = insn;
    instructions.push(insn);
  }
  const target = (from: Instruction, offset: number): Instruction => {
    const t = instructionAt(instructions, offset);
    if (t === undefined) badImage(`${from.opCode.name} at IL_${from.offset.toString(16).padStart(4, '0')} in ${method.fullName} targets offset ${offset}, which is not an instruction start`, r.start + from.offset);
    return t;
  };
  for (const insn of branches) {
    const o = insn.operand;
    insn.operand = typeof o === 'number' ? target(insn, o) : (o as unknown as number[]).map(x => target(insn, x));
  }
  return instructions;
}

function readSections(reader: MetadataReader, method: MethodDefinition, r: ByteReader, instructions: readonly Instruction[], codeSize: number, handlers: ExceptionHandler[]): void {
  for (;;) {
    // Sections are 4-byte aligned from the start of the method header.
    r.seek((r.position + 3) & ~3, 'method data section');
    const at = r.fileOffset;
    const kind = r.u8('section kind');
    const fat = (kind & CorILMethodSect.FatFormat) !== 0;
    let dataSize: number;
    if (fat) dataSize = r.u8('section size') | (r.u8('section size') << 8) | (r.u8('section size') << 16);
    else {
      dataSize = r.u8('section size');
      r.skip(2, 'section reserved');
    }
    const clauseSize = fat ? 24 : 12;
    if (dataSize < 4 || dataSize - 4 > r.remaining) badImage(`method data section of ${dataSize} bytes runs past the section`, at);
    if (kind & CorILMethodSect.EHTable) {
      const count = Math.floor((dataSize - 4) / clauseSize);
      for (let i = 0; i < count; i++) handlers.push(readClause(reader, method, r, fat, instructions, codeSize));
      r.skip(dataSize - 4 - count * clauseSize, 'section padding');
    } else {
      r.skip(dataSize - 4, 'method data section');
    }
    if (!(kind & CorILMethodSect.MoreSects)) return;
  }
}

function readClause(reader: MetadataReader, method: MethodDefinition, r: ByteReader, fat: boolean, instructions: readonly Instruction[], codeSize: number): ExceptionHandler {
  const at = r.fileOffset;
  // Small clause (12 bytes): Flags u16, TryOffset u16, TryLength u8, HandlerOffset u16, HandlerLength u8, ClassToken/FilterOffset u32.
  // Fat clause (24 bytes): the same fields, all u32.
  const flags = fat ? r.u32('clause Flags') : r.u16('clause Flags');
  const tryOffset = fat ? r.u32('TryOffset') : r.u16('TryOffset');
  const tryLength = fat ? r.u32('TryLength') : r.u8('TryLength');
  const handlerOffset = fat ? r.u32('HandlerOffset') : r.u16('HandlerOffset');
  const handlerLength = fat ? r.u32('HandlerLength') : r.u8('HandlerLength');
  const tokenOrFilter = r.u32('ClassToken/FilterOffset');
  const handlerType = HANDLER_TYPES[flags & 0x7];
  if (handlerType === undefined) badImage(`invalid exception clause flags 0x${flags.toString(16)} in ${method.fullName}`, at);
  const start = (offset: number, what: string) => {
    const insn = offset < codeSize ? instructionAt(instructions, offset) : undefined;
    if (insn === undefined) badImage(`exception clause ${what} ${offset} in ${method.fullName} is not an instruction start`, at);
    return insn;
  };
  const end = (offset: number, what: string) => (offset === codeSize ? undefined : start(offset, what));
  return {
    handlerType,
    tryStart: start(tryOffset, 'TryOffset'),
    tryEnd: end(tryOffset + tryLength, 'try end'),
    handlerStart: start(handlerOffset, 'HandlerOffset'),
    handlerEnd: end(handlerOffset + handlerLength, 'handler end'),
    filterStart: handlerType === 'filter' ? start(tokenOrFilter, 'FilterOffset') : undefined,
    catchType: handlerType === 'catch' ? reader.typeOperand(tokenOrFilter, at + (fat ? 20 : 8)) : undefined,
    tryOffset,
    tryLength,
    handlerOffset,
    handlerLength,
    filterOffset: handlerType === 'filter' ? tokenOrFilter : undefined,
  };
}
