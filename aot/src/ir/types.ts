// Value types of the IR and the memory types of loads and stores.
//
// The IR is typed like the IL evaluation stack on a 32-bit target: int32, native int,
// pointers, managed pointers and object references are all `i32`; int64 is `i64`
// (split into 32-bit register pairs by instruction selection); floats are `f32` and
// `f64` (SSE2 scalar). Small integers exist only in memory (MemType) and in the
// narrowing conversions.

export type Type = 'i32' | 'i64' | 'f32' | 'f64';
export const TYPES: readonly Type[] = ['i32', 'i64', 'f32', 'f64'];

export function isType(s: string): s is Type {
  return (TYPES as readonly string[]).includes(s);
}

export function isFloat(t: Type): boolean {
  return t === 'f32' || t === 'f64';
}

export function isInt(t: Type): boolean {
  return t === 'i32' || t === 'i64';
}

/** Size in bytes of a value of this type in memory / on the stack. */
export function typeSize(t: Type): number {
  return t === 'i64' || t === 'f64' ? 8 : 4;
}

/** How a load reads memory (with sign/zero extension) and a store writes it (truncating). */
export type MemType = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'i64' | 'f32' | 'f64';
export const MEM_TYPES: readonly MemType[] = ['i8', 'u8', 'i16', 'u16', 'i32', 'i64', 'f32', 'f64'];

export function isMemType(s: string): s is MemType {
  return (MEM_TYPES as readonly string[]).includes(s);
}

/** The value type a load of this memory type produces (and a store consumes). */
export function memValueType(m: MemType): Type {
  switch (m) {
    case 'i64':
      return 'i64';
    case 'f32':
      return 'f32';
    case 'f64':
      return 'f64';
    default:
      return 'i32';
  }
}

export function memSize(m: MemType): number {
  switch (m) {
    case 'i8':
    case 'u8':
      return 1;
    case 'i16':
    case 'u16':
      return 2;
    case 'i64':
    case 'f64':
      return 8;
    default:
      return 4;
  }
}

/**
 * Comparison conditions. On integers the plain ones are signed and the `u` ones
 * unsigned. On floats the plain ones are ordered (false if either side is NaN) and
 * the `u` ones are "unordered or ..." (true if either side is NaN), as IL's `.un`
 * comparisons; `ne` is always unordered-or-not-equal, the negation of `eq`.
 */
export type Cond = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'ltu' | 'leu' | 'gtu' | 'geu';
export const CONDS: readonly Cond[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'ltu', 'leu', 'gtu', 'geu'];

export function isCond(s: string): s is Cond {
  return (CONDS as readonly string[]).includes(s);
}

/**
 * The condition that holds exactly when `c` does not. On integers `u` means unsigned, so
 * !(a < b) is a >= b; on floats it means unordered, so !(a < b) is "unordered or >=".
 */
export function negateCond(c: Cond, float: boolean): Cond {
  const ints: Record<Cond, Cond> = {
    eq: 'ne', ne: 'eq', lt: 'ge', le: 'gt', gt: 'le', ge: 'lt',
    ltu: 'geu', leu: 'gtu', gtu: 'leu', geu: 'ltu',
  };
  const floats: Record<Cond, Cond> = {
    eq: 'ne', ne: 'eq', lt: 'geu', le: 'gtu', gt: 'leu', ge: 'ltu',
    ltu: 'ge', leu: 'gt', gtu: 'le', geu: 'lt',
  };
  return (float ? floats : ints)[c];
}

/** The condition after swapping the operands (a c b  ==  b swap(c) a). */
export function swapCond(c: Cond): Cond {
  const table: Record<Cond, Cond> = {
    eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le',
    ltu: 'gtu', leu: 'geu', gtu: 'ltu', geu: 'leu',
  };
  return table[c];
}

/** Target numeric kinds of a conversion (IL conv.* / conv.ovf.*). */
export type NumKind = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64' | 'f32' | 'f64';
export const NUM_KINDS: readonly NumKind[] = ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'f32', 'f64'];

export function isNumKind(s: string): s is NumKind {
  return (NUM_KINDS as readonly string[]).includes(s);
}

export function numKindType(k: NumKind): Type {
  switch (k) {
    case 'i64':
    case 'u64':
      return 'i64';
    case 'f32':
      return 'f32';
    case 'f64':
      return 'f64';
    default:
      return 'i32';
  }
}
