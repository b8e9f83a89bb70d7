// Arrays for the random program generator (random-program.ts): each program has two to
// four array types of integral elements, each of a fixed length of 1 to 8 (random-types.ts),
// used for locals, static fields, object fields, parameters and results. Arrays are made
// with `new T[n]`, initialisers `new T[] { ... }`, Clone(), calls and ?:, and are never null.
// Their elements are variables like any other (read, assigned, compound-assigned, ++/--,
// passed by ref); indices are literals below the type's length, or an int expression
// masked to non-negative and reduced modulo `.Length` (all arrays of a type have its
// length, so assigning an array variable never invalidates an index). Statements:
// array assignments (aliasing), foreach and index loops over an array (its length bounds
// them), Array.Reverse/Sort/Clear/Copy/IndexOf, printing all elements, jagged arrays and
// 2-D arrays `new T[r, c]` of a few rows, filled and summed by loops.

import type { CSharpWriter } from './csharp-writer.ts';
import { CHAR, INT, INT_TYPES, LONG, type IntType } from './int-types.ts';
import { MAX_EXPR_DEPTH } from './random-expressions.ts';
import { arrayType, isArray, STRING, type ArrayType, type Context, type ScalarVariable, type Variable, type VType } from './random-types.ts';

type ArrayVariable = Variable & { readonly type: ArrayType };

export class RandomArrays {
  private readonly types: ArrayType[] = [];

  constructor(private readonly ctx: Context) {
    const { rng } = ctx;
    for (let k = rng.between(2, 4); k > 0; k--) this.types.push(arrayType(rng.pick(INT_TYPES), rng.weighted([[1, 1], [4, rng.between(2, 8)]])));
  }

  pickType(): ArrayType {
    return this.ctx.rng.pick(this.types);
  }

  /** A static field's initialiser: literals only. */
  initialiser(t: ArrayType): string {
    const { ctx } = this;
    if (ctx.rng.chance(0.3)) return `new ${t.elem.name}[${t.length}]`;
    return `new ${t.elem.name}[] { ${Array.from({ length: t.length }, () => ctx.literal(t.elem)).join(', ')} }`;
  }

  /** An array of type t: a variable, a new array, a copy, a call's result, or a choice between two. */
  expr(t: ArrayType, depth: number): string {
    const { ctx } = this;
    const vars = this.arrays(v => v.type === t);
    const kind = ctx.rng.weighted<string>([
      [vars.length > 0 ? 6 : 0, 'variable'],
      [1, 'new'],
      [2, 'initialiser'],
      [vars.length > 0 ? 1 : 0, 'clone'],
      [1, 'call'],
      [depth < 2 ? 1 : 0, 'conditional'],
    ]);
    switch (kind) {
      case 'variable':
        return ctx.rng.pick(vars).name;
      case 'clone':
        ctx.charge(2);
        return `((${t.elem.name}[])${ctx.rng.pick(vars).name}.Clone())`;
      case 'new':
        ctx.charge(2);
        return `new ${t.elem.name}[${t.length}]`;
      case 'call': {
        const call = ctx.callReturning(t);
        if (call) return call;
        break;
      }
      case 'conditional':
        return `(${ctx.boolExpr(depth + 1)} ? ${this.expr(t, depth + 1)} : ${this.expr(t, depth + 1)})`;
    }
    ctx.charge(2);
    const elements = Array.from({ length: t.length }, () => ctx.expr(t.elem, Math.max(depth + 1, MAX_EXPR_DEPTH - 1)));
    return `new ${t.elem.name}[] { ${elements.join(', ')} }`;
  }

  /** An element of a visible array of an element type passing the filter, as a variable (its index made of leaves if `leafy`). */
  element(filter: (t: VType) => boolean, leafy = false): ScalarVariable | undefined {
    const arrays = this.arrays(v => filter(v.type.elem));
    if (arrays.length === 0) return undefined;
    const a = this.ctx.rng.pick(arrays);
    return { name: `${a.name}[${this.index(a, leafy)}]`, type: a.type.elem, writable: true };
  }

  /** An index always in range of the array. */
  private index(a: ArrayVariable, leafy: boolean): string {
    const { ctx } = this;
    const { rng } = ctx;
    const e = () => ctx.expr(INT, leafy ? MAX_EXPR_DEPTH : 2);
    const counters = ctx.locals().filter(v => v.counter === true);
    return rng.weighted<() => string>([
      [3, () => `${rng.below(a.type.length)}`],
      [2, () => `(${e()} & 7) % ${a.name}.Length`],
      [1, () => `(int)((uint)(${e()}) % (uint)${a.name}.Length)`],
      [1, () => `(${e()} & 0x7fffffff) % ${a.name}.Length`],
      [counters.length > 0 ? 2 : 0, () => `${rng.pick(counters).name} % ${a.name}.Length`],
    ])();
  }

