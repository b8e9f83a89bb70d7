// IR verifier: checks the invariants every pass may rely on and must preserve. Run
// between passes in tests and under --verify. A failure is a compiler bug, so it throws
// InternalError listing every problem found, with the function's text.
//
// Invariants: blocks end in exactly one terminator and start with their phis; roots
// (entry, handler entries) have no predecessors; operand counts and types follow the
// opcode table; phis have one operand per predecessor; in SSA form every use is
// dominated by its definition; EH instructions sit in the right kind of region.

import { computePreds, type Block, type Func, type Inst } from './ir.ts';
import { OPS } from './opcodes.ts';
import { DomTree } from './cfg.ts';
import { isFloat, isInt, memValueType, numKindType, type Type } from './types.ts';
import { printFunc } from './printer.ts';
import { InternalError } from '../util/assert.ts';

export interface VerifyOptions {
  /** Check SSA dominance (off for code that is deliberately not in SSA form). */
  readonly ssa?: boolean;
  /** Name of the pass that just ran, for the message. */
  readonly after?: string;
}

export function verifyFunc(fn: Func, opts: VerifyOptions = {}): void {
  const problems = collectProblems(fn, opts.ssa ?? true);
  if (problems.length > 0) {
    const where = opts.after !== undefined ? ` after ${opts.after}` : '';
    throw new InternalError(`IR verification failed${where} in ${fn.name}:\n  ${problems.join('\n  ')}\n${printFunc(fn)}`);
  }
}

function collectProblems(fn: Func, ssa: boolean): string[] {
  const problems: string[] = [];
  const bad = (inst: Inst | undefined, msg: string) => problems.push(inst === undefined ? msg : `v${inst.id} (${inst.op}): ${msg}`);
  if (fn.blocks.length === 0) return ['function has no blocks'];

  const blocks = new Set(fn.blocks);
  const defined = new Set<Inst>();
  const ids = new Set<number>();
  for (const b of fn.blocks) {
    if (b.insts.length === 0) {
      problems.push(`bb${b.id} is empty`);
      continue;
    }
    b.insts.forEach((inst, i) => {
      if (ids.has(inst.id)) bad(inst, 'id used twice');
      ids.add(inst.id);
      defined.add(inst);
      if (inst.block !== b) bad(inst, `block field does not point to bb${b.id}`);
      const last = i === b.insts.length - 1;
      if (inst.isTerminator !== last) bad(inst, last ? `bb${b.id} does not end with a terminator` : 'terminator in the middle of a block');
      if (inst.op === 'phi' && i > 0 && b.insts[i - 1]!.op !== 'phi') bad(inst, 'phi after a non-phi instruction');
    });
    for (const s of b.insts[b.insts.length - 1]!.isTerminator ? (b.insts[b.insts.length - 1]!.targets ?? []) : []) {
      if (!blocks.has(s)) problems.push(`bb${b.id} branches to bb${s.id}, which is not in the function`);
    }
  }
  if (problems.length > 0) return problems;

  // Predecessor lists must match the terminators.
  const stored = new Map(fn.blocks.map(b => [b, new Set(b.preds)]));
  computePreds(fn);
  for (const b of fn.blocks) {
    const s = stored.get(b)!;
    if (s.size !== b.preds.length || b.preds.some(p => !s.has(p))) problems.push(`bb${b.id} has stale predecessor list`);
  }
  for (const r of fn.roots()) {
    if (r.preds.length > 0) problems.push(`root bb${r.id} has predecessors ${r.preds.map(p => 'bb' + p.id).join(', ')}`);
  }

  for (const b of fn.blocks) {
    for (const inst of b.insts) {
      for (const a of inst.args) if (!defined.has(a)) bad(inst, `uses v${a.id}, which is not in the function`);
      checkInst(fn, b, inst, bad);
    }
  }
  if (problems.length === 0 && ssa) checkDominance(fn, bad);
  return problems;
}

type Bad = (inst: Inst | undefined, msg: string) => void;

