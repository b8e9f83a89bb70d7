// Compiles the rows of encoding-table.ts into Form records the encoder can match and emit
// quickly, and indexes them by mnemonic (lower case, aliases included). A malformed row is a
// bug in the table and throws when this module loads.
//
// Operand roles follow from the opcode column (SDM 3.1.1.1):
//   /r     the operand that may be memory goes in ModRM.rm, the other register in ModRM.reg;
//          with two register-only operands (MOV r32, cr / MOV Sreg, r16) the general-purpose
//          register is ModRM.rm; a lone register operand (as's `IMUL r32, imm8`) fills both
//          fields; a lone r/m operand (SETcc) leaves ModRM.reg 0.
//   /digit the single register-or-memory operand is ModRM.rm, the digit is ModRM.reg.
//   +rb/+rw/+rd  the register operand is added to the last opcode byte.
//   ib iw id / cb cd / cp / mo  immediates, relative targets, far pointers and moffs addresses,
//          matched to the operands of that kind in order.

import { CONDITION_CODES, FORMS, MNEMONIC_ALIASES, type FormRow } from './encoding-table.ts';
import type { Reg, RegClass } from './registers.ts';
import { InternalError } from '../util/assert.ts';

/** What an operand position of a form accepts. */
export const SpecKind = {
  /** Any register of `regClass`. */
  Reg: 0,
  /** Exactly register `reg` (AL, CL, DX, EAX, ES, ...). */
  Fixed: 1,
  /** A register of `regClass`, or memory of exactly `memSize` bytes. */
  RegOrMem: 2,
  /** Memory of `memSize` bytes; ANY_SIZE accepts every size (LEA, INVLPG). */
  Mem: 3,
  /** An absolute memory operand (no base, no index) of `memSize` bytes: moffs. */
  Moffs: 4,
  /** An immediate of `width` bits. */
  Imm: 5,
  /** The literal immediate `value` (SHL r/m32, 1). */
  Const: 6,
  /** A branch target of `width` bits, given as a symbol. */
  Rel: 7,
  /** A far pointer ptr16:32. */
  Far: 8,
} as const;
export type SpecKind = (typeof SpecKind)[keyof typeof SpecKind];

/** Memory size of `m`: any size, including none. */
export const ANY_SIZE = -1;
/** Memory size of `m16&32` (LGDT/LIDT): 6 bytes, or unspecified. */
export const PSEUDO_DESCRIPTOR_SIZE = 6;

export interface OperandSpec {
  readonly text: string;
  readonly kind: SpecKind;
  readonly regClass: RegClass | null;
  /** Registers of `regClass` the position does not accept (reserved or #UD). */
  readonly excluded: readonly Reg[] | null;
  readonly reg: Reg | null;
  readonly memSize: number;
  readonly width: number;
  readonly value: number;
}

export interface Form {
  /** The row's instruction column after condition-code expansion, e.g. `JE rel8`. */
  readonly instruction: string;
  /** The row's opcode column after condition-code expansion, e.g. `o32 74 cb`. */
  readonly opcodeText: string;
  /** Lower-case mnemonic. */
  readonly mnemonic: string;
  readonly operands: readonly OperandSpec[];
  /** Emits the 66 operand-size prefix. */
  readonly o16: boolean;
  /** Opcode bytes, mandatory prefix (66/F2/F3) included. */
  readonly opcode: Uint8Array;
  /** -1 no ModRM; 0..7 the /digit; REG_IN_MODRM for /r. */
  readonly modrm: number;
  /** Operand index in ModRM.reg (/r), or -1 (then ModRM.reg is the digit, or 0). */
  readonly regOperand: number;
  /** Operand index in ModRM.rm, or -1. */
  readonly rmOperand: number;
  /** Operand index added to the last opcode byte (+rb/+rw/+rd), or -1. */
  readonly plusOperand: number;
  /** Operand index of the moffs address, or -1. */
  readonly moffsOperand: number;
  /** Operand index of the rel8/rel32 target, or -1. */
  readonly relOperand: number;
  /** Operand index of the ptr16:32, or -1. */
  readonly farOperand: number;
  /** Operand indices of the immediates, in encoding order. */
  readonly immOperands: readonly number[];
  /** Operand size in bits (16 with o16, else 32): what an `sx` imm8 is extended to. */
  readonly operandSize: 16 | 32;
  readonly sx: boolean;
  readonly lock: boolean;
  readonly rep: boolean;
  readonly gas: boolean;
}

export const REG_IN_MODRM = 8;

const FIXED_REGISTERS: Record<string, Reg> = {
  AL: 'al', AX: 'ax', EAX: 'eax', CL: 'cl', DX: 'dx',
  ES: 'es', CS: 'cs', SS: 'ss', DS: 'ds', FS: 'fs', GS: 'gs',
};

function spec(text: string, kind: SpecKind, f: Partial<Omit<OperandSpec, 'text' | 'kind'>> = {}): OperandSpec {
  return {
    text, kind, regClass: f.regClass ?? null, excluded: f.excluded ?? null, reg: f.reg ?? null,
    memSize: f.memSize ?? 0, width: f.width ?? 0, value: f.value ?? 0,
  };
}

