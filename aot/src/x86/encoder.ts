// Encodes one instruction: finds the first form of the mnemonic (in table order, see
// encoding-table.ts) whose operand kinds match, then emits it with a handful of generic
// handlers — prefixes, opcode (+register), ModRM/SIB/displacement, moffs, immediates,
// rel32 and far pointers. 32-bit protected mode only.
//
// Prefix order is GNU as's: segment override, 66 (operand size), F3/F0 (rep/lock), then the
// opcode with its mandatory prefix.
//
// An operand combination no form accepts is a compiler bug: InternalError naming the
// instruction and listing the forms that exist. Never wrong bytes.

import { ByteBuffer } from './byte-buffer.ts';
import { formatInstruction } from './format.ts';
import { formsOf, SpecKind, ANY_SIZE, PSEUDO_DESCRIPTOR_SIZE, REG_IN_MODRM, type Form, type OperandSpec } from './forms.ts';
import { address32, checkMem, defaultSegment, encodeMem, encodeRegRm, SEGMENT_PREFIX, type FixupSink } from './modrm.ts';
import type { FarOperand, ImmOperand, MemOperand, Operand, RegOperand, SymOperand } from './operands.ts';
import { isReg, regInfo } from './registers.ts';
import { InternalError } from '../util/assert.ts';

export type { FixupSink } from './modrm.ts';

const PREFIX_BYTE = { rep: 0xf3, lock: 0xf0 } as const;

/** A mnemonic as written, with its optional prefix (`rep movsd`, `lock cmpxchg`). */
export interface MnemonicEntry {
  readonly text: string;
  readonly prefix: keyof typeof PREFIX_BYTE | null;
  readonly forms: readonly Form[];
  /** The rel8 and rel32 forms of a relaxable branch (jmp, jcc); null otherwise. */
  readonly rel8: Form | null;
  readonly rel32: Form | null;
}

const entries = new Map<string, MnemonicEntry>();

/** Looks a mnemonic up (cached); throws InternalError when no form has it. */
export function lookupMnemonic(text: string): MnemonicEntry {
  const cached = entries.get(text);
  if (cached) return cached;
  const words = text.split(' ');
  let prefix: MnemonicEntry['prefix'] = null;
  if (words.length === 2 && (words[0] === 'rep' || words[0] === 'lock')) prefix = words[0];
  else if (words.length !== 1) throw new InternalError(`cannot encode '${text}': unknown prefix or mnemonic`);
  const forms = formsOf(words[words.length - 1]);
  if (!forms) throw new InternalError(`cannot encode '${text}': unknown mnemonic`);
  if (prefix && !forms.some(f => f[prefix])) {
    throw new InternalError(`cannot encode '${text}': ${words[1].toUpperCase()} takes no ${prefix.toUpperCase()} prefix`);
  }
  const relForm = (width: number) => forms.find(f => f.relOperand >= 0 && f.operands[f.relOperand].width === width) ?? null;
  const rel8 = relForm(8);
  const entry: MnemonicEntry = { text, prefix, forms, rel8, rel32: rel8 ? relForm(32) : null };
  entries.set(text, entry);
  return entry;
}

const INT32_MIN = -0x80000000;
const UINT32_MAX = 0xffffffff;

/** Does immediate `op` fit a `width`-bit immediate of form `form`? */
function immFits(op: ImmOperand, width: number, form: Form): boolean {
  if (op.sym !== undefined) return width === 32;
  const v = op.value;
  if (!Number.isInteger(v)) return false;
  switch (width) {
    case 8:
      if (!form.sx) return v >= -0x80 && v <= 0xff;
      // Sign-extended: the value, taken modulo the operand size, must be a signed byte.
      if (form.operandSize === 16) return v >= -0x8000 && v <= 0xffff && ((v << 16) >> 16) >= -0x80 && ((v << 16) >> 16) <= 0x7f;
      return v >= INT32_MIN && v <= UINT32_MAX && (v | 0) >= -0x80 && (v | 0) <= 0x7f;
    case 16:
      return v >= -0x8000 && v <= 0xffff;
    default:
      return v >= INT32_MIN && v <= UINT32_MAX;
  }
}

function regClassOf(op: Operand): string | null {
  return op.kind === 'reg' && isReg(op.reg) ? regInfo(op.reg).cls : null;
}

function memSizeFits(m: MemOperand, size: number): boolean {
  return size === ANY_SIZE || m.size === size || (size === PSEUDO_DESCRIPTOR_SIZE && m.size === 0);
}

function operandMatches(spec: OperandSpec, op: Operand, form: Form): boolean {
  switch (spec.kind) {
    case SpecKind.Reg:
      return regClassOf(op) === spec.regClass && (spec.excluded === null || !spec.excluded.includes((op as RegOperand).reg));
    case SpecKind.Fixed:
      return op.kind === 'reg' && op.reg === spec.reg;
    case SpecKind.RegOrMem:
      return op.kind === 'mem' ? op.size === spec.memSize : regClassOf(op) === spec.regClass;
    case SpecKind.Mem:
      return op.kind === 'mem' && memSizeFits(op, spec.memSize);
    case SpecKind.Moffs:
      return op.kind === 'mem' && op.base === undefined && op.index === undefined && op.size === spec.memSize;
    case SpecKind.Imm:
      return op.kind === 'imm' && immFits(op, spec.width, form);
    case SpecKind.Const:
      return op.kind === 'imm' && op.sym === undefined && op.value === spec.value;
    case SpecKind.Rel:
      return op.kind === 'sym';
    case SpecKind.Far:
      return (
        op.kind === 'far' &&
        Number.isInteger(op.selector) && op.selector >= 0 && op.selector <= 0xffff &&
        Number.isInteger(op.offset) && op.offset >= INT32_MIN && op.offset <= UINT32_MAX
      );
  }
}

