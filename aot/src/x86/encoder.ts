// Encodes one instruction: finds the first form of the mnemonic (in table order, see
// encoding-table.ts) whose operand kinds match, then emits it with a handful of generic
// handlers — prefixes, opcode (+register), ModRM/SIB/displacement, moffs, immediates,
// rel32 and far pointers. 32-bit protected mode only (no REX: AH..BH are always encodable).
//
// Matching looks only at the operands' classes (operand-class.ts), so the form chosen for a
// mnemonic and a combination of classes is memoised per mnemonic.
//
// Prefix order is GNU as's: segment override, 66 (operand size), F3/F0 (rep/lock), then the
// opcode with its mandatory prefix.
//
// An operand combination no form accepts is a compiler bug: InternalError naming the
// instruction and listing the forms that exist. Never wrong bytes: everything that can fail
// is checked before the first byte is written.

import { ByteBuffer } from './byte-buffer.ts';
import { formatInstruction } from './format.ts';
import { formsOf, REG_IN_MODRM, type Form } from './forms.ts';
import { Classes, classify, NUM_OF_REG, specMatches } from './operand-class.ts';
import { address32, memProblem, defaultSegment, encodeMem, put32, SEGMENT_PREFIX, type FixupSink } from './modrm.ts';
import type { FarOperand, ImmOperand, MemOperand, Operand, SymOperand } from './operands.ts';
import { isReg, regInfo } from './registers.ts';
import { InternalError } from '../util/assert.ts';

export type { FixupSink } from './modrm.ts';
export { Classes, classify } from './operand-class.ts';

const PREFIX_BYTE = { rep: 0xf3, lock: 0xf0 } as const;

/** A mnemonic as written, with its optional prefix (`rep movsd`, `lock cmpxchg`). */
export interface MnemonicEntry {
  /** Index in the list of entries looked up so far (mnemonicById), for compact records. */
  readonly id: number;
  readonly text: string;
  readonly prefix: keyof typeof PREFIX_BYTE | null;
  readonly forms: readonly Form[];
  /** The rel8 and rel32 forms of a relaxable branch (jmp, jcc); null otherwise. */
  readonly rel8: Form | null;
  readonly rel32: Form | null;
  /** Memo of selectForm: operand-class key to the form chosen. */
  readonly selected: Map<number, Form>;
  /** A direct-mapped cache in front of `selected` (MEMO_SIZE keys, -1 when empty, and their forms). */
  readonly memoKey: Int32Array;
  readonly memoForm: Form[];
}

/** Entries of MnemonicEntry's direct-mapped memo (a power of two). */
const MEMO_BITS = 8;
const MEMO_SIZE = 1 << MEMO_BITS;
/** Fibonacci hashing of a key into the memo. */
const memoSlot = (key: number) => Math.imul(key, 0x9e3779b1) >>> (32 - MEMO_BITS);

const entries = new Map<string, MnemonicEntry>();
const byId: MnemonicEntry[] = [];

/** The entry with id `id` (MnemonicEntry.id). */
export function mnemonicById(id: number): MnemonicEntry {
  return byId[id];
}

// A direct-mapped cache of the mnemonics looked up, in front of `entries`: the compiler passes
// the same few string literals millions of times, and comparing one of them with itself is a
// pointer comparison.
const RECENT = 256;
const recentText: string[] = new Array<string>(RECENT).fill('');
const recentEntry: (MnemonicEntry | undefined)[] = new Array<MnemonicEntry | undefined>(RECENT).fill(undefined);
const recentSlot = (text: string) =>
  text.length === 0 ? 0 : (text.length * 37 + text.charCodeAt(0) * 5 + text.charCodeAt(text.length >> 1) * 3 + text.charCodeAt(text.length - 1)) & (RECENT - 1);

