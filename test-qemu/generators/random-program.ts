// Seeded random C# programs for differential testing (random-programs.test.ts, and
// aot/scripts/fuzz.ts for long runs). A program is a class of static fields of every
// integral type and bool (and one of struct S, whose 2 to 5 fields of random types the
// seed chooses), static methods M0..Mn with value, ref and out parameters (structs by
// value and by ref), and Main. Method bodies mix declarations, assignments, compound
// assignments, ++/--, struct copies and field updates (a field is a variable like any
// other: assigned, passed by ref, printed), if/else,
// for/while/do loops with break and continue, switches on int, long, char and byte, calls,
// and prints of labelled values; expressions combine every integral type with casts,
// arithmetic, bitwise operators, shifts, comparisons, && and ||, ?:, and calls.
//
// Every program terminates and never throws, by construction:
//   - Mi calls only Mj with j > i (no recursion); loops run a bounded number of times
//     (a literal, or a value masked to 0..3 computed before the loop) and never assign
//     their counters (which are never passed by ref either);
//   - division and remainder go through Div_/Rem_ helpers that return something else for
//     a zero divisor and for -1 (MinValue / -1 throws), or divide by a literal other
//     than 0 and -1;
//   - method bodies are `unchecked` blocks, so constant expressions may wrap too;
//   - each method's cost (statements executed, lines printed) is bounded from above as it
//     is generated; a call or loop that would exceed the budget is not generated.
// Out parameters are assigned first thing; locals are initialised where declared and
// have names unique in the program, so C#'s scoping and definite-assignment rules hold.

import { Prng } from './prng.ts';
import { stringLiteral, CSharpWriter } from './csharp-writer.ts';
import { BYTE, CHAR, INT, INT_TYPES, LONG, literal, promote, SHORT, UINT, ULONG, wrap, type IntType } from './int-types.ts';
import { operatorValues } from './operator-programs.ts';
import type { GeneratedProgram } from './program.ts';

type VType = IntType | 'bool';
/** The program's struct type. */
const STRUCT = 'S';
type VarType = VType | typeof STRUCT;
type Mode = 'in' | 'ref' | 'out';

interface Variable {
  /** A C# variable: a local, parameter or static field, or a field of a struct variable (`v3.f1`). */
  readonly name: string;
  readonly type: VarType;
  /** Loop counters are read-only (assigning or passing them by ref could make a loop endless). */
  readonly writable: boolean;
  /** A struct variable's field (declared with its struct, not on its own). */
  readonly field?: boolean;
}

type ScalarVariable = Variable & { readonly type: VType };

interface Method {
  readonly name: string;
  readonly ret: VType | 'void';
  readonly params: readonly { readonly name: string; readonly type: VarType; readonly mode: Mode }[];
  /** Upper bounds of what one call executes and prints. */
  work: number;
  lines: number;
}

export interface RandomProgramOptions {
  /** Methods besides Main (default 3 to 7, chosen by the seed). */
  readonly methods?: number;
  /** Upper bound of the lines the program prints (default 2500). */
  readonly maxLines?: number;
}

/** Upper bound of statements one program executes; QEMU runs this many in well under a second. */
const MAX_WORK = 200_000;
const MAX_EXPR_DEPTH = 4;
const ALL_TYPES: readonly VType[] = [...INT_TYPES, 'bool'];
/** The types arithmetic is done in (C#'s binary numeric promotion yields one of these). */
const OPERATION_TYPES: readonly IntType[] = [INT, UINT, LONG, ULONG];

export function randomProgram(seed: number, opts: RandomProgramOptions = {}): GeneratedProgram {
  return new Generator(seed, opts).program();
}

class Generator {
  private readonly rng: Prng;
  private readonly w = new CSharpWriter();
  private readonly name: string;
  private readonly methods: Method[] = [];
  private readonly statics: Variable[] = [];
  private readonly structFields: { readonly name: string; readonly type: VType }[] = [];
  private readonly helpers = new Set<string>();
  private readonly maxLines: number;
  private counter = 0;
  private prints = 0;