function checkInst(fn: Func, b: Block, inst: Inst, bad: Bad): void {
  const info = OPS[inst.op];
  const args = inst.args;
  const t = (i: number): Type | undefined => args[i]?.type;
  if (info.args !== 'n' && args.length !== info.args) bad(inst, `expects ${info.args} operands, has ${args.length}`);
  for (const a of args) if (a.type === undefined) bad(inst, `operand v${a.id} has no value`);
  if (info.result === 'explicit' && inst.type === undefined) bad(inst, 'result type missing');
  if (info.result === 'none' && inst.type !== undefined) bad(inst, 'defines a value but should not');
  if (info.result === 'i32' && inst.type !== 'i32') bad(inst, 'result must be i32');
  if (info.result === 'arg0' && inst.type !== t(0)) bad(inst, `result type ${inst.type} differs from operand type ${t(0)}`);
  const sameTypes = () => {
    if (t(0) !== t(1)) bad(inst, `operand types differ: ${t(0)} and ${t(1)}`);
  };
  const intOnly = () => {
    if (inst.type !== undefined && !isInt(inst.type)) bad(inst, `integer operation on ${inst.type}`);
  };
  const needI32 = (i: number) => {
    if (t(i) !== 'i32') bad(inst, `operand ${i} must be i32, is ${t(i)}`);
  };

  switch (inst.op) {
    case 'param':
      if (fn.sig.params[Number(inst.imm)] !== inst.type) bad(inst, `parameter ${inst.imm} has type ${fn.sig.params[Number(inst.imm)]}`);
      if (b !== fn.entry) bad(inst, 'param outside the entry block');
      break;
    case 'const':
      if ((inst.type === 'i64') !== (typeof inst.imm === 'bigint')) bad(inst, 'i64 constants (only) are bigints');
      break;
    case 'ldslot':
    case 'stslot':
      if (inst.slot === undefined || !fn.slots.includes(inst.slot)) bad(inst, 'slot not in the function');
      else if (inst.slot.type === undefined) bad(inst, `slot s${inst.slot.id} has no scalar type`);
      else if ((inst.op === 'ldslot' ? inst.type : t(0)) !== inst.slot.type) bad(inst, `slot s${inst.slot.id} holds ${inst.slot.type}`);
      break;
    case 'slotaddr':
      if (inst.slot === undefined || !fn.slots.includes(inst.slot)) bad(inst, 'slot not in the function');
      break;
    case 'add': case 'sub': case 'mul': case 'div': case 'rem':
      sameTypes();
      break;
    case 'mulhi': case 'mulhiu':
      sameTypes();
      if (inst.type !== 'i32') bad(inst, 'mulhi works on i32');
      break;
    case 'and': case 'or': case 'xor': case 'divu': case 'remu':
    case 'addovf': case 'addovfu': case 'subovf': case 'subovfu': case 'mulovf': case 'mulovfu':
      sameTypes();
      intOnly();
      break;
    case 'shl': case 'shr': case 'sar':
      intOnly();
      needI32(1);
      break;
    case 'neg':
      break;
    case 'not':
      intOnly();
      break;
    case 'cmp':
      sameTypes();
      break;
    case 'select':
      needI32(0);
      if (t(1) !== inst.type || t(2) !== inst.type) bad(inst, 'select operands must have the result type');
      break;
    case 'conv':
      if (inst.conv === undefined) bad(inst, 'conversion kind missing');
      else if (inst.type !== numKindType(inst.conv.to)) bad(inst, `conv.${inst.conv.to} must produce ${numKindType(inst.conv.to)}`);
      break;
    case 'ckfinite':
      if (t(0) === undefined || !isFloat(t(0)!)) bad(inst, 'ckfinite needs a float');
      break;
    case 'load':
      needI32(0);
      if (inst.mem === undefined || inst.type !== memValueType(inst.mem)) bad(inst, 'load type does not match its memory type');
      break;
    case 'store':
      needI32(0);
      if (inst.mem === undefined || t(1) !== memValueType(inst.mem)) bad(inst, 'stored value does not match the memory type');
      break;
    case 'memcpy':
      needI32(0);
      needI32(1);
      break;
    case 'memzero':
    case 'alloca':
      needI32(0);
      break;
    case 'call':
    case 'calli': {
      if (inst.op === 'calli') needI32(0);
      const n = args.length - (inst.op === 'calli' ? 1 : 0);
      if (inst.byval !== undefined && inst.byval.length !== n) bad(inst, 'byval list length differs from argument count');
      if (inst.op === 'call' && !inst.sym) bad(inst, 'callee symbol missing');
      break;
    }
    case 'intrinsic':
      if (!inst.sym) bad(inst, 'intrinsic name missing');
      break;
    case 'phi': {
      const targets = inst.targets ?? [];
      if (targets.length !== args.length) bad(inst, 'phi operand and block counts differ');
      if (targets.length !== b.preds.length || b.preds.some(p => !targets.includes(p))) {
        bad(inst, `phi blocks [${targets.map(x => 'bb' + x.id)}] differ from predecessors [${b.preds.map(x => 'bb' + x.id)}]`);
      }
      for (const a of args) if (a.type !== inst.type) bad(inst, `phi operand v${a.id} has type ${a.type}`);
      break;
    }
    case 'chknull':
      needI32(0);
      break;
    case 'chkbounds':
      needI32(0);
      needI32(1);
      break;
    case 'catchobj': {
      const r = b.region;
      const isEntry = r !== undefined && r.entry === b && (r.kind === 'catch' || r.kind === 'filter');
      if (!isEntry || b.insts[b.firstNonPhi] !== inst) bad(inst, 'catchobj must open a catch or filter entry block');
      break;
    }
    case 'br':
      needI32(0);
      if (inst.targets?.length !== 2) bad(inst, 'br needs two targets');
      break;
    case 'switch':
      needI32(0);
      if ((inst.targets?.length ?? 0) < 1) bad(inst, 'switch needs a default target');
      break;
    case 'jmp':
      if (inst.targets?.length !== 1) bad(inst, 'jmp needs one target');
      break;
    case 'ret':
      if (fn.sig.ret === undefined ? args.length !== 0 : args.length !== 1 || t(0) !== fn.sig.ret) bad(inst, `return does not match the signature (${fn.sig.ret ?? 'void'})`);
      break;
    case 'throw':
      needI32(0);
      break;
    case 'rethrow':
      if (!inRegion(b, 'catch')) bad(inst, 'rethrow outside a catch handler');
      break;
    case 'callfinally': {
      const f = inst.targets?.[0];
      if (inst.targets?.length !== 2 || f === undefined || !fn.regions.some(r => r.kind === 'finally' && r.entry === f)) bad(inst, 'callfinally must target a finally entry and a continuation');
      break;
    }
    case 'endfinally':
      if (!inRegion(b, 'finally') && !inRegion(b, 'fault')) bad(inst, 'endfinally outside a finally or fault handler');
      break;
    case 'endfilter':
      needI32(0);
      if (!inRegion(b, 'filter')) bad(inst, 'endfilter outside a filter');
      break;
    case 'unreachable':
    case 'copy':
    case 'symaddr':
      break;
  }
}

function inRegion(b: Block, kind: string): boolean {
  for (let r = b.region; r; r = r.parent) if (r.kind === kind) return true;
  return false;
}

function checkDominance(fn: Func, bad: Bad): void {
  const dom = new DomTree(fn);
  const position = new Map<Inst, number>();
  for (const b of fn.blocks) b.insts.forEach((inst, i) => position.set(inst, i));
  for (const b of fn.blocks) {
    if (!dom.reachable(b)) continue;
    b.insts.forEach((inst, i) => {
      inst.args.forEach((a, k) => {
        const db = a.block!;
        if (inst.op === 'phi') {
          const pred = inst.targets![k]!;
          if (dom.reachable(pred) && !dom.dominates(db, pred)) bad(inst, `operand v${a.id} (bb${db.id}) does not dominate predecessor bb${pred.id}`);
        } else if (db === b ? position.get(a)! >= i : !dom.dominates(db, b)) {
          bad(inst, `operand v${a.id} (bb${db.id}) does not dominate its use in bb${b.id}`);
        }
      });
    });
  }
}
