// Seeded random IR programs in the builder's pre-SSA style, for differential testing of
// the passes with the IR interpreter (and for the passes benchmark). A module holds a few
// functions; f0 is the entry and fK calls only fJ with J > K, so nothing recurses. Each
// function keeps its parameters and locals in slots (ldslot/stslot, mostly zeroed at
// entry, one address-taken local accessed through slotaddr), and its body mixes:
//   integer (i32, i64) and float (f32, f64) arithmetic, shifts, checked arithmetic and
//   conversions (with .ovf / .un), divisions that may trap, comparisons, selects;
//   loads and stores of globals @g0/@g1 of every memory type, volatile ones, memcpy/memzero;
//   if/else diamonds, early returns, counted loops (bounded trip counts, nested), switches;
//   direct calls, calls through symaddr (calli), by-value struct arguments, calls of the
//   external @ext (which writes @g1, so loads must not move across calls), chknull/chkbounds;
//   try/catch regions (handlers are never entered: the interpreter does not throw, but
//   the passes must respect them); read-modify-write of globals; every local is stored
//   to @out on return, so every computed value can matter;
//   repeated and loop-invariant subexpressions (work for gvn and licm).

import { append, computePreds, Func, type Block, type Inst, type Region, type Slot } from '../../src/ir/ir.ts';
import type { Op } from '../../src/ir/opcodes.ts';
import { CONDS, type MemType, type NumKind, type Type } from '../../src/ir/types.ts';
import type { ExternalFunction, Value } from '../../src/ir/interp.ts';

export interface GeneratedModule {
  readonly funcs: Map<string, Func>;
  readonly entry: string;
  readonly memorySymbols: Map<string, number>;
  readonly initialData: Map<string, Uint8Array>;
  readonly externals: ExternalFunction;
  /** Argument lists for the entry function. */
  readonly argSets: Value[][];
}

export interface GenOptions {
  /** Functions in the module (default 3). */
  readonly functions?: number;
  /** Statement budget per function (default 10). */
  readonly statements?: number;
  /** Nesting of control-flow statements (default 3). */
  readonly depth?: number;
}

/** mulberry32: small, fast, and the same on every platform. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = Math.imul(this.s ^ (this.s >>> 15), 1 | this.s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

const GLOBALS: [string, number][] = [['g0', 64], ['g1', 64]];
/** Where `observe` statements and function exits write locals, so that every value can matter. */
const OUT: [string, number] = ['out', 64];
const SCALARS: readonly Type[] = ['i32', 'i32', 'i32', 'i64', 'f32', 'f64'];
const I32_CONSTS = [0, 1, -1, 2, 3, 4, 5, 7, 8, 10, 16, 31, 32, 100, 255, -8, 0x7fffffff, -0x80000000, 0x10000, 12345678];
const I64_CONSTS = [0n, 1n, -1n, 2n, 3n, 7n, 8n, 63n, 64n, 1000n, 1n << 40n, (1n << 63n) - 1n, -(1n << 63n), 0x1_0000_0000n];
const F_CONSTS = [0, -0, 1, -1, 0.5, 2, 3, 1.5, -2.25, 10, 1e10, 1e-5, 3.0e38, 1e300, Infinity, NaN, 0.1];

