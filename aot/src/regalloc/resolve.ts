// From allocated intervals to the Allocation (Wimmer & Mössenböck 2005, §6):
// - each vreg operand gets the location of the interval covering the instruction;
// - where a vreg's interval is split inside a block while it stays live, a move goes
//   in the gap before the instruction at the split position;
// - on each CFG edge, every vreg live into the successor that sits in different
//   locations at the end of the predecessor and the start of the successor gets a move.
//   Edge moves go at the start of the successor when it has one predecessor, else at
//   the end of the predecessor (then its only successor: critical edges are split), in
//   front of its trailing branch sequence.
// - vregs stored at their definition (spill-slots.ts) get that store after the defining
//   instruction, and no other move into their slot; for the others, stores into a slot
//   that already holds the value are dropped afterwards (store-elimination.ts).
// All moves at one place form a parallel move, sequenced by parallel-move.ts; cycles go
// through a scratch spill slot (reg → stack → reg), so the emitter never needs a free
// register. Order at one gap: split moves, then end-of-block edge moves; at a block
// start: edge moves, then split moves before the first instruction.

import { assert } from '../util/assert.ts';
import type { Interval, IntervalSet } from './intervals.ts';
import type { Liveness } from './liveness.ts';
import type {
  AllocatedBlock,
  AllocatedInst,
  AllocatedItem,
  AllocatedMove,
  Location,
  MFunc,
  MInst,
  PReg,
  RegClass,
} from './mir.ts';
import type { Numbering } from './numbering.ts';
import { sequentializeParallelMoves } from './parallel-move.ts';
import type { SpillSlots } from './spill-slots.ts';
import { dropRedundantStores } from './store-elimination.ts';
import { ALLOCATABLE } from './values.ts';

interface PendingMove {
  readonly vreg: number;
  readonly from: Location;
  readonly to: Location;
}

export interface Resolved {
  readonly blocks: AllocatedBlock[];
  /** Scratch slots created for move cycles (size, align), ids continuing after the spill slots. */
  readonly scratchSlots: { size: number; align: number }[];
  readonly moveCount: number;
  /** Move cycles broken through a scratch slot. */
  readonly cycles: number;
}

const REG_LOCS: readonly Location[] = ALLOCATABLE.map(reg => ({ k: 'preg', reg }) as const);

function locationKey(l: Location): string {
  return l.k === 'preg' ? l.reg : `slot${l.slot}`;
}

export function resolve(fn: MFunc, order: Numbering, live: Liveness, set: IntervalSet, slots: SpillSlots, firstFreeSlot: number): Resolved {
  return new Resolver(fn, order, live, set, slots, firstFreeSlot).run();
}

class Resolver {
  private readonly stackLocs = new Map<number, Location>();
  /** Children of each vreg sorted by start. */
  private readonly children: (Interval[] | undefined)[];
  private readonly scratch = new Map<'gpr' | 'xmm', number>();
  private readonly scratchSlots: { size: number; align: number }[] = [];
  private moveCount = 0;
  private cycles = 0;
  private readonly slotOf: Int32Array;
  /** Per vreg: 1 if stored once, after its definition (SpillSlots.storeAt), else 0. */
  private readonly storeAtDef: Uint8Array;
  private readonly storeAt: Int32Array;

  constructor(
    private readonly fn: MFunc,
    private readonly order: Numbering,
    private readonly live: Liveness,
    set: IntervalSet,
    slots: SpillSlots,
    private readonly firstFreeSlot: number,
  ) {
    this.children = set.vregs.map(root => root && [...root.family].sort((a, b) => a.start - b.start));
    this.slotOf = slots.slotOf;
    // A two-address definition is stored after its last write only if the piece that
    // starts at its first write still holds it there (no split in between).
    this.storeAtDef = new Uint8Array(slots.storeAt.length);
    slots.storeAt.forEach((at, v) => {
      const first = this.children[v]?.[0];
      if (at >= 0 && first !== undefined && first.end > at) this.storeAtDef[v] = 1;
    });
    this.storeAt = slots.storeAt;
  }

  /** A move the store at definition makes unnecessary. */
  private redundant(vreg: number, to: Location): boolean {
    return this.storeAtDef[vreg] === 1 && to.k === 'stack';
  }