/** Looks a mnemonic up (cached); throws InternalError when no form has it. */
export function lookupMnemonic(text: string): MnemonicEntry {
  const slot = recentSlot(text);
  if (recentText[slot] === text) return recentEntry[slot]!;
  const cached = entries.get(text);
  if (cached) {
    recentText[slot] = text;
    recentEntry[slot] = cached;
    return cached;
  }
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
  const entry: MnemonicEntry = {
    id: byId.length, text, prefix, forms, rel8, rel32: rel8 ? relForm(32) : null,
    selected: new Map(), memoKey: new Int32Array(MEMO_SIZE).fill(-1), memoForm: new Array<Form>(MEMO_SIZE),
  };
  entries.set(text, entry);
  byId.push(entry);
  return entry;
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

const scratch = new Classes();

/** The first form of `entry` that takes `operands`; throws InternalError listing the forms otherwise. */
export function selectForm(entry: MnemonicEntry, operands: readonly Operand[]): Form {
  return select(entry, operands, scratch, classify(operands, scratch));
}

/** selectForm for operands already classified: `key` is what classify() returned. */
export function select(entry: MnemonicEntry, operands: readonly Operand[], classes: Classes, key: number): Form {
  if (key >= 0) {
    const slot = memoSlot(key);
    if (entry.memoKey[slot] === key) return entry.memoForm[slot];
    const hit = entry.selected.get(key) ?? search(entry, operands.length, classes, key);
    if (hit !== undefined) {
      entry.memoKey[slot] = key;
      entry.memoForm[slot] = hit;
      return hit;
    }
  }
  const upper = entry.forms[0].mnemonic.toUpperCase();
  throw new InternalError(
    `cannot encode '${formatInstruction(entry.text, operands)}': no form of ${upper} takes (${operands.map(describe).join(', ')}); ` +
      `the forms are: ${entry.forms.map(f => f.instruction).join(' | ')}`,
  );
}

/** The first form of `entry` for `n` operands of classes `classes`, memoised; undefined when none. */
function search(entry: MnemonicEntry, n: number, classes: Classes, key: number): Form | undefined {
  const forms = entry.forms;
  search: for (let i = 0; i < forms.length; i++) {
    const form = forms[i];
    const specs = form.operands;
    if (specs.length !== n) continue;
    for (let k = 0; k < n; k++) if (!specMatches(specs[k], classes.cls[k], form)) continue search;
    entry.selected.set(key, form);
    return form;
  }
  return undefined;
}

/** The longest x86 instruction. */
const MAX_LENGTH = 15;

/**
 * Appends the bytes of `operands` encoded with `form`; symbolic fields go to `fixups`.
 * `classes` are the operands' classes when the caller has them (classify()).
 */
export function encodeForm(out: ByteBuffer, entry: MnemonicEntry, form: Form, operands: readonly Operand[], fixups: FixupSink | null, classes?: Classes): void {
  let c = classes;
  if (c === undefined) classify(operands, (c = scratch));
  const cls = c.cls;
  const memIndex = form.rmOperand >= 0 && operands[form.rmOperand].kind === 'mem' ? form.rmOperand : form.moffsOperand;
  const mem = memIndex >= 0 ? (operands[memIndex] as MemOperand) : null;
  // Everything that can fail is checked before the first byte is written.
  if (mem !== null) {
    const problem = memProblem(mem, c.base[memIndex], c.index[memIndex]);
    if (problem !== null) throw new InternalError(`cannot encode '${formatInstruction(entry.text, operands)}': ${problem}`);
  }
  if (entry.prefix !== null) checkPrefix(entry, form, operands);
  if (fixups === null) checkNoSymbols(entry, form, operands);

  const b = out.room(MAX_LENGTH);
  let p = out.length;
  if (mem !== null && mem.seg !== undefined && mem.seg !== defaultSegment(mem)) b[p++] = SEGMENT_PREFIX[mem.seg];
  if (form.o16) b[p++] = 0x66;
  if (entry.prefix !== null) b[p++] = PREFIX_BYTE[entry.prefix];
  const opcode = form.opcode;
  const last = opcode.length - 1;
  for (let i = 0; i < last; i++) b[p++] = opcode[i];
  b[p++] = form.plusOperand >= 0 ? opcode[last] + NUM_OF_REG[cls[form.plusOperand]] : opcode[last];

  if (form.modrm >= 0) {
    const regField = form.modrm !== REG_IN_MODRM ? form.modrm : form.regOperand >= 0 ? NUM_OF_REG[cls[form.regOperand]] : 0;
    const rm = operands[form.rmOperand];
    if (rm.kind === 'mem') p = encodeMem(b, p, regField, rm, c.base[form.rmOperand], c.index[form.rmOperand], fixups);
    else b[p++] = 0xc0 | (regField << 3) | NUM_OF_REG[cls[form.rmOperand]];
  } else if (mem !== null) p = address32(b, p, mem.disp | 0, mem.sym, fixups); // moffs

  const imms = form.immOperands;
  for (let i = 0; i < imms.length; i++) {
    const op = operands[imms[i]] as ImmOperand;
    const width = form.operands[imms[i]].width;
    if (width === 8) b[p++] = op.value;
    else if (width === 16) {
      b[p++] = op.value;
      b[p++] = op.value >>> 8;
    } else p = address32(b, p, op.value, op.sym, fixups);
  }
  if (form.relOperand >= 0) {
    fixups!.rel32(p, (operands[form.relOperand] as SymOperand).name);
    p = put32(b, p, 0);
  }
  if (form.farOperand >= 0) {
    const far = operands[form.farOperand] as FarOperand;
    p = address32(b, p, far.offset, far.sym, fixups);
    b[p++] = far.selector;
    b[p++] = far.selector >>> 8;
  }
  out.commit(p);
}

function checkPrefix(entry: MnemonicEntry, form: Form, operands: readonly Operand[]): void {
  if (entry.prefix === 'lock' && !(form.lock && operands[0].kind === 'mem')) {
    throw new InternalError(`cannot encode '${formatInstruction(entry.text, operands)}': LOCK needs a memory destination and a lockable form (${form.instruction})`);
  }
  if (entry.prefix === 'rep' && !form.rep) {
    throw new InternalError(`cannot encode '${formatInstruction(entry.text, operands)}': ${form.instruction} takes no REP prefix`);
  }
}

/** Without a FixupSink (encode()), symbols and branch targets cannot be resolved. */
function checkNoSymbols(entry: MnemonicEntry, form: Form, operands: readonly Operand[]): void {
  if (form.relOperand >= 0) {
    throw new InternalError(`cannot encode '${formatInstruction(entry.text, operands)}' outside the Assembler: branch targets are resolved there`);
  }
  if (operands.some(op => (op.kind === 'mem' || op.kind === 'imm' || op.kind === 'far') && op.sym !== undefined)) {
    throw new InternalError(`cannot encode '${formatInstruction(entry.text, operands)}' outside the Assembler: symbol addresses are resolved there`);
  }
}

/** Encodes one instruction into `out`. */
export function encodeInto(out: ByteBuffer, mnemonic: string, operands: readonly Operand[], fixups: FixupSink | null): Form {
  const entry = lookupMnemonic(mnemonic);
  const form = select(entry, operands, scratch, classify(operands, scratch));
  encodeForm(out, entry, form, operands, fixups, scratch);
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
