// Objects for the random program generator (random-program.ts): each program that uses
// them has a class hierarchy nested in its class: a base class B<seed> (abstract or not)
// with fields (scalars, strings, arrays; some initialised where declared, the rest by the
// constructor) and virtual methods (some abstract), two or three derived classes that
// add fields, override some methods (calling the base method first) and ToString, and
// maybe an interface I<seed> some classes implement (implicitly or explicitly, a derived
// class sometimes re-implementing it). Objects are locals, static fields, parameters and
// results; their fields are variables like any other (read and written through any
// reference, passed by ref). Expressions: `new`, a factory method, checked downcasts
// (`x is D ? (D)x : new D(..)`, `x as D ?? ...`), ?:, calls; from objects: virtual,
// interface and base calls, fields of any object expression, `is`, reference equality,
// ToString, GetType().Name. Statements: object assignments (aliasing), calls, field
// writes through expressions, `is` then cast, `as` then a null test, a reference that may
// be null used only after a test.
//
// Methods of the hierarchy call nothing (so no recursion and a known cost; a virtual
// call costs its costliest implementation) and print nothing.

import { CSharpWriter, stringLiteral } from './csharp-writer.ts';
import { CHAR, INT, LONG, type IntType } from './int-types.ts';
import { ALL_TYPES, MAX_EXPR_DEPTH } from './random-expressions.ts';
import { assignable, isClass, isInt, isScalar, STRING, type ClassType, type Context, type FieldType, type Variable, type VirtualMethod, type VType } from './random-types.ts';

type ObjectVariable = Variable & { readonly type: ClassType };

interface ClassInfo {
  readonly type: ClassType;
  /** Declares the interface itself (re-implementing it if a base class already does). */
  readonly declaresIface: boolean;
  readonly explicit: boolean;
  /** Methods implemented here, and whether abstractly. */
  readonly impl: Map<VirtualMethod, { abstract: boolean; work: number }>;
  readonly toString: boolean;
  /** Fields declared here, with initialisers written where declared. */
  readonly own: { readonly name: string; readonly type: FieldType; readonly init?: string }[];
}

export class RandomObjects {
  private readonly iface: ClassType | undefined;
  private readonly infos: ClassInfo[] = [];
  private readonly base: ClassType;
  private fieldCount = 0;
  /** Whether some class implements the interface (so there are objects of its type). */
  private readonly ifaceUsable: boolean;

  constructor(
    private readonly ctx: Context,
    private readonly seed: number,
    /** The types fields may have besides scalars (the program's array types and string, if it uses them). */
    private readonly fieldTypes: () => FieldType | undefined,
  ) {
    const { rng } = ctx;
    const method = (k: number, iface: boolean): VirtualMethod => ({
      name: `${iface ? 'Im' : 'V'}${k}`,
      ret: rng.chance(0.2) && fieldTypes() === STRING ? STRING : rng.pick(ALL_TYPES),
      params: Array.from({ length: rng.between(0, 2) }, (_, j) => ({ name: `a${j}`, type: rng.pick(ALL_TYPES) })),
      work: 0,
      lines: 0,
    });
    this.iface = rng.chance(0.6) ? this.classType(`I${seed}`, undefined, true, false, Array.from({ length: rng.between(1, 2) }, (_, k) => method(k, true))) : undefined;
    const abstract = rng.chance(0.4);
    this.base = this.classType(`B${seed}`, undefined, false, abstract, Array.from({ length: rng.between(1, 3) }, (_, k) => method(k, false)));
    this.addInfo(this.base);
    const derived = rng.between(2, 3);
    for (let k = 0; k < derived; k++) {
      const parents = this.infos.map(i => i.type);
      const parent = k > 0 && rng.chance(0.3) ? rng.pick(parents) : this.base;
      this.addInfo(this.classType(`D${seed}${'abc'[k]}`, parent, false, false, []));
    }
    this.ifaceUsable = this.iface !== undefined && this.infos.some(i => i.type.ifaces.includes(this.iface!));
  }

  private classType(name: string, base: ClassType | undefined, iface: boolean, abstract: boolean, methods: VirtualMethod[]): ClassType {
    return { kind: 'class', name, iface, abstract, base, ifaces: base ? [...base.ifaces] : [], fields: base ? [...base.fields] : [], methods: base ? base.methods : methods };
  }