export function generateModule(seed: number, opts: GenOptions = {}): GeneratedModule {
  const rng = new Rng(seed);
  const n = opts.functions ?? 3;
  const sigs: { params: Type[]; ret: Type; byval: number[] }[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0) {
      sigs.push({ params: ['i32', 'i32', 'i64'], ret: rng.pick(['i32', 'i64', 'f64'] as Type[]), byval: [0, 0, 0] });
      continue;
    }
    const params = Array.from({ length: 1 + rng.int(3) }, () => rng.pick(SCALARS));
    const byval = params.map(() => 0);
    if (rng.chance(0.3)) {
      params.push('i32');
      byval.push(16);
    }
    sigs.push({ params, ret: rng.pick(SCALARS), byval });
  }
  const funcs = new Map<string, Func>();
  for (let i = 0; i < n; i++) {
    const s = sigs[i]!;
    const fn = new Func(`f${i}`, s.byval.some(b => b > 0) ? { params: s.params, ret: s.ret, byval: s.byval } : { params: s.params, ret: s.ret });
    new FnGen(fn, rng, i, sigs, opts).generate();
    funcs.set(fn.name, fn);
  }
  const argSets: Value[][] = [
    [0, 0, 0n],
    [1, 2, 3n],
    [-5, 7, -(1n << 40n)],
    [0x7fffffff, -0x80000000, 123456789012n],
    [rng.int(200) - 100, rng.int(1 << 30), BigInt(rng.int(1 << 30)) * 1000n],
  ];
  // Stateless, so one module can be run many times: @g1+0 counts the calls, @g1+4 keeps
  // the last first argument; loads of @g1 must therefore not move across calls.
  const externals: ExternalFunction = (_sym, args, memory, type) => {
    const g1 = memory.symbolAddress('g1');
    const calls = (memory.load(g1, 'i32') as number) + 1;
    memory.store(g1, 'i32', calls);
    if (typeof args[0] === 'number' && Number.isInteger(args[0])) memory.store(g1 + 4, 'i32', args[0]);
    return type === 'i64' ? BigInt(calls * 1000) : type === 'f32' || type === 'f64' ? calls / 4 : calls * 7;
  };
  // Globals start with data, so loads that move past stores read something else.
  const initialData = new Map<string, Uint8Array>();
  for (const [name, size] of GLOBALS) initialData.set(name, Uint8Array.from({ length: size }, () => (rng.chance(0.3) ? 0 : rng.int(256))));
  return { funcs, entry: 'f0', memorySymbols: new Map([...GLOBALS, OUT]), initialData, externals, argSets };
}

class FnGen {
  private cur!: Block;
  private readonly locals: Slot[] = [];
  private readonly argSlots: Slot[] = [];
  private byvalParam: Slot | undefined;
  private readonly addrTaken: Slot;
  /** Values computed in the current block, by type (pre-SSA: values do not cross blocks). */
  private cache = new Map<Type, Inst[]>();
  private budget: number;
  private loopDepth = 0;
  /** EH region of the blocks being generated (inside a try). */
  private region: Region | undefined;

  constructor(
    private readonly fn: Func,
    private readonly rng: Rng,
    private readonly index: number,
    private readonly sigs: { params: Type[]; ret: Type; byval: number[] }[],
    private readonly opts: GenOptions,
  ) {
    // Callees are often small, so that they get inlined.
    const budget = opts.statements ?? 10;
    this.budget = index === 0 || rng.chance(0.4) ? budget : 2 + rng.int(budget / 2);
    this.addrTaken = fn.newSlot(8, 8, 'local', 'i64', 'addressed');
  }

  generate(): void {
    const fn = this.fn;
    this.enter(fn.newBlock());
    fn.sig.params.forEach((t, i) => {
      const p = this.emit('param', t, [], x => (x.imm = i));
      if ((fn.sig.byval?.[i] ?? 0) > 0) {
        // The parameter is the address of the callee's own copy: keep it in an i32 slot.
        const s = fn.newSlot(4, 4, 'arg', 'i32', `p${i}`);
        this.stslot(s, p);
        this.byvalParam = s;
      } else {
        const s = fn.newSlot(typeSize(t), typeSize(t), 'arg', t, `p${i}`);
        this.stslot(s, p);
        this.argSlots.push(s);
      }
    });
    for (let i = 0; i < 4; i++) {
      const t = this.rng.pick(SCALARS);
      const s = fn.newSlot(typeSize(t), typeSize(t), 'local', t, `l${i}`);
      // Slots start zeroed in every activation; one local sometimes relies on it.
      if (i > 0 || this.rng.chance(0.5)) this.stslot(s, this.konst(t, t === 'i64' ? 0n : 0));
      this.locals.push(s);
    }
    for (const s of this.locals.slice(1)) if (this.rng.chance(0.6)) this.stslot(s, this.leaf(s.type!));
    const addr = this.emit('slotaddr', 'i32', [], x => (x.slot = this.addrTaken));
    this.emit('store', undefined, [addr, this.konst('i64', 0n)], x => (x.mem = 'i64'));
    while (this.budget > 0) this.statements(this.opts.depth ?? 3);
    this.ret();
    computePreds(fn);
  }