  // State of the method being generated: it may call methods numbered above `current` (Main: -1).
  private current = -1;
  /** Its result type; undefined in Main, whose `return 0` ends it. */
  private returns: VType | 'void' | undefined;
  private scopes: Variable[][] = [];
  /** How many times the statement being generated may run per call of its method. */
  private multiplier = 1;
  private work = 0;
  private lines = 0;
  private workBudget = 0;
  private lineBudget = 0;
  /** Innermost enclosing loop allows break/continue; switch sections allow neither (a `continue` would be fine, a `break` leaves the switch). */
  private loops = 0;
  private inSwitch = 0;

  constructor(
    private readonly seed: number,
    private readonly opts: RandomProgramOptions,
  ) {
    this.rng = new Prng(seed);
    this.name = `Random${seed}`;
    this.maxLines = opts.maxLines ?? 2500;
  }

  program(): GeneratedProgram {
    const { w, rng } = this;
    const count = this.opts.methods ?? rng.between(3, 7);
    for (let k = rng.between(2, 5); k > 0; k--) this.structFields.push({ name: `f${this.structFields.length}`, type: rng.pick(ALL_TYPES) });
    for (let k = 0; k < 2 * ALL_TYPES.length; k++) {
      const type = k < ALL_TYPES.length ? ALL_TYPES[k]! : rng.pick(ALL_TYPES);
      this.statics.push({ name: `s${k}`, type, writable: true });
    }
    this.statics.push(...this.structVariable('sS'));
    // Signatures first (calls go to higher-numbered methods, generated before their callers).
    for (let i = 0; i < count; i++) {
      const params = Array.from({ length: rng.between(0, 6) }, (_, k) => {
        const type: VarType = rng.chance(0.1) ? STRUCT : rng.pick(ALL_TYPES);
        return { name: `a${k}`, type, mode: rng.weighted<Mode>([[6, 'in'], [2, 'ref'], [type === STRUCT ? 0 : 1, 'out']]) };
      });
      this.methods.push({ name: `M${i}`, ret: rng.chance(0.2) ? 'void' : rng.pick(ALL_TYPES), params, work: 0, lines: 0 });
    }
    const bodies: CSharpWriter[] = [];
    for (let i = count - 1; i >= 0; i--) bodies[i] = this.method(i);
    const main = this.method(count);

    w.line(`// Generated by test-qemu/generators/random-program.ts from seed ${this.seed}.`);
    w.line('using System;');
    w.line();
    w.block(`struct ${STRUCT}`, () => {
      for (const f of this.structFields) w.line(`public ${typeName(f.type)} ${f.name};`);
    });
    w.line();
    w.block(`class ${this.name}`, () => {
      for (const s of this.statics) {
        if (s.field) continue;
        w.line(`static ${typeName(s.type)} ${s.name}${s.type === STRUCT ? '' : ` = ${this.literal(s.type)}`};`);
      }
      w.line();
      for (const h of [...this.helpers].sort()) w.line(HELPERS[h]!);
      w.line();
      for (const body of [...bodies, main]) w.append(body).line();
    });
    return { name: this.name, source: w.toString() };
  }

