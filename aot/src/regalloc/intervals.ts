// Lifetime intervals (Wimmer & Mössenböck 2005, §3): for each vreg, the sorted list of
// position ranges where it is live, with holes where it is dead, and its use positions;
// for each allocatable physical register, a fixed interval where it holds a value the
// instructions named explicitly (operands, implicit uses/defs, clobbers). Positions are
// those of numbering.ts. Splitting an interval gives a child with the part from a
// position on; the children of one vreg partition its lifetime and each gets one
// location (a register, or the vreg's spill slot).
//
// Use positions carry whether the use must be in a register or may be in memory
// (memOk). At most one operand of an instruction may end up in memory, so among the
// memOk operands of an instruction without an explicit memory operand only one keeps
// memOk (a plain use before a read-modify-write one); the others must be registers.
// Register copies (isMove) give hints: the destination prefers the source's register
// and the source the destination's.

import { assert, InternalError } from '../util/assert.ts';
import type { Liveness } from './liveness.ts';
import { CLASS_REGS, type MFunc, type MInst } from './mir.ts';
import type { Numbering } from './numbering.ts';
import { instValues, pregNumber } from './values.ts';

/** Use kinds: memory will do, or a register is required. */
const MEM_OK = 0;
const MUST_REG = 1;

/** A register preference at a use position: a fixed register, or the register another vreg has at `at`. */
export interface Hint {
  readonly pos: number;
  readonly preg: number;
  readonly vreg: number;
  readonly at: number;
}

// Process-wide creation counter: only the relative order within one allocation matters.
let nextSeq = 0;

export class Interval {
  /** Flat sorted ranges: [from0, to0, from1, to1, ...], half-open, disjoint, not adjacent. */
  ranges: number[] = [];
  usePos: number[] = [];
  useKind: number[] = [];
  hints: Hint[] = [];
  /** Assigned register (allocator number), or -1. */
  reg = -1;
  /** Lives in its vreg's spill slot. */
  spilled = false;
  /** Index of the first range that may still cover the walker's position. */
  cursor = 0;
  /** Creation order, for deterministic tie-breaks. */
  readonly seq = nextSeq++;
  /** All intervals of the vreg (the root and its split children), shared by the family. */
  family: Interval[];

  /** vreg -1 marks the fixed interval of a physical register (its `reg`). */
  constructor(
    readonly vreg: number,
    readonly regs: readonly number[],
    family?: Interval[],
  ) {
    this.family = family ?? [this];
  }

  get start(): number {
    return this.ranges[0];
  }

  get end(): number {
    return this.ranges[this.ranges.length - 1];
  }

  get isFixed(): boolean {
    return this.vreg < 0;
  }

  isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  /** Index of the first range ending after pos (ranges.length / 2 if none). */
  findRange(pos: number, lo = 0): number {
    let hi = this.ranges.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ranges[2 * mid + 1] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  covers(pos: number): boolean {
    const i = this.findRange(pos);
    return 2 * i < this.ranges.length && this.ranges[2 * i] <= pos;
  }

  /** covers() for a non-decreasing sequence of positions (the walker's), using the cursor. */
  coversAdvancing(pos: number): boolean {
    const r = this.ranges;
    while (2 * this.cursor < r.length && r[2 * this.cursor + 1] <= pos) this.cursor++;
    return 2 * this.cursor < r.length && r[2 * this.cursor] <= pos;
  }

  /** First position covered by both intervals, or Infinity. */
  firstIntersection(other: Interval): number {
    const a = other.ranges;
    let j = this.cursor;
    for (let i = 0; i < a.length; i += 2) {
      j = this.findRange(a[i], j);
      if (2 * j >= this.ranges.length) return Infinity;
      const from = this.ranges[2 * j];
      if (from < a[i + 1]) return Math.max(from, a[i]);
    }
    return Infinity;
  }

  /** Index of the first use position at or after pos. */
  private useIndex(pos: number): number {
    const u = this.usePos;
    let lo = 0;
    let hi = u.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First use at or after pos that needs a register (mustReg) or any use; Infinity if none. */
  nextUse(pos: number, mustReg: boolean): number {
    for (let i = this.useIndex(pos); i < this.usePos.length; i++) if (!mustReg || this.useKind[i] === MUST_REG) return this.usePos[i];
    return Infinity;
  }

  /** Last use of any kind before pos, or -1. */
  lastUseBefore(pos: number): number {
    const i = this.useIndex(pos);
    return i > 0 ? this.usePos[i - 1] : -1;
  }

  addRangeBackward(from: number, to: number): void {
    // Ranges arrive in decreasing order during the backward build; stored reversed.
    const r = this.ranges;
    const n = r.length;
    if (n > 0 && r[n - 2] <= to) {
      r[n - 2] = Math.min(r[n - 2], from);
      r[n - 1] = Math.max(r[n - 1], to);
    } else {
      r.push(from, to);
    }
  }

  /**
   * Splits off the part from pos on into a new child of the same vreg (and returns it).
   * pos must lie after the start; inside a range it must be a legal split position.
   */
  split(pos: number): Interval {
    assert(pos > this.start && pos < this.end, () => `split of v${this.vreg} at ${pos} outside (${this.start}, ${this.end})`);
    const child = new Interval(this.vreg, this.regs, this.family);
    this.family.push(child);
    const r = this.ranges;
    const i = this.findRange(pos);
    if (r[2 * i] < pos) {
      child.ranges = [pos, ...r.slice(2 * i + 1)];
      this.ranges = r.slice(0, 2 * i + 1);
      this.ranges.push(pos);
    } else {
      child.ranges = r.slice(2 * i);
      this.ranges = r.slice(0, 2 * i);
    }
    const u = this.useIndex(pos);
    child.usePos = this.usePos.slice(u);
    child.useKind = this.useKind.slice(u);
    this.usePos.length = u;
    this.useKind.length = u;
    child.hints = this.hints.filter(h => h.pos >= pos);
    this.hints = this.hints.filter(h => h.pos < pos);
    this.cursor = Math.min(this.cursor, Math.max(0, (this.ranges.length >> 1) - 1));
    return child;
  }

  /** The child of this interval's family whose lifetime contains pos (by span), if any. */
  childAt(pos: number): Interval | undefined {
    for (const c of this.family) if (c.start <= pos && pos < c.end) return c;
    return undefined;
  }
}

export interface IntervalSet {
  /** Root interval of each vreg (undefined for vregs that never occur). */
  readonly vregs: (Interval | undefined)[];
  /** Fixed interval of each allocatable register (by allocator number); may be empty. */
  readonly fixed: Interval[];
}

/** Allocator register numbers allowed for each class. */
const CLASS_NUMBERS = {
  gpr: CLASS_REGS.gpr.map(pregNumber),
  gpr8: CLASS_REGS.gpr8.map(pregNumber),
  xmm: CLASS_REGS.xmm.map(pregNumber),
} as const;

export function buildIntervals(fn: MFunc, order: Numbering, live: Liveness): IntervalSet {
  const { numVregs, numValues } = live;
  const all: (Interval | undefined)[] = new Array(numValues);
  const fixed: Interval[] = [];
  for (let p = 0; p < numValues - numVregs; p++) {
    const it = new Interval(-1, [p]);
    it.reg = p;
    fixed.push(it);
    all[numVregs + p] = it;
  }
  const get = (v: number): Interval => (all[v] ??= new Interval(v, CLASS_NUMBERS[fn.vregClass[v]]));

  const walking = new Uint8Array(numValues);
  // The current instruction's values: the first numReads of reads, numWrites of writes.
  const reads: number[] = [];
  const writes: number[] = [];
  let numReads = 0;
  let numWrites = 0;
  const read = (v: number) => void (reads[numReads++] = v);
  const write = (v: number) => void (writes[numWrites++] = v);
  for (let b = fn.blocks.length - 1; b >= 0; b--) {
    const from = order.blockFrom(b);
    const to = order.blockTo(b);
    walking.fill(0);
    live.liveOut[b].forEach(v => {
      get(v).addRangeBackward(from, to);
      walking[v] = 1;
    });
    for (let slot = order.endSlot[b] - 1; slot > order.firstSlot[b]; slot--) {
      const inst = order.inst[slot]!;
      const defPos = 2 * slot + 1;
      // Backwards: the instruction's writes first, then its reads.
      numReads = 0;
      numWrites = 0;
      instValues(inst, numVregs, read, write);
      for (let i = 0; i < numWrites; i++) {
        const v = writes[i]!;
        const it = get(v);
        if (walking[v]) {
          it.ranges[it.ranges.length - 2] = defPos;
          walking[v] = 0;
        } else {
          it.addRangeBackward(defPos, defPos + 1);
        }
      }
      for (let i = 0; i < numReads; i++) {
        const v = reads[i]!;
        get(v).addRangeBackward(from, 2 * slot + 1);
        walking[v] = 1;
      }
      recordUses(fn, order, inst, slot, get);
    }
  }

  for (const it of all) {
    if (!it) continue;
    reversePairs(it.ranges);
    it.usePos.reverse();
    it.useKind.reverse();
    it.hints.reverse();
  }
  return { vregs: all.slice(0, numVregs), fixed };
}

function reversePairs(r: number[]): void {
  for (let i = 0, j = r.length - 2; i < j; i += 2, j -= 2) {
    const f = r[i];
    const t = r[i + 1];
    r[i] = r[j];
    r[i + 1] = r[j + 1];
    r[j] = f;
    r[j + 1] = t;
  }
}

/** Which operand of an instruction may be in memory: its index, or -1. */
function memOperand(inst: MInst): number {
  const ops = inst.ops;
  for (const op of ops) if (op.k === 'mem') return -1;
  let best = -1;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op.k !== 'reg' || op.vreg === undefined || !op.memOk) continue;
    let shared = false;
    for (let j = 0; j < ops.length && !shared; j++) {
      const o = ops[j];
      shared = j !== i && o.k === 'reg' && o.vreg === op.vreg;
    }
    if (shared) continue;
    const cur = best < 0 ? undefined : ops[best];
    if (best < 0 || (op.role === 'use' && cur?.k === 'reg' && cur.role !== 'use')) best = i;
  }
  return best;
}

