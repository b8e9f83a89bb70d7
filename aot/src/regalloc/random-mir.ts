// Seeded random machine functions for allocator tests and benchmarks. Structured CFGs
// (straight code, if/else diamonds, if-then with the critical edge split, loops with a
// latch, switches through a jump table that may name a target twice, handler roots
// entered with a value in eax) laid
// out in reverse postorder with loops contiguous, as instruction selection does.
// Instructions imitate x86 isel output: two-address ALU code (usedef), memOk r/m
// operands, loads/stores with vreg addresses, register copies (isMove), calls that
// clobber the caller-saved registers with results in eax/xmm0, idiv through eax:edx,
// shifts by cl, setcc into gpr8 vregs, cpuid writing ebx, SSE arithmetic, and fixed
// registers live across a few instructions or a jump, definitions straight to memory,
// stores to the outgoing argument area and through esp. vregs are not SSA (redefinitions, loop-
// carried values), and every use is reached by a definition on every path.

import { CALLER_SAVED, type MBlock, type MFunc, type MInst, type MOperand, type MReg, type PReg, type RegClass } from './mir.ts';

export interface RandomMirOptions {
  /** Approximate number of instructions. */
  readonly instructions?: number;
  /** How many recently defined vregs uses mostly draw from (register pressure). */
  readonly window?: number;
  readonly xmm?: boolean;
  readonly calls?: boolean;
  /** Fixed-register sequences (div, shifts, cpuid, results in eax). */
  readonly fixed?: boolean;
  /** Extra root blocks entered with a value in eax (exception handlers). */
  readonly handlers?: boolean;
  /** Probability that a definition reuses an existing vreg instead of a fresh one. */
  readonly redefine?: number;
  /** Probability that a use draws from every defined vreg, not the recent window (long lifetimes). */
  readonly farUses?: number;
}

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomMFunc(seed: number, options: RandomMirOptions = {}): MFunc {
  return new Generator(seed, options).run();
}

const use = (vreg: number, memOk = false): MReg => (memOk ? { k: 'reg', role: 'use', vreg, memOk } : { k: 'reg', role: 'use', vreg });
const def = (vreg: number): MReg => ({ k: 'reg', role: 'def', vreg });
const usedef = (vreg: number, memOk = false): MReg => (memOk ? { k: 'reg', role: 'usedef', vreg, memOk } : { k: 'reg', role: 'usedef', vreg });
const preg = (reg: PReg, role: MReg['role'] = 'use', size?: 1): MReg => (size ? { k: 'reg', role, preg: reg, size } : { k: 'reg', role, preg: reg });
const imm = (value: number): MOperand => ({ k: 'imm', value });
const label = (b: MBlock): MOperand => ({ k: 'label', block: b.id });

class Generator {
  private readonly rand: () => number;
  private readonly fn: MFunc;
  private readonly opts: Required<RandomMirOptions>;
  private budget: number;
  private cur!: MBlock;
  private depth = 0;
  private blockCount = 0;
  /** Definitely defined vregs, most recent last. */
  private defined: number[] = [];

  constructor(seed: number, options: RandomMirOptions) {
    this.rand = prng(seed);
    this.opts = { instructions: 60, window: 8, xmm: true, calls: true, fixed: true, handlers: true, redefine: 0.25, farUses: 0.15, ...options };
    this.budget = this.opts.instructions;
    const slots = this.int(3);
    this.fn = {
      name: `random${seed}`,
      blocks: [],
      vregClass: [],
      frameSlots: Array.from({ length: slots }, () => ({ size: 4, align: 4 })),
    };
  }

  run(): MFunc {
    const entry = this.newBlock();
    entry.isRoot = true;
    this.cur = entry;
    while (this.budget > 0) this.region(0);
    this.ret();
    if (this.opts.handlers && this.chance(0.3)) {
      const h = this.newBlock();
      h.isRoot = true;
      this.cur = h;
      this.defined = [];
      const e = this.vreg('gpr');
      this.emit('mov', [def(e), preg('eax')], { isMove: true });
      this.defined.push(e);
      this.budget = 10 + this.int(20);
      while (this.budget > 0) this.region(0);
      this.ret();
    }
    for (const b of this.fn.blocks) for (const s of b.succs) this.fn.blocks.find(x => x.id === s)!.preds.push(b.id);
    return this.fn;
  }

