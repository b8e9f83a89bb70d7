// Instruction selection for i64 values on the 32-bit target: each value is a pair of
// gpr vregs (low, high). Addition and subtraction use add/adc and sub/sbb, bitwise
// operations work per half, multiplication is inlined (three 32-bit multiplies),
// constant shifts use shld/shrd, variable shifts shld/shrd by cl plus cmov on bit 5 of
// the count; division, remainder and checked multiplication call the compiler-emitted
// long-arithmetic helpers (runtime/long-helpers.ts), which raise the exceptions.

import type { Inst } from '../ir/ir.ts';
import type { Isel } from './isel.ts';
import { emitCompare, emitTruth, setFlags } from './isel-compare.ts';
import { callHelper } from './isel-call.ts';

/** Copies an i64 value into a fresh pair. */
function copyPair(s: Isel, d: [number, number], a: Inst): void {
  const [lo, hi] = s.pair64(a);
  s.emit('mov', [s.def(d[0]), lo], { isMove: a.op !== 'const' });
  s.emit('mov', [s.def(d[1]), hi], { isMove: a.op !== 'const' });
}

export function selectI64(s: Isel, inst: Inst): void {
  const [a, b] = inst.args as [Inst, Inst];
  if (inst.op === 'cmp') return setFlags(s, emitCompare(s, inst), s.vreg(inst));
  const d = s.pair(inst);
  switch (inst.op) {
    case 'copy':
      return copyPair(s, d, a);
    case 'add':
    case 'sub':
    case 'addovf':
    case 'addovfu':
    case 'subovf':
    case 'subovfu': {
      const isAdd = inst.op.startsWith('add');
      const [blo, bhi] = s.pair64(b);
      copyPair(s, d, a);
      s.emit(isAdd ? 'add' : 'sub', [s.usedef(d[0]), blo]);
      s.emit(isAdd ? 'adc' : 'sbb', [s.usedef(d[1]), bhi]);
      if (inst.op.endsWith('ovf')) s.trap('jo', 'Overflow');
      if (inst.op.endsWith('ovfu')) s.trap('jc', 'Overflow');
      return;
    }
    case 'and':
    case 'or':
    case 'xor': {
      const [blo, bhi] = s.pair64(b);
      copyPair(s, d, a);
      // A constant half that leaves its word unchanged (x | 0, x ^ 0, x & -1) needs nothing.
      const identity = inst.op === 'and' ? -1 : 0;
      for (const [r, h] of [[d[0], blo], [d[1], bhi]] as const) {
        if (h.k !== 'imm' || h.sym !== undefined || h.value !== identity) s.emit(inst.op, [s.usedef(r), h]);
      }
      return;
    }
    case 'not':
      copyPair(s, d, a);
      s.emit('not', [s.usedef(d[0])]);
      s.emit('not', [s.usedef(d[1])]);
      return;
    case 'neg':
      copyPair(s, d, a);
      s.emit('neg', [s.usedef(d[0])]);
      s.emit('adc', [s.usedef(d[1]), s.imm(0)]);
      s.emit('neg', [s.usedef(d[1])]);
      return;
    case 'mul':
      return multiply(s, d, a, b);
    case 'shl':
    case 'shr':
    case 'sar':
      return shift64(s, inst.op, d, a, b);
    case 'div':
    case 'rem':
    case 'divu':
    case 'remu':
    case 'mulovf':
    case 'mulovfu':
      return callHelper(s, `${inst.op}64`, [a, b], 'i64', inst);
    case 'select': {
      const [c, x, y] = inst.args as [Inst, Inst, Inst];
      const flags = s.fused.has(c) ? emitCompare(s, c) : emitTruth(s, c);
      copyPair(s, d, y);
      const [xlo, xhi] = s.regs64(x);
      if (flags.parity === undefined) {
        s.emit('cmov' + flags.cc, [s.usedef(d[0]), s.use(xlo, true)]);
        s.emit('cmov' + flags.cc, [s.usedef(d[1]), s.use(xhi, true)]);
        return;
      }
      // Float equality conditions: materialise the truth value and test it.
      const t = s.newVreg('gpr');
      setFlags(s, flags, t);
      s.emit('test', [s.use(t), s.use(t)]);
      s.emit('cmovne', [s.usedef(d[0]), s.use(xlo, true)]);
      s.emit('cmovne', [s.usedef(d[1]), s.use(xhi, true)]);
      return;
    }
    default:
      throw new Error(`isel: no i64 selector for ${inst.op}`);
  }
}

