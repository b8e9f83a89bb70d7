// Expressions of the random program generator (random-program.ts): the state a method's
// generation shares (scopes, budgets) and expressions of the scalar types, which combine
// every integral type with casts, arithmetic, bitwise operators, shifts, comparisons,
// && and ||, ?:, calls, assignments, compound assignments and ++/-- used as values, and
// (through the construct modules) array elements, `.Length`, string lengths, characters
// and comparisons, object fields, virtual and interface calls, `is` and reference equality.
// Division and remainder go through Div_/Rem_ helpers that return something else for a
// zero divisor and for -1 (MinValue / -1 throws), or divide by a literal other than 0 and -1.

import { Prng } from './prng.ts';
import { BYTE, CHAR, INT, INT_TYPES, LONG, literal, promote, SHORT, UINT, ULONG, wrap, type IntType } from './int-types.ts';
import { operatorValues } from './operator-programs.ts';
import type { RandomArrays } from './random-arrays.ts';
import type { RandomObjects } from './random-objects.ts';
import type { RandomStrings } from './random-strings.ts';
import { isInt, isScalar, STRUCT, type Method, type ScalarVariable, type Variable, type VarType, type VType } from './random-types.ts';

export const MAX_EXPR_DEPTH = 4;
export const ALL_TYPES: readonly VType[] = [...INT_TYPES, 'bool'];
/** The types arithmetic is done in (C#'s binary numeric promotion yields one of these). */
export const OPERATION_TYPES: readonly IntType[] = [INT, UINT, LONG, ULONG];

export abstract class Expressions {
  readonly rng: Prng;
  protected readonly methods: Method[] = [];
  protected readonly statics: Variable[] = [];
  protected readonly helpers = new Map<string, string>();
  protected counter = 0;
  protected prints = 0;
  /** The construct modules the seed chose (undefined: none of that kind in this program). */
  protected arrays: RandomArrays | undefined;
  protected strings: RandomStrings | undefined;
  protected objects: RandomObjects | undefined;

  // State of the method being generated: it may call methods numbered above `current` (Main: -1).
  protected current = -1;
  inClass = false;
  protected scopes: Variable[][] = [];
  /** How many times the statement being generated may run per call of its method. */
  multiplier = 1;
  protected work = 0;
  protected lines = 0;
  protected workBudget = 0;
  protected lineBudget = 0;

  constructor(seed: number) {
    this.rng = new Prng(seed);
  }

  protected abstract call(filter: (m: Method) => boolean): { text: string; method: Method } | undefined;
  abstract valueOf(t: VarType, depth: number): string;

  visible(): Variable[] {
    return [...this.scopes.flat(), ...this.statics];
  }

  locals(): Variable[] {
    return this.scopes.flat();
  }

  helper(name: string, source: string): void {
    this.helpers.set(name, source);
  }

  /** A random writable scalar variable whose type passes the filter: sometimes an array element. */
  protected writableVariable(filter: (t: VType) => boolean = () => true): ScalarVariable | undefined {
    if (this.arrays && this.rng.chance(0.2)) {
      const element = this.arrays.element(filter);
      if (element) return element;
    }
    const candidates = this.visible().filter((v): v is ScalarVariable => v.writable && isScalar(v.type) && filter(v.type));
    return candidates.length === 0 ? undefined : this.rng.pick(candidates);
  }

