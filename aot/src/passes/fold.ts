// Constant folding: the value an instruction produces from constant operands, with the
// IR's exact semantics (wrapping i32 arithmetic, bigint i64, f32 rounded after every
// operation). It refuses (returns undefined) whenever the instruction would trap or its
// result is target-defined (float → int of NaN or of a value outside the target range
// without .ovf): those must stay in the code. Used by sccp, simplify and the trap
// analysis in effects.ts. The IR interpreter (ir/interp.ts) is a separate implementation
// on purpose: it is the oracle these folds are tested against.

import type { ConvSpec, Inst } from '../ir/ir.ts';
import type { Cond, NumKind, Type } from '../ir/types.ts';

export type Const = number | bigint;

/** The constant of a `const` instruction, else undefined. */
export function constOf(inst: Inst): Const | undefined {
  return inst.op === 'const' ? inst.imm : undefined;
}

/** Zero of a value type. */
export function zeroOf(t: Type): Const {
  return t === 'i64' ? 0n : 0;
}

/** Same constant, telling -0.0 from 0.0 and every NaN equal to itself. */
export function sameConst(a: Const, b: Const): boolean {
  return typeof a === 'bigint' || typeof b === 'bigint' ? a === b : Object.is(a, b);
}

/**
 * The result of `inst` when its operands have the values `args`, or undefined when it
 * would trap, is target-defined, or is not a foldable operation (memory, calls, phis).
 */
export function fold(inst: Inst, args: readonly Const[]): Const | undefined {
  const t = inst.type;
  switch (inst.op) {
    case 'const':
      return inst.imm;
    case 'copy':
      return args[0];
    case 'ckfinite':
      return Number.isFinite(args[0] as number) ? args[0] : undefined;
    case 'neg':
      if (t === 'i32') return -(args[0] as number) | 0;
      if (t === 'i64') return BigInt.asIntN(64, -(args[0] as bigint));
      return -(args[0] as number);
    case 'not':
      return t === 'i64' ? ~(args[0] as bigint) : ~(args[0] as number);
    case 'select':
      return args[0] !== 0 ? args[1] : args[2];
    case 'cmp':
      return foldCmp(inst.cond!, inst.args[0]!.type!, args[0]!, args[1]!) ? 1 : 0;
    case 'conv':
      return foldConv(inst.conv!, inst.args[0]!.type!, args[0]!);
    default:
      if (inst.args.length !== 2 || t === undefined) return undefined;
      if (t === 'i32') return fold32(inst.op, args[0] as number, args[1] as number);
      if (t === 'i64') return fold64(inst.op, args[0] as bigint, args[1] as Const);
      return foldFloat(inst.op, t, args[0] as number, args[1] as number);
  }
}

export function foldCmp(cond: Cond, t: Type, a: Const, b: Const): boolean {
  if (t === 'f32' || t === 'f64') {
    const x = a as number;
    const y = b as number;
    const unordered = Number.isNaN(x) || Number.isNaN(y);
    switch (cond) {
      case 'eq': return x === y;
      case 'ne': return x !== y;
      case 'lt': return x < y;
      case 'le': return x <= y;
      case 'gt': return x > y;
      case 'ge': return x >= y;
      case 'ltu': return unordered || x < y;
      case 'leu': return unordered || x <= y;
      case 'gtu': return unordered || x > y;
      case 'geu': return unordered || x >= y;
    }
  }
  const unsigned = cond.length === 3;
  const bits = t === 'i64' ? 64 : 32;
  const x = unsigned ? BigInt.asUintN(bits, BigInt(a)) : BigInt(a);
  const y = unsigned ? BigInt.asUintN(bits, BigInt(b)) : BigInt(b);
  switch (cond) {
    case 'eq': return x === y;
    case 'ne': return x !== y;
    case 'lt': case 'ltu': return x < y;
    case 'le': case 'leu': return x <= y;
    case 'gt': case 'gtu': return x > y;
    case 'ge': case 'geu': return x >= y;
  }
}

/** Integer operations on i32 computed exactly in bigint, then wrapped or range-checked. */
function fold32(op: string, a: number, b: number): Const | undefined {
  const r = foldIntExact(op, BigInt(a), BigInt(b), 32);
  return r === undefined ? undefined : Number(r);
}

function fold64(op: string, a: bigint, b: Const): Const | undefined {
  return foldIntExact(op, a, BigInt(b), 64);
}

const wrap = (bits: number, x: bigint) => BigInt.asIntN(bits, x);
const u = (bits: number, x: bigint) => BigInt.asUintN(bits, x);
/** `x` if it is in the signed `bits`-wide range, else undefined (overflow). */
const signedFit = (bits: number, x: bigint) => (x === wrap(bits, x) ? x : undefined);
/** `x` wrapped to the signed range if it is in the unsigned `bits`-wide range, else undefined. */
const unsignedFit = (bits: number, x: bigint) => (x === u(bits, x) ? wrap(bits, x) : undefined);

