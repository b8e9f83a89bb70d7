// Strings for the random program generator (random-program.ts): string locals, static
// fields, object fields, parameters and results, never null. Expressions: literals,
// concatenation with + of strings and values of every integral type, char and bool (mcs
// makes String.Concat calls, boxing the values), ToString() of integral values,
// Substring, ToUpper/ToLower/Trim, Replace (of a non-empty string), string.Concat,
// new string(c, n), ?: and calls; from strings: Length, the
// indexer, IndexOf, ==, !=, string.Equals, Equals, Contains, StartsWith, EndsWith. Statements:
// assignment, +=, foreach over characters, switch on a string with literal cases.
//
// Bounds hold by construction: every string expression has an upper bound of its length
// known at generation time, and a value stored in a variable is cut to at most MAX_LENGTH
// characters by the Cap_ helper when its bound is larger, so strings cannot grow without
// limit in loops. Indices and substring bounds are reduced modulo the length (+ 1) after
// masking to non-negative, or are taken by helpers that check the length first. Characters
// concatenated into strings are printable ASCII, so both sides print the same bytes.

import { stringLiteral, type CSharpWriter } from './csharp-writer.ts';
import { BYTE, CHAR, INT, INT_TYPES, type IntType } from './int-types.ts';
import { ALL_TYPES, MAX_EXPR_DEPTH } from './random-expressions.ts';
import { STRING, type Context, type Variable, type VType } from './random-types.ts';

/** Literals: the switch cases and the pieces strings are made of. */
const LITERALS = ['', 'a', 'b', 'ab', 'abc', 'Hello', 'hello', 'x y', 'ABC', 'zz', '0', '42', '-1', 'True', 'a,b', 'abcabc'];
/** The longest string stored in a variable. */
const MAX_LENGTH = 40;
/** The longest text of an integral value or bool (ulong.MaxValue, long.MinValue). */
const VALUE_LENGTH = 20;

interface Str {
  readonly text: string;
  /** Upper bound of its length. */
  readonly max: number;
}

export class RandomStrings {
  constructor(private readonly ctx: Context) {}

  literal(): string {
    return stringLiteral(this.ctx.rng.pick(LITERALS));
  }

  /** A string expression whose value is at most MAX_LENGTH long (what variables, arguments and results hold). */
  expr(depth: number): string {
    const s = this.str(depth);
    if (s.max <= MAX_LENGTH) return s.text;
    this.ctx.helper('Cap_', `static string Cap_(string s) { return s.Length > ${MAX_LENGTH} ? s.Substring(s.Length - ${MAX_LENGTH}) : s; }`);
    return `Cap_(${s.text})`;
  }