  /** Method i's source (i === methods.length: Main); records its cost. */
  private method(i: number): CSharpWriter {
    const isMain = i === this.methods.length;
    const m: Method = isMain ? { name: 'Main', ret: INT, params: [], work: 0, lines: 0 } : this.methods[i]!;
    this.current = isMain ? -1 : i;
    this.returns = isMain ? undefined : m.ret;
    // Out parameters become visible once assigned.
    this.scopes = [m.params.filter(p => p.mode !== 'out').flatMap(p => this.variable(p.name, p.type))];
    this.multiplier = 1;
    this.work = 0;
    this.lines = 0;
    this.workBudget = isMain ? MAX_WORK : this.rng.between(50, 2000);
    this.lineBudget = isMain ? this.maxLines - 2 * this.statics.length : this.rng.between(10, 150);
    this.loops = 0;
    this.inSwitch = 0;
    const w = new CSharpWriter();
    const params = m.params.map(p => `${p.mode === 'in' ? '' : `${p.mode} `}${typeName(p.type)} ${p.name}`).join(', ');
    w.block(`static ${m.ret === 'void' ? 'void' : typeName(m.ret)} ${m.name}(${params})`, () => {
      w.block('unchecked', () => {
        const outs = m.params.filter(p => p.mode === 'out');
        for (const p of outs) w.line(`${p.name} = ${this.expr(p.type as VType, 1)};`);
        this.scopes[0]!.push(...outs.flatMap(p => this.variable(p.name, p.type)));
        const statements = isMain ? this.rng.between(25, 40) : this.rng.between(4, 12);
        for (let k = 0; k < statements; k++) this.statement(w, 0);
        // What the method computed: a few of its variables.
        const locals = this.scopes.flat().filter(v => v.type !== STRUCT);
        for (let k = 0; k < 3 && locals.length > 0; k++) {
          const v = this.rng.pick(locals);
          this.print(w, v.name, v.type, `${m.name} ${v.name}`);
        }
        if (isMain) {
          for (const s of this.statics) if (s.type !== STRUCT) this.print(w, s.name, s.type, `static ${s.name}`, true);
          w.line('return 0;');
        } else if (m.ret !== 'void') {
          w.line(`return ${this.expr(m.ret, 0)};`);
        }
      });
    });
    m.work = this.work;
    m.lines = this.lines;
    return w;
  }

  // ---- Statements --------------------------------------------------------------------------

  private statement(w: CSharpWriter, depth: number): void {
    this.work += this.multiplier;
    const { rng } = this;
    const nested = depth < 3;
    const kind = rng.weighted<string>([
      [5, 'declare'],
      [5, 'assign'],
      [3, 'compound'],
      [1, 'increment'],
      [6, 'print'],
      [nested ? 3 : 0, 'if'],
      [nested ? 2 : 0, 'for'],
      [nested ? 1 : 0, 'while'],
      [nested ? 1 : 0, 'do'],
      [nested ? 2 : 0, 'switch'],
      [2, 'call'],
      [2, 'struct'],
      [this.loops > 0 && this.inSwitch === 0 ? 1 : 0, 'break'],
      [this.returns !== undefined && this.returns !== 'void' ? 0.3 : 0, 'return'],
    ]);
    switch (kind) {
      case 'declare': {
        const type = rng.pick(ALL_TYPES);
        const init = this.expr(type, 0);
        const [v] = this.declare(type);
        w.line(`${typeName(type)} ${v!.name} = ${init};`);
        return this.maybePrint(w, v);
      }
      case 'assign': {
        const v = this.writableVariable();
        if (v) w.line(`${v.name} = ${this.expr(v.type, 0)};`);
        return this.maybePrint(w, v);
      }
      case 'compound':
        return this.maybePrint(w, this.compound(w));
      case 'increment': {
        const v = this.writableVariable(t => t !== 'bool');
        if (v) w.line(rng.pick([`${v.name}++;`, `${v.name}--;`, `++${v.name};`, `--${v.name};`]));
        return this.maybePrint(w, v);
      }
      case 'print': {
        const type = rng.pick(ALL_TYPES);
        return this.print(w, this.expr(type, 0), type, `p${this.prints++}`);
      }
      case 'if':
        w.block(`if (${this.boolExpr(0)})`, () => this.block(w, depth + 1, rng.between(1, 4)));
        if (rng.chance(0.5)) w.block('else', () => this.block(w, depth + 1, rng.between(1, 3)));
        return;
      case 'for':
      case 'while':
      case 'do':
        return this.loop(w, kind, depth);
      case 'switch':
        return this.switchStatement(w, depth);
      case 'call': {
        const call = this.call(m => m.ret === 'void' || rng.chance(0.3));
        if (call) w.line(`${call.text};`);
        return;
      }
      case 'struct': {
        // A new struct variable, or a whole-struct assignment (a copy); then one of its fields may be printed.
        const structs = this.visible().filter(v => v.writable && v.type === STRUCT);
        const target = structs.length > 0 && rng.chance(0.5) ? rng.pick(structs) : undefined;
        const value = this.structExpr();
        let fields: Variable[];
        if (target) {
          w.line(`${target.name} = ${value};`);
          fields = this.visible().filter(v => v.field && v.name.startsWith(`${target.name}.`));
        } else {
          const [v, ...rest] = this.declare(STRUCT);
          w.line(`${STRUCT} ${v!.name} = ${value};`);
          fields = rest;
        }
        return this.maybePrint(w, rng.pick(fields));
      }
      case 'break':
        w.line(`if (${this.boolExpr(1)}) ${rng.pick(['break', 'continue'])};`);
        return;
      case 'return': {
        w.line(`if (${this.boolExpr(1)}) return ${this.expr(this.returns as VType, 1)};`);
        return;
      }
    }
  }

