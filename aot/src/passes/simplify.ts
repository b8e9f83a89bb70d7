// Algebraic simplification and strength reduction, one instruction at a time:
// - constant operands fold (fold.ts); commutative operations and comparisons put a
//   constant operand on the right;
// - integer identities: x+0, x-0, x-x, x*0, x*1, x*-1, x&0, x&-1, x&x, x|0, x|-1, x|x,
//   x^0, x^x, x^-1, shifts by 0 (counts masked as the machine does), -(-x), ~~x,
//   x op= constants reassociated ((x+c1)+c2 → x+(c1+c2), same for *, &, |, ^ and shifts),
//   comparisons of a value with itself, comparisons of a comparison with 0, select of
//   one value, checked arithmetic that cannot overflow;
// - strength reduction: x*2^k → shl; unsigned div/rem by 2^k → shr/and; signed div/rem
//   by ±2^k → shift sequences with the rounding bias; i32 division by other constants
//   → multiply-high by a magic number (Hacker's Delight 10-4 and 10-8, magic.ts);
// - conversions: identities, narrowing chains, narrowing a value already in range (a
//   narrow load), f32 → f64 → f32;
// - floats only where IEEE-exact: x+(-0.0), x-(+0.0), x*1.0, x/1.0, x*-1.0 → -x,
//   x/2^k → x*2^-k when 2^-k is representable, -(-x).
// A trapping operation is replaced only by code that traps the same way; a division by
// a constant other than 0 and -1 cannot trap.
//
// Requires: SSA (values are replaced by dominating values). Preserves: the CFG.

import { replaceUses, type Func, type Inst } from '../ir/ir.ts';
import { OPS, type Op } from '../ir/opcodes.ts';
import { isFloat, isInt, numKindType, swapCond, negateCond, type Cond, type NumKind, type Type } from '../ir/types.ts';
import { becomeConst } from './edit.ts';
import { fold, kindRange, sourceRange, type Const } from './fold.ts';
import { signedMagic, unsignedMagic } from './magic.ts';

export function simplify(fn: Func): boolean {
  let changed = false;
  for (let round = 0; round < 4 && sweep(fn); round++) changed = true;
  return changed;
}

function sweep(fn: Func): boolean {
  const map = new Map<Inst, Inst>();
  const resolve = (v: Inst): Inst => {
    let r = v;
    for (let n = map.get(r); n !== undefined; n = map.get(r)) r = n;
    return r;
  };
  let changed = false;
  for (const b of fn.blocks) {
    const out: Inst[] = [];
    const emitter = new Emitter(fn, out);
    for (const inst of b.insts) {
      for (let i = 0; i < inst.args.length; i++) inst.args[i] = resolve(inst.args[i]!);
      if (inst.op === 'phi' || inst.isTerminator || inst.type === undefined || inst.volatile) {
        out.push(inst);
        continue;
      }
      emitter.at = inst;
      const r = simplifyInst(inst, emitter);
      if (r === undefined) {
        out.push(inst);
      } else if (r === true) {
        out.push(inst);
        changed = true;
      } else {
        map.set(inst, r);
        inst.block = undefined;
        changed = true;
      }
    }
    b.insts = out;
  }
  replaceUses(fn, map);
  return changed;
}

/** Creates instructions before the one being simplified, with its IL offset. */
class Emitter {
  /** The instruction being simplified. */
  at!: Inst;

  constructor(
    private readonly fn: Func,
    private readonly out: Inst[],
  ) {}

  emit(op: Op, type: Type, args: Inst[], init?: (i: Inst) => void): Inst {
    const i = this.fn.newInst(op, type, args);
    i.ilOffset = this.at.ilOffset;
    i.block = this.at.block;
    init?.(i);
    this.out.push(i);
    return i;
  }

  k(type: Type, v: Const): Inst {
    return this.emit('const', type, [], i => (i.imm = v));
  }

  /** Integer constant of `type` from an exact value (wrapped). */
  int(type: Type, n: bigint): Inst {
    return this.k(type, type === 'i64' ? BigInt.asIntN(64, n) : Number(BigInt.asIntN(32, n)));
  }
}

/** Integer constant value of an operand. */
function ic(v: Inst): bigint | undefined {
  return v.op === 'const' && isInt(v.type!) ? BigInt(v.imm) : undefined;
}

function fc(v: Inst): number | undefined {
  return v.op === 'const' && isFloat(v.type!) ? (v.imm as number) : undefined;
}