  private str(depth: number): Str {
    const { ctx } = this;
    const { rng } = ctx;
    const vars = this.strings();
    if (depth >= MAX_EXPR_DEPTH) return vars.length > 0 && rng.chance(0.6) ? { text: rng.pick(vars).name, max: MAX_LENGTH } : this.lit();
    const kind = rng.weighted<string>([
      [vars.length > 0 ? 5 : 0, 'variable'],
      [3, 'literal'],
      [5, 'concat'],
      [2, 'tostring'],
      [2, 'substring'],
      [1, 'case'],
      [1, 'new'],
      [1, 'conditional'],
      [1, 'call'],
      [1, 'construct'],
    ]);
    switch (kind) {
      case 'variable':
        return { text: rng.pick(vars).name, max: MAX_LENGTH };
      case 'concat': {
        ctx.charge(1);
        const a = this.str(depth + 1);
        const b = rng.chance(0.5) ? this.str(depth + 1) : this.value(depth + 1);
        const [l, r] = rng.chance(0.5) ? [a, b] : [b, a];
        return { text: `(${l.text} + ${r.text})`, max: l.max + r.max };
      }
      case 'tostring': {
        ctx.charge(1);
        const t = rng.pick(INT_TYPES.filter(t => t !== CHAR));
        return { text: `(${ctx.expr(t, depth + 1)}).ToString()`, max: VALUE_LENGTH };
      }
      case 'substring': {
        ctx.charge(1);
        const s = this.str(depth + 1);
        const local = this.strings(true);
        if (local.length > 0 && rng.chance(0.5)) {
          // Inline on a local (which a call in the index cannot change): start in 0..Length.
          const v = rng.pick(local).name;
          return { text: `${v}.Substring((${ctx.expr(INT, depth + 1)} & 15) % (${v}.Length + 1))`, max: MAX_LENGTH };
        }
        this.ctx.helper(
          'Sub_',
          'static string Sub_(string s, int a, int b) { a = (a & 0x7fffffff) % (s.Length + 1); b = (b & 0x7fffffff) % (s.Length - a + 1); return s.Substring(a, b); }',
        );
        return { text: `Sub_(${s.text}, ${ctx.expr(INT, depth + 1)}, ${ctx.expr(INT, depth + 1)})`, max: s.max };
      }
      case 'case': {
        ctx.charge(1);
        const s = this.str(depth + 1);
        return rng.weighted<() => Str>([
          [2, () => ({ text: `${this.paren(s.text)}.${rng.pick(['ToUpper', 'ToLower', 'Trim'])}()`, max: s.max })],
          [1, () => ({ text: `${this.paren(s.text)}.Replace(${stringLiteral(rng.pick(LITERALS.filter(l => l !== '')))}, ${this.literal()})`, max: s.max * 6 })],
          [1, () => ({ text: `string.Concat(${s.text}, ${this.paren(this.lit().text)})`, max: s.max + 6 })],
        ])();
      }
      case 'new': {
        ctx.charge(1);
        const n = rng.between(0, 7);
        return { text: `new string(${this.printable(depth + 1)}, ${rng.chance(0.5) ? `${n}` : `${ctx.expr(INT, depth + 1)} & 7`})`, max: 7 };
      }
      case 'conditional': {
        const [a, b] = [this.str(depth + 1), this.str(depth + 1)];
        return { text: `(${ctx.boolExpr(depth + 1)} ? ${a.text} : ${b.text})`, max: Math.max(a.max, b.max) };
      }
      case 'call': {
        const call = ctx.callReturning(STRING);
        if (call) return { text: call, max: MAX_LENGTH };
        return this.lit();
      }
      case 'construct': {
        // An array shown, or an object's ToString or virtual method's result.
        const e = ctx.constructString(depth + 1);
        return e === undefined ? this.lit() : { text: e, max: 200 };
      }
      default:
        return this.lit();
    }
  }

  private lit(): Str {
    const s = this.ctx.rng.pick(LITERALS);
    return { text: stringLiteral(s), max: s.length };
  }

  /** A value concatenated to a string: an integral value, a printable char, or a bool. */
  private value(depth: number): Str {
    const { ctx } = this;
    const t = ctx.rng.pick<VType>(ALL_TYPES);
    if (t === CHAR) return { text: this.printable(depth), max: 1 };
    return { text: `(${ctx.expr(t, depth)})`, max: t === 'bool' ? 5 : VALUE_LENGTH };
  }

  /** A printable ASCII char. */
  private printable(depth: number): string {
    const { ctx } = this;
    if (ctx.rng.chance(0.4)) return `'${ctx.rng.pick(['a', 'Z', '0', ' ', '#', 'b', 'y'])}'`;
    const strings = this.strings();
    if (strings.length > 0 && ctx.rng.chance(0.3)) return this.charAt(ctx.rng.pick(strings).name, depth);
    return `(char)(0x41 + (${ctx.expr(INT, depth + 1)} & 31))`;
  }

  /** The character of a string at an index made safe (a placeholder for the empty string). */
  private charAt(s: string, depth: number): string {
    this.ctx.helper('At_', "static char At_(string s, int i) { return s.Length == 0 ? '.' : s[(i & 0x7fffffff) % s.Length]; }");
    return `At_(${s}, ${this.ctx.expr(INT, depth + 1)})`;
  }

  /** An integral expression from strings: a length, a character, an index found. */
  scalar(t: VType, depth: number): string | undefined {
    const { ctx } = this;
    const { rng } = ctx;
    const cast = (type: IntType, e: string) => (type === t ? e : `((${t === 'bool' ? 'int' : t.name})${e})`);
    const local = this.strings(true);
    const s = () => this.expr(Math.max(depth, MAX_EXPR_DEPTH - 1));
    return rng.weighted<() => string>([
      [3, () => cast(INT, `${this.paren(s())}.Length`)],
      [2, () => cast(CHAR, this.charAt(s(), depth))],
      [local.length > 0 ? 2 : 0, () => {
        const v = rng.pick(local).name;
        return cast(CHAR, `(${v}.Length > 0 ? ${v}[(${ctx.expr(INT, depth + 1)} & 0xff) % ${v}.Length] : '-')`);
      }],
      [2, () => cast(INT, `${this.paren(s())}.IndexOf(${rng.chance(0.5) ? `'${rng.pick(['a', 'b', 'c', 'z', 'H', ','])}'` : this.literal()})`)],
    ])();
  }