  /** A C# expression of exactly type t. */
  expr(t: VType, depth: number): string {
    if (t === 'bool') return this.boolExpr(depth);
    const { rng } = this;
    if (depth >= MAX_EXPR_DEPTH || rng.chance(0.25 + depth * 0.15)) return this.leaf(t);
    const kind = rng.weighted<string>([
      [6, 'binary'],
      [2, 'shift'],
      [1, 'unary'],
      [2, 'divide'],
      [2, 'cast'],
      [1, 'conditional'],
      [1, 'call'],
      [1, 'side-effect'],
      [this.arrays || this.strings || this.objects ? 2 : 0, 'construct'],
    ]);
    const narrowed = (o: IntType, e: string) => (o === t ? e : `((${t.name})(${e}))`);
    switch (kind) {
      case 'binary': {
        const o = this.operationType(t);
        return narrowed(o, `(${this.expr(o, depth + 1)} ${rng.pick(['+', '-', '*', '&', '|', '^'])} ${this.expr(o, depth + 1)})`);
      }
      case 'shift': {
        const o = this.operationType(t);
        const count = rng.chance(0.5) ? `${rng.pick([0, 1, 2, 7, 8, 15, 16, 31, 32, 33, 63, 64])}` : this.expr(INT, depth + 1);
        return narrowed(o, `(${this.expr(o, depth + 1)} ${rng.pick(['<<', '>>'])} ${count})`);
      }
      case 'unary': {
        const o = rng.pick([INT, LONG, UINT, ULONG]);
        const op = o.signed ? rng.pick(['-', '~']) : '~';
        return narrowed(o, `(${op}(${this.expr(o, depth + 1)}))`);
      }
      case 'divide': {
        const o = this.operationType(t);
        const op = rng.pick(['/', '%']);
        if (rng.chance(0.5)) return narrowed(o, `(${this.expr(o, depth + 1)} ${op} ${literal(o, this.divisor(o))})`);
        const helper = `${op === '/' ? 'Div' : 'Rem'}_${o.label}`;
        this.helper(helper, HELPERS[helper]!);
        return narrowed(o, `${helper}(${this.expr(o, depth + 1)}, ${this.expr(o, depth + 1)})`);
      }
      case 'cast': {
        const from = rng.pick(INT_TYPES);
        return from === t ? this.expr(t, depth + 1) : `((${t.name})(${this.expr(from, depth + 1)}))`;
      }
      case 'conditional':
        return `(${this.boolExpr(depth + 1)} ? ${this.expr(t, depth + 1)} : ${this.expr(t, depth + 1)})`;
      case 'side-effect': {
        // An assignment, compound assignment or ++/-- as a value: C# evaluates operands left to right.
        const v = this.writableVariable(vt => vt === t);
        if (!v) return this.leaf(t);
        return rng.weighted<() => string>([
          [2, () => `(${v.name} = ${this.expr(t, depth + 1)})`],
          [2, () => `(${v.name} ${rng.pick(['+=', '-=', '^=', '|='])} ${this.expr(t, depth + 1)})`],
          [1, () => `(${v.name}${rng.pick(['++', '--'])})`],
          [1, () => `(${rng.pick(['++', '--'])}${v.name})`],
        ])();
      }
      case 'construct': {
        // An array element or length, a string's length or character, an object's field or virtual call.
        const makers = [this.arrays, this.strings, this.objects].filter(m => m !== undefined);
        const e = rng.pick(makers).scalar(t, depth + 1);
        return e ?? this.leaf(t);
      }
      default: {
        const call = this.call(m => isInt(m.ret));
        if (!call) return this.leaf(t);
        return call.method.ret === t ? call.text : `((${t.name})${call.text})`;
      }
    }
  }