/** `a op b` on `bits`-wide integers (signed inputs); the result wrapped to the signed range, or undefined on a trap. */
function foldIntExact(op: string, a: bigint, b: bigint, bits: number): bigint | undefined {
  const N = BigInt(bits);
  const min = -(1n << (N - 1n));
  const count = b & (N - 1n);
  switch (op) {
    case 'add': return wrap(bits, a + b);
    case 'sub': return wrap(bits, a - b);
    case 'mul': return wrap(bits, a * b);
    case 'and': return a & b;
    case 'or': return a | b;
    case 'xor': return a ^ b;
    case 'shl': return wrap(bits, a << count);
    case 'shr': return wrap(bits, u(bits, a) >> count);
    case 'sar': return a >> count;
    case 'mulhi': return bits === 32 ? wrap(bits, (a * b) >> 32n) : undefined;
    case 'mulhiu': return bits === 32 ? wrap(bits, (u(bits, a) * u(bits, b)) >> 32n) : undefined;
    case 'div': return b === 0n || (a === min && b === -1n) ? undefined : a / b;
    case 'rem': return b === 0n || (a === min && b === -1n) ? undefined : a % b;
    case 'divu': return b === 0n ? undefined : wrap(bits, u(bits, a) / u(bits, b));
    case 'remu': return b === 0n ? undefined : wrap(bits, u(bits, a) % u(bits, b));
    case 'addovf': return signedFit(bits, a + b);
    case 'subovf': return signedFit(bits, a - b);
    case 'mulovf': return signedFit(bits, a * b);
    case 'addovfu': return unsignedFit(bits, u(bits, a) + u(bits, b));
    case 'subovfu': return unsignedFit(bits, u(bits, a) - u(bits, b));
    case 'mulovfu': return unsignedFit(bits, u(bits, a) * u(bits, b));
    default: return undefined;
  }
}

function foldFloat(op: string, t: Type, a: number, b: number): Const | undefined {
  let r: number;
  switch (op) {
    case 'add': r = a + b; break;
    case 'sub': r = a - b; break;
    case 'mul': r = a * b; break;
    case 'div': r = a / b; break;
    case 'rem': r = a % b; break;
    default: return undefined;
  }
  return t === 'f32' ? Math.fround(r) : r;
}

/** Inclusive range of an integer conversion target. */
export function kindRange(k: NumKind): [bigint, bigint] | undefined {
  switch (k) {
    case 'i8': return [-0x80n, 0x7fn];
    case 'u8': return [0n, 0xffn];
    case 'i16': return [-0x8000n, 0x7fffn];
    case 'u16': return [0n, 0xffffn];
    case 'i32': return [-0x8000_0000n, 0x7fff_ffffn];
    case 'u32': return [0n, 0xffff_ffffn];
    case 'i64': return [-(1n << 63n), (1n << 63n) - 1n];
    case 'u64': return [0n, (1n << 64n) - 1n];
    default: return undefined;
  }
}

/** Range of the integer value a conversion reads from an operand of type `t`. */
export function sourceRange(t: Type, un: boolean): [bigint, bigint] {
  if (t === 'i32') return un ? [0n, 0xffff_ffffn] : [-0x8000_0000n, 0x7fff_ffffn];
  return un ? [0n, (1n << 64n) - 1n] : [-(1n << 63n), (1n << 63n) - 1n];
}

export function foldConv(c: ConvSpec, from: Type, x: Const): Const | undefined {
  const range = kindRange(c.to);
  let n: bigint;
  if (from === 'i32' || from === 'i64') {
    n = c.un ? BigInt.asUintN(from === 'i32' ? 32 : 64, BigInt(x)) : BigInt(x);
    if (range === undefined) return c.to === 'f64' ? Number(n) : intToF32(n);
  } else {
    const v = x as number;
    if (range === undefined) return c.to === 'f32' ? Math.fround(v) : v;
    // NaN, infinities and out-of-range values: Overflow with .ovf, target-defined without.
    if (!Number.isFinite(v)) return undefined;
    n = BigInt(Math.trunc(v));
    if (n < range[0] || n > range[1]) return undefined;
  }
  if (c.ovf && (n < range[0] || n > range[1])) return undefined;
  const width = c.to === 'i64' || c.to === 'u64' ? 64 : c.to === 'i32' || c.to === 'u32' ? 32 : c.to.endsWith('8') ? 8 : 16;
  const narrowed = c.to.startsWith('u') && width < 32 ? BigInt.asUintN(width, n) : BigInt.asIntN(width, n);
  return width === 64 ? BigInt.asIntN(64, narrowed) : Number(BigInt.asIntN(32, narrowed));
}

/** An integer rounded once to single precision (nearest, ties to even): Math.fround(Number(n)) would round twice. */
function intToF32(n: bigint): number {
  const mag = n < 0n ? -n : n;
  const bits = mag.toString(2).length;
  if (bits <= 53) return Math.fround(Number(n));
  // Keep 24 significant bits, round on the rest.
  const drop = BigInt(bits - 24);
  let keep = mag >> drop;
  const rest = mag & ((1n << drop) - 1n);
  const half = 1n << (drop - 1n);
  if (rest > half || (rest === half && (keep & 1n) === 1n)) keep++;
  const v = Number(keep << drop);
  return n < 0n ? -v : v;
}