  // --- plumbing ---------------------------------------------------------------

  /** A new block in the region being generated. */
  private block(): Block {
    const b = this.fn.newBlock();
    b.region = this.region;
    return b;
  }

  private enter(b: Block): void {
    this.cur = b;
    this.cache = new Map();
  }

  private emit(op: Op, type: Type | undefined, args: Inst[], init?: (i: Inst) => void): Inst {
    const i = this.fn.newInst(op, type, args);
    i.ilOffset = this.fn.instCount;
    init?.(i);
    append(this.cur, i);
    // Addresses are not reused as numbers: results must not depend on the frame layout.
    if (type !== undefined && op !== 'param' && op !== 'slotaddr' && op !== 'symaddr') {
      const list = this.cache.get(type) ?? [];
      list.push(i);
      this.cache.set(type, list);
    }
    return i;
  }

  private jump(op: 'jmp' | 'br' | 'switch', args: Inst[], targets: Block[]): void {
    this.emit(op, undefined, args, x => (x.targets = targets));
  }

  private konst(t: Type, v: Value): Inst {
    return this.emit('const', t, [], x => (x.imm = v));
  }

  private stslot(s: Slot, v: Inst): void {
    this.emit('stslot', undefined, [v], x => (x.slot = s));
  }

  private ldslot(s: Slot): Inst {
    return this.emit('ldslot', s.type, [], x => (x.slot = s));
  }

  /** An address in @g0/@g1; mostly among the first few slots, so accesses alias often. */
  private global(offsetAlign: number, size: number): Inst {
    const hot = this.rng.chance(0.4);
    const [g, gsize] = hot ? GLOBALS[0]! : this.rng.pick(GLOBALS);
    const slots = this.rng.chance(0.8) ? 3 : (gsize - size) / offsetAlign + 1;
    const off = hot ? 0 : this.rng.int(slots) * offsetAlign;
    return this.emit('symaddr', 'i32', [], x => {
      x.sym = g;
      x.imm = off;
    });
  }

  // --- statements -------------------------------------------------------------

  private statements(depth: number): void {
    const count = 1 + this.rng.int(4);
    for (let i = 0; i < count && this.budget > 0; i++) {
      this.budget--;
      this.statement(depth);
    }
  }

  private statement(depth: number): void {
    const r = this.rng.int(depth > 0 ? 20 : 12);
    if (this.rng.chance(0.12)) {
      this.readModifyWrite();
      return;
    }
    switch (r) {
      case 0: case 1: case 2: case 3: {
        const s = this.rng.pick(this.locals);
        this.stslot(s, this.expr(s.type!, 3));
        if (this.rng.chance(0.5)) this.observe(s);
        break;
      }
      case 4: this.storeGlobal(); break;
      case 5: case 19: this.callStatement(); break;
      case 6: this.memoryStatement(); break;
      case 7: this.checkStatement(); break;
      case 8: {
        const s = this.rng.pick(this.locals);
        const addr = this.emit('slotaddr', 'i32', [], x => (x.slot = this.addrTaken));
        const v = this.expr('i64', 2);
        this.emit('store', undefined, [addr, v], x => (x.mem = 'i64'));
        if (s.type === 'i64') this.stslot(s, this.emit('load', 'i64', [addr], x => (x.mem = 'i64')));
        break;
      }
      case 9: case 10: {
        // Loop-invariant and repeated subexpressions.
        const s = this.rng.pick(this.locals);
        const e = this.expr(s.type!, 2);
        this.stslot(s, this.binary(s.type!, e, e));
        break;
      }
      case 11: this.byvalStatement(); break;
      case 12: case 13: this.ifElse(depth); break;
      case 14: if (this.loopDepth < 2) this.loop(depth); else this.ifElse(depth); break;
      case 16: this.switchStatement(depth); break;
      case 15: this.tryCatch(depth); break;
      case 17: if (this.region === undefined) this.earlyReturn(); else this.tryCatch(depth); break;
      case 18: this.readModifyWrite(); break;
    }
  }