/** (ah·2³² + al)(bh·2³² + bl) mod 2⁶⁴ = al·bl + ((ah·bl + al·bh) << 32). */
function multiply(s: Isel, d: [number, number], a: Inst, b: Inst): void {
  const [alo, ahi] = s.regs64(a);
  const [blo, bhi] = s.regs64(b);
  const cross = s.newVreg('gpr');
  const t = s.newVreg('gpr');
  s.emit('mov', [s.def(cross), s.use(ahi, true)]);
  s.emit('imul', [s.usedef(cross), s.use(blo, true)]);
  s.emit('mov', [s.def(t), s.use(bhi, true)]);
  s.emit('imul', [s.usedef(t), s.use(alo, true)]);
  s.emit('add', [s.usedef(cross), s.use(t)]);
  s.emit('mov', [s.preg('eax', 'def'), s.use(alo, true)]);
  s.emit('mul', [s.use(blo, true)], { implicitUses: ['eax'], implicitDefs: ['eax', 'edx'] });
  s.emit('mov', [s.def(d[0]), s.preg('eax', 'use')]);
  s.emit('mov', [s.def(d[1]), s.preg('edx', 'use')]);
  s.emit('add', [s.usedef(d[1]), s.use(cross)]);
}

function shift64(s: Isel, op: 'shl' | 'shr' | 'sar', d: [number, number], a: Inst, b: Inst): void {
  const c = s.constValue(b);
  if (c !== undefined) return shiftConst(s, op, d, a, c & 63);
  // Variable count: shld/shrd and the shift use cl & 31; bit 5 of the count then moves
  // one half into the other.
  const [alo, ahi] = s.regs64(a);
  s.emit('mov', [s.preg('ecx', 'def'), s.rm32(b)]);
  s.emit('mov', [s.def(d[0]), s.use(alo, true)], { isMove: true });
  s.emit('mov', [s.def(d[1]), s.use(ahi, true)], { isMove: true });
  const cl = s.preg('ecx', 'use', 1);
  const fill = s.newVreg('gpr');
  if (op === 'shl') {
    s.emit('shld', [s.usedef(d[1]), s.use(d[0]), cl]);
    s.emit('shl', [s.usedef(d[0]), cl]);
    s.emit('mov', [s.def(fill), s.imm(0)]);
    s.emit('test', [s.preg('ecx', 'use', 1), s.imm(32)]);
    s.emit('cmovne', [s.usedef(d[1]), s.use(d[0])]);
    s.emit('cmovne', [s.usedef(d[0]), s.use(fill)]);
    return;
  }
  s.emit('shrd', [s.usedef(d[0]), s.use(d[1]), cl]);
  s.emit(op, [s.usedef(d[1]), cl]);
  if (op === 'shr') {
    s.emit('mov', [s.def(fill), s.imm(0)]);
  } else {
    s.emit('mov', [s.def(fill), s.use(d[1])], { isMove: true });
    s.emit('sar', [s.usedef(fill), s.imm(31)]);
  }
  s.emit('test', [s.preg('ecx', 'use', 1), s.imm(32)]);
  s.emit('cmovne', [s.usedef(d[0]), s.use(d[1])]);
  s.emit('cmovne', [s.usedef(d[1]), s.use(fill)]);
}

function shiftConst(s: Isel, op: 'shl' | 'shr' | 'sar', d: [number, number], a: Inst, n: number): void {
  const [alo, ahi] = s.pair64(a);
  if (n === 0) {
    copyPair(s, d, a);
    return;
  }
  if (n < 32) {
    copyPair(s, d, a);
    if (op === 'shl') {
      s.emit('shld', [s.usedef(d[1]), s.use(d[0]), s.imm(n)]);
      s.emit('shl', [s.usedef(d[0]), s.imm(n)]);
    } else {
      s.emit('shrd', [s.usedef(d[0]), s.use(d[1]), s.imm(n)]);
      s.emit(op, [s.usedef(d[1]), s.imm(n)]);
    }
    return;
  }
  const k = n - 32;
  if (op === 'shl') {
    s.emit('mov', [s.def(d[1]), alo]);
    if (k > 0) s.emit('shl', [s.usedef(d[1]), s.imm(k)]);
    s.emit('mov', [s.def(d[0]), s.imm(0)]);
  } else if (op === 'shr') {
    s.emit('mov', [s.def(d[0]), ahi]);
    if (k > 0) s.emit('shr', [s.usedef(d[0]), s.imm(k)]);
    s.emit('mov', [s.def(d[1]), s.imm(0)]);
  } else {
    s.emit('mov', [s.def(d[0]), ahi]);
    if (k > 0) s.emit('sar', [s.usedef(d[0]), s.imm(k)]);
    s.emit('mov', [s.def(d[1]), ahi]);
    s.emit('sar', [s.usedef(d[1]), s.imm(31)]);
  }
}
