// Operators over boundary values, one part per list of integral types. For each type,
// every operator in the operand forms instruction selection treats differently:
//   RegReg    both operands from a value source in nested loops; comparisons as values
//             (ceq/cgt/clt) and as branches; the same again on static fields (memory operands);
//   RegConst  each pair value as a literal right operand (immediates, strength-reduced
//             multiplication, division by a constant);
//   ConstReg  literal left operands of the non-commutative operators;
//   Shifts    by every count in SHIFT_COUNTS, as variables and as literals, and literal
//             values shifted by variable counts;
//   Unary     -, ~, +, ++ and -- (which wrap narrow types);
//   Folded    operands from W(literal), which -O2 inlines and folds;
//   Checked   add/sub/mul/negation/++ in a checked block, only on pairs the generator
//             knows do not overflow (a mask per row), with unchecked wraparound inside it;
//   Widening  (32-bit types) products, sums and high halves computed in 64 bits, which
//             instruction selection may do with one 32 x 32 -> 64 multiply.
// (Compound assignment, which narrows, is the data part's.) Unary and shifts run over
// the full boundary set (`operatorValues`), the pairwise sections over a smaller one
// (`pairValues`) to bound the output. Each result is printed on its own labelled line
// by a Printers helper. Member names end in the type's label.

import { stringLiteral, type CSharpWriter } from './csharp-writer.ts';
import { boundaryValues, INT, literal, LONG, promote, promoteUnary, shiftResult, ULONG, type IntType } from './int-types.ts';
import { ARITHMETIC, checkedFits, COMPARISONS, divisionDefined, SHIFT_COUNTS, SHIFTS, type BinaryOperator } from './operator-tables.ts';
import type { Printers } from './printers.ts';
import type { ProgramPart } from './program.ts';
import { maskHas, writeMaskSource, writeValueSource } from './value-sources.ts';

/** Powers of two whose neighbours are checked, per width. */
const POWERS: Readonly<Record<number, readonly number[]>> = { 8: [4, 7], 16: [7, 8, 15], 32: [8, 16, 31], 64: [16, 31, 32, 63] };
/** The same for the pairwise sections: the word boundaries only. */
const PAIR_POWERS: Readonly<Record<number, readonly number[]>> = { 8: [4], 16: [8], 32: [16], 64: [31, 32] };

/** The full boundary set of t. */
export function operatorValues(t: IntType): bigint[] {
  return boundaryValues(t, POWERS[t.bits]!);
}

/** The boundary values of t combined pairwise. */
export function pairValues(t: IntType): bigint[] {
  return boundaryValues(t, PAIR_POWERS[t.bits]!, 'power');
}

/** The part checking every operator of `types`. */
export function operatorPart(types: readonly IntType[]): ProgramPart {
  return {
    generator: 'operator-programs.ts',
    members: (w, printers) => types.flatMap(t => new TypeSections(w, printers, t).write()),
  };
}

/** The section methods of one type. */
class TypeSections {
  private readonly values: bigint[];
  private readonly pairs: bigint[];
  /** The type of `a op b` for a, b of type t. */
  private readonly promoted: IntType;
  /** Value sources: V over `values`, W over `pairs`. */
  private readonly V: string;
  private readonly W: string;
  private readonly T: string;
  private readonly L: string;

  constructor(
    private readonly w: CSharpWriter,
    private readonly printers: Printers,
    private readonly t: IntType,
  ) {
    this.values = operatorValues(t);
    this.pairs = pairValues(t);
    this.promoted = promote(t, t)!;
    this.V = `V_${t.label}`;
    this.W = `W_${t.label}`;
    this.T = t.name;
    this.L = t.label;
  }

  /** Writes the sources and section methods; returns the section names in call order. */
  write(): string[] {
    const { w, t, L } = this;
    writeValueSource(w, this.V, t, this.values);
    writeValueSource(w, this.W, t, this.pairs);
    w.line(`static ${t.name} sa_${L}, sb_${L};`);
    w.block(`static int Count_${L}(int k)`, () => {
      w.block('switch (k)', () => SHIFT_COUNTS.forEach((c, k) => w.line(`case ${k}: return ${c};`)));
      w.line('return 0;');
    });
    for (const o of ARITHMETIC.filter(o => o.checkable)) {
      writeMaskSource(w, `Fits_${o.label}_${L}`, this.pairs.length, this.pairs.length, (i, j) => checkedFits(t, o, this.pairs[i]!, this.pairs[j]!));
    }
    w.line();
    const sections: [string, (() => void)[]][] = [
      ['RegReg', [() => this.regReg()]],
      ['RegConst', this.pairs.map(c => () => this.regConst(c))],
      ['ConstReg', this.pairs.map(c => () => this.constReg(c))],
      ['Shifts', [() => this.shifts(), () => this.constantShifts()]],
      ['Unary', [() => this.unary()]],
      ['Folded', this.pairs.map((_, i) => () => this.folded(i))],
      ['Checked', [() => this.checked()]],
      ['Widening', this.t.bits === 32 ? [() => this.widening()] : []],
    ];
    // One method per part: the compile time of a method grows faster than its size.
    return sections.flatMap(([section, parts]) =>
      parts.map((body, k) => {
        const name = parts.length === 1 ? `${section}_${L}` : `${section}_${L}_${k}`;
        w.block(`static void ${name}()`, body);
        w.line();
        return name;
      }),
    );
  }