  private addInfo(t: ClassType): void {
    const { rng } = this.ctx;
    const own: ClassInfo['own'][number][] = [];
    for (let k = rng.between(t.base ? 0 : 1, 3); k > 0; k--) {
      const type: FieldType = (rng.chance(0.35) ? this.fieldTypes() : undefined) ?? rng.pick(ALL_TYPES);
      const init = rng.chance(0.3) ? this.fieldInit(type, undefined) : undefined;
      own.push({ name: `c${this.fieldCount++}`, type, ...(init === undefined ? {} : { init }) });
    }
    t.fields.push(...own.map(f => ({ name: f.name, type: f.type })));
    const declaresIface = this.iface !== undefined && rng.chance(0.5);
    if (declaresIface && !t.ifaces.includes(this.iface!)) t.ifaces.push(this.iface!);
    const impl = new Map<VirtualMethod, { abstract: boolean; work: number }>();
    for (const m of t.methods) if (!t.base || rng.chance(0.6)) impl.set(m, { abstract: t.abstract && rng.chance(0.5), work: 0 });
    // A concrete class implements every abstract method it inherits.
    if (t.base) for (const m of t.methods) if (this.implementation(t.base, m)?.abstract) impl.set(m, { abstract: false, work: 0 });
    if (declaresIface) for (const m of this.iface!.methods) impl.set(m, { abstract: false, work: 0 });
    this.infos.push({ type: t, declaresIface, explicit: rng.chance(0.4), impl, toString: rng.chance(0.5), own });
  }

  /** The implementation of m a class inherits or declares. */
  private implementation(t: ClassType, m: VirtualMethod): { abstract: boolean; work: number } | undefined {
    for (let c: ClassType | undefined = t; c; c = c.base) {
      const i = this.info(c).impl.get(m);
      if (i) return i;
    }
    return undefined;
  }

  private info(t: ClassType): ClassInfo {
    return this.infos.find(i => i.type === t)!;
  }

  /** A field's initial value from `k` (a constructor's parameter) or literals. */
  private fieldInit(type: FieldType, k: string | undefined): string {
    const { ctx } = this;
    const { rng } = ctx;
    if (isScalar(type)) {
      if (type === 'bool') return k && rng.chance(0.7) ? `(${k} & 1) == 0` : ctx.literal(type);
      return k && rng.chance(0.7) ? `(${type.name})(${k} * ${rng.between(-50, 50)} + ${rng.between(-9, 99)})` : ctx.literal(type);
    }
    if (type === STRING) return k ? `${stringLiteral(rng.pick(['o', 'k=', 'name']))} + ${k}` : stringLiteral(rng.pick(['', 'x', 'field']));
    return `new ${type.elem.name}[${type.length}]`;
  }

  pickType(): ClassType {
    const { rng } = this.ctx;
    if (this.ifaceUsable && rng.chance(0.2)) return this.iface!;
    return rng.chance(0.4) ? this.base : rng.pick(this.infos).type;
  }

