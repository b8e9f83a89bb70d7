// iced-x86 as an independent decoder: decodes our bytes and compares the instruction it
// sees (mnemonic, form and opcode strings, prefixes, every operand) with what was asked for.

import { Decoder, DecoderOptions, Formatter, FormatterSyntax, MemorySizeExt, Mnemonic, OpCodeOperandKind, OpKind, Register, type Instruction } from 'iced-x86';
import type { Form } from '../../../src/x86/forms.ts';
import type { Operand } from '../../../src/x86/operands.ts';
import { defaultSegment } from '../../../src/x86/modrm.ts';

export interface Decoded {
  /** iced's Intel-syntax text of the instruction, for messages. */
  readonly text: string;
  readonly length: number;
  readonly mnemonic: string;
  readonly instruction: string;
  readonly opcode: string;
  readonly lock: boolean;
  readonly rep: boolean;
  /** The form has a sign-extended imm8 (OpCodeOperandKind imm8sex16/imm8sex32). */
  readonly sx: boolean;
  readonly canLock: boolean;
  readonly canRep: boolean;
  readonly operands: readonly DecodedOperand[];
  readonly segmentPrefix: string;
}

export type DecodedOperand =
  | { kind: 'reg'; reg: string }
  | { kind: 'mem'; base: string; index: string; scale: number; disp: number; seg: string; size: number }
  | { kind: 'imm'; value: number; bits: number }
  | { kind: 'far'; selector: number; offset: number }
  | { kind: 'other'; what: string };

const regName = (r: Register) => (r === Register.None ? '' : Register[r].toLowerCase());

const IMM_BITS: Partial<Record<OpKind, number>> = {
  [OpKind.Immediate8]: 8,
  [OpKind.Immediate16]: 16,
  [OpKind.Immediate32]: 32,
  [OpKind.Immediate8to16]: 16,
  [OpKind.Immediate8to32]: 32,
};

function operandOf(i: Instruction, k: number): DecodedOperand {
  const kind = i.opKind(k);
  if (kind === OpKind.Register) return { kind: 'reg', reg: regName(i.opRegister(k)) };
  if (kind === OpKind.Memory) {
    return {
      kind: 'mem',
      base: regName(i.memoryBase),
      index: regName(i.memoryIndex),
      scale: i.memoryIndexScale,
      disp: Number(BigInt.asUintN(32, i.memoryDisplacement)),
      seg: regName(i.memorySegment),
      size: MemorySizeExt.size(i.memorySize),
    };
  }
  const bits = IMM_BITS[kind];
  if (bits) return { kind: 'imm', value: Number(BigInt.asUintN(bits, i.immediate(k))), bits };
  if (kind === OpKind.FarBranch32) return { kind: 'far', selector: i.farBranchSelector, offset: i.farBranch32 };
  return { kind: 'other', what: OpKind[kind] };
}

/** Decodes the first instruction of `bytes` (32-bit mode). */
export function decode(bytes: Uint8Array): Decoded {
  const decoder = new Decoder(32, bytes, DecoderOptions.None);
  const formatter = new Formatter(FormatterSyntax.Intel);
  const i = decoder.decode();
  const oc = i.opCode;
  try {
    const operands = Array.from({ length: i.opCount }, (_, k) => operandOf(i, k));
    // OpCodeOperandKind imm8sex16 / imm8sex32 mark a sign-extended imm8.
    const kinds = Array.from({ length: oc.opCount }, (_, k) => OpCodeOperandKind[oc.opKind(k)]);
    const sx = kinds.some(k => k.startsWith('imm8sex'));
    return {
      text: formatter.format(i),
      length: i.length,
      mnemonic: Mnemonic[i.mnemonic].toLowerCase(),
      instruction: oc.instructionString,
      opcode: oc.opCodeString,
      lock: i.hasLockPrefix,
      rep: i.hasRepPrefix,
      sx,
      canLock: oc.canUseLockPrefix,
      canRep: oc.canUseRepPrefix,
      operands,
      segmentPrefix: regName(i.segmentPrefix),
    };
  } finally {
    oc.free();
    i.free();
    formatter.free();
    decoder.free();
  }
}