  run(): Resolved {
    const { fn, order } = this;
    const splitMoves = this.splitMoves();
    const startMoves = new Map<number, PendingMove[]>();
    const endMoves = new Map<number, PendingMove[]>();
    this.edgeMoves(startMoves, endMoves);

    const blocks: AllocatedBlock[] = fn.blocks.map((block, b) => {
      const items: AllocatedItem[] = [];
      this.emit(items, startMoves.get(b));
      for (let slot = order.firstSlot[b] + 1; slot < order.endSlot[b]; slot++) {
        this.emit(items, splitMoves.get(slot));
        if (slot === order.branchSlot[b]) this.emit(items, endMoves.get(b));
        items.push(this.allocatedInst(order.inst[slot]!, slot));
      }
      if (order.branchSlot[b] === order.endSlot[b]) {
        // No branch: stores after the last instruction (keyed by the next block's label slot).
        this.emit(items, splitMoves.get(order.endSlot[b]));
        this.emit(items, endMoves.get(b));
      }
      return { id: block.id, items };
    });
    const kept = dropRedundantStores(fn, order, blocks, this.slotOf);
    return { blocks: kept.blocks, scratchSlots: this.scratchSlots, moveCount: this.moveCount - kept.dropped, cycles: this.cycles };
  }

  private location(it: Interval): Location {
    if (it.reg >= 0) return REG_LOCS[it.reg];
    assert(it.spilled, () => `${this.fn.name}: v${it.vreg} has an interval at ${it.start} without a location`);
    return this.stackLoc(this.slotOf[it.vreg]);
  }

  private stackLoc(slot: number): Location {
    let l = this.stackLocs.get(slot);
    if (!l) this.stackLocs.set(slot, (l = { k: 'stack', slot }));
    return l;
  }