/** k if n is 2^k (n as an unsigned `bits`-wide value), else -1. */
function log2(n: bigint, bits: number): number {
  const u = BigInt.asUintN(bits, n);
  return u > 0n && (u & (u - 1n)) === 0n ? u.toString(2).length - 1 : -1;
}

/** Turns `inst` into `op args` in place. */
function become(inst: Inst, op: Op, args: Inst[]): true {
  inst.op = op;
  inst.args = args;
  return true;
}

const FOLD_SKIP = new Set<Op>(['const', 'param', 'catchobj', 'symaddr', 'slotaddr', 'phi']);

/** A replacement value, `true` if `inst` was rewritten in place, or undefined. */
function simplifyInst(inst: Inst, e: Emitter): Inst | true | undefined {
  const { op, args } = inst;
  const t = inst.type!;
  const effects = OPS[op].effects;
  if ((effects === 'pure' || effects === 'trap') && !FOLD_SKIP.has(op) && args.every(a => a.op === 'const')) {
    const v = fold(inst, args.map(a => a.imm));
    if (v !== undefined) {
      becomeConst(inst, v);
      return true;
    }
    return undefined;
  }
  if (OPS[op].commutative && args[0]!.op === 'const' && args[1]!.op !== 'const') {
    inst.args = [args[1]!, args[0]!];
    return true;
  }
  if (op === 'cmp' && args[0]!.op === 'const' && args[1]!.op !== 'const') {
    inst.args = [args[1]!, args[0]!];
    inst.cond = swapCond(inst.cond!);
    return true;
  }
  if (op === 'conv') return simplifyConv(inst);
  if (op === 'cmp') return simplifyCmp(inst, e);
  if (op === 'select') {
    if (args[1] === args[2]) return args[1];
    const c = ic(args[0]!);
    return c === undefined ? undefined : args[c !== 0n ? 1 : 2];
  }
  if (op === 'neg' || op === 'not') return args[0]!.op === op ? args[0]!.args[0] : undefined;
  if (op === 'ckfinite') return args[0]!.op === 'ckfinite' ? args[0] : undefined;
  if (args.length !== 2) return undefined;
  return isFloat(t) ? simplifyFloat(inst, e) : simplifyInt(inst, e);
}

function simplifyInt(inst: Inst, e: Emitter): Inst | true | undefined {
  const t = inst.type!;
  const bits = t === 'i64' ? 64 : 32;
  const [x, y] = inst.args as [Inst, Inst];
  const c = ic(y);
  switch (inst.op) {
    case 'add':
      if (c === 0n) return x;
      return reassociate(inst, c, e, ADD);
    case 'sub':
      if (x === y) return e.int(t, 0n);
      if (c !== undefined) return c === 0n ? x : become(inst, 'add', [x, e.int(t, -c)]);
      if (ic(x) === 0n) return become(inst, 'neg', [y]);
      return undefined;
    case 'mul': {
      if (c === undefined) return undefined;
      if (c === 0n) return e.int(t, 0n);
      if (c === 1n) return x;
      if (c === -1n) return become(inst, 'neg', [x]);
      const k = log2(c, bits);
      if (k > 0) return become(inst, 'shl', [x, e.int('i32', BigInt(k))]);
      const kn = log2(-c, bits);
      if (kn > 0 && kn < bits - 1) return become(inst, 'neg', [e.emit('shl', t, [x, e.int('i32', BigInt(kn))])]);
      return reassociate(inst, c, e, MUL);
    }
    case 'and':
      if (c === 0n) return e.int(t, 0n);
      if (c === -1n || x === y) return x;
      return reassociate(inst, c, e, AND);
    case 'or':
      if (c === 0n || x === y) return x;
      if (c === -1n) return y;
      return reassociate(inst, c, e, OR);
    case 'xor':
      if (c === 0n) return x;
      if (x === y) return e.int(t, 0n);
      if (c === -1n) return become(inst, 'not', [x]);
      return reassociate(inst, c, e, XOR);
    case 'shl':
    case 'shr':
    case 'sar': {
      const cx = ic(x);
      if (cx === 0n || (inst.op === 'sar' && cx === -1n)) return x;
      if (c === undefined) return undefined;
      const m = c & BigInt(bits - 1);
      if (m === 0n) return x;
      if (m !== c) return become(inst, inst.op, [x, e.int('i32', m)]);
      const c1 = x.op === inst.op ? ic(x.args[1]!) : undefined;
      if (c1 !== undefined && c1 === (c1 & BigInt(bits - 1)) && c1 + m < BigInt(bits)) return become(inst, inst.op, [x.args[0]!, e.int('i32', c1 + m)]);
      return undefined;
    }
    case 'addovf':
    case 'addovfu':
    case 'subovf':
    case 'subovfu':
      return c === 0n ? x : undefined;
    case 'mulovf':
    case 'mulovfu':
      return c === 1n ? x : c === 0n ? e.int(t, 0n) : undefined;
    case 'div':
    case 'divu':
    case 'rem':
    case 'remu':
      return c === undefined || c === 0n ? undefined : divideByConstant(inst, x, c, e);
    default:
      return undefined;
  }
}