/** The hint of operand `i` of a register copy at `pos`: the other operand's register at `at`. */
function moveHint(inst: MInst, i: number, pos: number, at: number): Hint | undefined {
  if (!inst.isMove || inst.ops.length !== 2) return undefined;
  const other = inst.ops[1 - i];
  if (other.k !== 'reg') return undefined;
  if (other.vreg !== undefined) return { pos, preg: -1, vreg: other.vreg, at };
  const p = other.preg === undefined ? -1 : pregNumber(other.preg);
  return p < 0 ? undefined : { pos, preg: p, vreg: -1, at };
}

// Use positions are pushed in backward order (writes before reads of the same slot) and
// reversed by the caller.
function recordUses(fn: MFunc, order: Numbering, inst: MInst, slot: number, get: (v: number) => Interval): void {
  const readPos = order.readPos(slot);
  const defPos = 2 * slot + 1;
  const mem = memOperand(inst);
  for (let i = 0; i < inst.ops.length; i++) {
    const op = inst.ops[i];
    if (op.k !== 'reg' || op.vreg === undefined || op.role === 'use') continue;
    if (inst.isBranch) throw new InternalError(`${fn.name}: branch '${inst.op}' writes v${op.vreg}`);
    const it = get(op.vreg);
    it.usePos.push(defPos);
    it.useKind.push(i === mem ? MEM_OK : MUST_REG);
    const h = moveHint(inst, i, defPos, readPos);
    if (h) it.hints.push(h);
  }
  for (let i = inst.ops.length - 1; i >= 0; i--) {
    const op = inst.ops[i];
    if (op.k === 'mem') {
      for (const a of [op.index, op.base]) {
        if (a?.vreg === undefined) continue;
        const it = get(a.vreg);
        it.usePos.push(readPos);
        it.useKind.push(MUST_REG);
      }
    } else if (op.k === 'reg' && op.vreg !== undefined && op.role !== 'def') {
      const it = get(op.vreg);
      it.usePos.push(readPos);
      it.useKind.push(i === mem ? MEM_OK : MUST_REG);
      const h = op.role === 'use' ? moveHint(inst, i, readPos, defPos) : undefined;
      if (h) it.hints.push(h);
    }
  }
}