  /** The class hierarchy's source, generating its methods' bodies (which sets their costs). */
  bodies(): CSharpWriter {
    const { ctx } = this;
    const w = new CSharpWriter();
    if (this.iface) {
      w.block(`public interface ${this.iface.name}`, () => {
        for (const m of this.iface!.methods) w.line(`${this.signature(m)};`);
      });
    }
    for (const info of this.infos) {
      const t = info.type;
      const bases = [...(t.base ? [t.base.name] : []), ...(info.declaresIface ? [this.iface!.name] : [])];
      w.line();
      w.block(`public ${t.abstract ? 'abstract ' : ''}class ${t.name}${bases.length > 0 ? ` : ${bases.join(', ')}` : ''}`, () => {
        for (const f of info.own) w.line(`public ${ctx.typeName(f.type)} ${f.name}${f.init === undefined ? '' : ` = ${f.init}`};`);
        w.block(`public ${t.name}(int k)${t.base ? ` : base(k + ${ctx.rng.between(1, 9)})` : ''}`, () => {
          for (const f of info.own) if (f.init === undefined) w.line(`${f.name} = ${this.fieldInit(f.type, 'k')};`);
        });
        const fields: Variable[] = t.fields.map(f => ({ name: f.name, type: f.type, writable: true }));
        for (const [m, impl] of info.impl) {
          const isIface = this.iface?.methods.includes(m) ?? false;
          const params = m.params.map(p => ({ name: p.name, type: p.type, writable: true }));
          if (impl.abstract) {
            w.line(`public abstract ${this.signature(m)};`);
            continue;
          }
          const inherited = t.base && !isIface ? this.implementation(t.base, m) : undefined;
          const header = isIface
            ? info.explicit ? this.signature(m, `${this.iface!.name}.`) : `public ${this.signature(m)}`
            : `public ${inherited ? 'override' : 'virtual'} ${this.signature(m)}`;
          const prelude: string[] = [];
          const scope = [...params, ...fields];
          let work = 1;
          if (inherited && !inherited.abstract) {
            // Calls the base method first.
            const r = `v${ctx.fresh()}`;
            prelude.push(`${ctx.typeName(m.ret)} ${r} = base.${m.name}(${m.params.map(p => p.name).join(', ')});`);
            scope.push({ name: r, type: m.ret, writable: true });
            work += inherited.work + 1;
          }
          w.block(header, () => {
            impl.work = work + ctx.classBody(w, scope, m.ret, prelude);
          });
          m.work = Math.max(m.work, impl.work);
        }
        if (info.toString) {
          const shown = t.fields.filter(f => isScalar(f.type) && f.type !== CHAR).slice(0, 3);
          const text = [stringLiteral(`${t.name}:`), ...shown.map(f => `${stringLiteral(` ${f.name}=`)} + ${f.name}`)].join(' + ');
          w.line(`public override string ToString() { return ${text}; }`);
        }
      });
    }
    // Make_<seed>: one of the concrete classes, chosen at run time.
    const concrete = this.infos.filter(i => !i.type.abstract).map(i => i.type);
    const cases = concrete.map((c, k) => `case ${k}: return new ${c.name}(k);`).join(' ');
    ctx.helper(`Make_${this.seed}`, `static ${this.base.name} Make_${this.seed}(int k) { switch ((k & 0x7fffffff) % ${concrete.length}) { ${cases} default: return null; } }`);
    return w;
  }

  private signature(m: VirtualMethod, prefix = ''): string {
    return `${this.ctx.typeName(m.ret)} ${prefix}${m.name}(${m.params.map(p => `${this.ctx.typeName(p.type)} ${p.name}`).join(', ')})`;
  }

  /** `new C(k)` of a concrete class assignable to t (k a literal if `literal`). */
  construct(t: ClassType, depth: number, literal = false): string {
    const { ctx } = this;
    const classes = this.infos.map(i => i.type).filter(c => !c.abstract && assignable(c, t));
    ctx.charge(3);
    return `new ${ctx.rng.pick(classes).name}(${literal ? ctx.literal(INT) : ctx.expr(INT, Math.max(depth + 1, 2))})`;
  }

  /** An object of type t (never null). */
  expr(t: ClassType, depth: number): string {
    const { ctx } = this;
    const { rng } = ctx;
    const vars = this.objects(v => assignable(v.type, t));
    const others = this.objects(v => v.type !== t && (assignable(t, v.type) || v.type.iface));
    const kind = rng.weighted<string>([
      [vars.length > 0 ? 8 : 0, 'variable'],
      [3, 'new'],
      [t === this.base ? 1 : 0, 'make'],
      [1, 'call'],
      [depth < 2 ? 1 : 0, 'conditional'],
      [others.length > 0 ? 2 : 0, 'downcast'],
    ]);
    switch (kind) {
      case 'variable':
        return rng.pick(vars).name;
      case 'make':
        ctx.charge(4);
        return `Make_${this.seed}(${ctx.expr(INT, depth + 1)})`;
      case 'call':
        return ctx.callReturning(t) ?? this.construct(t, depth);
      case 'conditional':
        return `(${ctx.boolExpr(depth + 1)} ? (${t.name})${this.paren(this.expr(t, depth + 1))} : ${this.expr(t, depth + 1)})`;
      case 'downcast': {
        const x = rng.pick(others).name;
        return rng.chance(0.5) ? `(${x} is ${t.name} ? (${t.name})${x} : ${this.construct(t, depth)})` : `(${x} as ${t.name} ?? ${this.construct(t, depth)})`;
      }
      default:
        return this.construct(t, depth);
    }
  }