  /** An integral expression from arrays: an element, a length, a sum or an index found. */
  scalar(t: VType, depth: number): string | undefined {
    const { ctx } = this;
    const cast = (type: IntType, e: string) => (type === t ? e : `((${t === 'bool' ? 'int' : t.name})${e})`);
    const arrays = this.arrays(() => true);
    if (arrays.length === 0) return undefined;
    const a = ctx.rng.pick(arrays);
    return ctx.rng.weighted<() => string>([
      [4, () => cast(a.type.elem, `${a.name}[${this.index(a, depth >= 2)}]`)],
      [2, () => cast(INT, `${a.name}.Length`)],
      [1, () => cast(LONG, `${this.sum(a.type.elem)}(${a.name})`)],
      [1, () => cast(INT, `Array.IndexOf(${a.name}, ${ctx.expr(a.type.elem, MAX_EXPR_DEPTH)})`)],
    ])();
  }

  /** The expression of a string showing every element (a helper's call). */
  show(name: string, t: ArrayType): string {
    const T = t.elem.name;
    const helper = `Show_${t.elem.label}`;
    const x = t.elem === CHAR ? '(int)x' : 'x';
    this.ctx.helper(helper, `static string ${helper}(${T}[] a) { string s = "[" + a.Length + "]"; foreach (${T} x in a) s = s + " " + ${x}; return s; }`);
    return `${helper}(${name})`;
  }

  /** Prints every element of an array (one line). */
  printAll(w: CSharpWriter, name: string, t: ArrayType, label?: string): void {
    this.ctx.print(w, this.show(name, t), STRING, label);
  }

  statement(w: CSharpWriter, depth: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const arrays = this.arrays(() => true);
    const writable = arrays.filter(v => v.writable);
    const nested = depth < 3;
    const kind = rng.weighted<string>([
      [2, 'declare'],
      [writable.length > 0 ? 2 : 0, 'assign'],
      [arrays.length > 0 ? 3 : 0, 'element'],
      [arrays.length > 0 && nested ? 2 : 0, 'foreach'],
      [arrays.length > 0 && nested ? 2 : 0, 'for'],
      [arrays.length > 0 ? 1 : 0, 'method'],
      [arrays.length > 0 ? 2 : 0, 'print'],
      [1, 'jagged'],
      [1, 'matrix'],
    ]);
    const a = arrays.length > 0 ? rng.pick(arrays) : undefined;
    switch (kind) {
      case 'declare': {
        const t = this.pickType();
        const init = this.expr(t, 0);
        const [v] = ctx.declare(t);
        w.line(`${t.elem.name}[] ${v!.name} = ${init};`);
        return;
      }
      case 'assign': {
        const v = rng.pick(writable);
        w.line(`${v.name} = ${this.expr(v.type, 0)};`);
        return;
      }
      case 'element': {
        // An element written, compound-assigned or incremented, then maybe printed.
        const e = this.element(() => true)!;
        const T = e.type as IntType;
        w.line(
          rng.weighted<() => string>([
            [3, () => `${e.name} = ${ctx.expr(T, 1)};`],
            [3, () => `${e.name} ${rng.pick(['+=', '-=', '*=', '&=', '|=', '^='])} ${ctx.expr(T, 1)};`],
            [1, () => `${e.name} ${rng.pick(['<<=', '>>='])} ${ctx.expr(INT, 2)};`],
            [2, () => rng.pick([`${e.name}++;`, `${e.name}--;`, `++${e.name};`, `--${e.name};`])],
          ])(),
        );
        return ctx.maybePrint(w, e);
      }
      case 'foreach': {
        if (!ctx.affords(a!.type.length)) return;
        const x = `x${ctx.fresh()}`;
        w.line(`foreach (${a!.type.elem.name} ${x} in ${a!.name})`);
        w.block('', () => ctx.body(w, depth + 1, rng.between(1, 3), [{ name: x, type: a!.type.elem, writable: false }], a!.type.length, true));
        return;
      }
      case 'for': {
        if (!ctx.affords(a!.type.length)) return;
        const i = `i${ctx.fresh()}`;
        w.line(`for (int ${i} = 0; ${i} < ${a!.name}.Length; ${i}++)`);
        w.block('', () => {
          w.line(`${a!.name}[${i}] ${rng.pick(['=', '+=', '^='])} ${ctx.expr(a!.type.elem, 2)};`);
          ctx.body(w, depth + 1, rng.between(0, 2), [{ name: i, type: INT, writable: false, counter: true }], a!.type.length, true);
        });
        return;
      }
      case 'method': {
        const t = a!.type;
        ctx.charge(t.length);
        const same = arrays.filter(v => v.type.elem === t.elem);
        const n = rng.between(0, t.length);
        w.line(
          rng.pick([
            `Array.Reverse(${a!.name});`,
            `Array.Sort(${a!.name});`,
            `Array.Clear(${a!.name}, 0, ${n});`,
            `Array.Copy(${rng.pick(same).name}, ${a!.name}, ${Math.min(n, ...same.map(v => v.type.length))});`,
          ]),
        );
        return;
      }
      case 'print':
        return this.printAll(w, a!.name, a!.type);
      case 'jagged':
        return this.jagged(w);
      default:
        return this.matrix(w);
    }
  }

