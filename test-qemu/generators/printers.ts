// Printing helpers for generated programs. Every checked value is printed on a line of
// its own with a label and its operands, e.g. `i32 add 2147483647 1 = -2147483648`, so a
// mismatch with mono is readable in a line diff. The helpers are static C# methods the
// generator asks for by operand and result type; each prints through Console.Write
// overloads that korlib and Mono both have.
//
// A helper takes each value in its print class: types narrower than int (and Char, as
// its code) widen implicitly to int at the call site, so a handful of helpers serve every
// combination. Each helper's body is a try/finally that counts the lines printed (`Lines`,
// printed at the end by `writeLineCount`): a method with an exception region is never
// inlined. Both keep compile times down: every helper inlines korlib's number formatting,
// and -O2 inlining a helper at each of thousands of call sites would triple the time
// without checking anything more.

import { stringLiteral, type CSharpWriter } from './csharp-writer.ts';
import { INT, type IntType } from './int-types.ts';
import { COMPARISONS } from './operator-tables.ts';

/** A type a helper can print: an integral type or bool. */
export type Printable = IntType | 'bool';

/** The type a helper's parameter has for a value of type t. */
function printClass(t: Printable): IntType | 'bool' {
  return t === 'bool' || t.bits >= 32 ? t : INT;
}

function csType(t: Printable): string {
  const c = printClass(t);
  return c === 'bool' ? 'bool' : c.name;
}

function label(t: Printable): string {
  const c = printClass(t);
  return c === 'bool' ? 'b' : c.label;
}

export class Printers {
  private readonly helpers = new Map<string, (w: CSharpWriter) => void>();

  /** Name of `void H(string what, L a, L b, R r)` printing `what a b = r`. */
  binary(left: Printable, right: Printable, result: Printable): string {
    return this.helper(`P_${label(left)}_${label(right)}_${label(result)}`, `${csType(left)} a, ${csType(right)} b, ${csType(result)} r`, [
      `Console.Write(a); Console.Write(' ');`,
      `Console.Write(b); Console.Write(" = ");`,
      'Console.WriteLine(r);',
    ]);
  }

  /** Name of `void H(string what, A a, R r)` printing `what a = r`. */
  unary(arg: Printable, result: Printable): string {
    return this.helper(`P_${label(arg)}_${label(result)}`, `${csType(arg)} a, ${csType(result)} r`, [
      'Console.Write(a); Console.Write(" = ");',
      'Console.WriteLine(r);',
    ]);
  }

  /** Name of `void H(string what, A a, B b, R r0, ..., R r<n-1>)` printing `what a b = r0 ... r<n-1>`. */
  several(left: Printable, right: Printable, result: Printable, n: number): string {
    const results = Array.from({ length: n }, (_, k) => `r${k}`);
    return this.helper(`P_${label(left)}_${label(right)}_${label(result)}_x${n}`, `${csType(left)} a, ${csType(right)} b, ${results.map(r => `${csType(result)} ${r}`).join(', ')}`, [
      `Console.Write(a); Console.Write(' ');`,
      `Console.Write(b); Console.Write(" =");`,
      ...results.map(r => `Console.Write(' '); Console.Write(${r});`),
      'Console.WriteLine();',
    ]);
  }

  /**
   * Name of `void H(string what, T a, T b, int mask)` printing `what a b = <relations>`:
   * the labels of the COMPARISONS whose bit is set in mask (bit k for COMPARISONS[k]), e.g. `ne lt le`.
   */
  relations(t: IntType): string {
    return this.helper(`P_${label(t)}_rel`, `${csType(t)} a, ${csType(t)} b, int mask`, [
      'Console.Write(a); Console.Write(\' \');',
      'Console.Write(b); Console.Write(" =");',
      ...COMPARISONS.map((c, k) => `if ((mask & ${1 << k}) != 0) Console.Write(" ${c.label}");`),
      'Console.WriteLine();',
    ]);
  }

  /** Writes the line counter and every helper asked for so far, in a stable order. */
  emit(w: CSharpWriter): void {
    w.line('static int Lines;');
    w.line();
    for (const name of [...this.helpers.keys()].sort()) {
      this.helpers.get(name)!(w);
      w.line();
    }
  }

  /** `static void name(string what, <params>)`: prints `what`, a space, then runs `body`. */
  private helper(name: string, params: string, body: readonly string[]): string {
    if (!this.helpers.has(name)) {
      this.helpers.set(name, w =>
        w.block(`static void ${name}(string what, ${params})`, () => {
          w.block('try', () => {
            w.line("Console.Write(what); Console.Write(' ');");
            for (const line of body) w.line(line);
          });
          w.line('finally { Lines++; }');
        }),
      );
    }
    return name;
  }
}

/** The statement printing how many lines the helpers printed (Main's last words). */
export function writeLineCount(w: CSharpWriter): void {
  w.line(`Console.Write(${stringLiteral('lines printed ')}); Console.WriteLine(Lines);`);
}
