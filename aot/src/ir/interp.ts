// IR interpreter: runs a module of IR functions with the IR's documented semantics, as the
// oracle against which the optimisation passes are tested (a pass must not change the
// outcome, the returned value or the sequence of observable effects).
//
// It is deliberately written apart from the passes' constant folder (passes/fold.ts):
// an oracle that shared the folder would agree with its bugs.
//
// Semantics implemented here (the contract the passes preserve):
// - i32 is a JS number in signed form, i64 a signed bigint, f32 a number rounded with
//   Math.fround after every operation, f64 a number. Integer arithmetic wraps; shift
//   counts are masked to the width; div/rem trap DivideByZero on 0 and Overflow on
//   MinValue / -1; the *ovf forms trap Overflow when the exact result does not fit.
// - conv: see `convert`; float → int of NaN or an out-of-range value without .ovf gives
//   the x86 "integer indefinite" (target-defined; passes must not fold it).
// - Memory is byte-addressed little endian: globals (one zero-filled block per symbol,
//   laid out in a fixed order at start) and a stack of activation frames (each slot
//   zero-filled at entry). Addresses outside both, and stack memory of finished calls,
//   trap 'AccessViolation'; address 0 is never mapped. NaN payloads and signs are not
//   modelled (JS engines do not keep them): every NaN is stored as the x86 default NaN.
// - Observable effects, in order: stores (and memcpy/memzero) to globals, volatile
//   loads and stores anywhere, and calls of functions outside the module. Stack stores
//   are private and not recorded.
// - Exception handling, intrinsics and calls through non-function addresses report
//   'unsupported'; executing `unreachable` traps 'Unreachable'.

import type { Block, ConvSpec, Func, Inst, Slot } from './ir.ts';
import type { MemType, NumKind, Type } from './types.ts';
import { memSize } from './types.ts';
import { InternalError } from '../util/assert.ts';

export type Value = number | bigint;

export type Effect =
  | { readonly kind: 'store'; readonly at: string; readonly bytes: string; readonly volatile: boolean }
  | { readonly kind: 'load'; readonly at: string; readonly size: number }
  | { readonly kind: 'call'; readonly sym: string; readonly args: readonly string[] };

export interface InterpResult {
  outcome: 'return' | 'trap' | 'unsupported' | 'step-limit';
  /** Returned value of a non-void entry function. */
  value?: Value;
  /** Trap kind: DivideByZero, Overflow, NullReference, IndexOutOfRange, Arithmetic, AccessViolation, StackOverflow, Unreachable. */
  trap?: string;
  /** Why the run is unsupported. */
  detail?: string;
  effects: Effect[];
  steps: number;
}

/** Memory access for external functions. */
export interface InterpMemory {
  load(address: number, mem: MemType): Value;
  store(address: number, mem: MemType, value: Value): void;
  symbolAddress(sym: string): number;
}

/** Behaviour of a call to a function outside the module; returns its result (ignored for void calls). */
export type ExternalFunction = (sym: string, args: readonly Value[], memory: InterpMemory, type: Type | undefined) => Value | undefined;

export interface InterpOptions {
  /** Size in bytes of each global symbol's block; symbols not listed get DEFAULT_SYMBOL_SIZE. */
  memorySymbols?: Map<string, number>;
  /** Initial contents of global symbols (the rest of each block is zero). */
  initialData?: Map<string, Uint8Array>;
  /** Instructions executed before giving up with 'step-limit' (default 1,000,000). */
  maxSteps?: number;
  /** Calls outside the module; by default they return a hash of their name, arguments and order. */
  externals?: ExternalFunction;
}

export const DEFAULT_SYMBOL_SIZE = 64;
const GLOBAL_BASE = 0x1000;
const STACK_BASE = 0x1000_0000;
const FUNCTION_BASE = 0x7000_0000;
const MAX_DEPTH = 2000;

/** Ends the run with a trap (the runtime would throw the matching exception). */
class Trap {
  constructor(readonly kind: string) {}
}
class Unsupported {
  constructor(readonly detail: string) {}
}
class StepLimit {}