  /** The location of a vreg at a position it is live at. */
  private locationAt(vreg: number, pos: number): Location {
    const cs = this.children[vreg];
    assert(cs, () => `${this.fn.name}: v${vreg} has no interval`);
    let lo = 0;
    let hi = cs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cs[mid].start <= pos) lo = mid + 1;
      else hi = mid;
    }
    // The pieces partition the lifetime, so the last one starting at or before pos holds it.
    const c = cs[lo - 1];
    assert(c && c.end > pos, () => `${this.fn.name}: v${vreg} is not live at position ${pos}`);
    return this.location(c);
  }

  private splitMoves(): Map<number, PendingMove[]> {
    const bySlot = new Map<number, PendingMove[]>();
    const add = (slot: number, m: PendingMove) => {
      let list = bySlot.get(slot);
      if (!list) bySlot.set(slot, (list = []));
      list.push(m);
    };
    for (const cs of this.children) {
      if (!cs) continue;
      const v = cs[0].vreg;
      if (this.storeAtDef[v]) {
        // (A definition written straight into the slot needs no store.)
        const from = this.location(cs[0]);
        if (from.k === 'preg') add((this.storeAt[v] + 1) >> 1, { vreg: v, from, to: this.stackLoc(this.slotOf[v]) });
      }
      for (let i = 1; i < cs.length; i++) {
        const a = cs[i - 1];
        const b = cs[i];
        if (a.end !== b.start || this.order.isBlockStart(b.start)) continue;
        const from = this.location(a);
        const to = this.location(b);
        if (from === to || this.redundant(v, to)) continue;
        assert((b.start & 1) === 0, () => `${this.fn.name}: v${b.vreg} split at odd position ${b.start}`);
        add(b.start >> 1, { vreg: v, from, to });
      }
    }
    return bySlot;
  }

  private edgeMoves(startMoves: Map<number, PendingMove[]>, endMoves: Map<number, PendingMove[]>): void {
    const { fn, order, live } = this;
    // A vreg sits in different pieces at two positions exactly when one of its pieces
    // starts between them. So per edge, only vregs with a piece starting inside the
    // edge's span in layout order (sorted piece starts, binary-searched) are candidates.
    const bounds: [number, number][] = [];
    this.children.forEach((cs, v) => {
      if (cs) for (let i = 1; i < cs.length; i++) bounds.push([cs[i].start, v]);
    });
    bounds.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const boundPos = Int32Array.from(bounds, b => b[0]);
    const stamp = new Int32Array(live.numVregs).fill(-1);
    let edge = 0;
    fn.blocks.forEach((block, s) => {
      const from = order.blockFrom(s);
      for (const p of new Set(block.preds.map(id => order.index(id)))) {
        const end = order.blockTo(p) - 1;
        const lo = Math.min(from, end);
        const hi = Math.max(from, end);
        let i = upperBound(boundPos, lo);
        const vregs: number[] = [];
        edge++;
        for (; i < boundPos.length && boundPos[i] <= hi; i++) {
          const v = bounds[i][1];
          if (stamp[v] === edge || !live.liveIn[s].has(v)) continue;
          stamp[v] = edge;
          vregs.push(v);
        }
        const moves: PendingMove[] = [];
        for (const v of vregs.sort((a, b) => a - b)) {
          const a = this.locationAt(v, end);
          const b = this.locationAt(v, from);
          if (a !== b && !this.redundant(v, b)) moves.push({ vreg: v, from: a, to: b });
        }
        if (moves.length === 0) continue;
        if (order.distinctPreds(s) === 1) {
          startMoves.set(s, moves);
        } else {
          this.checkBranchesReadNothing(p);
          endMoves.set(p, moves);
        }
      }
    });
  }

  /** Moves placed ahead of a branch sequence must not change what the branches read. */
  private checkBranchesReadNothing(b: number): void {
    const { order } = this;
    for (let slot = order.branchSlot[b]; slot < order.endSlot[b]; slot++) {
      const inst = order.inst[slot]!;
      const reads = inst.ops.some(op => (op.k === 'reg' && op.role !== 'def') || (op.k === 'mem' && (op.base || op.index))) || (inst.implicitUses?.length ?? 0) > 0;
      assert(!reads, () => `${this.fn.name}: block ${order.block(b).id} needs edge moves before branch '${inst.op}', which reads registers`);
    }
  }

  /** Sequences one parallel move (per register kind) and appends it. */
  private emit(items: AllocatedItem[], moves: PendingMove[] | undefined): void {
    if (!moves) return;
    for (const kind of ['gpr', 'xmm'] as const) {
      const group = moves.filter(m => (this.fn.vregClass[m.vreg] === 'xmm') === (kind === 'xmm'));
      if (group.length === 0) continue;
      // Which vreg each location holds, to label the sequenced moves.
      const holds = new Map<string, number>();
      for (const m of group) holds.set(locationKey(m.from), m.vreg);
      const seq = sequentializeParallelMoves(group, locationKey, () => this.scratchLoc(kind));
      for (const m of seq) {
        const vreg = holds.get(locationKey(m.from));
        assert(vreg !== undefined, () => `${this.fn.name}: move from ${locationKey(m.from)} carries no value`);
        holds.set(locationKey(m.to), vreg);
        const cls: RegClass = this.fn.vregClass[vreg];
        const move: AllocatedMove = { kind: 'move', from: m.from, to: m.to, vreg, cls };
        items.push(move);
        this.moveCount++;
      }
    }
  }

  private scratchLoc(kind: 'gpr' | 'xmm'): Location {
    this.cycles++;
    let slot = this.scratch.get(kind);
    if (slot === undefined) {
      slot = this.firstFreeSlot + this.scratchSlots.length;
      const size = kind === 'xmm' ? 8 : 4;
      this.scratchSlots.push({ size, align: size });
      this.scratch.set(kind, slot);
    }
    return this.stackLoc(slot);
  }

  private allocatedInst(inst: MInst, slot: number): AllocatedInst {
    const readPos = this.order.readPos(slot);
    const writePos = 2 * slot + 1;
    const locs: (Location | undefined)[] = [];
    const addrLocs: ({ base?: PReg; index?: PReg } | undefined)[] = [];
    for (const op of inst.ops) {
      if (op.k === 'reg' && op.vreg !== undefined) {
        const loc = this.locationAt(op.vreg, op.role === 'def' ? writePos : readPos);
        assert(loc.k === 'preg' || op.memOk, () => `${this.fn.name}: v${op.vreg} of '${inst.op}' is in memory but the operand needs a register`);
        locs.push(loc);
        addrLocs.push(undefined);
      } else if (op.k === 'mem' && (op.base?.vreg !== undefined || op.index?.vreg !== undefined)) {
        const base = this.addressReg(inst, op.base?.vreg, readPos);
        const index = this.addressReg(inst, op.index?.vreg, readPos);
        locs.push(undefined);
        addrLocs.push({ ...(base && { base }), ...(index && { index }) });
      } else {
        locs.push(undefined);
        addrLocs.push(undefined);
      }
    }
    return { kind: 'inst', inst, locs, addrLocs };
  }

  /** The register of an address operand's vreg at `readPos`. */
  private addressReg(inst: MInst, vreg: number | undefined, readPos: number): PReg | undefined {
    if (vreg === undefined) return undefined;
    const loc = this.locationAt(vreg, readPos);
    assert(loc.k === 'preg', () => `${this.fn.name}: address register v${vreg} of '${inst.op}' is in memory`);
    return loc.reg;
  }
}

/** Index of the first element greater than x in a sorted array. */
function upperBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
