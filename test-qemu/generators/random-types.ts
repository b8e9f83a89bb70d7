// The types, variables and methods of the random program generator (random-program.ts),
// and the interface its construct modules (random-arrays.ts, random-strings.ts,
// random-objects.ts) generate code through.
//
// A variable's type is an integral type or bool (scalars), the program's struct, string,
// an array type, or a class or interface of the program's hierarchy. Array types carry
// their length (arrays of one type all have the same length), so literal indices below it
// are always in range and assigning one array variable to another never shortens what
// an index computed from `.Length` was computed for. Strings, arrays and objects are never
// null where the generator can reach them.

import type { CSharpWriter } from './csharp-writer.ts';
import type { IntType } from './int-types.ts';
import type { Prng } from './prng.ts';

export type VType = IntType | 'bool';
/** The program's struct type (named S<seed> in C#). */
export const STRUCT = 'struct';
export const STRING = 'string';

export interface ArrayType {
  readonly kind: 'array';
  readonly elem: IntType;
  readonly length: number;
}

export interface ClassType {
  readonly kind: 'class';
  readonly name: string;
  readonly iface: boolean;
  readonly abstract: boolean;
  readonly base: ClassType | undefined;
  /** Interfaces it implements (declared on it or inherited). */
  readonly ifaces: ClassType[];
  /** Instance fields, inherited ones first. */
  readonly fields: { readonly name: string; readonly type: FieldType }[];
  /** Virtual (or interface) methods callable on it: their costs are those of the costliest implementation. */
  readonly methods: VirtualMethod[];
}

export interface VirtualMethod {
  readonly name: string;
  readonly ret: VType | typeof STRING;
  readonly params: readonly { readonly name: string; readonly type: VType }[];
  work: number;
  lines: number;
}

export type FieldType = VType | typeof STRING | ArrayType;
export type VarType = VType | typeof STRUCT | typeof STRING | ArrayType | ClassType;
export type Mode = 'in' | 'ref' | 'out';

export interface Variable {
  /** A C# variable: a local, parameter or static field, or a field of a struct or object variable (`v3.f1`). */
  readonly name: string;
  readonly type: VarType;
  /** Loop counters are read-only (assigning or passing them by ref could make a loop endless). */
  readonly writable: boolean;
  /** A struct or object variable's field (declared with its variable, not on its own). */
  readonly field?: boolean;
  /** A loop counter, never negative (foreach variables are read-only too, but may be). */
  readonly counter?: boolean;
}

export type ScalarVariable = Variable & { readonly type: VType };

export interface Method {
  readonly name: string;
  readonly ret: VarType | 'void';
  readonly params: readonly { readonly name: string; readonly type: VarType; readonly mode: Mode }[];
  /** Upper bounds of what one call executes and prints. */
  work: number;
  lines: number;
}

const arrayTypes = new Map<string, ArrayType>();

/** The array type of the element type and length (one object per pair, so types compare with ===). */
export function arrayType(elem: IntType, length: number): ArrayType {
  const key = `${elem.name}[${length}]`;
  let t = arrayTypes.get(key);
  if (!t) arrayTypes.set(key, (t = { kind: 'array', elem, length }));
  return t;
}

export function isScalar(t: VarType | 'void'): t is VType {
  return t === 'bool' || (typeof t === 'object' && !('kind' in t));
}

export function isInt(t: VarType | 'void'): t is IntType {
  return isScalar(t) && t !== 'bool';
}

export function isArray(t: VarType | 'void'): t is ArrayType {
  return typeof t === 'object' && 'kind' in t && t.kind === 'array';
}

export function isClass(t: VarType | 'void'): t is ClassType {
  return typeof t === 'object' && 'kind' in t && t.kind === 'class';
}

/** Whether a value of type `from` may be stored in a variable of type `to` (identity, or a reference conversion). */
export function assignable(from: VarType, to: VarType): boolean {
  if (from === to) return true;
  if (!isClass(from) || !isClass(to)) return false;
  if (from.ifaces.includes(to)) return true;
  for (let b = from.base; b; b = b.base) if (b === to) return true;
  return false;
}

/** What the construct modules generate code through (implemented by random-program.ts's generator). */
export interface Context {
  readonly rng: Prng;
  /** How many times the code being generated may run per call of its method. */
  readonly multiplier: number;
  /** In a method of the class hierarchy: no calls of the program's methods or of virtual methods (no recursion). */
  readonly inClass: boolean;
  /** A literal of a scalar type. */
  literal(t: VType): string;
  /** An expression of a scalar type. */
  expr(t: VType, depth: number): string;
  boolExpr(depth: number): string;
  /** An expression of any type (never null). */
  valueOf(t: VarType, depth: number): string;
  /** Locals and parameters in scope, then the static fields. */
  visible(): Variable[];
  /** Locals and parameters in scope. */
  locals(): Variable[];
  /** Declares a local in the innermost scope; its variables (an object's or struct's first, then its fields). */
  declare(type: VarType): Variable[];
  /** Prints a labelled value (scalar or string), if the line budget allows. */
  print(w: CSharpWriter, value: string, type: VarType, label?: string): void;
  /** Half the time, prints a variable just written. */
  maybePrint(w: CSharpWriter, v: Variable | undefined): void;
  /** A fresh label for a printed value (p<n>). */
  label(): string;
  /** A fresh number for a local's name. */
  fresh(): number;
  /** `count` statements in a new scope holding `vars`, run `times` times per run of the enclosing code (a loop body if `loop`). */
  body(w: CSharpWriter, depth: number, count: number, vars: readonly Variable[], times: number, loop: boolean): void;
  /** Whether a loop running `times` times fits the method's work budget. */
  affords(times: number): boolean;
  /** Whether `units` more statements' worth of work, times the multiplier, fit the method's budget. */
  fits(units: number): boolean;
  /**
   * Writes the body of a method of the class hierarchy (`unchecked`, ending in `return` unless
   * `ret` is void): `prelude`, then a few statements over `scope` (parameters, `this`'s
   * fields), calling nothing and printing nothing. Returns what it executes.
   */
  classBody(w: CSharpWriter, scope: Variable[], ret: VarType | 'void', prelude?: string[]): number;
  /** Adds `units` statements' worth of work (e.g. an allocation), times the multiplier. */
  charge(units: number): void;
  /** A call of one of the program's methods returning the type (charged), or undefined. */
  callReturning(t: VarType): string | undefined;
  /** A string made by another module (an array shown, an object's ToString or virtual method), or undefined. */
  constructString(depth: number): string | undefined;
  /** Registers a helper method (a static method of the program class, written once). */
  helper(name: string, source: string): void;
  typeName(t: VarType): string;
}