export function interpret(module: Map<string, Func>, entry: string, args: Value[], opts: InterpOptions = {}): InterpResult {
  const machine = new Machine(module, opts);
  return machine.run(entry, args);
}

/** A result as text (the outcome, then one line per effect), to compare runs in tests and show them on failure. */
export function describeResult(r: InterpResult): string {
  const head =
    r.outcome === 'return' ? `return ${r.value === undefined ? 'void' : showValue(r.value)}`
    : r.outcome === 'trap' ? `trap ${r.trap}`
    : r.outcome === 'unsupported' ? `unsupported ${r.detail ?? ''}`
    : 'step-limit';
  const effects = r.effects.map(e =>
    e.kind === 'store' ? `store${e.volatile ? '.volatile' : ''} ${e.at} = ${e.bytes}`
    : e.kind === 'load' ? `load.volatile ${e.at} (${e.size})`
    : `call ${e.sym}(${e.args.join(', ')})`,
  );
  return [head, ...effects].join('\n');
}

export function showValue(v: Value): string {
  if (typeof v === 'bigint') return `${v}L`;
  if (Object.is(v, -0)) return '-0.0';
  return String(v);
}

interface Frame {
  readonly fn: Func;
  readonly vals: (Value | undefined)[];
  readonly args: Value[];
  readonly slots: Map<Slot, number>;
  /** Stack pointer to restore on return. */
  readonly spBase: number;
  /** The caller's call instruction that receives the result. */
  readonly callSite: Inst | undefined;
  block: Block;
  pc: number;
}

class Machine implements InterpMemory {
  private readonly effects: Effect[] = [];
  private steps = 0;
  private readonly maxSteps: number;
  private globals: Uint8Array;
  private globalsView: DataView;
  private globalEnd = GLOBAL_BASE;
  /** Global symbols in address order: [name, start, size]. */
  private readonly symbols: [string, number, number][] = [];
  private readonly symbolIndex = new Map<string, number>();
  private stack = new Uint8Array(1 << 10);
  private stackView = new DataView(this.stack.buffer);
  private sp = STACK_BASE;
  private readonly functionAddress = new Map<string, number>();
  private readonly functionAt = new Map<number, Func>();
  private externalCalls = 0;

  constructor(
    private readonly module: Map<string, Func>,
    private readonly opts: InterpOptions,
  ) {
    this.maxSteps = opts.maxSteps ?? 1_000_000;
    [...module.keys()].sort().forEach((name, i) => {
      this.functionAddress.set(name, FUNCTION_BASE + 16 * i);
      this.functionAt.set(FUNCTION_BASE + 16 * i, module.get(name)!);
    });
    // Symbols listed by the caller first (in its order), then the others the module names,
    // sorted, so addresses do not depend on which instructions a pass removed or moved.
    const names = [...(opts.memorySymbols?.keys() ?? [])];
    const others = new Set<string>();
    for (const fn of module.values()) {
      for (const inst of fn.instructions()) if (inst.op === 'symaddr' && !module.has(inst.sym!)) others.add(inst.sym!);
    }
    for (const n of [...others].sort()) if (!opts.memorySymbols?.has(n)) names.push(n);
    for (const n of names) this.allocateSymbol(n);
    this.globals = new Uint8Array(this.globalEnd - GLOBAL_BASE);
    this.globalsView = new DataView(this.globals.buffer);
    for (const [name, bytes] of opts.initialData ?? []) {
      const [, start, size] = this.symbols[this.symbolIndex.get(name) ?? -1] ?? [];
      if (start === undefined || bytes.length > size!) throw new InternalError(`initial data of ${name} does not fit its symbol`);
      this.globals.set(bytes, start - GLOBAL_BASE);
    }
  }

  private allocateSymbol(name: string): void {
    const size = this.opts.memorySymbols?.get(name) ?? DEFAULT_SYMBOL_SIZE;
    this.symbolIndex.set(name, this.symbols.length);
    this.symbols.push([name, this.globalEnd, size]);
    this.globalEnd += Math.ceil(Math.max(size, 1) / 16) * 16;
  }