  private storeGlobal(): void {
    const mem = this.rng.pick(['i8', 'u8', 'i16', 'u16', 'i32', 'i32', 'i64', 'f32', 'f64'] as MemType[]);
    const size = mem === 'i64' || mem === 'f64' ? 8 : mem === 'i32' || mem === 'f32' ? 4 : mem.endsWith('8') ? 1 : 2;
    const addr = this.global(size, size);
    const v = this.expr(memValue(mem), 2);
    this.emit('store', undefined, [addr, v], x => {
      x.mem = mem;
      x.volatile = this.rng.chance(0.15);
    });
  }

  /** g = g op e, then g read again: a counter update as kernels do (loads must not pass the store). */
  private readModifyWrite(): void {
    const mem = this.rng.pick(['i32', 'i32', 'i64', 'u8', 'f64'] as MemType[]);
    const t = memValue(mem);
    const size = mem === 'u8' ? 1 : t === 'i32' ? 4 : 8;
    const first = this.global(size, size);
    const address = () => this.emit('symaddr', 'i32', [], x => {
      x.sym = first.sym!;
      x.imm = first.imm;
    });
    const old = this.emit('load', t, [first], x => (x.mem = mem));
    this.emit('store', undefined, [address(), this.binary(t, old, this.expr(t, 1))], x => (x.mem = mem));
    const again = this.emit('load', t, [address()], x => (x.mem = mem));
    const s = this.locals.find(l => l.type === t);
    if (s !== undefined) this.stslot(s, this.binary(t, again, old));
  }

  private callStatement(): void {
    const r = this.rng.int(3);
    if (r === 0 || this.index === this.sigs.length - 1) {
      const s = this.locals.find(l => l.type === 'i32');
      const v = this.emit('call', 'i32', [this.expr('i32', 1)], x => (x.sym = 'ext'));
      if (s !== undefined) this.stslot(s, v);
      return;
    }
    const callee = this.index + 1 + this.rng.int(this.sigs.length - this.index - 1);
    const sig = this.sigs[callee]!;
    let struct: Inst | undefined;
    const args = sig.params.map((t, i) => {
      if (sig.byval[i]! > 0) {
        const s = this.fn.newSlot(16, 8, 'temp', undefined, 'struct');
        const a = this.emit('slotaddr', 'i32', [], x => (x.slot = s));
        struct = a;
        this.emit('store', undefined, [a, this.expr('i32', 1)], x => (x.mem = 'i32'));
        this.emit('store', undefined, [a, this.expr('f64', 1)], x => {
          x.mem = 'f64';
          x.imm = 8;
        });
        return a;
      }
      return this.expr(t, 2);
    });
    const byval = sig.byval.some(b => b > 0) ? sig.byval.slice() : undefined;
    let v: Inst;
    if (r === 1) {
      v = this.emit('call', sig.ret, args, x => {
        x.sym = `f${callee}`;
        if (byval) x.byval = byval;
      });
    } else {
      const target = this.emit('symaddr', 'i32', [], x => (x.sym = `f${callee}`));
      v = this.emit('calli', sig.ret, [target, ...args], x => {
        if (byval) x.byval = byval;
      });
    }
    const s = this.locals.find(l => l.type === sig.ret);
    if (s !== undefined) this.stslot(s, v);
    else this.storeGlobal();
    if (struct !== undefined) {
      // Passed by value: the callee changed its own copy only.
      const out = this.emit('symaddr', 'i32', [], x => (x.sym = OUT[0]));
      this.emit('store', undefined, [out, this.emit('load', 'i32', [struct], x => (x.mem = 'i32'))], x => (x.mem = 'i32'));
    }
  }

  private memoryStatement(): void {
    const r = this.rng.int(3);
    if (r === 0) {
      const v = this.emit('load', 'i32', [this.global(4, 4)], x => {
        x.mem = 'i32';
        x.volatile = true;
      });
      const s = this.locals.find(l => l.type === 'i32');
      if (s !== undefined) this.stslot(s, v);
    } else if (r === 1) {
      this.emit('memcpy', undefined, [this.global(8, 16), this.global(8, 16)], x => (x.imm = 16));
    } else {
      this.emit('memzero', undefined, [this.global(4, 8)], x => (x.imm = 8));
    }
  }

