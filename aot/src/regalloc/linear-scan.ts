// The linear-scan walk with interval splitting of Wimmer & Mössenböck, "Optimized
// Interval Splitting in a Linear Scan Register Allocator" (VEE 2005), as refined in
// Wimmer & Franz (CGO 2010) and HotSpot C1's LinearScanWalker.
//
// Intervals are taken in order of their start. For each, tryAllocateFreeReg looks for a
// register free for the whole interval (the hinted one first, else the one free for the
// shortest time that still suffices: best fit keeps long-free callee-saved registers for
// long intervals), or free for a first part that contains a use needing a register (the
// rest is split off and allocated later; without such a use the interval stays in
// memory up to its first one). Otherwise allocateBlockedReg compares next uses: if every
// register is needed before the current interval's first register use, or that use is
// not at its start, the current interval is spilled up to that use; else the register
// whose occupant is used furthest away is taken and the occupant is split and spilled. Fixed intervals of physical registers (operands, implicit
// uses/defs, clobbers) block registers exactly where they are live.
//
// Split positions are chosen between the latest allowed and earliest useful position at
// the block boundary of lowest loop depth (moves out of loops), else as late as
// possible. Uses that accept memory (memOk) may stay in the spill slot.
//
// Result: every vreg interval is split into children that each have a register (`reg`)
// or the vreg's spill slot (`spilled`); no spilled child contains a must-register use.

import { assert, InternalError } from '../util/assert.ts';
import type { Interval, IntervalSet } from './intervals.ts';
import type { MFunc } from './mir.ts';
import type { Numbering } from './numbering.ts';
import { ALLOCATABLE } from './values.ts';

export function linearScan(fn: MFunc, order: Numbering, set: IntervalSet): void {
  new Walker(fn, order, set).run();
}

/** Min-heap of intervals by (start, creation order). */
class Unhandled {
  private heap: Interval[] = [];

  get size(): number {
    return this.heap.length;
  }

  private less(a: Interval, b: Interval): boolean {
    return a.start < b.start || (a.start === b.start && a.seq < b.seq);
  }