  /** A jagged array of a few rows of one element type (some shared), an element updated, all elements summed. */
  private jagged(w: CSharpWriter): void {
    const { ctx } = this;
    const { rng } = ctx;
    const rows = rng.between(1, 4);
    if (!ctx.affords(rows * 8)) return;
    const t = this.pickType();
    const T = t.elem.name;
    const j = `v${ctx.fresh()}`;
    w.line(`${T}[][] ${j} = new ${T}[${rows}][];`);
    const same = this.types.filter(u => u.elem === t.elem);
    for (let r = 0; r < rows; r++) {
      const u = rng.pick(same);
      w.line(`${j}[${r}] = ${r > 0 && rng.chance(0.3) ? `${j}[${rng.below(r)}]` : this.expr(u, 1)};`);
    }
    const row = `${j}[${rng.below(rows)}]`;
    w.line(`${row}[(${ctx.expr(INT, 2)} & 7) % ${row}.Length] ${rng.pick(['=', '+=', '-='])} ${ctx.expr(t.elem, 2)};`);
    const sum = `v${ctx.fresh()}`;
    const r = `r${ctx.fresh()}`;
    const x = `x${ctx.fresh()}`;
    w.line(`long ${sum} = ${j}.Length;`);
    w.line(`foreach (${T}[] ${r} in ${j}) foreach (${T} ${x} in ${r}) ${sum} = ${sum} * 31 + (long)${x};`);
    ctx.charge(rows * 8);
    ctx.print(w, sum, LONG);
  }

  /** A 2-D array filled by nested loops from its indices, an element updated, summed by foreach, its lengths and one element printed. */
  private matrix(w: CSharpWriter): void {
    const { ctx } = this;
    const { rng } = ctx;
    const [rows, cols] = [rng.between(1, 3), rng.between(1, 4)];
    if (!ctx.affords(rows * cols * 2)) return;
    const t = rng.pick(INT_TYPES);
    const T = t.name;
    const [m, i, j, x, sum] = ['v', 'i', 'i', 'x', 'v'].map(p => `${p}${ctx.fresh()}`) as [string, string, string, string, string];
    w.line(`${T}[,] ${m} = new ${T}[${rows}, ${cols}];`);
    w.line(`for (int ${i} = 0; ${i} < ${m}.GetLength(0); ${i}++)`);
    w.line(`    for (int ${j} = 0; ${j} < ${m}.GetLength(1); ${j}++)`);
    w.line(`        ${m}[${i}, ${j}] = (${T})(${i} * ${rng.between(1, 100)} + ${j} * ${rng.between(-9, 9)} + ${ctx.expr(INT, 3)});`);
    const at = `${m}[${rng.below(rows)}, ${rng.below(cols)}]`;
    w.line(`${at} ${rng.pick(['=', '+=', '*=', '|='])} ${ctx.expr(t, 2)};`);
    w.line(`long ${sum} = ${m}.Length * 1000 + ${m}.Rank;`);
    w.line(`foreach (${T} ${x} in ${m}) ${sum} = ${sum} * 7 + (long)${x};`);
    ctx.charge(rows * cols * 2);
    ctx.print(w, sum, LONG);
    ctx.print(w, at, t);
  }

  /** Sum_<label>: the elements' sum as a long. */
  private sum(elem: IntType): string {
    const name = `Sum_${elem.label}`;
    this.ctx.helper(name, `static long ${name}(${elem.name}[] a) { long s = 0; foreach (${elem.name} x in a) s += (long)x; return s; }`);
    return name;
  }

  private arrays(filter: (v: ArrayVariable) => boolean): ArrayVariable[] {
    return this.ctx.visible().filter((v): v is ArrayVariable => isArray(v.type) && filter(v as ArrayVariable));
  }
}