  private checkStatement(): void {
    if (this.rng.chance(0.5)) {
      const p = this.rng.chance(0.8) ? this.global(4, 4) : this.emit('or', 'i32', [this.expr('i32', 1), this.konst('i32', this.rng.pick([0, 1]))]);
      this.emit('chknull', undefined, [p]);
    } else {
      const idx = this.rng.chance(0.5) ? this.konst('i32', this.rng.int(10)) : this.emit('and', 'i32', [this.expr('i32', 1), this.konst('i32', this.rng.pick([7, 15]))]);
      this.emit('chkbounds', undefined, [idx, this.konst('i32', 8 + this.rng.int(4))]);
    }
  }

  private byvalStatement(): void {
    const p = this.byvalParam;
    if (p === undefined) {
      this.storeGlobal();
      return;
    }
    // The callee's own copy: reads and writes must not reach the caller's value.
    const base = this.ldslot(p);
    this.cache.get('i32')!.pop(); // an address, not a number to compute with
    const v = this.emit('load', 'i32', [base], x => (x.mem = 'i32'));
    this.emit('store', undefined, [base, this.binary('i32', v, this.expr('i32', 1))], x => (x.mem = 'i32'));
    const f = this.emit('load', 'f64', [base], x => {
      x.mem = 'f64';
      x.imm = 8;
    });
    const s = this.locals.find(l => l.type === 'f64');
    if (s !== undefined) this.stslot(s, f);
  }

  private condition(): Inst {
    const t = this.rng.pick(SCALARS);
    return this.emit('cmp', 'i32', [this.expr(t, 2), this.expr(t, 2)], x => (x.cond = this.rng.pick(CONDS)));
  }

  private ifElse(depth: number): void {
    const c = this.condition();
    const then = this.block();
    const other = this.block();
    const join = this.block();
    this.jump('br', [c], [then, other]);
    this.enter(then);
    this.statements(depth - 1);
    this.jump('jmp', [], [join]);
    this.enter(other);
    if (this.rng.chance(0.6)) this.statements(depth - 1);
    this.jump('jmp', [], [join]);
    this.enter(join);
  }

  private loop(depth: number): void {
    const counter = this.fn.newSlot(4, 4, 'local', 'i32', 'i');
    this.stslot(counter, this.konst('i32', 0));
    const bound = 1 + this.rng.int(4);
    const header = this.block();
    const body = this.block();
    const exit = this.block();
    this.jump('jmp', [], [header]);
    this.enter(header);
    const test = this.emit('cmp', 'i32', [this.ldslot(counter), this.konst('i32', bound)], x => (x.cond = 'lt'));
    this.jump('br', [test], [body, exit]);
    this.enter(body);
    this.loopDepth++;
    this.statements(depth - 1);
    this.loopDepth--;
    this.stslot(counter, this.emit('add', 'i32', [this.ldslot(counter), this.konst('i32', 1)]));
    this.jump('jmp', [], [header]);
    this.enter(exit);
  }

  private switchStatement(depth: number): void {
    const index = this.rng.chance(0.25) ? this.konst('i32', this.rng.int(6) - 1) : this.expr('i32', 2);
    const masked = this.rng.chance(0.7) ? this.emit('and', 'i32', [index, this.konst('i32', 3)]) : index;
    const join = this.block();
    const cases = Array.from({ length: 2 + this.rng.int(3) }, () => this.block());
    const dflt = this.rng.chance(0.5) ? join : this.block();
    this.jump('switch', [masked], [dflt, ...cases]);
    for (const b of dflt === join ? cases : [...cases, dflt]) {
      this.enter(b);
      if (this.rng.chance(0.7)) this.statements(depth - 1);
      this.jump('jmp', [], [join]);
    }
    this.enter(join);
  }