function parseOperand(text: string, position: number, row: string): OperandSpec {
  const fixed = FIXED_REGISTERS[text];
  if (fixed) return spec(text, SpecKind.Fixed, { reg: fixed });
  const gpr: Record<string, RegClass> = { r8: 'r8', r16: 'r16', r32: 'r32' };
  if (gpr[text]) return spec(text, SpecKind.Reg, { regClass: gpr[text] });
  let m = /^r\/m(8|16|32)$/.exec(text);
  if (m) return spec(text, SpecKind.RegOrMem, { regClass: `r${m[1]}` as RegClass, memSize: Number(m[1]) / 8 });
  if (text === 'r32/m16') return spec(text, SpecKind.RegOrMem, { regClass: 'r32', memSize: 2 });
  if (/^xmm[12]?$/.test(text)) return spec(text, SpecKind.Reg, { regClass: 'xmm' });
  m = /^xmm[12]?\/m(32|64|128)$/.exec(text);
  if (m) return spec(text, SpecKind.RegOrMem, { regClass: 'xmm', memSize: Number(m[1]) / 8 });
  if (text === 'm') return spec(text, SpecKind.Mem, { memSize: ANY_SIZE });
  if (text === 'm16&32') return spec(text, SpecKind.Mem, { memSize: PSEUDO_DESCRIPTOR_SIZE });
  m = /^moffs(8|16|32)$/.exec(text);
  if (m) return spec(text, SpecKind.Moffs, { memSize: Number(m[1]) / 8 });
  m = /^imm(8|16|32)$/.exec(text);
  if (m) return spec(text, SpecKind.Imm, { width: Number(m[1]) });
  if (text === '1' || text === '3') return spec(text, SpecKind.Const, { value: Number(text) });
  m = /^rel(8|32)$/.exec(text);
  if (m) return spec(text, SpecKind.Rel, { width: Number(m[1]) });
  if (text === 'ptr16:32') return spec(text, SpecKind.Far);
  // MOV to CS is #UD (far transfers load CS), so a destination segment register is never CS.
  if (text === 'Sreg') return spec(text, SpecKind.Reg, { regClass: 'sreg', excluded: position === 0 ? ['cs'] : null });
  // CR1 is reserved (#UD).
  if (text === 'cr') return spec(text, SpecKind.Reg, { regClass: 'creg', excluded: ['cr1'] });
  throw new InternalError(`encoding table: unknown operand kind '${text}' in '${row}'`);
}

const IMM_TOKENS: Record<string, number> = { ib: 8, iw: 16, id: 32 };
const REL_TOKENS: Record<string, number> = { cb: 8, cd: 32 };

