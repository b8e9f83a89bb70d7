// Instruction selection for i32 operations: arithmetic (two-address forms, lea for
// additions, three-operand imul), shifts (count in cl), division with its checks
// (idiv/div in edx:eax), checked arithmetic (jo/jc to the Overflow stub), negation,
// comparison to 0/1, select (cmov) and narrowing conversions between integer widths.

import type { Inst } from '../ir/ir.ts';
import { OPS } from '../ir/opcodes.ts';
import type { Isel } from './isel.ts';
import { emitCompare, emitTruth, setFlags } from './isel-compare.ts';
import type { MOperand } from '../regalloc/mir.ts';

/** d = a; op d, b */
export function twoAddress(s: Isel, op: string, d: number, a: Inst, b: MOperand): void {
  s.emit('mov', [s.def(d), s.rm32(a)], { isMove: !s.isRemat(a) });
  s.emit(op, [s.usedef(d), b]);
}

export function selectInt(s: Isel, inst: Inst): void {
  const d = s.vreg(inst);
  let [a, b] = inst.args as [Inst, Inst];
  if (OPS[inst.op].commutative) {
    // A folded load is read as the second (r/m) operand. Otherwise the copy `d = a` should
    // be of an operand whose last use this is, so the allocator can give d its register:
    // a single-use b is certainly that, a many-use a may not be.
    if (s.foldedLoads.has(a)) [a, b] = [b, a];
    else if (!s.foldedLoads.has(b) && !s.isRemat(b) && s.useCount(b) === 1 && s.useCount(a) > 1) [a, b] = [b, a];
  }
  switch (inst.op) {
    case 'add': {
      if (s.foldedLoads.has(b)) return twoAddress(s, 'add', d, a, s.rm32(b));
      const cb = s.constValue(b);
      const ca = s.constValue(a);
      // lea of the operand's address form: folds the additions and scalings below it.
      if (cb !== undefined && !s.isRemat(a)) return s.emit('lea', [s.def(d), s.address(a, cb, 0)]);
      if (ca !== undefined && !s.isRemat(b)) return s.emit('lea', [s.def(d), s.address(b, ca, 0)]);
      // a used only here and b used more (a long-lived value, maybe spilled): `d = a;
      // add d, b` costs no more than a lea once d takes a's register, and b may stay in
      // memory. Otherwise lea, whose result may go to any register.
      if (!s.isRemat(a) && !s.isRemat(b) && (s.useCount(a) > 1 || s.useCount(b) === 1)) return s.emit('lea', [s.def(d), { k: 'mem', size: 0, base: { vreg: s.reg32(a) }, index: { vreg: s.reg32(b) }, scale: 1, disp: 0 }]);
      return twoAddress(s, 'add', d, a, s.rm32(b));
    }
    case 'sub': {
      const cb = s.constValue(b);
      if (cb !== undefined && !s.isRemat(a) && cb !== -0x80000000) return s.emit('lea', [s.def(d), s.address(a, -cb, 0)]);
      return twoAddress(s, 'sub', d, a, s.rm32(b));
    }
    case 'and':
    case 'or':
    case 'xor':
      return twoAddress(s, inst.op, d, a, s.rm32(b));
    case 'mul': {
      const cb = s.constValue(b);
      const ca = s.constValue(a);
      if (cb !== undefined) return s.emit('imul', [s.def(d), s.use(s.reg32(a), true), s.imm(cb)]);
      if (ca !== undefined) return s.emit('imul', [s.def(d), s.use(s.reg32(b), true), s.imm(ca)]);
      return twoAddress(s, 'imul', d, a, s.rm32(b));
    }
    case 'mulhi':
    case 'mulhiu':
      s.emit('mov', [s.preg('eax', 'def'), s.rm32(a)]);
      s.emit(inst.op === 'mulhi' ? 'imul' : 'mul', [s.use(s.reg32(b), true)], { implicitUses: ['eax'], implicitDefs: ['eax', 'edx'] });
      return s.emit('mov', [s.def(d), s.preg('edx', 'use')]);
    case 'shl':
    case 'shr':
    case 'sar':
      return shift32(s, inst.op, d, a, b);
    case 'div':
    case 'rem':
    case 'divu':
    case 'remu':
      return divide32(s, inst.op, d, a, b);
    case 'addovf':
    case 'subovf':
      twoAddress(s, inst.op === 'addovf' ? 'add' : 'sub', d, a, s.rm32(b));
      return s.trap('jo', 'Overflow');
    case 'addovfu':
    case 'subovfu':
      twoAddress(s, inst.op === 'addovfu' ? 'add' : 'sub', d, a, s.rm32(b));
      return s.trap('jc', 'Overflow');
    case 'mulovf': {
      const cb = s.constValue(b);
      if (cb !== undefined) s.emit('imul', [s.def(d), s.use(s.reg32(a), true), s.imm(cb)]);
      else twoAddress(s, 'imul', d, a, s.rm32(b));
      return s.trap('jo', 'Overflow');
    }
    case 'mulovfu':
      s.emit('mov', [s.preg('eax', 'def'), s.rm32(a)]);
      s.emit('mul', [s.use(s.reg32(b), true)], { implicitUses: ['eax'], implicitDefs: ['eax', 'edx'] });
      s.trap('jc', 'Overflow');
      return s.emit('mov', [s.def(d), s.preg('eax', 'use')]);
    case 'neg':
    case 'not':
      s.emit('mov', [s.def(d), s.rm32(a)], { isMove: !s.isRemat(a) });
      return s.emit(inst.op, [s.usedef(d)]);
    case 'copy':
      return s.emit('mov', [s.def(d), s.rm32(a)], { isMove: !s.isRemat(a) });
    case 'cmp':
      return setFlags(s, emitCompare(s, inst), d);
    case 'select':
      return select32(s, inst, d);
    default:
      throw new Error(`isel: no i32 selector for ${inst.op}`);
  }
}