  /** An object to call a method on or read a field of (in parentheses unless a name). */
  private receiver(depth: number, filter: (t: ClassType) => boolean = () => true): { text: string; type: ClassType } | undefined {
    const types = [...this.infos.map(i => i.type), ...(this.ifaceUsable ? [this.iface!] : [])].filter(filter);
    if (types.length === 0) return undefined;
    const type = this.ctx.rng.pick(types);
    return { text: this.paren(this.expr(type, Math.max(depth, 1))), type };
  }

  /** A virtual or interface call (when outside the hierarchy and the budget allows) with a result of a type passing the filter. */
  private call(depth: number, filter: (t: VType | typeof STRING) => boolean): { text: string; ret: VType | typeof STRING } | undefined {
    const { ctx } = this;
    if (ctx.inClass) return undefined;
    const r = this.receiver(depth, c => c.methods.some(m => filter(m.ret)) || (!c.iface && c.ifaces.length > 0));
    if (!r) return undefined;
    // An expression of an interface type may be of a class type implementing it explicitly: cast it.
    const viaIface = r.type.iface || (r.type.ifaces.length > 0 && ctx.rng.chance(0.4));
    const recv = viaIface ? `((${this.iface!.name})${r.text})` : r.text;
    const methods = (viaIface ? this.iface!.methods : r.type.methods).filter(m => filter(m.ret));
    if (methods.length === 0) return undefined;
    const m = ctx.rng.pick(methods);
    if (!ctx.fits(m.work + 1)) return undefined;
    ctx.charge(m.work + 1);
    return { text: `${recv}.${m.name}(${m.params.map(p => ctx.expr(p.type, Math.max(depth + 1, 2))).join(', ')})`, ret: m.ret };
  }

  scalar(t: VType, depth: number): string | undefined {
    const { ctx } = this;
    const cast = (type: VType | FieldType, e: string) => (type === t ? e : `((${(t as IntType).name})${e})`);
    if (ctx.rng.chance(0.5)) {
      const c = this.call(depth, ret => isInt(ret));
      if (c) return cast(c.ret, c.text);
    }
    // A field of an object expression.
    const r = this.receiver(depth + 1, c => c.fields.some(f => isInt(f.type)));
    if (!r) return undefined;
    const f = ctx.rng.pick(r.type.fields.filter(f => isInt(f.type)));
    return cast(f.type, `${r.text}.${f.name}`);
  }

  bool(depth: number): string | undefined {
    const { ctx } = this;
    const { rng } = ctx;
    const vars = this.objects(() => true);
    if (vars.length === 0) return rng.chance(0.5) ? this.call(depth, ret => ret === 'bool')?.text : undefined;
    const x = rng.pick(vars);
    const classes = this.infos.map(i => i.type).filter(c => c !== x.type && (assignable(c, x.type) || x.type.iface));
    const same = vars.filter(v => v.type === x.type);
    return rng.weighted<() => string>([
      [classes.length > 0 ? 3 : 0, () => `(${x.name} is ${rng.pick(classes).name})`],
      [classes.length > 0 ? 1 : 0, () => `((${x.name} as ${rng.pick(classes).name}) != null)`],
      [2, () => `(${x.name} ${rng.pick(['==', '!='])} ${rng.pick(same).name})`],
      [1, () => `object.ReferenceEquals(${x.name}, ${rng.pick(vars).name})`],
      [1, () => `${x.name}.Equals(${rng.pick(vars).name})`],
      [1, () => `(${x.name} != null)`],
      [ctx.inClass ? 0 : 1, () => this.call(depth, ret => ret === 'bool')?.text ?? 'false'],
    ])();
  }

  /** A string from an object: ToString (overridden or not), its type's name, a string field or method. */
  str(depth: number): string | undefined {
    const { ctx } = this;
    const r = this.receiver(Math.max(depth, MAX_EXPR_DEPTH - 1));
    if (!r) return undefined;
    const fields = r.type.fields.filter(f => f.type === STRING);
    return ctx.rng.weighted<() => string | undefined>([
      [2, () => `${r.text}.ToString()`],
      [1, () => `("" + ${r.text})`],
      [1, () => `${r.text}.GetType().Name`],
      [fields.length > 0 ? 2 : 0, () => `${r.text}.${ctx.rng.pick(fields).name}`],
      [ctx.inClass ? 0 : 2, () => this.call(depth, ret => ret === STRING)?.text],
    ])();
  }