  run(entry: string, args: Value[]): InterpResult {
    const fn = this.module.get(entry);
    if (fn === undefined) return { outcome: 'unsupported', detail: `no function ${entry}`, effects: [], steps: 0 };
    try {
      if (fn.sig.byval?.some(s => s > 0)) throw new Unsupported('entry function with by-value parameters');
      if (args.length !== fn.sig.params.length) throw new Unsupported(`entry expects ${fn.sig.params.length} arguments`);
      const value = this.execute(fn, args.map((a, i) => normalize(fn.sig.params[i]!, a)));
      return { outcome: 'return', ...(value !== undefined ? { value } : {}), effects: this.effects, steps: this.steps };
    } catch (e) {
      if (e instanceof Trap) return { outcome: 'trap', trap: e.kind, effects: this.effects, steps: this.steps };
      if (e instanceof Unsupported) return { outcome: 'unsupported', detail: e.detail, effects: this.effects, steps: this.steps };
      if (e instanceof StepLimit) return { outcome: 'step-limit', effects: this.effects, steps: this.steps };
      throw e;
    }
  }

  /** Runs `fn` to completion with an explicit frame stack (deep recursion must not overflow the JS stack). */
  private execute(entryFn: Func, entryArgs: Value[]): Value | undefined {
    const frames: Frame[] = [];
    let f = this.enter(entryFn, entryArgs, undefined);
    frames.push(f);
    let inst!: Inst;
    /** Operand i of the current instruction. */
    const v = (i: number): Value => {
      const a = inst.args[i]!;
      const x = f.vals[a.id];
      if (x === undefined) throw new InternalError(`v${a.id} used before it is defined in ${f.fn.name}`);
      return x;
    };
    const set = (x: Value) => {
      f.vals[inst.id] = x;
    };
    for (;;) {
      const next = f.block.insts[f.pc++];
      if (next === undefined) throw new InternalError(`fell off the end of bb${f.block.id} in ${f.fn.name}`);
      inst = next;
      if (++this.steps > this.maxSteps) throw new StepLimit();
      switch (inst.op) {
        case 'param':
          set(f.args[Number(inst.imm)]!);
          break;
        case 'const':
          set(inst.imm);
          break;
        case 'symaddr': {
          const fnAddr = this.functionAddress.get(inst.sym!);
          set(((fnAddr ?? this.symbolAddress(inst.sym!)) + Number(inst.imm)) | 0);
          break;
        }
        case 'slotaddr':
          set(f.slots.get(inst.slot!)! | 0);
          break;
        case 'ldslot':
          set(this.load(f.slots.get(inst.slot!)!, inst.slot!.type as MemType, inst.volatile));
          break;
        case 'stslot':
          this.storeValue(f.slots.get(inst.slot!)!, inst.slot!.type as MemType, v(0), inst.volatile);
          break;
        case 'copy':
          set(v(0));
          break;
        case 'ckfinite':
          if (!Number.isFinite(v(0) as number)) throw new Trap('Arithmetic');
          set(v(0));
          break;
        case 'neg':
          set(negate(inst.type!, v(0)));
          break;
        case 'not':
          set(inst.type === 'i64' ? BigInt.asIntN(64, ~(v(0) as bigint)) : ~(v(0) as number));
          break;
        case 'cmp':
          set(compare(inst.cond!, inst.args[0]!.type!, v(0), v(1)) ? 1 : 0);
          break;
        case 'select':
          set(v(0) !== 0 ? v(1) : v(2));
          break;
        case 'conv':
          set(convert(v(0), inst.args[0]!.type!, inst.conv!));
          break;
        case 'load':
          set(this.load(address(v(0), inst.imm), inst.mem!, inst.volatile));
          break;
        case 'store':
          this.storeValue(address(v(0), inst.imm), inst.mem!, v(1), inst.volatile);
          break;
        case 'memcpy':
          this.copyBytes(address(v(0), 0), address(v(1), 0), Number(inst.imm), inst.volatile);
          break;
        case 'memzero':
          this.writeBytes(address(v(0), 0), new Uint8Array(Number(inst.imm)), inst.volatile);
          break;
        case 'chknull':
          if (v(0) === 0) throw new Trap('NullReference');
          break;
        case 'chkbounds':
          if ((v(0) as number) >>> 0 >= (v(1) as number) >>> 0) throw new Trap('IndexOutOfRange');
          break;
        case 'call':
        case 'calli': {
          const first = inst.op === 'calli' ? 1 : 0;
          const args = inst.args.slice(first).map((_, i) => v(first + i));
          let callee: Func | undefined;
          let sym: string;
          if (inst.op === 'call') {
            sym = inst.sym!;
            callee = this.module.get(sym);
          } else {
            callee = this.functionAt.get((v(0) as number) >>> 0);
            if (callee === undefined) throw new Unsupported(`calli through ${v(0)}, which is not a function address`);
            sym = callee.name;
          }
          if (callee === undefined) {
            const result = this.callExternal(inst, sym, args);
            if (inst.type !== undefined) set(result);
            break;
          }
          if (args.length !== callee.sig.params.length) throw new Unsupported(`call of ${sym} with ${args.length} arguments`);
          if (frames.length >= MAX_DEPTH) throw new Trap('StackOverflow');
          f = this.enter(callee, args, inst);
          frames.push(f);
          break;
        }
        case 'phi':
          throw new InternalError(`phi v${inst.id} executed out of block entry`);
        case 'jmp':
          this.jump(f, inst.targets![0]!);
          break;
        case 'br':
          this.jump(f, inst.targets![v(0) !== 0 ? 0 : 1]!);
          break;
        case 'switch': {
          const i = (v(0) as number) >>> 0;
          const t = inst.targets!;
          this.jump(f, i < t.length - 1 ? t[1 + i]! : t[0]!);
          break;
        }
        case 'ret': {
          const result = inst.args.length > 0 ? v(0) : undefined;
          frames.pop();
          this.sp = f.spBase;
          const caller = frames[frames.length - 1];
          if (caller === undefined) return result;
          const site = f.callSite!;
          if (site.type !== undefined) {
            if (result === undefined) throw new Unsupported(`call of void function ${f.fn.name} used as a value`);
            caller.vals[site.id] = result;
          }
          f = caller;
          break;
        }
        case 'unreachable':
          throw new Trap('Unreachable');
        case 'intrinsic':
          throw new Unsupported(`intrinsic ${inst.sym}`);
        case 'catchobj':
        case 'throw':
        case 'rethrow':
        case 'callfinally':
        case 'endfinally':
        case 'endfilter':
          throw new Unsupported(`exception handling (${inst.op})`);
        default:
          set(binary(inst.op, inst.type!, v(0), v(1)));
      }
    }
  }

