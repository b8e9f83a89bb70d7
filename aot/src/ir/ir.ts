// The IR's data structures: a function is a list of basic blocks; a block is a list of
// instructions with phis first and exactly one terminator last; an instruction is also
// the SSA value it defines (LLVM style), named v<id> in the text form.
//
// Exception handling: every block belongs to an EH region (or none). Handler entries
// (catch, filter, finally, fault) are extra roots of the control-flow graph, entered by
// the runtime (or, for finally, by a `callfinally` subroutine call). Nothing but the
// exception object (`catchobj`) is live into a handler, so values reach handlers only
// through stack slots; passes rely on this.

import type { Op } from './opcodes.ts';
import { branchesToTargets, isTerminator } from './opcodes.ts';
import type { Cond, MemType, NumKind, Type } from './types.ts';
import { InternalError } from '../util/assert.ts';

export interface ConvSpec {
  readonly to: NumKind;
  /** conv.ovf.*: throw OverflowException when the value does not fit. */
  readonly ovf: boolean;
  /** The source is read as unsigned (conv.r.un, conv.ovf.*.un). */
  readonly un: boolean;
}

const NO_BLOCKS: readonly Block[] = [];

export class Inst {
  block: Block | undefined;
  /** Constant value (bigint for i64 constants), parameter index, memory offset or copy size. */
  imm: number | bigint = 0;
  cond?: Cond;
  mem?: MemType;
  /** Symbol: callee of call, global of symaddr, intrinsic name. */
  sym?: string;
  slot?: Slot;
  conv?: ConvSpec;
  /** Successors of a terminator; incoming blocks of a phi (parallel to args). */
  targets?: Block[];
  /** Per call argument: size of a value type passed by value through its address, else 0. */
  byval?: number[];
  volatile = false;
  /**
   * A load of memory that never changes once the object exists (array lengths, object
   * headers, type information): passes may merge and hoist it past stores and calls.
   */
  readonly = false;
  /** IL offset of the instruction this came from, for diagnostics and line tables; -1 if none. */
  ilOffset = -1;

  constructor(
    public id: number,
    public op: Op,
    public type: Type | undefined,
    public args: Inst[],
  ) {}

  get isTerminator(): boolean {
    return isTerminator(this.op);
  }

  /** Control-flow successors (a callfinally's finally entry is a separate root, not a successor). */
  get successors(): readonly Block[] {
    if (this.op === 'callfinally') return [this.targets![1]!];
    return branchesToTargets(this.op) ? this.targets! : NO_BLOCKS;
  }
}

export type SlotKind = 'local' | 'arg' | 'temp' | 'spill';

/** A stack slot in the function's frame. */
export class Slot {
  constructor(
    public id: number,
    public size: number,
    public align: number,
    public kind: SlotKind,
    /** Scalar type when the slot holds one value accessed by ldslot/stslot. */
    public type: Type | undefined,
    public name = '',
  ) {}
}

export class Block {
  insts: Inst[] = [];
  /** Predecessors; kept up to date by the builder and passes through `computePreds`. */
  preds: Block[] = [];
  region: Region | undefined;

  constructor(public id: number) {}

  get terminator(): Inst {
    const t = this.insts[this.insts.length - 1];
    if (t === undefined || !t.isTerminator) throw new InternalError(`bb${this.id} has no terminator`);
    return t;
  }

  get successors(): readonly Block[] {
    return this.terminator.successors;
  }

  /** Index of the first instruction that is not a phi. */
  get firstNonPhi(): number {
    let i = 0;
    while (i < this.insts.length && this.insts[i]!.op === 'phi') i++;
    return i;
  }
}

export type RegionKind = 'try' | 'catch' | 'filter' | 'finally' | 'fault';

/**
 * An EH region. A try region protects blocks; each handler region (catch, finally,
 * fault, or a filter's handler, kind 'catch' with a filter) refers to the try it
 * handles; a filter region holds the filter expression of a filtered catch.
 */
export class Region {
  /** Entry block of a handler or filter. */
  entry: Block | undefined;
  /** For handlers and filters: the try region they belong to. */
  tryRegion: Region | undefined;
  /** For catch: symbol of the caught type's type info; undefined for catch-all filtered handlers. */
  catchType: string | undefined;
  /** For a catch with a filter: the filter region. */
  filter: Region | undefined;