  /** `print("<label> <what>", a, b, a op b);` for a binary operator. */
  private binary(o: BinaryOperator, a: string, b: string, what = o.label): string {
    return `${this.printers.binary(this.t, this.t, this.promoted)}(${stringLiteral(`${this.L} ${what}`)}, ${a}, ${b}, ${a} ${o.token} ${b});`;
  }

  /** Division is guarded where the operands may be 0 or MinValue / -1 (known statically from the literals given). */
  private guarded(o: BinaryOperator, a: string | bigint, b: string | bigint, line: string): string {
    if (!o.divides) return line;
    const as = typeof a === 'bigint' ? [a] : this.pairs;
    const bs = typeof b === 'bigint' ? [b] : this.pairs;
    if (as.every(x => bs.every(y => divisionDefined(this.t, x, y)))) return line;
    const P = this.promoted;
    const A = typeof a === 'bigint' ? literal(this.t, a) : a;
    const B = typeof b === 'bigint' ? literal(this.t, b) : b;
    const overflows = P.signed && (P.bits === 32 || P.bits === 64);
    return `if (${B} != 0${overflows ? ` && !(${A} == ${literal(P, P.min)} && ${B} == -1)` : ''}) ${line}`;
  }

  /** Branch form of all six comparisons, printed as the names of those that hold. */
  private branches(a: string, b: string, what: string): string {
    const tests = COMPARISONS.map((c, k) => `if (${a} ${c.token} ${b}) m |= ${1 << k};`).join(' ');
    return `{ int m = 0; ${tests} ${this.printers.relations(this.t)}(${stringLiteral(`${this.L} ${what}`)}, ${a}, ${b}, m); }`;
  }

  /** Value form: the comparisons as bools (ceq/cgt/clt and their negations), printed like `branches`. */
  private values6(a: string, b: string, what: string): string {
    const bools = COMPARISONS.map((c, k) => `r${k} = ${a} ${c.token} ${b}`).join(', ');
    const mask = COMPARISONS.map((_, k) => `if (r${k}) m |= ${1 << k};`).join(' ');
    return `{ bool ${bools}; int m = 0; ${mask} ${this.printers.relations(this.t)}(${stringLiteral(`${this.L} ${what}`)}, ${a}, ${b}, m); }`;
  }

  private pairLoops(a: string, b: string, body: () => void, rowPrologue: () => void = () => {}): void {
    const { w, W, T } = this;
    const n = this.pairs.length;
    w.block(`for (int i = 0; i < ${n}; i++)`, () => {
      w.line(`${T} ${a} = ${W}(i);`);
      rowPrologue();
      w.block(`for (int j = 0; j < ${n}; j++)`, () => {
        w.line(`${T} ${b} = ${W}(j);`);
        body();
      });
    });
  }

  private regReg(): void {
    const { w, L } = this;
    this.pairLoops('a', 'b', () => {
      for (const o of ARITHMETIC) w.line(this.guarded(o, 'a', 'b', this.binary(o, 'a', 'b')));
      w.line(this.values6('a', 'b', 'cmp'));
      w.line(this.branches('a', 'b', 'branch'));
      w.line(`sa_${L} = a; sb_${L} = b;`);
      for (const o of ARITHMETIC.filter(o => o.label === 'add' || o.label === 'sub')) w.line(this.binary(o, `sa_${L}`, `sb_${L}`, `${o.label}.mem`));
      w.line(this.branches(`sa_${L}`, `sb_${L}`, 'branch.mem'));
    });
  }

  private regConst(c: bigint): void {
    const { w, W, T } = this;
    const C = literal(this.t, c);
    w.block(`for (int i = 0; i < ${this.pairs.length}; i++)`, () => {
      w.line(`${T} a = ${W}(i);`);
      for (const o of ARITHMETIC) if (!(o.divides && c === 0n)) w.line(this.guarded(o, 'a', c, this.binary(o, 'a', C)));
      w.line(this.branches('a', C, 'branch'));
    });
  }

  private constReg(c: bigint): void {
    const { w, W, T } = this;
    const C = literal(this.t, c);
    w.block(`for (int j = 0; j < ${this.pairs.length}; j++)`, () => {
      w.line(`${T} b = ${W}(j);`);
      for (const o of ARITHMETIC.filter(o => o.label === 'sub' || o.divides)) w.line(this.guarded(o, c, 'b', this.binary(o, C, 'b')));
      w.line(this.branches(C, 'b', 'branch'));
    });
  }

  private shiftLine(s: { label: string; token: string }, a: string, count: string): string {
    const print = this.printers.binary(this.t, INT, shiftResult(this.t));
    return `${print}(${stringLiteral(`${this.L} ${s.label}`)}, ${a}, ${count}, ${a} ${s.token} ${count});`;
  }