  /** Pushes an activation: slots zero-filled, by-value parameters copied into the callee's frame. */
  private enter(fn: Func, args: Value[], callSite: Inst | undefined): Frame {
    const spBase = this.sp;
    const slots = new Map<Slot, number>();
    for (const s of fn.slots) slots.set(s, this.allocateStack(s.size, s.align));
    const byval = fn.sig.byval ?? [];
    const actual = args.slice();
    byval.forEach((size, i) => {
      if (size > 0) {
        const copy = this.allocateStack(size, 8);
        this.copyBytes(copy, address(actual[i]!, 0), size, false);
        actual[i] = copy | 0;
      }
    });
    const entry = fn.entry;
    return { fn, vals: new Array(fn.instCount), args: actual, slots, spBase, callSite, block: entry, pc: entry.firstNonPhi };
  }

  private allocateStack(size: number, align: number): number {
    const a = Math.max(1, align);
    const start = Math.ceil(this.sp / a) * a;
    this.sp = start + Math.max(size, 1);
    const need = this.sp - STACK_BASE;
    if (need > this.stack.length) {
      let n = this.stack.length;
      while (n < need) n *= 2;
      const bigger = new Uint8Array(n);
      bigger.set(this.stack);
      this.stack = bigger;
      this.stackView = new DataView(bigger.buffer);
    }
    this.stack.fill(0, start - STACK_BASE, this.sp - STACK_BASE);
    return start;
  }

