// Instruction selection for terminators and phis: jumps, conditional branches (fused
// with the comparison that feeds them), switch through a jump table in .rdata, returns
// (value in eax / edx:eax / xmm0, then the `ret` pseudo-instruction the emitter expands
// into the epilogue), throw/rethrow (calls into the runtime that never return), and the
// EH transfers: callfinally calls the finally funclet, endfinally/endfilter return from
// one (`endfunclet`). Phi operands become parallel copies at the end of the single-
// successor predecessor, or at the start of a single-predecessor successor.

import type { Block, Inst } from '../ir/ir.ts';
import { CALLER_SAVED, type MInst, type MOperand } from '../regalloc/mir.ts';
import { sequentializeParallelMoves } from '../regalloc/parallel-move.ts';
import type { Isel } from './isel.ts';
import { branchFlags, emitCompare, emitTruth } from './isel-compare.ts';

export function selectTerminator(s: Isel, t: Inst): void {
  const targets = t.targets ?? [];
  switch (t.op) {
    case 'jmp':
      return s.emit('jmp', [s.label(targets[0]!.id)], { isBranch: true });
    case 'br': {
      const c = t.args[0]!;
      const flags = s.fused.has(c) ? emitCompare(s, c) : emitTruth(s, c);
      return branchFlags(s, flags, targets[0]!.id, targets[1]!.id);
    }
    case 'switch': {
      const index = s.reg32(t.args[0]!);
      const cases = targets.slice(1);
      const label = `.L${s.fn.name}$jt${s.jumpTables.length}`;
      s.jumpTables.push({ label, blocks: cases.map(b => b.id) });
      s.emit('cmp', [s.use(index), s.imm(cases.length)]);
      s.emit('jae', [s.label(targets[0]!.id)], { isBranch: true });
      return s.emit('jmp', [{ k: 'mem', size: 4, index: { vreg: index }, scale: 4, disp: 0, sym: label }], { isBranch: true });
    }
    case 'ret':
      return selectReturn(s, t);
    case 'unreachable':
      return s.emit('int3', [], { isBranch: true });
    case 'throw':
    case 'rethrow':
      s.emit('push', [s.rm32(t.args[0]!)]);
      return s.emit('call', [{ k: 'sym', name: t.op === 'throw' ? s.rt.throwObject : s.rt.rethrowObject }], { clobbers: CALLER_SAVED, isBranch: true });
    case 'callfinally':
      // A pseudo-instruction: the emitter saves ebx/esi/edi around the call, since the
      // finally funclet uses registers freely.
      s.emit('callfinally', [s.label(targets[0]!.id)], { clobbers: CALLER_SAVED });
      return s.emit('jmp', [s.label(targets[1]!.id)], { isBranch: true });
    case 'endfinally':
      return s.emit('endfunclet', [], { isBranch: true });
    case 'endfilter':
      s.emit('mov', [s.preg('eax', 'def'), s.rm32(t.args[0]!)]);
      return s.emit('endfunclet', [], { isBranch: true, implicitUses: ['eax'] });
    default:
      throw new Error(`isel: no terminator selector for ${t.op}`);
  }
}

function selectReturn(s: Isel, t: Inst): void {
  const v = t.args[0];
  if (v === undefined) return s.emit('ret', [], { isBranch: true });
  // Copies into the return registers, so the value is computed there if it can be.
  if (v.type === 'i32') {
    s.emit('mov', [s.preg('eax', 'def'), s.rm32(v)], { isMove: true });
    return s.emit('ret', [], { isBranch: true, implicitUses: ['eax'] });
  }
  if (v.type === 'i64') {
    const [lo, hi] = s.pair64(v);
    s.emit('mov', [s.preg('eax', 'def'), lo], { isMove: true });
    s.emit('mov', [s.preg('edx', 'def'), hi], { isMove: true });
    return s.emit('ret', [], { isBranch: true, implicitUses: ['eax', 'edx'] });
  }
  s.emit(v.type === 'f32' ? 'movss' : 'movsd', [s.preg('xmm0', 'def'), s.use(s.xmm(v), true, v.type === 'f32' ? 4 : 8)]);
  return s.emit('ret', [], { isBranch: true, implicitUses: ['xmm0'] });
}

/** A copy destination (a vreg) and its source (a vreg, or a rematerialised operand). */
interface Copy {
  readonly to: number;
  readonly from: number | MOperand;
  readonly cls: 'gpr' | 'xmm';
}

/** Emits the copies into the phis of `b`'s successors for the edge(s) leaving `b`. */
export function phiCopies(s: Isel, b: Block): void {
  const succs = b.successors;
  for (const succ of new Set(succs)) {
    const phis = succ.insts.filter(i => i.op === 'phi');
    if (phis.length === 0) continue;
    const copies: Copy[] = [];
    for (const phi of phis) {
      const k = phi.targets!.indexOf(b);
      const arg = phi.args[k]!;
      copies.push(...copiesFor(s, phi, arg));
    }
    const code = sequence(s, copies);
    if (succs.length === 1) {
      s.cur.insts.push(...code);
    } else {
      // Critical edges are split, so the successor has this block as its only predecessor.
      const mb = s.block(succ.id);
      mb.insts.unshift(...code);
    }
  }
}

function copiesFor(s: Isel, phi: Inst, arg: Inst): Copy[] {
  if (phi.type === 'i64') {
    const [dlo, dhi] = s.pair(phi);
    if (arg.op === 'const') {
      const [lo, hi] = s.pair64(arg);
      return [{ to: dlo, from: lo, cls: 'gpr' }, { to: dhi, from: hi, cls: 'gpr' }];
    }
    const [lo, hi] = s.pair(arg);
    return [{ to: dlo, from: lo, cls: 'gpr' }, { to: dhi, from: hi, cls: 'gpr' }];
  }
  if (phi.type === 'f32' || phi.type === 'f64') {
    return [{ to: s.vreg(phi), from: arg.op === 'const' ? s.xmmRm(arg) : s.vreg(arg), cls: 'xmm' }];
  }
  if (arg.op === 'const' || arg.op === 'symaddr') return [{ to: s.vreg(phi), from: s.immOf(arg), cls: 'gpr' }];
  if (arg.op === 'slotaddr') return [{ to: s.vreg(phi), from: s.frameMem(0, { kind: 'slot', id: arg.slot!.id }), cls: 'gpr' }];
  return [{ to: s.vreg(phi), from: s.vreg(arg), cls: 'gpr' }];
}

/** Orders register-to-register copies as a parallel move; constants and addresses go last. */
function sequence(s: Isel, copies: readonly Copy[]): MInst[] {
  const out: MInst[] = [];
  for (const cls of ['gpr', 'xmm'] as const) {
    const group = copies.filter(c => typeof c.from === 'number' && c.cls === cls);
    const moves = sequentializeParallelMoves(
      group.map(c => ({ from: c.from as number, to: c.to })),
      v => String(v),
      () => s.newVreg(cls),
    );
    for (const m of moves) out.push({ op: cls === 'xmm' ? 'movaps' : 'mov', ops: [s.def(m.to), s.use(m.from, cls === 'gpr')], isMove: true });
  }
  for (const c of copies) {
    if (typeof c.from === 'number') continue;
    const from = c.from;
    if (c.cls === 'xmm') out.push({ op: from.k === 'mem' && from.size === 4 ? 'movss' : 'movsd', ops: [s.def(c.to), from] });
    else if (from.k === 'mem') out.push({ op: 'lea', ops: [s.def(c.to), from] });
    else out.push({ op: 'mov', ops: [s.def(c.to), from] });
  }
  return out;
}