  /**
   * try { ... } catch (Exception) { local = -1; } as the builder lays it out: the handler
   * is a root reached only by the runtime (never in these runs: the interpreter does not
   * throw), and values reach it and leave it only through slots.
   */
  private tryCatch(depth: number): void {
    const outer = this.region;
    const tryRegion = this.fn.newRegion('try', outer);
    const catchRegion = this.fn.newRegion('catch', outer);
    catchRegion.tryRegion = tryRegion;
    catchRegion.catchType = 'System.Exception';
    const join = this.block();
    this.region = tryRegion;
    const body = this.block();
    this.jump('jmp', [], [body]);
    this.enter(body);
    this.statements(depth - 1);
    this.jump('jmp', [], [join]);
    this.region = catchRegion;
    const handler = this.block();
    catchRegion.entry = handler;
    this.enter(handler);
    this.emit('catchobj', 'i32', []);
    const s = this.rng.pick(this.locals);
    this.stslot(s, this.konst(s.type!, s.type === 'i64' ? -1n : -1));
    this.jump('jmp', [], [join]);
    this.region = outer;
    this.enter(join);
  }

  private earlyReturn(): void {
    const c = this.condition();
    const out = this.block();
    const rest = this.block();
    this.jump('br', [c], [out, rest]);
    this.enter(out);
    this.ret();
    this.enter(rest);
  }

  private ret(): void {
    for (const s of this.locals) this.observe(s);
    this.emit('ret', undefined, [this.expr(this.fn.sig.ret!, 3)]);
  }

  /** Stores a local to @out (an effect the interpreter records). */
  private observe(s: Slot): void {
    const t = s.type!;
    const addr = this.emit('symaddr', 'i32', [], x => {
      x.sym = OUT[0];
      x.imm = 8 * this.locals.indexOf(s);
    });
    this.emit('store', undefined, [addr, this.ldslot(s)], x => (x.mem = t as MemType));
  }

  // --- expressions ------------------------------------------------------------

  private expr(t: Type, depth: number): Inst {
    const cached = this.cache.get(t);
    if (cached !== undefined && cached.length > 0 && this.rng.chance(0.15)) return this.rng.pick(cached);
    if (depth <= 0) return this.leaf(t);
    const r = this.rng.int(10);
    if (r < 2) return this.leaf(t);
    if (r < 6) return this.binary(t, this.expr(t, depth - 1), this.expr(t, depth - 1));
    if (r === 6) return this.unary(t, depth);
    if (r === 7) return this.conversion(t, depth);
    if (r === 8 && t === 'i32') return this.condition();
    if (r === 8) return this.emit('select', t, [this.condition(), this.expr(t, depth - 1), this.expr(t, depth - 1)]);
    return this.divide(t, depth);
  }

  private leaf(t: Type): Inst {
    const r = this.rng.int(7);
    if (r === 0 || r === 1) return this.konst(t, this.constant(t));
    if (r === 2 || r === 6) {
      const args = this.argSlots.filter(s => s.type === t);
      if (args.length > 0) return this.ldslot(this.rng.pick(args));
    }
    if (r === 5 && this.index < this.sigs.length - 1 && this.rng.chance(0.3)) {
      const callee = this.index + 1 + this.rng.int(this.sigs.length - this.index - 1);
      const sig = this.sigs[callee]!;
      if (sig.ret === t && !sig.byval.some(b => b > 0)) return this.emit('call', t, sig.params.map(p => this.leaf(p)), x => (x.sym = `f${callee}`));
    }
    if (r === 3) {
      const mem: MemType = t === 'i32' ? this.rng.pick(['i8', 'u8', 'i16', 'u16', 'i32', 'i32', 'i32'] as MemType[]) : (t as MemType);
      const size = mem === 'i64' || mem === 'f64' ? 8 : mem === 'i32' || mem === 'f32' ? 4 : mem.endsWith('8') ? 1 : 2;
      return this.emit('load', t, [this.global(size, size)], x => (x.mem = mem));
    }
    const locals = this.locals.filter(s => s.type === t);
    if (locals.length > 0) return this.ldslot(this.rng.pick(locals));
    return this.konst(t, t === 'i64' ? BigInt(this.rng.int(100)) : this.rng.int(100));
  }