  push(it: Interval): void {
    const h = this.heap;
    h.push(it);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  pop(): Interval {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

const NUM_REGS = ALLOCATABLE.length;

class Walker {
  private unhandled = new Unhandled();
  private active: Interval[] = [];
  private inactive: Interval[] = [];
  private readonly freeUntil = new Float64Array(NUM_REGS);
  private readonly nextUsePos = new Float64Array(NUM_REGS);
  private readonly mustUsePos = new Float64Array(NUM_REGS);
  private readonly blockPos = new Float64Array(NUM_REGS);
  private readonly allowed = new Uint8Array(NUM_REGS);
  private steps = 0;
  private readonly maxSteps: number;

  constructor(
    private readonly fn: MFunc,
    private readonly order: Numbering,
    private readonly set: IntervalSet,
  ) {
    let uses = 0;
    for (const it of set.vregs) {
      if (!it) continue;
      this.unhandled.push(it);
      uses += it.usePos.length;
    }
    for (const f of set.fixed) if (!f.isEmpty()) this.inactive.push(f);
    // Each split moves a child strictly later; this bound only catches a runaway loop.
    this.maxSteps = 64 * (uses + set.vregs.length) + 1024;
  }

  run(): void {
    while (this.unhandled.size > 0) {
      const current = this.unhandled.pop();
      assert(++this.steps <= this.maxSteps, () => `${this.fn.name}: register allocation does not converge (at v${current.vreg})`);
      const pos = current.start;
      this.advanceTo(pos);
      this.allowed.fill(0);
      for (const r of current.regs) this.allowed[r] = 1;
      if (!this.tryAllocateFreeReg(current)) this.allocateBlockedReg(current);
      if (current.reg >= 0) this.active.push(current);
    }
  }

  /** Moves intervals between active and inactive (and drops finished ones) at pos. */
  private advanceTo(pos: number): void {
    const { active, inactive } = this;
    let a = 0;
    let i = 0;
    const moveToInactive: Interval[] = [];
    for (const it of active) {
      if (it.end <= pos) continue;
      if (it.coversAdvancing(pos)) active[a++] = it;
      else moveToInactive.push(it);
    }
    for (const it of inactive) {
      if (it.end <= pos) continue;
      if (it.coversAdvancing(pos)) active[a++] = it;
      else inactive[i++] = it;
    }
    active.length = a;
    inactive.length = i;
    for (const it of moveToInactive) inactive.push(it);
  }

  /** An inactive interval that cannot meet `current`: its next range starts after current ends. */
  private static apart(it: Interval, current: Interval): boolean {
    return it.ranges[2 * it.cursor] >= current.end;
  }

  /** The register the interval would like: a move partner's or the previous piece's. */
  private hint(current: Interval): number {
    for (const h of current.hints) {
      if (h.preg >= 0) {
        if (this.allowed[h.preg]) return h.preg;
        continue;
      }
      const other = this.set.vregs[h.vreg]?.childAt(h.at);
      if (other && other.reg >= 0 && this.allowed[other.reg]) return other.reg;
    }
    for (const sib of current.family) if (sib !== current && sib.end === current.start && sib.reg >= 0) return sib.reg;
    return -1;
  }

  private tryAllocateFreeReg(current: Interval): boolean {
    const { freeUntil, allowed } = this;
    freeUntil.fill(0);
    for (const r of current.regs) freeUntil[r] = Infinity;
    for (const it of this.active) freeUntil[it.reg] = 0;
    for (const it of this.inactive) {
      if (!allowed[it.reg] || freeUntil[it.reg] <= current.start || Walker.apart(it, current)) continue;
      freeUntil[it.reg] = Math.min(freeUntil[it.reg], it.firstIntersection(current));
    }

    const hint = this.hint(current);
    let full = -1;
    let partial = -1;
    for (const r of current.regs) {
      if (freeUntil[r] >= current.end) {
        if (full < 0 || (r === hint && full !== hint) || (freeUntil[r] < freeUntil[full] && full !== hint)) full = r;
      } else if (this.order.splitFloor(freeUntil[r]) > current.start) {
        if (partial < 0 || (r === hint && partial !== hint) || (freeUntil[r] > freeUntil[partial] && partial !== hint)) partial = r;
      }
    }
    if (full >= 0) {
      current.reg = full;
      return true;
    }
    if (partial < 0) return false;
    const max = this.order.splitFloor(freeUntil[partial]);
    const firstUse = current.nextUse(current.start, true);
    if (firstUse >= max) {
      // No use needs the register while it is free: holding it there would only cost a
      // move in and a move out (a reload at a loop header evicted right away, every
      // iteration), where memory operands do. Stay in memory up to the first such use.
      if (firstUse !== Infinity) this.splitAndQueue(current, this.optimalSplitPos(current, current.start + 1, this.order.splitFloor(firstUse)));
      this.spill(current);
      return true;
    }
    current.reg = partial;
    // Free for a first part only: keep it up to the latest use before the register is
    // needed elsewhere, and split at the best place in between.
    const min = Math.max(current.start + 1, current.lastUseBefore(max) + 1);
    this.splitAndQueue(current, this.optimalSplitPos(current, min, max));
    return true;
  }

  private allocateBlockedReg(current: Interval): void {
    const { nextUsePos, mustUsePos, blockPos, allowed } = this;
    const start = current.start;
    // An occupant read by the instruction that defines `current` (start odd) must keep its
    // register through that instruction: count its uses from the instruction's read position.
    const readPos = this.order.splitFloor(start);
    // Per register: next use of any kind by its occupants (the eviction heuristic, as in
    // C1), next use that needs the register, and where a fixed interval claims it.
    nextUsePos.fill(0);
    mustUsePos.fill(0);
    blockPos.fill(0);
    for (const r of current.regs) {
      nextUsePos[r] = Infinity;
      mustUsePos[r] = Infinity;
      blockPos[r] = Infinity;
    }
    const occupant = (it: Interval, from: number) => {
      nextUsePos[it.reg] = Math.min(nextUsePos[it.reg], it.nextUse(from, false));
      mustUsePos[it.reg] = Math.min(mustUsePos[it.reg], it.nextUse(from, true));
    };
    const fixed = (r: number, at: number) => {
      blockPos[r] = Math.min(blockPos[r], at);
      nextUsePos[r] = Math.min(nextUsePos[r], at);
      mustUsePos[r] = Math.min(mustUsePos[r], at);
    };
    for (const it of this.active) {
      if (!allowed[it.reg]) continue;
      if (it.isFixed) fixed(it.reg, 0);
      else occupant(it, readPos);
    }
    for (const it of this.inactive) {
      if (!allowed[it.reg] || Walker.apart(it, current)) continue;
      const x = it.firstIntersection(current);
      if (x === Infinity) continue;
      if (it.isFixed) fixed(it.reg, x);
      else occupant(it, start);
    }

    // The register whose occupants are used furthest away, among those not needed right now.
    let reg = -1;
    for (const r of current.regs) if (mustUsePos[r] > start && (reg < 0 || nextUsePos[r] > nextUsePos[reg])) reg = r;
    const firstUse = current.nextUse(start, true);

    if (reg < 0 || nextUsePos[reg] < firstUse || (firstUse !== Infinity && this.order.splitFloor(firstUse) > start)) {
      // Every register is needed before current needs one, or current does not need one
      // yet (evicting an occupant now would only move the spill to it): spill current up
      // to its first use.
      if (firstUse !== Infinity) {
        const max = this.order.splitFloor(firstUse);
        if (max <= start) this.overConstrained(current, firstUse);
        this.splitAndQueue(current, this.optimalSplitPos(current, start + 1, max));
      }
      this.spill(current);
      return;
    }

    current.reg = reg;
    if (blockPos[reg] < current.end) {
      // A fixed use of the register comes later: give it up before then.
      const max = this.order.splitFloor(blockPos[reg]);
      if (max <= start) this.overConstrained(current, blockPos[reg]);
      const min = Math.max(start + 1, current.lastUseBefore(max) + 1);
      this.splitAndQueue(current, this.optimalSplitPos(current, min, max));
    }
    this.evict(current, reg);
  }

  /** Takes `reg` from the vreg intervals that hold it where `current` needs it. */
  private evict(current: Interval, reg: number): void {
    const start = current.start;
    this.active = this.active.filter(it => {
      if (it.reg !== reg || it.isFixed) return true;
      // What remains of it in the register ends before `start`.
      this.splitAndSpillActive(it, start);
      return false;
    });
    this.inactive = this.inactive.filter(it => {
      if (it.reg !== reg || it.isFixed || it.firstIntersection(current) === Infinity) return true;
      // Inactive: in a lifetime hole now; the part after the hole competes again.
      this.unhandled.push(it.split(start));
      return false;
    });
  }

  /** Spills an active interval from just before `pos` until its next must-register use. */
  private splitAndSpillActive(it: Interval, pos: number): void {
    const spillMax = this.order.splitFloor(pos);
    const nextUse = it.nextUse(spillMax, true);
    if (nextUse !== Infinity) {
      const max = this.order.splitFloor(nextUse);
      assert(max > pos, () => `${this.fn.name}: evicting v${it.vreg} which needs its register at ${nextUse}`);
      this.splitAndQueue(it, this.optimalSplitPos(it, pos + 1, max));
    }
    // Store where it is cheapest between its last use and the eviction point.
    const min = Math.max(it.start + 1, it.lastUseBefore(spillMax) + 1);
    const at = min > spillMax ? spillMax : this.optimalSplitPos(it, min, spillMax);
    if (at <= it.start) {
      this.spill(it);
      it.reg = -1;
      return;
    }
    const spilled = it.split(at);
    this.spill(spilled);
  }

  private spill(it: Interval): void {
    assert(it.nextUse(it.start, true) === Infinity, () => `${this.fn.name}: spilling v${it.vreg} over a use that needs a register`);
    it.spilled = true;
    it.reg = -1;
  }

  /** Splits `it` at pos (if pos falls inside it) and queues the rest for allocation. */
  private splitAndQueue(it: Interval, pos: number): void {
    if (pos >= it.end) return;
    this.unhandled.push(it.split(pos));
  }

  /**
   * Best split position in [min, max]: the end of the block of lowest loop depth in
   * between when that is shallower than max's block (moves out of loops; Wimmer 2005,
   * §5.2), else max itself. Unlike C1, an equally deep block boundary is not preferred:
   * a boundary into a join would need a move on every incoming edge, max needs one.
   */
  private optimalSplitPos(it: Interval, min: number, max: number): number {
    const { order } = this;
    if (min >= max) return max;
    const minBlock = order.blockOfPos(min - 1);
    const maxBlock = order.blockOfPos(max - 1);
    if (minBlock === maxBlock) return max;
    if (!it.covers(max - 1) && !order.isBlockStart(max)) return max;
    let best = max;
    let depth = order.block(maxBlock).loopDepth;
    for (let b = maxBlock - 1; b >= minBlock; b--) {
      const d = order.block(b).loopDepth;
      if (d < depth) {
        depth = d;
        best = order.blockTo(b);
      }
    }
    return best;
  }

  private overConstrained(current: Interval, pos: number): never {
    const slot = pos >> 1;
    const b = this.order.blockOfSlot[Math.min(slot, this.order.numSlots - 1)];
    const block = this.order.block(b);
    const inst = this.order.inst[slot];
    const live = this.active
      .filter(it => this.allowed[it.reg])
      .map(it => (it.isFixed ? ALLOCATABLE[it.reg] : `v${it.vreg}:${ALLOCATABLE[it.reg]}`))
      .join(', ');
    throw new InternalError(
      `${this.fn.name}: no register for v${current.vreg} (${this.fn.vregClass[current.vreg]}) at block ${block.id} ` +
        `instruction ${slot - this.order.firstSlot[b] - 1}${inst ? ` '${inst.op}'` : ''}: too many values need registers there (busy: ${live})`,
    );
  }
}
