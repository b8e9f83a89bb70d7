// Comparisons for every IR type, producing x86 flags and the condition that tests them.
// Used by cmp (setcc), br (jcc), and select (cmovcc).
//
// Floats use ucomiss/ucomisd, whose flags after an unordered compare (a NaN operand) are
// ZF=PF=CF=1. "a < b" is computed as "b > a" (above: CF=0 and ZF=0, false when
// unordered), so ordered conditions need no parity test except equality; the unordered
// `u` forms are the complements. Equality needs the parity flag: ordered eq is
// ZF && !PF, and ne (unordered or not equal) is !ZF || PF.
//
// i64: eq/ne compare both halves (xor + or); the ordered conditions compute the high
// word of a - b with borrow (cmp low; sbb high) and test SF/OF or CF, swapping operands
// for gt/le so only lt/ge (signed) and b/ae (unsigned) are needed.

import type { Inst } from '../ir/ir.ts';
import type { Cond } from '../ir/types.ts';
import { swapCond } from '../ir/types.ts';
import type { Isel } from './isel.ts';
import type { MOperand } from '../regalloc/mir.ts';

/** x86 condition-code suffixes of the integer conditions. */
export const INT_CC: Readonly<Record<Cond, string>> = {
  eq: 'e', ne: 'ne', lt: 'l', le: 'le', gt: 'g', ge: 'ge', ltu: 'b', leu: 'be', gtu: 'a', geu: 'ae',
};

/** The condition after comparing: a condition code, possibly combined with the parity flag. */
export interface Flags {
  readonly cc: string;
  /** 'and-np': true iff cc holds and PF = 0; 'or-p': true iff cc holds or PF = 1. */
  readonly parity?: 'and-np' | 'or-p';
}

export function negateCc(cc: string): string {
  const pairs: Record<string, string> = { e: 'ne', ne: 'e', l: 'ge', ge: 'l', le: 'g', g: 'le', b: 'ae', ae: 'b', be: 'a', a: 'be', p: 'np', np: 'p', s: 'ns', ns: 's', o: 'no', no: 'o' };
  return pairs[cc]!;
}

/** Emits the comparison of a `cmp` instruction and returns the flags condition. */
export function emitCompare(s: Isel, c: Inst): Flags {
  const [a, b] = c.args as [Inst, Inst];
  const cond = c.cond!;
  if (a.type === 'i32') return compare32(s, a, b, cond);
  if (a.type === 'i64') return compare64(s, a, b, cond);
  return compareFloat(s, a, b, cond);
}

/** `test v, v` for a branch or select on an i32 truth value. */
export function emitTruth(s: Isel, v: Inst): Flags {
  const r = s.reg32(v);
  s.emit('test', [s.use(r), s.use(r)]);
  return { cc: 'ne' };
}

function compare32(s: Isel, a: Inst, b: Inst, cond: Cond): Flags {
  // cmp r/m32, imm | cmp r32, r/m32: keep a constant on the right.
  if (s.constValue(a) !== undefined || a.op === 'symaddr') {
    if (s.constValue(b) === undefined && b.op !== 'symaddr') return compare32(s, b, a, swapCond(cond));
  }
  if (s.foldedLoads.has(a) && s.constValue(b) === undefined && b.op !== 'symaddr') return compare32(s, b, a, swapCond(cond));
  const bc = s.constValue(b);
  if (s.foldedLoads.has(a)) {
    s.emit('cmp', [s.loadMem(a), s.rm32(b)]);
    return { cc: INT_CC[cond] };
  }
  if (bc === 0 && (cond === 'eq' || cond === 'ne')) {
    const r = s.reg32(a);
    s.emit('test', [s.use(r), s.use(r)]);
    return { cc: INT_CC[cond] };
  }
  s.emit('cmp', [s.use(s.reg32(a)), s.rm32(b)]);
  return { cc: INT_CC[cond] };
}