  /** A comparison of strings. */
  bool(depth: number): string | undefined {
    const { ctx } = this;
    const s = () => this.expr(Math.max(depth, MAX_EXPR_DEPTH - 1));
    return ctx.rng.weighted<() => string>([
      [3, () => `(${s()} ${ctx.rng.pick(['==', '!='])} ${s()})`],
      [1, () => `string.Equals(${s()}, ${s()})`],
      [1, () => `${this.paren(s())}.Equals(${s()})`],
      [2, () => `${this.paren(s())}.${ctx.rng.pick(['Contains', 'StartsWith', 'EndsWith'])}(${this.literal()})`],
      [1, () => `string.IsNullOrEmpty(${s()})`],
    ])();
  }

  statement(w: CSharpWriter, depth: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const writable = this.strings().filter(v => v.writable);
    const kind = rng.weighted<string>([
      [2, 'declare'],
      [writable.length > 0 ? 2 : 0, 'assign'],
      [writable.length > 0 ? 2 : 0, 'append'],
      [2, 'print'],
      [depth < 3 ? 1 : 0, 'foreach'],
      [depth < 3 ? 2 : 0, 'switch'],
    ]);
    switch (kind) {
      case 'declare': {
        const init = this.expr(0);
        const [v] = ctx.declare(STRING);
        w.line(`string ${v!.name} = ${init};`);
        return ctx.maybePrint(w, v);
      }
      case 'assign': {
        const v = rng.pick(writable);
        w.line(`${v.name} = ${this.expr(0)};`);
        return ctx.maybePrint(w, v);
      }
      case 'append': {
        // s += x, cut back to MAX_LENGTH.
        const v = rng.pick(writable);
        const add = rng.chance(0.5) ? this.expr(1) : this.value(1).text;
        ctx.helper('Cap_', `static string Cap_(string s) { return s.Length > ${MAX_LENGTH} ? s.Substring(s.Length - ${MAX_LENGTH}) : s; }`);
        w.line(`${v.name} += ${add};`);
        w.line(`${v.name} = Cap_(${v.name});`);
        return ctx.maybePrint(w, v);
      }
      case 'print':
        return ctx.print(w, this.expr(1), STRING);
      case 'foreach': {
        if (!ctx.affords(MAX_LENGTH)) return;
        const c = `c${ctx.fresh()}`;
        const sum = `v${ctx.fresh()}`;
        w.line(`int ${sum} = 0;`);
        w.line(`foreach (char ${c} in ${this.expr(1)}) ${sum} = ${sum} * 31 + ${c};`);
        ctx.charge(MAX_LENGTH);
        return ctx.print(w, sum, INT);
      }
      default:
        return this.switchStatement(w, depth);
    }
  }

  /** A switch on a string with some of the literals as cases (mcs makes a Dictionary lookup of seven or more). */
  private switchStatement(w: CSharpWriter, depth: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const chosen = LITERALS.filter(() => rng.chance(rng.chance(0.5) ? 0.3 : 0.7));
    if (chosen.length === 0) chosen.push('abc');
    w.block(`switch (${this.expr(1)})`, () => {
      let k = 0;
      while (k < chosen.length) {
        const group = chosen.slice(k, k + (rng.chance(0.2) ? 2 : 1));
        k += group.length;
        for (const label of group) w.line(`case ${stringLiteral(label)}:`);
        w.block('', () => {
          ctx.print(w, `${rng.between(0, 999)}`, INT);
          ctx.body(w, depth + 1, rng.between(0, 1), [], 1, false);
          w.line('break;');
        });
      }
      if (rng.chance(0.7)) {
        w.line('default:');
        w.block('', () => {
          ctx.print(w, `${rng.between(0, 999)}`, BYTE);
          w.line('break;');
        });
      }
    });
    ctx.charge(2);
  }

  private paren(s: string): string {
    return /^[\w.]+$/.test(s) ? s : `(${s})`;
  }

  /** String variables in scope (only locals and parameters, not objects' fields, if `local`: no call can change those). */
  private strings(local = false): Variable[] {
    return (local ? this.ctx.locals().filter(v => !v.field) : this.ctx.visible()).filter(v => v.type === STRING);
  }
}