  private shifts(): void {
    const { w, V, T, L } = this;
    w.block(`for (int i = 0; i < ${this.values.length}; i++)`, () => {
      w.line(`${T} a = ${V}(i);`);
      w.block(`for (int k = 0; k < ${SHIFT_COUNTS.length}; k++)`, () => {
        w.line(`int s = Count_${L}(k);`);
        for (const s of SHIFTS) w.line(this.shiftLine(s, 'a', 's'));
      });
      for (const count of SHIFT_COUNTS) for (const s of SHIFTS) w.line(this.shiftLine(s, 'a', `${count}`));
    });
  }

  /** Literal values shifted by variable counts. */
  private constantShifts(): void {
    const { w, L } = this;
    w.block(`for (int k = 0; k < ${SHIFT_COUNTS.length}; k++)`, () => {
      w.line(`int s = Count_${L}(k);`);
      for (const c of this.pairs) for (const s of SHIFTS) w.line(this.shiftLine(s, literal(this.t, c), 's'));
    });
  }

  private unary(): void {
    const { w, t, V, T, L } = this;
    w.block(`for (int i = 0; i < ${this.values.length}; i++)`, () => {
      w.line(`${T} a = ${V}(i);`);
      for (const [u, name] of [['-', 'neg'], ['~', 'not'], ['+', 'plus']] as const) {
        const r = promoteUnary(t, u);
        if (r) w.line(`${this.printers.unary(t, r)}(${stringLiteral(`${L} ${name}`)}, a, ${u}a);`);
      }
      const same = this.printers.unary(t, t);
      w.line(`{ ${T} x = a; x++; ${same}("${L} inc", a, x); }`);
      w.line(`{ ${T} x = a; x--; ${same}("${L} dec", a, x); }`);
      w.line(`{ ${T} x = a; ${same}("${L} preinc", a, ++x); ${same}("${L} postdec", a, x--); ${same}("${L} after", a, x); }`);
    });
  }

  private folded(i: number): void {
    const { w, t, W, L } = this;
    const n = this.pairs.length;
    for (const j of new Set([i, (i * 5 + 3) % n])) {
      const [a, b] = [`${W}(${i})`, `${W}(${j})`];
      for (const o of ARITHMETIC) if (!o.divides || divisionDefined(t, this.pairs[i]!, this.pairs[j]!)) w.line(this.binary(o, a, b));
      w.line(this.values6(a, b, 'cmp'));
      w.line(`${this.printers.binary(t, INT, shiftResult(t))}(${stringLiteral(`${L} shl`)}, ${a}, ${j}, ${a} << ${j});`);
    }
  }

  private widening(): void {
    const { w, t, T, L } = this;
    const wide = t.signed ? LONG : ULONG;
    const W = wide.name;
    const print = this.printers.binary(t, t, wide);
    this.pairLoops('a', 'b', () => {
      w.line(`${print}(${stringLiteral(`${L} mul.wide`)}, a, b, (${W})a * (${W})b);`);
      w.line(`${print}(${stringLiteral(`${L} add.wide`)}, a, b, (${W})a + b);`);
      w.line(`${print}(${stringLiteral(`${L} pack`)}, a, b, ((${W})a << 32) | (uint)b);`);
      w.line(`${this.printers.binary(t, t, t)}(${stringLiteral(`${L} mul.high`)}, a, b, (${T})(((${W})a * b) >> 32));`);
    });
  }

  private checked(): void {
    const { w, t, T, L } = this;
    const checkable = ARITHMETIC.filter(o => o.checkable);
    const narrow = this.promoted !== t;
    const print = this.printers.binary(t, t, narrow ? t : this.promoted);
    // For types narrower than int the operation cannot overflow int; the narrowing conversion is what is checked.
    const expr = (o: BinaryOperator) => (narrow ? `(${T})(a ${o.token} b)` : `a ${o.token} b`);
    w.block('checked', () => {
      this.pairLoops(
        'a',
        'b',
        () => {
          for (const o of checkable) w.line(`if (${maskHas(`fits_${o.label}`, 'j')}) ${print}(${stringLiteral(`${L} checked ${o.label}`)}, a, b, ${expr(o)});`);
          w.line(`if (i == j) ${this.printers.binary(t, t, this.promoted)}(${stringLiteral(`${L} unchecked mul`)}, a, b, unchecked(a * b));`);
        },
        () => {
          for (const o of checkable) w.line(`ulong fits_${o.label} = Fits_${o.label}_${L}(i);`);
          // -a overflows exactly where 0 - a does.
          const neg = promoteUnary(t, '-');
          if (neg) w.line(`if (${maskHas(`Fits_sub_${L}(${this.pairs.indexOf(0n)})`, 'i')}) ${this.printers.unary(t, narrow ? t : neg)}("${L} checked neg", a, ${narrow ? `(${T})(-a)` : '-a'});`);
          w.line(`if (a != ${literal(t, t.max)}) { ${T} x = a; x++; ${this.printers.unary(t, t)}("${L} checked inc", a, x); }`);
        },
      );
    });
  }
}
