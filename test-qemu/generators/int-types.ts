// The C# integral types as data, for the generators: name, short label, width and
// signedness (ECMA-335 §I.8.2.2 built-in value types), their boundary values, how to
// write a value of the type as C# source, and C#'s binary numeric promotion (C# spec
// §12.4.7.3), which decides the type an operator's result has and so which
// Console.WriteLine overload prints it.
//
// Values are bigints so every width (up to UInt64) is exact in TypeScript. The
// generators use them only to choose inputs (boundary values, which operations do not
// throw); expected outputs always come from mono.

export type IntName = 'sbyte' | 'byte' | 'short' | 'ushort' | 'int' | 'uint' | 'long' | 'ulong' | 'char';

export interface IntType {
  /** The C# keyword. */
  readonly name: IntName;
  /** Short label printed in front of results: i8, u8, ..., ch. */
  readonly label: string;
  readonly bits: 8 | 16 | 32 | 64;
  readonly signed: boolean;
  readonly min: bigint;
  readonly max: bigint;
}

function intType(name: IntName, label: string, bits: 8 | 16 | 32 | 64, signed: boolean): IntType {
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  return { name, label, bits, signed, min, max };
}

export const SBYTE = intType('sbyte', 'i8', 8, true);
export const BYTE = intType('byte', 'u8', 8, false);
export const SHORT = intType('short', 'i16', 16, true);
export const USHORT = intType('ushort', 'u16', 16, false);
export const INT = intType('int', 'i32', 32, true);
export const UINT = intType('uint', 'u32', 32, false);
export const LONG = intType('long', 'i64', 64, true);
export const ULONG = intType('ulong', 'u64', 64, false);
export const CHAR = intType('char', 'ch', 16, false);

/** The eight integer types in order of width, then Char (unsigned 16-bit, prints as a character). */
export const INT_TYPES: readonly IntType[] = [SBYTE, BYTE, SHORT, USHORT, INT, UINT, LONG, ULONG, CHAR];

export function intTypeNamed(name: IntName): IntType {
  return INT_TYPES.find(t => t.name === name)!;
}

/** v reduced to the type's range with two's-complement wraparound (an unchecked conversion). */
export function wrap(t: IntType, v: bigint): bigint {
  return t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v);
}

export function inRange(t: IntType, v: bigint): boolean {
  return v >= t.min && v <= t.max;
}

/**
 * Boundary values of a type: 0, 1, -1, min, max, min + 1, max - 1, and 2^k - 1, 2^k, 2^k + 1
 * (and -2^k + 1, -2^k, -2^k - 1 for signed types; only -2^k when `negations` is 'power')
 * at every k in `powers` below the width, deduplicated and in a stable order. Values
 * outside the type's range are wrapped (so -1 is max for unsigned types).
 */
export function boundaryValues(t: IntType, powers: readonly number[], negations: 'all' | 'power' = 'all'): bigint[] {
  const raw: bigint[] = [0n, 1n, -1n, t.min, t.max, t.min + 1n, t.max - 1n];
  for (const k of powers.filter(k => k < t.bits)) {
    const p = 1n << BigInt(k);
    raw.push(p - 1n, p, p + 1n);
    if (t.signed) raw.push(...(negations === 'all' ? [-p + 1n, -p, -p - 1n] : [-p]));
  }
  const seen = new Set<bigint>();
  const out: bigint[] = [];
  for (const v of raw.map(v => wrap(t, v))) {
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

/**
 * A C# constant expression of exactly type t with value v (v must be in range). Small
 * types get a cast (there are no sbyte/short literals); the Int32 and Int64 minimum
 * values are written as -max - 1 (korlib has no MinValue fields).
 */
export function literal(t: IntType, v: bigint): string {
  if (!inRange(t, v)) throw new RangeError(`${v} is not a ${t.name}`);
  if ((t.name === 'int' || t.name === 'long') && v === t.min) return `(${literal(t, v + 1n)} - ${literal(t, 1n)})`;
  switch (t.name) {
    case 'int':
      return `${v}`;
    case 'uint':
      return `${v}u`;
    case 'long':
      return `${v}L`;
    case 'ulong':
      return `${v}UL`;
    case 'char':
      return `'\\u${v.toString(16).padStart(4, '0')}'`;
    default:
      return v < 0n ? `((${t.name})(${v}))` : `((${t.name})${v})`;
  }
}

/** The type C#'s binary numeric promotion gives `a op b` (§12.4.7.3); null where C# rejects the pair (ulong with a signed type). */
export function promote(a: IntType, b: IntType): IntType | null {
  if (a === ULONG || b === ULONG) {
    const other = a === ULONG ? b : a;
    return other.signed ? null : ULONG;
  }
  if (a === LONG || b === LONG) return LONG;
  if (a === UINT || b === UINT) {
    const other = a === UINT ? b : a;
    return other.signed ? LONG : UINT;
  }
  return INT;
}

/** The type of a unary -, ~ or + on t (unary numeric promotion, §12.4.7.2); null for -ulong. */
export function promoteUnary(t: IntType, op: '-' | '~' | '+'): IntType | null {
  if (t.bits < 32 || t === CHAR) return INT;
  if (op === '-' && t === UINT) return LONG;
  if (op === '-' && t === ULONG) return null;
  return t;
}

/** The type a shift `t << n` has: the left operand's promoted type. */
export function shiftResult(t: IntType): IntType {
  return t.bits < 32 || t === CHAR ? INT : t;
}