  /** Moves to `target`, giving its phis their values for the edge from the current block (in parallel). */
  private jump(f: Frame, target: Block): void {
    const from = f.block;
    const n = target.firstNonPhi;
    if (n > 0) {
      const incoming: Value[] = [];
      for (let i = 0; i < n; i++) {
        const phi = target.insts[i]!;
        const k = phi.targets!.indexOf(from);
        if (k < 0) throw new InternalError(`phi v${phi.id} has no operand for bb${from.id}`);
        const x = f.vals[phi.args[k]!.id];
        if (x === undefined) throw new InternalError(`v${phi.args[k]!.id} used before it is defined in ${f.fn.name}`);
        incoming.push(x);
      }
      this.steps += n;
      for (let i = 0; i < n; i++) f.vals[target.insts[i]!.id] = incoming[i]!;
    }
    f.block = target;
    f.pc = n;
  }

  private callExternal(inst: Inst, sym: string, args: Value[]): Value {
    const shown = args.map((a, i) => {
      const size = inst.byval?.[i] ?? 0;
      return size > 0 ? `byval ${hex(this.readBytes(address(a, 0), size))}` : showValue(a);
    });
    this.effects.push({ kind: 'call', sym, args: shown });
    const n = this.externalCalls++;
    const custom = this.opts.externals?.(sym, args, this, inst.type);
    if (custom !== undefined) return normalize(inst.type ?? 'i32', custom);
    // FNV-1a over the call's text and its position in the sequence of external calls.
    let h = 0x811c9dc5;
    for (const ch of `${sym}(${shown.join(',')})#${n}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
    switch (inst.type) {
      case 'i64':
        return BigInt.asIntN(64, (BigInt(h) << 32n) | BigInt(h >>> 0));
      case 'f32':
      case 'f64':
        return (h % 1000) / 8;
      default:
        return h | 0;
    }
  }

  // --- memory --------------------------------------------------------------

  symbolAddress(sym: string): number {
    let i = this.symbolIndex.get(sym);
    if (i === undefined) {
      // Only external callbacks can name a symbol the module does not; grow the globals.
      this.allocateSymbol(sym);
      const bigger = new Uint8Array(this.globalEnd - GLOBAL_BASE);
      bigger.set(this.globals);
      this.globals = bigger;
      this.globalsView = new DataView(bigger.buffer);
      i = this.symbolIndex.get(sym)!;
    }
    return this.symbols[i]![1];
  }

  /** The byte array and offset holding [addr, addr + size), or a trap. */
  private locate(addr: number, size: number): [DataView, number] {
    if (addr >= GLOBAL_BASE && addr + size <= this.globalEnd) return [this.globalsView, addr - GLOBAL_BASE];
    if (addr >= STACK_BASE && addr + size <= this.sp) return [this.stackView, addr - STACK_BASE];
    throw new Trap('AccessViolation');
  }

  /** Where an effect happened: `sym+offset` for globals, `stack` for frames. */
  private describeAddress(addr: number): string {
    if (addr >= STACK_BASE) return 'stack';
    let lo = 0;
    let hi = this.symbols.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.symbols[mid]![1] <= addr) lo = mid;
      else hi = mid - 1;
    }
    const [name, start] = this.symbols[lo]!;
    return `${name}+${addr - start}`;
  }

  load(addr: number, mem: MemType, isVolatile = false): Value {
    const [view, o] = this.locate(addr, memSize(mem));
    if (isVolatile) this.effects.push({ kind: 'load', at: this.describeAddress(addr), size: memSize(mem) });
    switch (mem) {
      case 'i8': return view.getInt8(o);
      case 'u8': return view.getUint8(o);
      case 'i16': return view.getInt16(o, true);
      case 'u16': return view.getUint16(o, true);
      case 'i32': return view.getInt32(o, true);
      case 'i64': return view.getBigInt64(o, true);
      case 'f32': return view.getFloat32(o, true);
      case 'f64': return view.getFloat64(o, true);
    }
  }

  store(addr: number, mem: MemType, value: Value): void {
    this.storeValue(addr, mem, value, false);
  }

  private storeValue(addr: number, mem: MemType, value: Value, isVolatile: boolean): void {
    const bytes = new Uint8Array(memSize(mem));
    const view = new DataView(bytes.buffer);
    switch (mem) {
      case 'i8': case 'u8': view.setUint8(0, (value as number) & 0xff); break;
      case 'i16': case 'u16': view.setUint16(0, (value as number) & 0xffff, true); break;
      case 'i32': view.setInt32(0, value as number, true); break;
      case 'i64': view.setBigInt64(0, value as bigint, true); break;
      case 'f32': if (Number.isNaN(value)) view.setUint32(0, 0xffc0_0000, true); else view.setFloat32(0, value as number, true); break;
      case 'f64': if (Number.isNaN(value)) view.setBigUint64(0, 0xfff8_0000_0000_0000n, true); else view.setFloat64(0, value as number, true); break;
    }
    this.writeBytes(addr, bytes, isVolatile);
  }

  private readBytes(addr: number, size: number): Uint8Array {
    if (size === 0) return new Uint8Array(0);
    const [view, o] = this.locate(addr, size);
    return new Uint8Array(view.buffer.slice(o, o + size));
  }

  private writeBytes(addr: number, bytes: Uint8Array, isVolatile: boolean): void {
    if (bytes.length === 0) return;
    const [view, o] = this.locate(addr, bytes.length);
    new Uint8Array(view.buffer).set(bytes, o);
    if (isVolatile || addr < STACK_BASE) this.effects.push({ kind: 'store', at: this.describeAddress(addr), bytes: hex(bytes), volatile: isVolatile });
  }

  private copyBytes(dst: number, src: number, size: number, isVolatile: boolean): void {
    this.writeBytes(dst, this.readBytes(src, size), isVolatile);
  }
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

function address(base: Value, imm: number | bigint): number {
  return ((base as number) + Number(imm)) >>> 0;
}

/** Brings an argument or external result into the representation of `t`. */
function normalize(t: Type, v: Value): Value {
  switch (t) {
    case 'i32': return Number(BigInt.asIntN(32, BigInt(v)));
    case 'i64': return BigInt.asIntN(64, BigInt(v));
    case 'f32': return Math.fround(Number(v));
    case 'f64': return Number(v);
  }
}

function negate(t: Type, a: Value): Value {
  switch (t) {
    case 'i32': return -(a as number) | 0;
    case 'i64': return BigInt.asIntN(64, -(a as bigint));
    default: return -(a as number);
  }
}

function compare(cond: string, t: Type, a: Value, b: Value): boolean {
  if (t === 'f32' || t === 'f64') {
    const x = a as number;
    const y = b as number;
    switch (cond) {
      case 'eq': return x === y;
      case 'ne': return !(x === y);
      case 'lt': return x < y;
      case 'le': return x <= y;
      case 'gt': return x > y;
      case 'ge': return x >= y;
      case 'ltu': return !(x >= y);
      case 'leu': return !(x > y);
      case 'gtu': return !(x <= y);
      default: return !(x < y); // geu
    }
  }
  let x: bigint | number = a;
  let y: bigint | number = b;
  if (cond.endsWith('u')) {
    x = t === 'i64' ? BigInt.asUintN(64, a as bigint) : (a as number) >>> 0;
    y = t === 'i64' ? BigInt.asUintN(64, b as bigint) : (b as number) >>> 0;
  }
  switch (cond) {
    case 'eq': return x === y;
    case 'ne': return x !== y;
    case 'lt': case 'ltu': return x < y;
    case 'le': case 'leu': return x <= y;
    case 'gt': case 'gtu': return x > y;
    default: return x >= y;
  }
}

function binary(op: string, t: Type, a: Value, b: Value): Value {
  if (t === 'i32') return binary32(op, a as number, b as number);
  if (t === 'i64') return op === 'shl' || op === 'shr' || op === 'sar' ? shift64(op, a as bigint, b as number) : binary64(op, a as bigint, b as bigint);
  const x = a as number;
  const y = b as number;
  let r: number;
  switch (op) {
    case 'add': r = x + y; break;
    case 'sub': r = x - y; break;
    case 'mul': r = x * y; break;
    case 'div': r = x / y; break;
    case 'rem': r = x % y; break;
    default: throw new InternalError(`${op} on ${t}`);
  }
  return t === 'f32' ? Math.fround(r) : r;
}

const I32_MIN = -0x8000_0000;

function binary32(op: string, a: number, b: number): number {
  switch (op) {
    case 'add': return (a + b) | 0;
    case 'sub': return (a - b) | 0;
    case 'mul': return Math.imul(a, b);
    case 'and': return a & b;
    case 'or': return a | b;
    case 'xor': return a ^ b;
    case 'shl': return a << (b & 31);
    case 'shr': return (a >>> (b & 31)) | 0;
    case 'sar': return a >> (b & 31);
    case 'mulhi': return Number((BigInt(a) * BigInt(b)) >> 32n) | 0;
    case 'mulhiu': return Number((BigInt(a >>> 0) * BigInt(b >>> 0)) >> 32n) | 0;
    case 'div':
    case 'rem':
      if (b === 0) throw new Trap('DivideByZero');
      if (a === I32_MIN && b === -1) throw new Trap('Overflow');
      return op === 'div' ? Math.trunc(a / b) | 0 : a % b | 0;
    case 'divu':
    case 'remu':
      if (b === 0) throw new Trap('DivideByZero');
      return op === 'divu' ? Math.trunc((a >>> 0) / (b >>> 0)) | 0 : ((a >>> 0) % (b >>> 0)) | 0;
    case 'addovf': return fits32(a + b, false);
    case 'subovf': return fits32(a - b, false);
    case 'mulovf': return fits32(Number(BigInt(a) * BigInt(b)), false);
    case 'addovfu': return fits32((a >>> 0) + (b >>> 0), true);
    case 'subovfu': return fits32((a >>> 0) - (b >>> 0), true);
    case 'mulovfu': return fits32(Number(BigInt(a >>> 0) * BigInt(b >>> 0)), true);
    default: throw new InternalError(`${op} on i32`);
  }
}

/** The exact result `r` as i32 bits, or an Overflow trap when it is outside the signed/unsigned range. */
function fits32(r: number, unsigned: boolean): number {
  const ok = unsigned ? r >= 0 && r <= 0xffff_ffff : r >= I32_MIN && r <= 0x7fff_ffff;
  if (!ok) throw new Trap('Overflow');
  return r | 0;
}

const I64_MIN = -(1n << 63n);

function binary64(op: string, a: bigint, b: bigint): bigint {
  const w = (x: bigint) => BigInt.asIntN(64, x);
  const u = (x: bigint) => BigInt.asUintN(64, x);
  switch (op) {
    case 'add': return w(a + b);
    case 'sub': return w(a - b);
    case 'mul': return w(a * b);
    case 'and': return a & b;
    case 'or': return a | b;
    case 'xor': return a ^ b;
    case 'div':
    case 'rem':
      if (b === 0n) throw new Trap('DivideByZero');
      if (a === I64_MIN && b === -1n) throw new Trap('Overflow');
      return op === 'div' ? a / b : a % b;
    case 'divu':
    case 'remu':
      if (b === 0n) throw new Trap('DivideByZero');
      return w(op === 'divu' ? u(a) / u(b) : u(a) % u(b));
    case 'addovf': return fits64(a + b, false);
    case 'subovf': return fits64(a - b, false);
    case 'mulovf': return fits64(a * b, false);
    case 'addovfu': return fits64(u(a) + u(b), true);
    case 'subovfu': return fits64(u(a) - u(b), true);
    case 'mulovfu': return fits64(u(a) * u(b), true);
    default: throw new InternalError(`${op} on i64`);
  }
}

function fits64(r: bigint, unsigned: boolean): bigint {
  const ok = unsigned ? r >= 0n && r < 1n << 64n : r >= I64_MIN && r < 1n << 63n;
  if (!ok) throw new Trap('Overflow');
  return BigInt.asIntN(64, r);
}

/** i64 shifts take an i32 count, masked to 0..63. */
function shift64(op: string, a: bigint, count: number): bigint {
  const c = BigInt(count & 63);
  switch (op) {
    case 'shl': return BigInt.asIntN(64, a << c);
    case 'shr': return BigInt.asIntN(64, BigInt.asUintN(64, a) >> c);
    default: return a >> c;
  }
}

/** Inclusive value range of each integer conversion target. */
const RANGE: Partial<Record<NumKind, [bigint, bigint]>> = {
  i8: [-128n, 127n], u8: [0n, 255n], i16: [-32768n, 32767n], u16: [0n, 65535n],
  i32: [-(1n << 31n), (1n << 31n) - 1n], u32: [0n, (1n << 32n) - 1n],
  i64: [-(1n << 63n), (1n << 63n) - 1n], u64: [0n, (1n << 64n) - 1n],
};

/** conv.<to>[.ovf][.un] of `x`, whose type is `from`. */
function convert(x: Value, from: Type, c: ConvSpec): Value {
  const range = RANGE[c.to];
  if (from === 'i32' || from === 'i64') {
    const n = from === 'i32' ? BigInt(c.un ? (x as number) >>> 0 : (x as number)) : c.un ? BigInt.asUintN(64, x as bigint) : (x as bigint);
    if (range === undefined) return c.to === 'f64' ? Number(n) : bigToF32(n);
    if (c.ovf && (n < range[0] || n > range[1])) throw new Trap('Overflow');
    return intOf(c.to, n);
  }
  const v = x as number;
  if (range === undefined) return c.to === 'f32' ? Math.fround(v) : v;
  const inRange = Number.isFinite(v) && BigInt(Math.trunc(v)) >= range[0] && BigInt(Math.trunc(v)) <= range[1];
  if (inRange) return intOf(c.to, BigInt(Math.trunc(v)));
  if (c.ovf) throw new Trap('Overflow');
  // Target-defined: cvttsd2si's integer indefinite; narrow targets truncate the i32 result.
  if (c.to === 'i64' || c.to === 'u64') return I64_MIN;
  const wide = Number.isFinite(v) && Math.abs(v) < 2 ** 31 ? BigInt(Math.trunc(v)) : -(1n << 31n);
  return intOf(c.to, wide);
}

/** The value `n` truncated to the width of `to` and extended into its IR type. */
function intOf(to: NumKind, n: bigint): Value {
  switch (to) {
    case 'i8': return Number(BigInt.asIntN(8, n));
    case 'u8': return Number(BigInt.asUintN(8, n));
    case 'i16': return Number(BigInt.asIntN(16, n));
    case 'u16': return Number(BigInt.asUintN(16, n));
    case 'i32': case 'u32': return Number(BigInt.asIntN(32, n));
    default: return BigInt.asIntN(64, n);
  }
}

/** Integer to single precision with one rounding (to nearest, ties to even). */
function bigToF32(n: bigint): number {
  const neg = n < 0n;
  const m = neg ? -n : n;
  if (m < 1n << 53n) return Math.fround(Number(n));
  const shift = m.toString(2).length - 24;
  let q = m >> BigInt(shift);
  const r = m - (q << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (r > half || (r === half && (q & 1n) === 1n)) q += 1n;
  const v = Number(q) * 2 ** shift;
  return neg ? -v : v;
}