function compare64(s: Isel, a: Inst, b: Inst, cond: Cond): Flags {
  if (cond === 'eq' || cond === 'ne') {
    const [alo, ahi] = s.regs64(a);
    const [blo, bhi] = s.pair64(b);
    const lo = s.newVreg('gpr');
    s.emit('mov', [s.def(lo), s.use(alo, true)], { isMove: true });
    // x ^ 0 is x: against a constant half of 0 the word itself is or-ed in.
    const isZero = (h: MOperand) => h.k === 'imm' && h.sym === undefined && h.value === 0;
    if (!isZero(blo)) s.emit('xor', [s.usedef(lo), blo]);
    if (isZero(bhi)) {
      s.emit('or', [s.usedef(lo), s.use(ahi, true)]);
      return { cc: INT_CC[cond] };
    }
    const hi = s.newVreg('gpr');
    s.emit('mov', [s.def(hi), s.use(ahi, true)], { isMove: true });
    s.emit('xor', [s.usedef(hi), bhi]);
    s.emit('or', [s.usedef(lo), s.use(hi, true)]);
    return { cc: INT_CC[cond] };
  }
  // a > b ≡ b < a, a <= b ≡ b >= a.
  if (cond === 'gt' || cond === 'le' || cond === 'gtu' || cond === 'leu') return compare64(s, b, a, swapCond(cond));
  const [alo, ahi] = s.regs64(a);
  const [blo, bhi] = s.pair64(b);
  const t = s.newVreg('gpr');
  s.emit('cmp', [s.use(alo), blo]);
  s.emit('mov', [s.def(t), s.use(ahi, true)], { isMove: true });
  s.emit('sbb', [s.usedef(t), bhi]);
  const cc: Record<string, string> = { lt: 'l', ge: 'ge', ltu: 'b', geu: 'ae' };
  return { cc: cc[cond]! };
}

function compareFloat(s: Isel, a: Inst, b: Inst, cond: Cond): Flags {
  const op = a.type === 'f32' ? 'ucomiss' : 'ucomisd';
  const ucomi = (x: Inst, y: Inst) => s.emit(op, [s.use(s.xmm(x)), s.xmmRm(y)]);
  switch (cond) {
    case 'eq':
      ucomi(a, b);
      return { cc: 'e', parity: 'and-np' };
    case 'ne':
      ucomi(a, b);
      return { cc: 'ne', parity: 'or-p' };
    case 'gt': // a > b (ordered): above
      ucomi(a, b);
      return { cc: 'a' };
    case 'ge':
      ucomi(a, b);
      return { cc: 'ae' };
    case 'lt': // a < b ≡ b > a
      ucomi(b, a);
      return { cc: 'a' };
    case 'le':
      ucomi(b, a);
      return { cc: 'ae' };
    case 'ltu': // unordered or a < b ≡ !(a >= b ordered)
      ucomi(a, b);
      return { cc: 'b' };
    case 'leu':
      ucomi(a, b);
      return { cc: 'be' };
    case 'gtu': // unordered or a > b ≡ !(b >= a)
      ucomi(b, a);
      return { cc: 'b' };
    case 'geu':
      ucomi(b, a);
      return { cc: 'be' };
  }
}

/** Materialises flags as 0/1 in a new gpr vreg. */
export function setFlags(s: Isel, f: Flags, dst: number): void {
  const b1 = s.newVreg('gpr8');
  s.emit('set' + f.cc, [s.def(b1, 1)]);
  if (f.parity !== undefined) {
    const b2 = s.newVreg('gpr8');
    s.emit(f.parity === 'and-np' ? 'setnp' : 'setp', [s.def(b2, 1)]);
    s.emit(f.parity === 'and-np' ? 'and' : 'or', [{ k: 'reg', role: 'usedef', vreg: b1, size: 1 }, s.use(b2, false, 1)]);
  }
  s.emit('movzx', [s.def(dst), s.use(b1, false, 1)]);
}

/** Branches on flags: to `t` when the condition holds, else to `f`. */
export function branchFlags(s: Isel, f: Flags, t: number, fl: number): void {
  if (f.parity === 'and-np') {
    s.emit('jp', [s.label(fl)], { isBranch: true });
    s.emit('j' + f.cc, [s.label(t)], { isBranch: true });
  } else if (f.parity === 'or-p') {
    s.emit('jp', [s.label(t)], { isBranch: true });
    s.emit('j' + f.cc, [s.label(t)], { isBranch: true });
  } else {
    s.emit('j' + f.cc, [s.label(t)], { isBranch: true });
  }
  s.emit('jmp', [s.label(fl)], { isBranch: true });
}