  // ---- randomness ---------------------------------------------------------------------

  private int(n: number): number {
    return Math.floor(this.rand() * n);
  }

  private chance(p: number): boolean {
    return this.rand() < p;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  // ---- vregs --------------------------------------------------------------------------

  private vreg(cls: RegClass): number {
    this.fn.vregClass.push(cls);
    return this.fn.vregClass.length - 1;
  }

  private isGpr(v: number): boolean {
    return this.fn.vregClass[v] !== 'xmm';
  }

  /** A defined vreg of the kind (gpr/gpr8 or xmm), mostly a recent one; undefined if none. */
  private pickUse(xmm: boolean): number | undefined {
    const pool = this.defined.filter(v => this.isGpr(v) !== xmm);
    if (pool.length === 0) return undefined;
    const w = this.opts.window;
    return this.chance(this.opts.farUses) ? this.pick(pool) : pool[Math.max(0, pool.length - 1 - this.int(w))];
  }

  /** A vreg to define: usually fresh, sometimes an existing one (not SSA). */
  private pickDef(cls: RegClass): number {
    if (this.chance(this.opts.redefine)) {
      // Mostly a recent vreg of the class, as phi copies and two-address code do.
      for (let tries = 0; tries < 8; tries++) {
        const n = this.fn.vregClass.length;
        const v = n - 1 - this.int(Math.min(n, 4 * this.opts.window));
        if (v >= 0 && this.fn.vregClass[v] === cls) return v;
      }
    }
    return this.vreg(cls);
  }

  private defined_(v: number): void {
    const i = this.defined.indexOf(v);
    if (i >= 0) this.defined.splice(i, 1);
    this.defined.push(v);
  }

  /** A gpr use, defining a fresh value first if none exists. */
  private gprUse(): number {
    const v = this.pickUse(false);
    if (v !== undefined) return v;
    const d = this.vreg('gpr');
    this.emit('mov', [def(d), imm(this.int(100))]);
    this.defined_(d);
    return d;
  }

  private xmmUse(): number {
    const v = this.pickUse(true);
    if (v !== undefined) return v;
    const d = this.vreg('xmm');
    this.emit('movsd', [def(d), { k: 'mem', size: 8, disp: 0, sym: 'zero' }]);
    this.defined_(d);
    return d;
  }

  // ---- blocks -------------------------------------------------------------------------

  private newBlock(): MBlock {
    // Ids are not block indices, so id/index confusions show up.
    const b: MBlock = { id: 100 + 3 * this.blockCount++, insts: [], succs: [], preds: [], loopDepth: this.depth, isRoot: false };
    this.fn.blocks.push(b);
    return b;
  }

  private emit(op: string, ops: MOperand[], flags: Omit<MInst, 'op' | 'ops'> = {}): void {
    this.cur.insts.push({ op, ops, ...flags });
    this.budget--;
  }

  private jump(to: MBlock): void {
    if (this.cur.insts.length > 0 || this.chance(0.5)) this.emit('jmp', [label(to)], { isBranch: true });
    this.cur.succs.push(to.id);
  }

  private compare(): void {
    if (this.chance(0.2) && this.opts.xmm) this.emit('ucomisd', [use(this.xmmUse()), use(this.xmmUse(), true)]);
    else this.emit('cmp', [use(this.gprUse(), true), this.chance(0.5) ? use(this.gprUse(), true) : imm(this.int(10))]);
  }

  /** Ends the current block with a two-way branch; succs [a, b]. */
  private branch2(a: MBlock, b: MBlock): void {
    this.compare();
    this.emit(this.pick(['jne', 'jl', 'jae']), [label(a)], { isBranch: true });
    if (this.chance(0.5)) this.emit('jmp', [label(b)], { isBranch: true });
    this.cur.succs.push(a.id, b.id);
  }

  private ret(): void {
    if (this.opts.xmm && this.chance(0.2)) {
      this.emit('movsd', [preg('xmm0', 'def'), use(this.xmmUse())], { isMove: true });
      this.emit('ret', [], { isBranch: true, implicitUses: ['xmm0'] });
    } else {
      this.emit('mov', [preg('eax', 'def'), use(this.gprUse())], { isMove: true });
      this.emit('ret', [], { isBranch: true, implicitUses: ['eax'] });
    }
  }

  // ---- structure ----------------------------------------------------------------------

  private region(nesting: number): void {
    const pieces = 1 + this.int(4);
    for (let k = 0; k < pieces && this.budget > 0; k++) {
      const r = this.rand();
      if (nesting < 4 && r < 0.15) this.diamond(nesting);
      else if (nesting < 4 && r < 0.25) this.triangle(nesting);
      else if (nesting < 3 && r < 0.37) this.loop(nesting);
      else if (nesting < 3 && r < 0.42) this.switch(nesting);
      else if (this.opts.fixed && r < 0.45) this.fixedAcrossJump();
      else this.straight(1 + this.int(6));
    }
  }

  /** A fixed register set at the end of one block and read in the next. */
  private fixedAcrossJump(): void {
    const next = this.newBlock();
    this.emit('mov', [preg('ecx', 'def'), use(this.gprUse())], { isMove: true });
    this.jump(next);
    this.cur = next;
    this.emit('shl', [usedef(this.gprUse(), true), preg('ecx', 'use', 1)]);
  }

  private diamond(nesting: number): void {
    const t = this.newBlock();
    const f = this.newBlock();
    const j = this.newBlock();
    this.branch2(t, f);
    const before = [...this.defined];
    this.fn.blocks.splice(this.fn.blocks.indexOf(f));
    this.cur = t;
    this.region(nesting + 1);
    const afterT = new Set(this.defined);
    this.jump(j);
    this.fn.blocks.push(f);
    this.cur = f;
    this.defined = [...before];
    this.region(nesting + 1);
    this.defined = this.defined.filter(v => afterT.has(v));
    this.jump(j);
    this.fn.blocks.push(j);
    this.cur = j;
  }

  private triangle(nesting: number): void {
    const t = this.newBlock();
    const e = this.newBlock(); // the split critical edge: often empty
    const j = this.newBlock();
    this.fn.blocks.splice(this.fn.blocks.indexOf(e));
    this.branch2(t, e);
    const before = [...this.defined];
    this.cur = t;
    this.region(nesting + 1);
    const afterT = new Set(this.defined);
    this.jump(j);
    this.fn.blocks.push(e);
    this.cur = e;
    this.defined = before;
    if (this.chance(0.3)) this.straight(1);
    this.defined = this.defined.filter(v => afterT.has(v));
    this.jump(j);
    this.fn.blocks.push(j);
    this.cur = j;
  }

  private loop(nesting: number): void {
    this.depth++;
    const h = this.newBlock();
    this.depth--;
    this.jump(h);
    this.depth++;
    this.cur = h;
    if (this.chance(0.5)) this.straight(1 + this.int(2));
    const atHeader = [...this.defined];
    const body = this.newBlock();
    this.fn.blocks.pop();
    this.depth--;
    const exit = this.newBlock();
    this.fn.blocks.pop();
    this.branch2(body, exit);
    this.depth++;
    this.fn.blocks.push(body);
    this.cur = body;
    this.region(nesting + 1);
    // Loop-carried: redefine something the header may use.
    if (this.defined.length > 0 && this.chance(0.8)) {
      const v = this.pickUse(false);
      if (v !== undefined) this.emit('add', [usedef(v, this.chance(0.5)), imm(1)]);
    }
    this.jump(h);
    this.depth--;
    this.fn.blocks.push(exit);
    this.cur = exit;
    this.defined = atHeader;
  }

  private switch(nesting: number): void {
    const idx = this.gprUse();
    const arms = [this.newBlock(), this.newBlock(), this.newBlock()];
    const j = this.newBlock();
    this.fn.blocks.splice(this.fn.blocks.indexOf(arms[1]));
    this.emit('cmp', [use(idx, true), imm(3)]);
    this.emit('jae', [label(arms[0])], { isBranch: true });
    this.emit('jmp', [{ k: 'mem', size: 4, index: { vreg: idx }, scale: 4, disp: 0, sym: 'table' }], { isBranch: true });
    this.cur.succs.push(...arms.map(a => a.id));
    // A table naming one target twice: that arm lists the switch block twice as predecessor.
    if (this.chance(0.3)) this.cur.succs.push(arms[1].id);
    const before = [...this.defined];
    let common: Set<number> | undefined;
    arms.forEach((a, i) => {
      if (i > 0) this.fn.blocks.push(a);
      this.cur = a;
      this.defined = [...before];
      this.region(nesting + 1);
      common = common ? new Set(this.defined.filter(v => common!.has(v))) : new Set(this.defined);
      this.jump(j);
    });
    this.fn.blocks.push(j);
    this.cur = j;
    this.defined = this.defined.filter(v => common!.has(v));
  }

  // ---- straight-line code -------------------------------------------------------------

  private straight(n: number): void {
    for (let k = 0; k < n; k++) this.instruction();
  }

  private instruction(): void {
    const { opts } = this;
    const r = this.rand();
    if (r < 0.12) {
      const d = this.pickDef(this.chance(0.1) ? 'gpr8' : 'gpr');
      // mov r/m32, imm32: the definition may go straight to memory.
      this.emit('mov', [this.chance(0.2) ? { ...def(d), memOk: true } : def(d), imm(this.int(1000))]);
      this.defined_(d);
    } else if (r < 0.22) {
      const s = this.gprUse();
      const d = this.pickDef(this.chance(0.1) ? 'gpr8' : 'gpr');
      this.emit('mov', [def(d), use(s)], { isMove: true });
      this.defined_(d);
    } else if (r < 0.4) {
      const a = this.gprUse();
      const b = this.chance(0.15) ? a : this.gprUse();
      this.emit(this.pick(['add', 'sub', 'and', 'or', 'xor', 'imul']), [usedef(a, this.chance(0.5)), use(b, this.chance(0.6))]);
    } else if (r < 0.47) {
      const d = this.pickDef('gpr');
      this.emit('lea', [def(d), { k: 'mem', size: 0, base: { vreg: this.gprUse() }, index: { vreg: this.gprUse() }, scale: 4, disp: 8 }]);
      this.defined_(d);
    } else if (r < 0.55) {
      const d = this.pickDef('gpr');
      this.emit('mov', [def(d), { k: 'mem', size: 4, base: { vreg: this.gprUse() }, disp: 4 * this.int(4) }]);
      this.defined_(d);
    } else if (r < 0.6) {
      this.emit('mov', [{ k: 'mem', size: 4, base: { vreg: this.gprUse() }, disp: 0 }, use(this.gprUse())]);
    } else if (r < 0.63) {
      // An explicit memory operand: the memOk on the other operand must not be used.
      const mem: MOperand = this.fn.frameSlots.length > 0 && this.chance(0.5) ? { k: 'mem', size: 4, disp: 0, frame: { kind: 'slot', id: 0 } } : { k: 'mem', size: 4, base: { vreg: this.gprUse() }, disp: 8 };
      this.emit('add', [mem, use(this.gprUse(), true)]);
    } else if (r < 0.68) {
      const c = this.gprUse();
      const d = this.pickDef('gpr8');
      this.emit('cmp', [use(c, true), use(this.gprUse(), true)]);
      this.emit('sete', [{ ...def(d), size: 1 }]);
      this.defined_(d);
      if (this.chance(0.5)) {
        const z = this.pickDef('gpr');
        this.emit('movzx', [def(z), { ...use(d, true), size: 1 }]);
        this.defined_(z);
      }
    } else if (r < 0.74 && opts.calls) {
      this.call();
    } else if (r < 0.8 && opts.fixed) {
      this.fixedSequence();
    } else if (r < 0.93 && opts.xmm) {
      this.sse();
    } else {
      const a = this.gprUse();
      this.emit('neg', [usedef(a, true)]);
    }
  }

  private call(): void {
    const args = this.int(3);
    if (this.chance(0.3)) {
      // Arguments stored into reserved outgoing space ([esp+k]), as for floats and structs.
      this.emit('argspace', [imm(4 * args)]);
      for (let i = 0; i < args; i++) this.emit('mov', [{ k: 'mem', size: 4, disp: 0, frame: { kind: 'out', offset: 4 * i } }, use(this.gprUse())]);
      if (args > 0) this.emit('mov', [{ k: 'mem', size: 4, base: { preg: 'esp' }, disp: 0 }, use(this.gprUse())]);
    } else {
      for (let i = 0; i < args; i++) this.emit('push', [use(this.gprUse(), true)]);
    }
    const target: MOperand = this.chance(0.2) ? use(this.gprUse(), true) : { k: 'sym', name: 'callee' };
    const xmmResult = this.opts.xmm && this.chance(0.25);
    this.emit('call', [target], { clobbers: CALLER_SAVED, implicitDefs: [xmmResult ? 'xmm0' : 'eax'] });
    if (args > 0) this.emit('argfree', [imm(4 * args)]);
    if (this.chance(0.8)) {
      const d = this.pickDef(xmmResult ? 'xmm' : 'gpr');
      if (xmmResult) this.emit('movaps', [def(d), preg('xmm0')], { isMove: true });
      else this.emit('mov', [def(d), preg('eax')], { isMove: true });
      this.defined_(d);
    }
  }

  private fixedSequence(): void {
    const r = this.rand();
    if (r < 0.4) {
      const a = this.gprUse();
      const b = this.gprUse();
      this.emit('mov', [preg('eax', 'def'), use(a)], { isMove: true });
      this.emit('cdq', [], { implicitUses: ['eax'], implicitDefs: ['edx'] });
      this.emit('idiv', [use(b, true)], { implicitUses: ['eax', 'edx'], implicitDefs: ['eax', 'edx'] });
      const q = this.pickDef('gpr');
      this.emit('mov', [def(q), preg(this.chance(0.5) ? 'eax' : 'edx')], { isMove: true });
      this.defined_(q);
    } else if (r < 0.8) {
      // The count stays in ecx across a few unrelated instructions.
      this.emit('mov', [preg('ecx', 'def'), use(this.gprUse())], { isMove: true });
      for (let k = this.int(3); k > 0; k--) {
        const a = this.gprUse();
        this.emit(this.pick(['add', 'xor']), [usedef(a, this.chance(0.5)), use(this.gprUse())]);
      }
      this.emit(this.pick(['shl', 'sar']), [usedef(this.gprUse(), true), preg('ecx', 'use', 1)]);
    } else {
      this.emit('mov', [preg('eax', 'def'), imm(1)]);
      this.emit('cpuid', [], { implicitUses: ['eax'], implicitDefs: ['eax', 'ebx', 'ecx', 'edx'] });
      const d = this.pickDef('gpr');
      this.emit('mov', [def(d), preg(this.pick(['eax', 'ebx', 'ecx', 'edx'] as const))], { isMove: true });
      this.defined_(d);
    }
  }

  private sse(): void {
    const r = this.rand();
    if (r < 0.35) {
      const a = this.xmmUse();
      const b = this.chance(0.15) ? a : this.xmmUse();
      this.emit(this.pick(['addsd', 'mulsd', 'subsd']), [usedef(a), use(b, b !== a)]);
    } else if (r < 0.55) {
      const d = this.pickDef('xmm');
      this.emit('movsd', [def(d), use(this.xmmUse())], { isMove: true });
      this.defined_(d);
    } else if (r < 0.7) {
      const d = this.pickDef('xmm');
      this.emit('cvtsi2sd', [def(d), use(this.gprUse(), true)]);
      this.defined_(d);
    } else if (r < 0.82) {
      const d = this.pickDef('gpr');
      this.emit('cvttsd2si', [def(d), use(this.xmmUse(), true)]);
      this.defined_(d);
    } else {
      const d = this.pickDef('xmm');
      this.emit('movsd', [def(d), { k: 'mem', size: 8, base: { vreg: this.gprUse() }, disp: 0 }]);
      this.defined_(d);
    }
  }
}