const ADD = (a: bigint, b: bigint) => a + b;
const MUL = (a: bigint, b: bigint) => a * b;
const AND = (a: bigint, b: bigint) => a & b;
const OR = (a: bigint, b: bigint) => a | b;
const XOR = (a: bigint, b: bigint) => a ^ b;

/** (x op c1) op c → x op (c1 op c) for an associative op. */
function reassociate(inst: Inst, c: bigint | undefined, e: Emitter, combine: (a: bigint, b: bigint) => bigint): true | undefined {
  const x = inst.args[0]!;
  const c1 = x.op === inst.op ? ic(x.args[1]!) : undefined;
  if (c === undefined || c1 === undefined) return undefined;
  return become(inst, inst.op, [x.args[0]!, e.int(inst.type!, combine(c1, c))]);
}

/** Division and remainder by a non-zero constant d. */
function divideByConstant(inst: Inst, x: Inst, d: bigint, e: Emitter): Inst | true | undefined {
  const t = inst.type!;
  const bits = t === 'i64' ? 64 : 32;
  const i32 = (n: number) => e.int('i32', BigInt(n));
  const unsigned = inst.op === 'divu' || inst.op === 'remu';
  const isRem = inst.op === 'rem' || inst.op === 'remu';
  const remainder = (q: Inst): Inst => e.emit('sub', t, [x, e.emit('mul', t, [q, e.int(t, d)])]);
  if (unsigned) {
    const k = log2(d, bits);
    if (k >= 0) return isRem ? become(inst, 'and', [x, e.int(t, BigInt.asUintN(bits, d) - 1n)]) : k === 0 ? x : become(inst, 'shr', [x, i32(k)]);
    if (t !== 'i32') return undefined;
    let q: Inst;
    if (d < 0n) {
      // Divisor >= 2^31: the quotient is 0 or 1.
      q = e.emit('cmp', 'i32', [x, e.int(t, d)], i => (i.cond = 'geu'));
    } else {
      const { m, s, add } = unsignedMagic(Number(d));
      const hi = e.emit('mulhiu', t, [x, i32(m)]);
      if (!add) q = s > 0 ? e.emit('shr', t, [hi, i32(s)]) : hi;
      else {
        const half = e.emit('shr', t, [e.emit('sub', t, [x, hi]), i32(1)]);
        const sum = e.emit('add', t, [half, hi]);
        q = s > 1 ? e.emit('shr', t, [sum, i32(s - 1)]) : sum;
      }
    }
    return isRem ? remainder(q) : q;
  }
  if (d === -1n) return undefined; // MinValue / -1 traps
  if (d === 1n) return isRem ? e.int(t, 0n) : x;
  const min = -(1n << BigInt(bits - 1));
  if (d === min) {
    // Only MinValue itself divides by MinValue (quotient 1, remainder 0).
    const eq = e.emit('cmp', 'i32', [x, e.int(t, min)], i => (i.cond = 'eq'));
    if (isRem) return e.emit('select', t, [eq, e.int(t, 0n), x]);
    return t === 'i32' ? eq : e.emit('conv', t, [eq], i => (i.conv = { to: 'i64', ovf: false, un: true }));
  }
  const abs = d < 0n ? -d : d;
  const k = log2(abs, bits);
  if (k > 0) {
    // Round toward zero: add 2^k - 1 to negative dividends before shifting (for k = 1
    // that is the sign bit itself).
    const bias = k === 1 ? e.emit('shr', t, [x, i32(bits - 1)]) : e.emit('shr', t, [e.emit('sar', t, [x, i32(bits - 1)]), i32(bits - k)]);
    const biased = e.emit('add', t, [x, bias]);
    if (isRem) return become(inst, 'sub', [x, e.emit('and', t, [biased, e.int(t, -abs)])]);
    const q = e.emit('sar', t, [biased, i32(k)]);
    return d < 0n ? become(inst, 'neg', [q]) : q;
  }
  if (t !== 'i32') return undefined;
  const { m, s } = signedMagic(Number(d));
  let q = e.emit('mulhi', t, [x, i32(m)]);
  if (d > 0n && m < 0) q = e.emit('add', t, [q, x]);
  if (d < 0n && m > 0) q = e.emit('sub', t, [q, x]);
  if (s > 0) q = e.emit('sar', t, [q, i32(s)]);
  q = e.emit('add', t, [q, e.emit('shr', t, [q, i32(31)])]);
  return isRem ? remainder(q) : q;
}