  /** `count` statements in a new scope. */
  private block(w: CSharpWriter, depth: number, count: number): void {
    this.scopes.push([]);
    for (let k = 0; k < count; k++) this.statement(w, depth);
    this.scopes.pop();
  }

  /** `x op= y` on a random writable variable; returns the variable. */
  private compound(w: CSharpWriter): Variable | undefined {
    const v = this.writableVariable();
    if (!v) return undefined;
    const { rng } = this;
    if (v.type === 'bool') {
      w.line(`${v.name} ${rng.pick(['&=', '|=', '^='])} ${this.boolExpr(1)};`);
      return v;
    }
    const t = v.type;
    const op = rng.pick(['+=', '-=', '*=', '&=', '|=', '^=', '<<=', '>>=', '/=', '%=']);
    if (op === '<<=' || op === '>>=') w.line(`${v.name} ${op} ${this.expr(INT, 2)};`);
    else if (op === '/=' || op === '%=') w.line(`${v.name} ${op} ${literal(t, this.divisor(t))};`);
    else w.line(`${v.name} ${op} ${this.expr(t, 1)};`);
    return v;
  }

  /** Half the time, prints the variable just written. */
  private maybePrint(w: CSharpWriter, v: Variable | undefined): void {
    if (v && this.rng.chance(0.5)) this.print(w, v.name, v.type, `p${this.prints++} ${v.name}`);
  }

  private loop(w: CSharpWriter, kind: 'for' | 'while' | 'do', depth: number): void {
    const { rng } = this;
    const counter = `i${this.counter++}`;
    // The bound: a literal, or a runtime value masked to 0..3 (computed once, before the loop).
    const literalBound = rng.chance(0.5);
    const bound = literalBound ? rng.between(0, 6) : 4;
    if (this.multiplier * Math.max(bound, 1) * 8 > this.workBudget - this.work) return;
    const limit = literalBound ? `${bound}` : `n${counter}`;
    if (!literalBound) w.line(`int n${counter} = ${this.expr(INT, 1)} & 3;`);
    const saved = this.multiplier;
    this.multiplier *= Math.max(bound, 1);
    this.loops++;
    this.scopes.push([{ name: counter, type: INT, writable: false }]);
    const body = () => this.block(w, depth + 1, rng.between(1, 4));
    if (kind === 'for') {
      w.block(`for (int ${counter} = 0; ${counter} < ${limit}; ${counter}++)`, body);
    } else if (kind === 'while') {
      w.line(`int ${counter} = ${limit};`);
      w.block(`while (${counter}-- > 0)`, body);
    } else {
      // do-while runs at least once; `continue` jumps to the condition, which counts down.
      w.line(`int ${counter} = ${limit};`);
      w.block('do', body);
      w.line(`while (--${counter} > 0);`);
    }
    this.scopes.pop();
    this.loops--;
    this.multiplier = saved;
  }