function describe(op: Operand): string {
  switch (op.kind) {
    case 'reg':
      return isReg(op.reg) ? `${regInfo(op.reg).cls} ${op.reg}` : `unknown register '${op.reg}'`;
    case 'mem':
      return op.size === 0 ? 'm (no size)' : `m${op.size * 8}`;
    case 'imm':
      return op.sym === undefined ? `imm ${op.value}` : `imm offset ${op.sym}`;
    case 'sym':
      return `label ${op.name}`;
    case 'far':
      return 'ptr16:32';
  }
}

/** The first form of `entry` that takes `operands`; throws InternalError listing the forms otherwise. */
export function selectForm(entry: MnemonicEntry, operands: readonly Operand[]): Form {
  const forms = entry.forms;
  const n = operands.length;
  search: for (let i = 0; i < forms.length; i++) {
    const form = forms[i];
    const specs = form.operands;
    if (specs.length !== n) continue;
    for (let k = 0; k < n; k++) if (!operandMatches(specs[k], operands[k], form)) continue search;
    return form;
  }
  const upper = forms[0].mnemonic.toUpperCase();
  throw new InternalError(
    `cannot encode '${formatInstruction(entry.text, operands)}': no form of ${upper} takes (${operands.map(describe).join(', ')}); ` +
      `the forms are: ${forms.map(f => f.instruction).join(' | ')}`,
  );
}

function regNum(op: Operand): number {
  return regInfo((op as { reg: Parameters<typeof regInfo>[0] }).reg).num;
}

/** Appends the bytes of `operands` encoded with `form`; symbolic fields go to `fixups`. */
export function encodeForm(out: ByteBuffer, entry: MnemonicEntry, form: Form, operands: readonly Operand[], fixups: FixupSink | null): void {
  const memIndex = form.rmOperand >= 0 && operands[form.rmOperand].kind === 'mem' ? form.rmOperand : form.moffsOperand;
  const mem = memIndex >= 0 ? (operands[memIndex] as MemOperand) : null;
  // Everything that can fail is checked before the first byte is written.
  if (mem) checkMem(mem, () => `'${formatInstruction(entry.text, operands)}'`);
  if (entry.prefix === 'lock' && !(form.lock && operands[0].kind === 'mem')) {
    throw new InternalError(`cannot encode '${formatInstruction(entry.text, operands)}': LOCK needs a memory destination and a lockable form (${form.instruction})`);
  }
  if (entry.prefix === 'rep' && !form.rep) {
    throw new InternalError(`cannot encode '${formatInstruction(entry.text, operands)}': ${form.instruction} takes no REP prefix`);
  }
  if (form.relOperand >= 0 && (!fixups || form.operands[form.relOperand].width !== 32)) {
    throw new InternalError(`cannot encode '${formatInstruction(entry.text, operands)}' outside the Assembler: branch targets are resolved there`);
  }
  if (!fixups && operands.some(op => (op.kind === 'mem' || op.kind === 'imm' || op.kind === 'far') && op.sym !== undefined)) {
    throw new InternalError(`cannot encode '${formatInstruction(entry.text, operands)}' outside the Assembler: symbol addresses are resolved there`);
  }

  if (mem && mem.seg !== undefined && mem.seg !== defaultSegment(mem)) out.u8(SEGMENT_PREFIX[mem.seg]);
  if (form.o16) out.u8(0x66);
  if (entry.prefix) out.u8(PREFIX_BYTE[entry.prefix]);
  const opcode = form.opcode;
  const last = opcode.length - 1;
  for (let i = 0; i < last; i++) out.u8(opcode[i]);
  out.u8(form.plusOperand >= 0 ? opcode[last] + regNum(operands[form.plusOperand]) : opcode[last]);

  if (form.modrm >= 0) {
    const regField = form.modrm !== REG_IN_MODRM ? form.modrm : form.regOperand >= 0 ? regNum(operands[form.regOperand]) : 0;
    const rm = operands[form.rmOperand];
    if (rm.kind === 'mem') encodeMem(out, regField, rm, fixups);
    else encodeRegRm(out, regField, regNum(rm));
  }
  if (mem && memIndex === form.moffsOperand) address32(out, mem.disp | 0, mem.sym, fixups);

  const imms = form.immOperands;
  for (let i = 0; i < imms.length; i++) {
    const op = operands[imms[i]] as ImmOperand;
    const width = form.operands[imms[i]].width;
    if (width === 8) out.u8(op.value);
    else if (width === 16) out.u16(op.value);
    else address32(out, op.value, op.sym, fixups);
  }
  if (form.relOperand >= 0) {
    fixups!.rel32(out.length, (operands[form.relOperand] as SymOperand).name);
    out.u32(0);
  }
  if (form.farOperand >= 0) {
    const far = operands[form.farOperand] as FarOperand;
    address32(out, far.offset, far.sym, fixups);
    out.u16(far.selector);
  }
}

/** Encodes one instruction into `out`. */
export function encodeInto(out: ByteBuffer, mnemonic: string, operands: readonly Operand[], fixups: FixupSink | null): Form {
  const entry = lookupMnemonic(mnemonic);
  const form = selectForm(entry, operands);
  encodeForm(out, entry, form, operands, fixups);
  return form;
}

/**
 * The bytes of one instruction without symbols (symbolic operands and branches to labels
 * need the Assembler, which resolves them).
 */
export function encode(mnemonic: string, ...operands: Operand[]): Uint8Array {
  const out = new ByteBuffer(16);
  encodeInto(out, mnemonic, operands, null);
  return out.toBytes();
}