  boolExpr(depth: number): string {
    const { rng } = this;
    if (depth >= MAX_EXPR_DEPTH || rng.chance(0.2 + depth * 0.15)) return this.leaf('bool');
    const kind = rng.weighted<string>([
      [5, 'compare'],
      [2, 'logic'],
      [1, 'not'],
      [1, 'conditional'],
      [this.strings || this.objects ? 1.5 : 0, 'construct'],
    ]);
    switch (kind) {
      case 'compare': {
        const o = rng.pick([...OPERATION_TYPES, CHAR, SHORT, BYTE]);
        const op = rng.pick(['==', '!=', '<', '<=', '>', '>=']);
        // mcs parses `x < (y ...` as the start of a type argument list; after `< +` it cannot
        // be one. Unary + promotes as the comparison itself does, so the meaning is the same.
        return `(${this.expr(o, depth + 1)} ${op === '<' ? '< +' : op} ${this.expr(o, depth + 1)})`;
      }
      case 'logic':
        return `(${this.boolExpr(depth + 1)} ${rng.pick(['&&', '||', '&', '|', '^', '==', '!='])} ${this.boolExpr(depth + 1)})`;
      case 'not':
        return `(!${this.boolExpr(depth + 1)})`;
      case 'construct': {
        // String comparisons, `is`, reference equality.
        const makers = [this.strings, this.objects].filter(m => m !== undefined);
        return rng.pick(makers).bool(depth + 1) ?? this.leaf('bool');
      }
      default:
        return `(${this.boolExpr(depth + 1)} ? ${this.boolExpr(depth + 1)} : ${this.boolExpr(depth + 1)})`;
    }
  }

  /** A variable of type t (possibly of another type, cast), an array element, or a literal. */
  protected leaf(t: VType): string {
    const { rng } = this;
    if (t !== 'bool' && this.arrays && rng.chance(0.1)) {
      const element = this.arrays.element(et => et === t, true);
      if (element) return element.name;
    }
    // Locals and parameters three times as often as static fields: they are what SSA,
    // the optimiser and the register allocator work on.
    const locals = this.scopes.flat();
    const vars = rng.chance(0.75) && locals.length > 0 ? locals : this.visible();
    const same = vars.filter(v => v.type === t);
    if (same.length > 0 && rng.chance(0.7)) return rng.pick(same).name;
    if (t !== 'bool' && rng.chance(0.4)) {
      const other = vars.filter(v => isInt(v.type));
      if (other.length > 0) {
        const v = rng.pick(other);
        return v.type === t ? v.name : `((${t.name})${v.name})`;
      }
    }
    return this.literal(t);
  }

  literal(t: VType): string {
    if (t === 'bool') return this.rng.chance(0.5) ? 'true' : 'false';
    return literal(t, this.value(t));
  }

  private value(t: IntType): bigint {
    const { rng } = this;
    return rng.weighted<() => bigint>([
      [5, () => rng.pick(operatorValues(t))],
      [4, () => wrap(t, BigInt(rng.between(-20, 20)))],
      [2, () => wrap(t, rng.bits(t.bits))],
    ])();
  }

  /** A literal divisor: never 0, and never -1 for signed types (MinValue / -1 throws). */
  protected divisor(t: IntType): bigint {
    for (;;) {
      const v = this.value(t);
      if (v !== 0n && !(t.signed && v === -1n)) return v;
    }
  }

  /** The type an operation producing t is done in: its promoted type, or sometimes another. */
  private operationType(t: IntType): IntType {
    return this.rng.chance(0.75) ? promote(t, t)! : this.rng.pick(OPERATION_TYPES);
  }

  /** A struct value: a copy of a struct variable, or a new (zeroed) one. */
  protected structExpr(structName: string): string {
    const vars = this.visible().filter(v => v.type === STRUCT);
    return vars.length > 0 && this.rng.chance(0.7) ? this.rng.pick(vars).name : `new ${structName}()`;
  }
}

/** Division helpers: the quotient or remainder, or something defined where C# would throw. */
const HELPERS: Readonly<Record<string, string>> = Object.fromEntries(
  OPERATION_TYPES.flatMap(t => {
    const T = t.name;
    const minusOne = t.signed ? ` if (b == -1) return unchecked(-a);` : '';
    const remMinusOne = t.signed ? ' || b == -1' : '';
    return [
      [`Div_${t.label}`, `static ${T} Div_${t.label}(${T} a, ${T} b) { if (b == 0) return a;${minusOne} return a / b; }`],
      [`Rem_${t.label}`, `static ${T} Rem_${t.label}(${T} a, ${T} b) { if (b == 0${remMinusOne}) return a; return a % b; }`],
    ];
  }),
);