  private switchStatement(w: CSharpWriter, depth: number): void {
    const { rng } = this;
    const [type, subject, labels] = rng.pick<[IntType, () => string, readonly bigint[]]>([
      [INT, () => `${this.expr(INT, 1)} & 7`, [0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]],
      [LONG, () => `${this.expr(LONG, 1)} & 15L`, [0n, 1n, 3n, 7n, 12n, 15n, 1n << 40n]],
      [CHAR, () => `(char)(${this.expr(INT, 1)} & 7 | 0x60)`, [0x60n, 0x61n, 0x62n, 0x63n, 0x66n, 0x67n]],
      [BYTE, () => this.expr(BYTE, 1), [0n, 1n, 2n, 127n, 128n, 255n]],
    ]);
    const chosen = labels.filter(() => rng.chance(0.5));
    if (chosen.length === 0) chosen.push(labels[0]!);
    this.inSwitch++;
    w.block(`switch (${subject()})`, () => {
      let k = 0;
      while (k < chosen.length) {
        // Sections of one or two labels.
        const group = chosen.slice(k, k + (rng.chance(0.3) ? 2 : 1));
        k += group.length;
        for (const label of group) w.line(`case ${literal(type, label)}:`);
        w.block('', () => {
          this.block(w, depth + 1, rng.between(0, 2));
          w.line('break;');
        });
      }
      if (rng.chance(0.6)) {
        w.line('default:');
        w.block('', () => {
          this.block(w, depth + 1, rng.between(0, 2));
          w.line('break;');
        });
      }
    });
    this.inSwitch--;
  }

  /** Prints a labelled value, unless that would exceed the method's line budget (Main's statics always print). */
  private print(w: CSharpWriter, value: string, type: VarType, label: string, always = false): void {
    if (!always && this.lines + this.multiplier > this.lineBudget) return;
    this.lines += this.multiplier;
    const shown = type !== 'bool' && type === CHAR ? `(int)(${value})` : value;
    w.line(`Console.Write(${stringLiteral(`${label} `)}); Console.WriteLine(${shown});`);
  }

  // ---- Variables ---------------------------------------------------------------------------

  /** Declares a local in the innermost scope; returns its variables (a struct's first, then its fields). */
  private declare(type: VarType): Variable[] {
    const vars = this.variable(`v${this.counter++}`, type);
    this.scopes[this.scopes.length - 1]!.push(...vars);
    return vars;
  }

  /** A writable variable of the type, and a struct's fields. */
  private variable(name: string, type: VarType): Variable[] {
    return type === STRUCT ? this.structVariable(name) : [{ name, type, writable: true }];
  }

  private structVariable(name: string): Variable[] {
    return [{ name, type: STRUCT, writable: true }, ...this.structFields.map(f => ({ name: `${name}.${f.name}`, type: f.type, writable: true, field: true }))];
  }

  /** A struct value: a copy of a struct variable, or a new (zeroed) one. */
  private structExpr(): string {
    const vars = this.visible().filter(v => v.type === STRUCT);
    return vars.length > 0 && this.rng.chance(0.7) ? this.rng.pick(vars).name : `new ${STRUCT}()`;
  }

  private visible(): Variable[] {
    return [...this.scopes.flat(), ...this.statics];
  }

  /** A random writable scalar variable whose type passes the filter. */
  private writableVariable(filter: (t: VType) => boolean = () => true): ScalarVariable | undefined {
    const candidates = this.visible().filter((v): v is ScalarVariable => v.writable && v.type !== STRUCT && filter(v.type));
    return candidates.length === 0 ? undefined : this.rng.pick(candidates);
  }

  // ---- Expressions -------------------------------------------------------------------------