  constructor(
    public id: number,
    public kind: RegionKind,
    /** Enclosing region, by IL nesting. */
    public parent: Region | undefined,
  ) {}

  /** True if `this` is `other` or nested inside it. */
  within(other: Region): boolean {
    for (let r: Region | undefined = this; r; r = r.parent) if (r === other) return true;
    return false;
  }
}

export interface Signature {
  readonly params: readonly Type[];
  readonly ret: Type | undefined;
  /**
   * Per parameter: the size of a value type passed by value, else 0 (absent = all 0).
   * Such a parameter has type i32 and `param` yields the address of the callee's own
   * copy; callers pass the address of the value with a matching `byval` size.
   */
  readonly byval?: readonly number[];
}

export class Func {
  blocks: Block[] = [];
  slots: Slot[] = [];
  regions: Region[] = [];
  private nextInst = 0;
  private nextBlock = 0;

  constructor(
    /** Symbol of the function, e.g. `Kernel.Program::Main()`. */
    public name: string,
    public sig: Signature,
  ) {}

  get entry(): Block {
    return this.blocks[0]!;
  }

  newBlock(): Block {
    const b = new Block(this.nextBlock++);
    this.blocks.push(b);
    return b;
  }

  newInst(op: Op, type: Type | undefined, args: Inst[]): Inst {
    return new Inst(this.nextInst++, op, type, args);
  }

  newSlot(size: number, align: number, kind: SlotKind, type?: Type, name = ''): Slot {
    const s = new Slot(this.slots.length, size, align, kind, type, name);
    this.slots.push(s);
    return s;
  }

  newRegion(kind: RegionKind, parent: Region | undefined): Region {
    const r = new Region(this.regions.length, kind, parent);
    this.regions.push(r);
    return r;
  }

  /** Used by the parser to keep printed ids. */
  reserveIds(nextInst: number, nextBlock: number): void {
    this.nextInst = Math.max(this.nextInst, nextInst);
    this.nextBlock = Math.max(this.nextBlock, nextBlock);
  }

  get instCount(): number {
    return this.nextInst;
  }

  /** Roots of the control-flow graph: the entry and every handler and filter entry. */
  roots(): Block[] {
    const roots = [this.entry];
    for (const r of this.regions) if (r.entry !== undefined) roots.push(r.entry);
    return roots;
  }

  *instructions(): Generator<Inst> {
    for (const b of this.blocks) yield* b.insts;
  }
}

/** Recomputes every block's predecessor list from the terminators, in block order. */
export function computePreds(fn: Func): void {
  for (const b of fn.blocks) b.preds = [];
  for (const b of fn.blocks) {
    for (const s of b.successors) if (!s.preds.includes(b)) s.preds.push(b);
  }
}

/** Appends `inst` to `block` (before nothing: callers append terminators last). */
export function append(block: Block, inst: Inst): Inst {
  inst.block = block;
  block.insts.push(inst);
  return inst;
}

/** Inserts `inst` into `block` at `index`. */
export function insertAt(block: Block, index: number, inst: Inst): Inst {
  inst.block = block;
  block.insts.splice(index, 0, inst);
  return inst;
}

/** Rewrites every operand through `map` (values absent from the map stay). */
export function replaceUses(fn: Func, map: Map<Inst, Inst>): void {
  if (map.size === 0) return;
  const resolve = (v: Inst): Inst => {
    let r = v;
    for (let next = map.get(r); next !== undefined && next !== r; next = map.get(r)) r = next;
    return r;
  };
  for (const b of fn.blocks) {
    for (const inst of b.insts) {
      const args = inst.args;
      for (let i = 0; i < args.length; i++) {
        if (map.has(args[i]!)) args[i] = resolve(args[i]!);
      }
    }
  }
}

/** Number of uses of each value (phi operands included). */
export function countUses(fn: Func): Map<Inst, number> {
  const uses = new Map<Inst, number>();
  for (const b of fn.blocks) {
    for (const inst of b.insts) for (const a of inst.args) uses.set(a, (uses.get(a) ?? 0) + 1);
  }
  return uses;
}
