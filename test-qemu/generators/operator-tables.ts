// The operators the operator programs check, as data: their C# token, the label printed
// in front of results, and what the generator must know to keep a program from throwing
// (division) or to decide in advance whether a checked form overflows (`exact`, the
// mathematical result on bigints; C# / and % truncate toward zero as bigint's do).

import { inRange, INT, LONG, promote, type IntType } from './int-types.ts';

export interface BinaryOperator {
  readonly label: string;
  readonly token: string;
  /** Throws on a zero divisor (and on MinValue / -1 in 32 and 64 bits). */
  readonly divides: boolean;
  /** Has a checked (ovf) form in IL: add.ovf, sub.ovf, mul.ovf. */
  readonly checkable: boolean;
  readonly exact: (a: bigint, b: bigint) => bigint;
}

function op(label: string, token: string, exact: (a: bigint, b: bigint) => bigint, flags: { divides?: boolean; checkable?: boolean } = {}): BinaryOperator {
  return { label, token, exact, divides: flags.divides ?? false, checkable: flags.checkable ?? false };
}

export const ARITHMETIC: readonly BinaryOperator[] = [
  op('add', '+', (a, b) => a + b, { checkable: true }),
  op('sub', '-', (a, b) => a - b, { checkable: true }),
  op('mul', '*', (a, b) => a * b, { checkable: true }),
  op('div', '/', (a, b) => a / b, { divides: true }),
  op('rem', '%', (a, b) => a % b, { divides: true }),
  op('and', '&', (a, b) => a & b),
  op('or', '|', (a, b) => a | b),
  op('xor', '^', (a, b) => a ^ b),
];

export interface Comparison {
  readonly label: string;
  readonly token: string;
}

export const COMPARISONS: readonly Comparison[] = [
  { label: 'eq', token: '==' },
  { label: 'ne', token: '!=' },
  { label: 'lt', token: '<' },
  { label: 'le', token: '<=' },
  { label: 'gt', token: '>' },
  { label: 'ge', token: '>=' },
];

export const SHIFTS: readonly { readonly label: string; readonly token: string }[] = [
  { label: 'shl', token: '<<' },
  { label: 'shr', token: '>>' },
];

/** Shift counts: in range, at the word boundaries, and beyond (C# masks the count by 31 or 63). */
export const SHIFT_COUNTS: readonly number[] = [0, 1, 2, 7, 8, 15, 16, 31, 32, 33, 63, 64, -1, 100];

/**
 * Whether `a op b` on values of type t is defined without an exception: no zero divisor,
 * and no MinValue / -1 where the promoted type is Int32 or Int64 (for narrower types
 * the quotient fits the promoted int).
 */
export function divisionDefined(t: IntType, a: bigint, b: bigint): boolean {
  if (b === 0n) return false;
  const p = promote(t, t)!;
  return !(p.signed && (p === INT || p === LONG) && a === p.min && b === -1n);
}

/** Whether checked `a op b` (op checkable) of type t, narrowed back to t when t is narrower than int, does not overflow. */
export function checkedFits(t: IntType, operator: BinaryOperator, a: bigint, b: bigint): boolean {
  const p = promote(t, t)!;
  const r = operator.exact(a, b);
  return inRange(p, r) && inRange(t, r);
}