  /** A C# expression of exactly type t. */
  private expr(t: VType, depth: number): string {
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
        this.helpers.add(helper);
        return narrowed(o, `${helper}(${this.expr(o, depth + 1)}, ${this.expr(o, depth + 1)})`);
      }
      case 'cast': {
        const from = rng.pick(INT_TYPES);
        return from === t ? this.expr(t, depth + 1) : `((${t.name})(${this.expr(from, depth + 1)}))`;
      }
      case 'conditional':
        return `(${this.boolExpr(depth + 1)} ? ${this.expr(t, depth + 1)} : ${this.expr(t, depth + 1)})`;
      default: {
        const call = this.call(m => m.ret !== 'void' && m.ret !== 'bool');
        if (!call) return this.leaf(t);
        return call.method.ret === t ? call.text : `((${t.name})${call.text})`;
      }
    }
  }

  private boolExpr(depth: number): string {
    const { rng } = this;
    if (depth >= MAX_EXPR_DEPTH || rng.chance(0.2 + depth * 0.15)) return this.leaf('bool');
    const kind = rng.weighted<string>([
      [5, 'compare'],
      [2, 'logic'],
      [1, 'not'],
      [1, 'conditional'],
    ]);
    switch (kind) {
      case 'compare': {
        const o = rng.pick([...OPERATION_TYPES, CHAR, SHORT, BYTE]);
        return `(${this.expr(o, depth + 1)} ${rng.pick(['==', '!=', '<', '<=', '>', '>='])} ${this.expr(o, depth + 1)})`;
      }
      case 'logic':
        return `(${this.boolExpr(depth + 1)} ${rng.pick(['&&', '||', '&', '|', '^', '==', '!='])} ${this.boolExpr(depth + 1)})`;
      case 'not':
        return `(!${this.boolExpr(depth + 1)})`;
      default:
        return `(${this.boolExpr(depth + 1)} ? ${this.boolExpr(depth + 1)} : ${this.boolExpr(depth + 1)})`;
    }
  }

  /** A variable of type t (possibly of another type, cast), or a literal. */
  private leaf(t: VType): string {
    const { rng } = this;
    const vars = this.visible();
    const same = vars.filter(v => v.type === t);
    if (same.length > 0 && rng.chance(0.7)) return rng.pick(same).name;
    if (t !== 'bool' && rng.chance(0.4)) {
      const other = vars.filter(v => v.type !== 'bool' && v.type !== STRUCT);
      if (other.length > 0) {
        const v = rng.pick(other);
        return v.type === t ? v.name : `((${t.name})${v.name})`;
      }
    }
    return this.literal(t);
  }

  private literal(t: VType): string {
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
  private divisor(t: IntType): bigint {
    for (;;) {
      const v = this.value(t);
      if (v !== 0n && !(t.signed && v === -1n)) return v;
    }
  }

  /** The type an operation producing t is done in: its promoted type, or sometimes another. */
  private operationType(t: IntType): IntType {
    return this.rng.chance(0.75) ? promote(t, t)! : this.rng.pick(OPERATION_TYPES);
  }

  // ---- Calls -------------------------------------------------------------------------------

  /** A call of a method numbered above the current one that fits the budgets, or undefined. */
  private call(filter: (m: Method) => boolean): { text: string; method: Method } | undefined {
    const candidates = this.methods.filter(
      (m, j) =>
        j > this.current &&
        filter(m) &&
        this.work + this.multiplier * (m.work + 1) <= this.workBudget &&
        this.lines + this.multiplier * m.lines <= this.lineBudget,
    );
    if (candidates.length === 0) return undefined;
    const m = this.rng.pick(candidates);
    this.work += this.multiplier * (m.work + 1);
    this.lines += this.multiplier * m.lines;
    const args = m.params.map(p => {
      if (p.mode === 'in') return p.type === STRUCT ? this.structExpr() : this.expr(p.type, 2);
      // ref and out need a variable of exactly the parameter's type; statics of every type exist.
      const targets = this.visible().filter(v => v.writable && v.type === p.type);
      return `${p.mode} ${this.rng.pick(targets).name}`;
    });
    return { text: `${m.name}(${args.join(', ')})`, method: m };
  }
}

function typeName(t: VarType): string {
  return typeof t === 'string' ? t : t.name;
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