function compileRow(instruction: string, opcodeText: string, flagText: string): Form {
  const where = `${instruction} | ${opcodeText}`;
  const fail = (why: string): never => {
    throw new InternalError(`encoding table: ${why} in '${where}'`);
  };
  const space = instruction.indexOf(' ');
  const mnemonic = (space < 0 ? instruction : instruction.slice(0, space)).toLowerCase();
  const operands = space < 0 ? [] : instruction.slice(space + 1).split(', ').map((t, i) => parseOperand(t, i, where));
  const flags = new Set(flagText.split(' ').filter(Boolean));
  for (const f of flags) if (!['sx', 'lock', 'rep', 'gas'].includes(f)) fail(`unknown flag '${f}'`);

  let o16 = false;
  const opcode: number[] = [];
  let modrm = -1;
  let plus = false;
  const immWidths: number[] = [];
  let rel = 0;
  let far = false;
  let moffs = false;
  for (const token of opcodeText.split(' ')) {
    if (token === 'o16') o16 = true;
    else if (token === 'o32' || token === 'NP') continue;
    else if (/^[0-9A-F]{2}$/.test(token)) opcode.push(parseInt(token, 16));
    else if (/^[0-9A-F]{2}\+r[bwd]$/.test(token)) {
      opcode.push(parseInt(token.slice(0, 2), 16));
      plus = true;
    } else if (token === '/r') modrm = REG_IN_MODRM;
    else if (/^\/[0-7]$/.test(token)) modrm = Number(token[1]);
    else if (IMM_TOKENS[token]) immWidths.push(IMM_TOKENS[token]);
    else if (REL_TOKENS[token]) rel = REL_TOKENS[token];
    else if (token === 'cp') far = true;
    else if (token === 'mo') moffs = true;
    else fail(`unknown opcode token '${token}'`);
  }
  if (opcode.length === 0) fail('no opcode byte');

  const indices = (pred: (s: OperandSpec) => boolean) => operands.flatMap((s, i) => (pred(s) ? [i] : []));
  const immOperands = indices(s => s.kind === SpecKind.Imm);
  if (immOperands.length !== immWidths.length || immOperands.some((op, k) => operands[op].width !== immWidths[k]))
    fail('immediate operands and ib/iw/id tokens disagree');
  const relOps = indices(s => s.kind === SpecKind.Rel);
  if (relOps.length !== (rel ? 1 : 0) || (rel && operands[relOps[0]].width !== rel)) fail('rel operand and cb/cd disagree');
  const farOps = indices(s => s.kind === SpecKind.Far);
  if (farOps.length !== (far ? 1 : 0)) fail('ptr16:32 operand and cp disagree');
  const moffsOps = indices(s => s.kind === SpecKind.Moffs);
  if (moffsOps.length !== (moffs ? 1 : 0)) fail('moffs operand and mo disagree');

  // Operands that go into ModRM or the opcode byte.
  const placed = indices(s => s.kind === SpecKind.Reg || s.kind === SpecKind.RegOrMem || s.kind === SpecKind.Mem);
  const mayBeMem = (i: number) => operands[i].kind !== SpecKind.Reg;
  let regOperand = -1;
  let rmOperand = -1;
  let plusOperand = -1;
  if (plus) {
    if (placed.length !== 1 || mayBeMem(placed[0]) || modrm >= 0) fail('+r needs exactly one register operand and no ModRM');
    plusOperand = placed[0];
  } else if (modrm === REG_IN_MODRM) {
    if (placed.length === 1) {
      rmOperand = placed[0];
      if (!mayBeMem(rmOperand)) regOperand = rmOperand;
    } else if (placed.length === 2) {
      const [a, b] = placed;
      if (mayBeMem(a) && mayBeMem(b)) fail('two memory operands');
      if (mayBeMem(a) || mayBeMem(b)) [rmOperand, regOperand] = mayBeMem(a) ? [a, b] : [b, a];
      else {
        const gprA = operands[a].regClass!.startsWith('r');
        if (gprA === operands[b].regClass!.startsWith('r')) fail('cannot tell which register is ModRM.rm');
        [rmOperand, regOperand] = gprA ? [a, b] : [b, a];
      }
    } else fail('/r needs one or two register/memory operands');
  } else if (modrm >= 0) {
    if (placed.length !== 1) fail('/digit needs exactly one register/memory operand');
    rmOperand = placed[0];
  } else if (placed.length > 0) fail('register/memory operand without ModRM or +r');

  return {
    instruction,
    opcodeText,
    mnemonic,
    operands,
    o16,
    opcode: Uint8Array.from(opcode),
    modrm,
    regOperand,
    rmOperand,
    plusOperand,
    moffsOperand: moffs ? moffsOps[0] : -1,
    relOperand: rel ? relOps[0] : -1,
    farOperand: far ? farOps[0] : -1,
    immOperands,
    operandSize: o16 ? 16 : 32,
    sx: flags.has('sx'),
    lock: flags.has('lock'),
    rep: flags.has('rep'),
    gas: flags.has('gas'),
  };
}

/** Rows with `cc` in the mnemonic and `XX+cc` in the opcode become one row per condition. */
function expandConditions(row: FormRow): { instruction: string; opcode: string; flags: string; aliases: string[] }[] {
  const [instruction, opcode, flags = ''] = row;
  if (!opcode.includes('+cc')) return [{ instruction, opcode, flags, aliases: [] }];
  return CONDITION_CODES.map((names, cc) => ({
    instruction: instruction.replace('cc', names[0]),
    opcode: opcode.replace(/([0-9A-F]{2})\+cc/, (_, byte: string) => (parseInt(byte, 16) + cc).toString(16).toUpperCase().padStart(2, '0')),
    flags,
    aliases: names.slice(1).map(n => instruction.split(' ')[0].replace('cc', n).toLowerCase()),
  }));
}

function buildIndex(): { all: readonly Form[]; byMnemonic: ReadonlyMap<string, readonly Form[]> } {
  const all: Form[] = [];
  const byMnemonic = new Map<string, Form[]>();
  const add = (name: string, form: Form) => {
    const list = byMnemonic.get(name);
    if (list) list.push(form);
    else byMnemonic.set(name, [form]);
  };
  for (const row of FORMS) {
    for (const { instruction, opcode, flags, aliases } of expandConditions(row)) {
      const form = compileRow(instruction, opcode, flags);
      all.push(form);
      add(form.mnemonic, form);
      for (const alias of aliases) add(alias, form);
    }
  }
  for (const [alias, target] of Object.entries(MNEMONIC_ALIASES)) {
    const forms = byMnemonic.get(target.toLowerCase());
    if (!forms) throw new InternalError(`encoding table: alias ${alias} of unknown mnemonic ${target}`);
    byMnemonic.set(alias.toLowerCase(), forms);
  }
  return { all, byMnemonic };
}

const index = buildIndex();

/** Every form of the table, in table order (condition codes expanded). */
export const ALL_FORMS: readonly Form[] = index.all;

/** The forms of a lower-case mnemonic (aliases included), in preference order. */
export function formsOf(mnemonic: string): readonly Form[] | undefined {
  return index.byMnemonic.get(mnemonic);
}

/** All mnemonics the table knows, aliases included. */
export function knownMnemonics(): string[] {
  return [...index.byMnemonic.keys()];
}