  private constant(t: Type): Value {
    const wide = this.rng.chance(0.3);
    switch (t) {
      case 'i32': return wide ? (this.rng.int(2 ** 32) | 0) : this.rng.pick(I32_CONSTS);
      case 'i64': return wide ? BigInt.asIntN(64, (BigInt(this.rng.int(2 ** 32)) << 32n) | BigInt(this.rng.int(2 ** 32))) : this.rng.pick(I64_CONSTS);
      case 'f32': return Math.fround(wide ? (this.rng.next() - 0.5) * 2 ** this.rng.int(40) : this.rng.pick(F_CONSTS));
      case 'f64': return wide ? (this.rng.next() - 0.5) * 2 ** this.rng.int(70) : this.rng.pick(F_CONSTS);
    }
  }

  private binary(t: Type, a: Inst, b: Inst): Inst {
    if (t === 'f32' || t === 'f64') return this.emit(this.rng.pick(['add', 'sub', 'mul', 'div', 'rem'] as Op[]), t, [a, b]);
    const ops: Op[] = ['add', 'add', 'sub', 'mul', 'mul', 'and', 'or', 'xor', 'shl', 'shr', 'sar'];
    if (t === 'i32') ops.push('mulhi', 'mulhiu');
    const checked: Op[] = ['addovf', 'addovfu', 'subovf', 'subovfu', 'mulovf', 'mulovfu'];
    const op = this.rng.chance(0.012) ? this.rng.pick(checked) : this.rng.pick(ops);
    if (op === 'shl' || op === 'shr' || op === 'sar') {
      const count = this.rng.chance(0.6) ? this.konst('i32', this.rng.pick([0, 1, 3, 5, 31, 32, 33, 63, 64, 65])) : this.expr('i32', 0);
      return this.emit(op, t, [a, count]);
    }
    if (this.rng.chance(0.3)) b = this.konst(t, this.constant(t));
    return this.emit(op, t, [a, b]);
  }

  private unary(t: Type, depth: number): Inst {
    const a = this.expr(t, depth - 1);
    if (t === 'f32' || t === 'f64') return this.emit(this.rng.chance(0.93) ? 'neg' : 'ckfinite', t, [a]);
    return this.emit(this.rng.chance(0.5) ? 'neg' : 'not', t, [this.rng.chance(0.3) ? this.emit('neg', t, [a]) : a]);
  }

  private conversion(t: Type, depth: number): Inst {
    const from = this.rng.pick(SCALARS);
    const kinds: NumKind[] = t === 'i32' ? ['i8', 'u8', 'i16', 'u16', 'i32', 'u32'] : t === 'i64' ? ['i64', 'u64'] : [t as NumKind];
    const to = this.rng.pick(kinds);
    const float = from === 'f32' || from === 'f64';
    return this.emit('conv', t, [this.expr(from, depth - 1)], x => {
      x.conv = { to, ovf: this.rng.chance(0.03), un: !float && this.rng.chance(0.3) };
    });
  }

  private divide(t: Type, depth: number): Inst {
    const a = this.expr(t, depth - 1);
    const float = t === 'f32' || t === 'f64';
    const ops: Op[] = float ? ['div', 'rem'] : ['div', 'rem', 'divu', 'remu'];
    let b: Inst;
    if (!float && this.rng.chance(0.7)) {
      const ds = [1, 2, 3, 4, 5, 6, 7, 8, 10, 16, 100, 641, 1024, -1, -2, -3, -7, -8, 0x40000000, -0x80000000, 0x7fffffff, -0x7fffffff, 3, 5, 7, 10, 12, 0];
      const d = this.rng.pick(ds);
      b = this.konst(t, t === 'i64' ? BigInt(d) : d);
    } else {
      b = this.expr(t, depth - 1);
      // Mostly a divisor that cannot be zero, so the program goes on.
      if (!float && this.rng.chance(0.7)) b = this.emit('or', t, [b, this.konst(t, t === 'i64' ? 1n : 1)]);
    }
    return this.emit(this.rng.pick(ops), t, [a, b]);
  }
}

function typeSize(t: Type): number {
  return t === 'i64' || t === 'f64' ? 8 : 4;
}

function memValue(m: MemType): Type {
  return m === 'i64' ? 'i64' : m === 'f32' ? 'f32' : m === 'f64' ? 'f64' : 'i32';
}