  statement(w: CSharpWriter, depth: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const vars = this.objects(() => true);
    const writable = vars.filter(v => v.writable);
    const nested = depth < 3;
    const kind = rng.weighted<string>([
      [2, 'declare'],
      [writable.length > 0 ? 2 : 0, 'assign'],
      [ctx.inClass ? 0 : 3, 'call'],
      [2, 'field'],
      [vars.length > 0 && nested ? 2 : 0, 'is'],
      [vars.length > 0 && nested ? 1 : 0, 'as'],
      [nested ? 1 : 0, 'null'],
      [1, 'print'],
    ]);
    switch (kind) {
      case 'declare': {
        const t = this.pickType();
        const init = this.expr(t, 0);
        const [v, ...fields] = ctx.declare(t);
        w.line(`${t.name} ${v!.name} = ${init};`);
        return ctx.maybePrint(w, fields.length > 0 ? rng.pick(fields) : undefined);
      }
      case 'assign': {
        const v = rng.pick(writable);
        w.line(`${v.name} = ${this.expr(v.type, 0)};`);
        return;
      }
      case 'call': {
        const c = this.call(1, () => true);
        if (c) w.line(`${c.text};`);
        return;
      }
      case 'field': {
        // A field written through an object expression (another reference, a new object, a choice).
        const r = this.receiver(1, c => c.fields.some(f => isScalar(f.type)));
        if (!r) return;
        const f = rng.pick(r.type.fields.filter(f => isScalar(f.type)));
        const T = f.type as VType;
        w.line(T !== 'bool' && rng.chance(0.4) ? `${r.text}.${f.name} ${rng.pick(['+=', '^=', '-='])} ${ctx.expr(T, 1)};` : `${r.text}.${f.name} = ${ctx.expr(T, 1)};`);
        return;
      }
      case 'is':
      case 'as': {
        // A downcast only where it succeeds: after `is`, or `as` and a null test.
        const x = rng.pick(vars);
        const classes = this.infos.map(i => i.type).filter(c => c !== x.type && (assignable(c, x.type) || x.type.iface));
        if (classes.length === 0) return;
        const c = rng.pick(classes);
        const name = `v${ctx.fresh()}`;
        if (kind === 'is') w.line(`if (${x.name} is ${c.name})`);
        else w.line(`${c.name} ${name} = ${x.name} as ${c.name};`).line(`if (${name} != null)`);
        w.block('', () => {
          if (kind === 'is') w.line(`${c.name} ${name} = (${c.name})${x.name};`);
          ctx.body(w, depth + 1, rng.between(1, 3), this.objectVariables(name, c), 1, false);
        });
        return;
      }
      case 'null': {
        // A reference that may be null: tested before every use.
        const t = this.pickType();
        const name = `v${ctx.fresh()}`;
        w.line(`${t.name} ${name} = ${ctx.boolExpr(1)} ? null : ${this.expr(t, 1)};`);
        ctx.print(w, `${name} == null`, 'bool');
        w.block(`if (${name} != null)`, () => ctx.body(w, depth + 1, rng.between(1, 2), this.objectVariables(name, t), 1, false));
        const other = this.expr(t, 1);
        const [v] = ctx.declare(t);
        w.line(`${t.name} ${v!.name} = ${name} ?? ${other};`);
        return;
      }
      default: {
        const s = this.str(1);
        if (s) ctx.print(w, s, STRING);
        else ctx.print(w, `${ctx.rng.between(0, 9)}`, LONG);
      }
    }
  }

  /** An object variable and its fields (for a scope). */
  private objectVariables(name: string, t: ClassType): Variable[] {
    return [{ name, type: t, writable: true }, ...t.fields.map(f => ({ name: `${name}.${f.name}`, type: f.type, writable: true, field: true }))];
  }

  private objects(filter: (v: ObjectVariable) => boolean): ObjectVariable[] {
    return this.ctx.visible().filter((v): v is ObjectVariable => isClass(v.type) && filter(v as ObjectVariable));
  }

  private paren(s: string): string {
    return /^[\w.]+$/.test(s) ? s : `(${s})`;
  }
}