function simplifyFloat(inst: Inst, e: Emitter): Inst | true | undefined {
  const [x, y] = inst.args as [Inst, Inst];
  const f = fc(y);
  if (f === undefined) return undefined;
  const t = inst.type!;
  switch (inst.op) {
    case 'add':
      return Object.is(f, -0) ? x : undefined;
    case 'sub':
      return Object.is(f, 0) ? x : undefined;
    case 'mul':
      return f === 1 ? x : f === -1 ? become(inst, 'neg', [x]) : undefined;
    case 'div': {
      if (f === 1) return x;
      const r = 1 / f;
      const exact = Number.isFinite(f) && Number.isFinite(r) && f !== 0 && Number.isInteger(Math.log2(Math.abs(f))) && (t === 'f64' || Math.fround(r) === r);
      return exact ? become(inst, 'mul', [x, e.k(t, r)]) : undefined;
    }
    default:
      return undefined;
  }
}

function simplifyCmp(inst: Inst, e: Emitter): Inst | true | undefined {
  const [x, y] = inst.args as [Inst, Inst];
  const cond = inst.cond!;
  const int = isInt(x.type!);
  if (int && x === y) return e.int('i32', ['eq', 'le', 'ge', 'leu', 'geu'].includes(cond) ? 1n : 0n);
  const c = ic(y);
  if (int && c === 0n) {
    if (cond === 'ltu') return e.int('i32', 0n);
    if (cond === 'geu') return e.int('i32', 1n);
    // A comparison result compared with zero.
    if (x.op === 'cmp' && cond === 'ne') return x;
    if (x.op === 'cmp' && cond === 'eq') {
      const inner = x.cond!;
      inst.cond = negateCond(inner, isFloat(x.args[0]!.type!)) as Cond;
      return become(inst, 'cmp', [x.args[0]!, x.args[1]!]);
    }
  }
  return undefined;
}

/** The values a narrow load or narrowing conversion can produce. */
function narrowRange(x: Inst): [bigint, bigint] | undefined {
  if (x.op === 'load' && x.mem !== undefined && ['i8', 'u8', 'i16', 'u16'].includes(x.mem)) return kindRange(x.mem as NumKind);
  if (x.op === 'conv' && !x.conv!.ovf && intWidth(x.conv!.to) < 32) return kindRange(x.conv!.to);
  return undefined;
}

function intWidth(k: NumKind): number {
  return k === 'i64' || k === 'u64' ? 64 : k === 'i32' || k === 'u32' ? 32 : k === 'i16' || k === 'u16' ? 16 : 8;
}

function simplifyConv(inst: Inst): Inst | true | undefined {
  const c = inst.conv!;
  const x = inst.args[0]!;
  const from = x.type!;
  const target = kindRange(c.to);
  if (target === undefined) {
    // To float: same type is the identity; f32 → f64 → f32 gives the f32 back.
    if (numKindType(c.to) === from) return x;
    if (c.to === 'f32' && x.op === 'conv' && x.conv!.to === 'f64' && x.args[0]!.type === 'f32') return x.args[0];
    return undefined;
  }
  if (!isInt(from)) return undefined;
  // Same width, and every source value fits (or no .ovf): the bits are unchanged.
  const [lo, hi] = sourceRange(from, c.un);
  if (numKindType(c.to) === from && intWidth(c.to) === (from === 'i64' ? 64 : 32) && (!c.ovf || (lo >= target[0] && hi <= target[1]))) return x;
  // An i32 already within a narrow target's range (a narrow load, say) is unchanged.
  const known = narrowRange(x);
  if (from === 'i32' && numKindType(c.to) === 'i32' && known !== undefined && known[0] >= target[0] && known[1] <= target[1] && !(c.ovf && c.un && known[0] < 0n)) return x;
  // Truncation of a conversion that kept at least as many low bits.
  if (!c.ovf && x.op === 'conv' && !x.conv!.ovf && kindRange(x.conv!.to) !== undefined && isInt(x.args[0]!.type!) && intWidth(x.conv!.to) >= intWidth(c.to)) {
    inst.args = [x.args[0]!];
    return true;
  }
  return undefined;
}