/** What iced should see for one of our operands (with `bits` the immediate's width). */
function expected(op: Operand, bits: number): DecodedOperand {
  switch (op.kind) {
    case 'reg':
      return { kind: 'reg', reg: op.reg };
    case 'mem':
      return {
        kind: 'mem',
        base: op.base ?? '',
        index: op.index ?? '',
        scale: op.index ? (op.scale ?? 1) : 1,
        disp: op.disp >>> 0,
        seg: op.seg ?? defaultSegment(op),
        size: op.size,
      };
    case 'imm':
      return { kind: 'imm', value: Number(BigInt.asUintN(bits, BigInt(op.value))), bits };
    case 'far':
      return { kind: 'far', selector: op.selector, offset: op.offset >>> 0 };
    case 'sym':
      return { kind: 'other', what: 'symbol' };
  }
}

/**
 * The operands iced reports for the bytes of a `gas` alias form: the SDM form they decode
 * as (operands swapped, a 16-bit register read as its 32-bit register, IMUL's implied source).
 */
function asDecoded(form: Form, ops: readonly Operand[]): readonly Operand[] {
  const wide = (op: Operand): Operand => (op.kind === 'reg' && /^(ax|cx|dx|bx|sp|bp|si|di)$/.test(op.reg) ? { kind: 'reg', reg: ('e' + op.reg) as 'eax' } : op);
  switch (form.instruction) {
    case 'MOV Sreg, r16':
      return [ops[0], wide(ops[1])];
    case 'LTR r/m16':
      return [wide(ops[0])];
    case 'INT 3':
      return [];
    default:
      if (form.mnemonic === 'imul') return [ops[0], ops[0], ops[1]];
      return [ops[1], ops[0]]; // XCHG and TEST: the operands swapped
  }
}

/** Compares iced's decoding of `bytes` with `form` and `operands`; returns the differences. */
export function compareWithIced(bytes: Uint8Array, form: Form, operands: readonly Operand[], prefix: 'rep' | 'lock' | null): string[] {
  const d = decode(bytes);
  const problems: string[] = [];
  // XCHG of (E)AX with itself is the one-byte 90, which the SDM defines as NOP.
  if (form.mnemonic === 'xchg' && d.mnemonic === 'nop' && operands.every(op => op.kind === 'reg' && /^e?ax$/.test(op.reg))) return [];
  const expect = (what: string, ours: unknown, theirs: unknown) => {
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) problems.push(`${what}: ours ${JSON.stringify(ours)}, iced ${JSON.stringify(theirs)} (iced reads '${d.text}')`);
  };
  expect('length', bytes.length, d.length);
  if (!form.gas) {
    expect('form', form.instruction, d.instruction);
    expect('opcode', form.opcodeText, d.opcode);
    expect('sx flag', form.sx, d.sx);
    expect('lock flag', form.lock, d.canLock);
    expect('rep flag', form.rep, d.canRep);
  }
  expect('lock prefix', prefix === 'lock', d.lock);
  expect('rep prefix', prefix === 'rep', d.rep);
  const ours = form.gas ? asDecoded(form, operands) : operands;
  if (ours.length > 0) {
    // Fixed string-instruction operands (es:[edi]) are implicit in our forms.
    const theirs = d.operands;
    expect('operand count', ours.length, theirs.length);
    ours.forEach((op, k) => {
      const t = theirs[k];
      const bits = t && t.kind === 'imm' ? t.bits : 32;
      const e = expected(op, bits);
      // `m` forms (LEA, SGDT, INVLPG) have no size of their own.
      if (e.kind === 'mem' && t && t.kind === 'mem' && op.kind === 'mem' && (op.size === 0 || form.operands[k]?.memSize === -1)) e.size = t.size;
      expect(`operand ${k}`, e, t);
    });
  }
  return problems;
}