function shift32(s: Isel, op: 'shl' | 'shr' | 'sar', d: number, a: Inst, b: Inst): void {
  const c = s.constValue(b);
  if (c !== undefined) {
    const n = c & 31;
    if (op === 'shl' && n >= 1 && n <= 3 && !s.isRemat(a)) {
      return s.emit('lea', [s.def(d), { k: 'mem', size: 0, index: { vreg: s.reg32(a) }, scale: (1 << n) as 2 | 4 | 8, disp: 0 }]);
    }
    s.emit('mov', [s.def(d), s.rm32(a)], { isMove: !s.isRemat(a) });
    if (n !== 0) s.emit(op, [s.usedef(d), s.imm(n)]);
    return;
  }
  s.emit('mov', [s.preg('ecx', 'def'), s.rm32(b)]);
  s.emit('mov', [s.def(d), s.rm32(a)], { isMove: !s.isRemat(a) });
  s.emit(op, [s.usedef(d), s.preg('ecx', 'use', 1)]);
}

/**
 * Division: divisor 0 → DivideByZero; signed MinValue / -1 (and % -1) → Overflow, tested
 * without branching as ((a ^ MinValue) | ~b) == 0.
 */
function divide32(s: Isel, op: 'div' | 'rem' | 'divu' | 'remu', d: number, a: Inst, b: Inst): void {
  const signed = op === 'div' || op === 'rem';
  const cb = s.constValue(b);
  const divisor = s.reg32(b);
  if (cb === undefined || cb === 0) {
    s.emit('test', [s.use(divisor), s.use(divisor)]);
    s.trap('je', 'DivideByZero');
  }
  if (signed && (cb === undefined || cb === -1)) {
    const t = s.newVreg('gpr');
    const u = s.newVreg('gpr');
    s.emit('mov', [s.def(t), s.rm32(a)]);
    s.emit('xor', [s.usedef(t), s.imm(-0x80000000)]);
    s.emit('mov', [s.def(u), s.use(divisor)], { isMove: true });
    s.emit('not', [s.usedef(u)]);
    s.emit('or', [s.usedef(t), s.use(u)]);
    s.trap('je', 'Overflow');
  }
  s.emit('mov', [s.preg('eax', 'def'), s.rm32(a)]);
  if (signed) s.emit('cdq', [], { implicitUses: ['eax'], implicitDefs: ['edx'] });
  else s.emit('mov', [s.preg('edx', 'def'), s.imm(0)]);
  s.emit(signed ? 'idiv' : 'div', [s.use(divisor, true)], { implicitUses: ['eax', 'edx'], implicitDefs: ['eax', 'edx'] });
  s.emit('mov', [s.def(d), s.preg(op === 'div' || op === 'divu' ? 'eax' : 'edx', 'use')]);
}

function select32(s: Isel, inst: Inst, d: number): void {
  const [c, x, y] = inst.args as [Inst, Inst, Inst];
  const flags = s.fused.has(c) ? emitCompare(s, c) : emitTruth(s, c);
  // d = y; if (cond) d = x. cmov cannot take an immediate.
  s.emit('mov', [s.def(d), s.rm32(y)], { isMove: !s.isRemat(y) });
  const xr = s.use(s.reg32(x), true);
  if (flags.parity === undefined) return s.emit('cmov' + flags.cc, [s.usedef(d), xr]);
  // Float equality: cond = cc && !PF (or cc || PF): apply the two cmovs in sequence.
  if (flags.parity === 'and-np') {
    const t = s.newVreg('gpr');
    s.emit('mov', [s.def(t), s.rm32(y)]);
    s.emit('cmov' + flags.cc, [s.usedef(t), xr]);
    s.emit('cmovnp', [s.usedef(d), s.use(t)]);
  } else {
    s.emit('cmov' + flags.cc, [s.usedef(d), xr]);
    s.emit('cmovp', [s.usedef(d), xr]);
  }
}
