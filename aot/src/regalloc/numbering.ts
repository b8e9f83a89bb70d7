// Linear numbering of a machine function for the allocator. Blocks are taken in the
// order of MFunc.blocks (isel lays them out in reverse postorder with loops contiguous).
// Each block gets a leading label slot, then one slot per instruction, so even an empty
// block has a position. Slot s has two positions: 2s, where the instruction reads its
// operands, and 2s+1, where it writes its results. Lifetime ranges are half-open
// [from, to) over positions.
//
// Splitting happens only at even positions: a split at 2s puts moves in the gap before
// slot s, so every instruction sees each vreg in one location for both its reads and
// writes. A split at a block's label position 2·first is a block boundary: edge
// resolution places those moves. Inside a block's trailing branch sequence (jne L1;
// jmp L2) no moves may go between the branches, so positions there are clamped to the
// gap before the first branch.
//
// Also checks the input shape the allocator relies on: vregs with a class, consistent
// succs/preds, no critical edges (an edge from a block with several different
// successors to one with several different predecessors; a switch may name one target
// twice), branches only at block ends.

import { assert } from '../util/assert.ts';
import { type MBlock, type MFunc, type MInst, operandVregs } from './mir.ts';

export class Numbering {
  /** Block index (position in fn.blocks) by block id. */
  readonly indexOf = new Map<number, number>();
  /** Label slot of each block (by index); its instructions follow. */
  readonly firstSlot: Int32Array;
  /** One past the last slot of each block. */
  readonly endSlot: Int32Array;
  /** Slot of the first instruction of the trailing branch sequence (endSlot if none). */
  readonly branchSlot: Int32Array;
  /** Block index of each slot. */
  readonly blockOfSlot: Int32Array;
  /** Instruction of each slot (undefined for label slots). */
  readonly inst: (MInst | undefined)[] = [];
  readonly numSlots: number;

  constructor(readonly fn: MFunc) {
    const n = fn.blocks.length;
    fn.blocks.forEach((b, i) => {
      assert(!this.indexOf.has(b.id), () => `${fn.name}: duplicate block id ${b.id}`);
      this.indexOf.set(b.id, i);
    });
    this.firstSlot = new Int32Array(n);
    this.endSlot = new Int32Array(n);
    this.branchSlot = new Int32Array(n);
    let slot = 0;
    const owner: number[] = [];
    fn.blocks.forEach((b, i) => {
      this.firstSlot[i] = slot++;
      this.inst.push(undefined);
      owner.push(i);
      for (const inst of b.insts) {
        this.checkVregs(inst, b);
        this.inst.push(inst);
        owner.push(i);
        slot++;
      }
      this.endSlot[i] = slot;
      let br = slot;
      while (br - 1 > this.firstSlot[i] && this.inst[br - 1]!.isBranch) br--;
      this.branchSlot[i] = br;
      for (let s = this.firstSlot[i] + 1; s < br; s++) {
        assert(!this.inst[s]!.isBranch, () => `${fn.name}: block ${b.id} has a branch before its last instructions (instruction ${s - this.firstSlot[i] - 1})`);
      }
    });
    this.numSlots = slot;
    this.blockOfSlot = Int32Array.from(owner);
    this.checkEdges();
  }

  block(index: number): MBlock {
    return this.fn.blocks[index];
  }

  /** Block index of a block id (asserting it exists). */
  index(id: number): number {
    const i = this.indexOf.get(id);
    assert(i !== undefined, () => `${this.fn.name}: no block ${id}`);
    return i;
  }

  blockFrom(b: number): number {
    return 2 * this.firstSlot[b];
  }

  blockTo(b: number): number {
    return 2 * this.endSlot[b];
  }

  blockOfPos(pos: number): number {
    return this.blockOfSlot[pos >> 1];
  }

  isBlockStart(pos: number): boolean {
    return (pos & 1) === 0 && pos >> 1 < this.numSlots && this.firstSlot[this.blockOfSlot[pos >> 1]] === pos >> 1;
  }

  /**
   * The position where an instruction's reads are recorded: 2s, except inside a trailing
   * branch sequence, where it is the gap before the first branch (a reload for a later
   * branch must happen there).
   */
  readPos(slot: number): number {
    const b = this.blockOfSlot[slot];
    return 2 * Math.min(slot, this.branchSlot[b]);
  }

  /** The latest legal split position at or before pos (even, not between two branches). */
  splitFloor(pos: number): number {
    const even = pos & ~1;
    if (even >> 1 >= this.numSlots) return even;
    const slot = even >> 1;
    const b = this.blockOfSlot[slot];
    return slot > this.branchSlot[b] ? 2 * this.branchSlot[b] : even;
  }

  private checkVregs(inst: MInst, b: MBlock): void {
    const n = this.fn.vregClass.length;
    for (const op of inst.ops) {
      operandVregs(op, v => assert(Number.isInteger(v) && v >= 0 && v < n, () => `${this.fn.name}: vreg ${v} of '${inst.op}' in block ${b.id} has no register class`));
    }
  }

  /** Number of different predecessor blocks (a switch may list one target twice). */
  distinctPreds(b: number): number {
    return new Set(this.block(b).preds).size;
  }

  private checkEdges(): void {
    const { fn } = this;
    for (const b of fn.blocks) {
      const manySuccs = new Set(b.succs).size > 1;
      for (const s of b.succs) {
        const succ = this.block(this.index(s));
        assert(succ.preds.includes(b.id), () => `${fn.name}: block ${s} does not list ${b.id} among its predecessors`);
        assert(!(manySuccs && new Set(succ.preds).size > 1), () => `${fn.name}: critical edge ${b.id} -> ${s} (split critical edges before register allocation)`);
      }
      for (const p of b.preds) {
        const pred = this.block(this.index(p));
        assert(pred.succs.includes(b.id), () => `${fn.name}: block ${p} does not list ${b.id} among its successors`);
      }
    }
  }
}
