// Independent checker of a register allocation, in the style of regalloc2's checker.
// It shares nothing with the allocator but the MIR contract (mir.ts): it knows no
// intervals, liveness or positions, only what the allocated code does.
//
// Symbolic forward dataflow over the CFG. Each location (allocatable register or stack
// slot) holds "the value of vreg v", "the value a fixed-register operand, implicit def
// or the entry convention put in register r", or nothing known. Per item:
//   instruction: every vreg read (operand or address register) must find its vreg in
//     its location; every fixed register read must still hold its fixed value (nothing
//     of the allocator's went in between); then clobbers, fixed defs and vreg defs write
//     (a vreg def also invalidates stale copies of that vreg elsewhere);
//   allocator move: the source must hold the moved vreg; the destination gets it.
// At block entries the states of the predecessors are intersected (iterated to a fixed
// point); root blocks start with each register holding its incoming fixed value and
// nothing in the stack slots.
// Also checked: instructions kept in order, moves never between trailing branches,
// register classes (xmm vregs in xmm registers, gpr8 in eax..ebx), memory only where
// memOk, at most one memory operand per instruction, spill slots appended after the
// function's own frame slots and big enough, and usedCalleeSaved complete.
// Failure: InternalError naming the function, block, item, operand, expected and found.

import { InternalError } from '../util/assert.ts';
import {
  type AllocatedBlock,
  type AllocatedInst,
  type AllocatedMove,
  type Allocation,
  CALLEE_SAVED,
  CLASS_REGS,
  type Location,
  type MFunc,
  type MInst,
  type PReg,
  type RegClass,
} from './mir.ts';

/** Registers whose contents are tracked; location index = position here, slots follow. */
const TRACKED: readonly PReg[] = [...new Set<PReg>([...CLASS_REGS.gpr, ...CLASS_REGS.gpr8, ...CLASS_REGS.xmm])];
const TRACKED_INDEX = new Map<PReg, number>(TRACKED.map((r, i) => [r, i]));
const NR = TRACKED.length;

// Abstract values: 0 nothing known; v + 1 the value of vreg v; -(r + 1) the fixed value of register r.
const UNKNOWN = 0;
const vregValue = (v: number) => v + 1;
const fixedValue = (r: number) => -(r + 1);

export function checkAllocation(fn: MFunc, alloc: Allocation): void {
  new Checker(fn, alloc).run();
}

class Checker {
  private readonly numLocs: number;
  private readonly firstSpillSlot: number;
  /** Block index by id. */
  private readonly index = new Map<number, number>();
  private readonly usedRegs = new Set<PReg>();
  private where = '';

  constructor(
    private readonly fn: MFunc,
    private readonly alloc: Allocation,
  ) {
    this.numLocs = NR + alloc.frameSlots.length;
    this.firstSpillSlot = fn.frameSlots.length;
  }

  run(): void {
    this.checkShape();
    const n = this.fn.blocks.length;
    const entry: (Int32Array | undefined)[] = new Array(n).fill(undefined);
    const dirty = new Uint8Array(n);
    this.fn.blocks.forEach((b, i) => {
      if (!b.isRoot) return;
      const s = new Int32Array(this.numLocs);
      for (let r = 0; r < NR; r++) s[r] = fixedValue(r);
      entry[i] = s;
      dirty[i] = 1;
    });
    // Fixed point without reporting: states only lose facts as predecessors are merged,
    // so one checking pass over the final states finds every violation.
    for (let changed = true; changed; ) {
      changed = false;
      for (let b = 0; b < n; b++) {
        if (!dirty[b]) continue;
        dirty[b] = 0;
        const out = this.transfer(b, entry[b]!.slice(), false);
        for (const succId of this.fn.blocks[b].succs) {
          const s = this.index.get(succId)!;
          if (this.meetInto(entry, s, out)) {
            dirty[s] = 1;
            changed = true;
          }
        }
      }
    }
    for (let b = 0; b < n; b++) if (entry[b]) this.transfer(b, entry[b]!.slice(), true);
    this.checkCalleeSaved();
  }

  private meetInto(entry: (Int32Array | undefined)[], s: number, out: Int32Array): boolean {
    const cur = entry[s];
    if (!cur) {
      entry[s] = out.slice();
      return true;
    }
    let changed = false;
    for (let l = 0; l < cur.length; l++) {
      if (cur[l] !== UNKNOWN && cur[l] !== out[l]) {
        cur[l] = UNKNOWN;
        changed = true;
      }
    }
    return changed;
  }

  private fail(what: string): never {
    throw new InternalError(`allocation check failed in ${this.fn.name}, ${this.where}: ${what}`);
  }

  // ---- shape --------------------------------------------------------------------------

  private checkShape(): void {
    const { fn, alloc } = this;
    this.where = 'function';
    if (alloc.blocks.length !== fn.blocks.length) this.fail(`${alloc.blocks.length} allocated blocks for ${fn.blocks.length} blocks`);
    fn.blocks.forEach((b, i) => this.index.set(b.id, i));
    for (const b of fn.blocks) for (const s of b.succs) if (!this.index.has(s)) this.fail(`block ${b.id} branches to missing block ${s}`);
    fn.frameSlots.forEach((s, i) => {
      const a = alloc.frameSlots[i];
      if (!a || a.size !== s.size || a.align !== s.align) this.fail(`frame slot ${i} changed: expected ${s.size}:${s.align}, found ${a ? `${a.size}:${a.align}` : 'none'}`);
    });
    fn.blocks.forEach((block, i) => {
      const ab = alloc.blocks[i];
      this.where = `block ${block.id}`;
      if (ab.id !== block.id) this.fail(`allocated block ${i} is block ${ab.id}`);
      const insts = ab.items.filter((it): it is AllocatedInst => it.kind === 'inst');
      if (insts.length !== block.insts.length || insts.some((it, k) => it.inst !== block.insts[k])) {
        this.fail('the allocated instructions are not the block instructions in order');
      }
      let trailing = block.insts.length;
      while (trailing > 0 && block.insts[trailing - 1].isBranch) trailing--;
      let seen = 0;
      let firstBranch = ab.items.length;
      ab.items.forEach((it, k) => {
        if (it.kind !== 'inst') return;
        if (seen === trailing && firstBranch === ab.items.length) firstBranch = k;
        seen++;
      });
      for (let k = firstBranch; k < ab.items.length; k++) {
        if (ab.items[k].kind === 'move') this.fail(`move at item ${k} between the branches that end the block`);
      }
      let instNo = 0;
      for (const it of ab.items) {
        if (it.kind !== 'inst') continue;
        this.where = `block ${block.id}, instruction ${instNo++} '${it.inst.op}'`;
        this.checkOperands(it);
      }
    });
  }

  // ---- locations ----------------------------------------------------------------------

  private locIndex(l: Location, what: string): number {
    if (l.k === 'preg') {
      const r = TRACKED_INDEX.get(l.reg);
      if (r === undefined) this.fail(`${what} is in ${l.reg}, which is not allocatable`);
      this.usedRegs.add(l.reg);
      return r;
    }
    if (!Number.isInteger(l.slot) || l.slot < this.firstSpillSlot || l.slot >= this.alloc.frameSlots.length) {
      this.fail(`${what} is in frame slot ${l.slot}, which is not a slot the allocator added (${this.firstSpillSlot}..${this.alloc.frameSlots.length - 1})`);
    }
    return NR + l.slot;
  }

  private checkClass(l: Location, cls: RegClass, what: string): void {
    if (l.k === 'preg') {
      if (!CLASS_REGS[cls].includes(l.reg)) this.fail(`${what} (${cls}) is in ${l.reg}; expected one of ${CLASS_REGS[cls].join(' ')}`);
    } else {
      const need = cls === 'xmm' ? 8 : 4;
      const size = this.alloc.frameSlots[l.slot].size;
      if (size < need) this.fail(`${what} (${cls}) is in frame slot ${l.slot} of ${size} bytes; expected at least ${need}`);
    }
  }

  private describeLoc(l: number): string {
    return l < NR ? TRACKED[l] : `slot ${l - NR}`;
  }

  private describeValue(v: number): string {
    if (v === UNKNOWN) return 'nothing known';
    return v > 0 ? `v${v - 1}` : `the fixed value of ${TRACKED[-v - 1]}`;
  }

  private expect(state: Int32Array, l: number, want: number, what: string): void {
    if (state[l] !== want) this.fail(`${what}: expected ${this.describeValue(want)} in ${this.describeLoc(l)}, found ${this.describeValue(state[l])}`);
  }

  private vregClass(v: number, what: string): RegClass {
    const cls = this.fn.vregClass[v];
    if (cls === undefined) this.fail(`${what} names v${v}, which has no class`);
    return cls;
  }

  // ---- transfer -----------------------------------------------------------------------

  private transfer(b: number, state: Int32Array, report: boolean): Int32Array {
    const block: AllocatedBlock = this.alloc.blocks[b];
    let instNo = 0;
    block.items.forEach((item, k) => {
      this.where = `block ${block.id}, ${item.kind === 'inst' ? `instruction ${instNo} '${item.inst.op}'` : `move at item ${k} (before instruction ${instNo})`}`;
      if (item.kind === 'inst') {
        this.instruction(item, state, report);
        instNo++;
      } else {
        this.move(item, state, report);
      }
    });
    return state;
  }

  private move(m: AllocatedMove, state: Int32Array, report: boolean): void {
    const what = `move of v${m.vreg}`;
    const from = this.locIndex(m.from, what);
    const to = this.locIndex(m.to, what);
    if (report) {
      const cls = this.vregClass(m.vreg, what);
      if (m.cls !== cls) this.fail(`${what} has class ${m.cls}; the vreg is ${cls}`);
      this.checkClass(m.from, cls, what);
      this.checkClass(m.to, cls, what);
      this.expect(state, from, vregValue(m.vreg), `${what} from ${this.describeLoc(from)}`);
    }
    state[to] = state[from] === vregValue(m.vreg) ? state[from] : UNKNOWN;
  }

  private instruction(item: AllocatedInst, state: Int32Array, report: boolean): void {
    const inst = item.inst;
    const fixedReg = (r: PReg) => TRACKED_INDEX.get(r);

    // Reads.
    if (report) {
      inst.ops.forEach((op, i) => {
        const what = `operand ${i}`;
        if (op.k === 'reg' && op.role !== 'def') {
          if (op.vreg !== undefined) this.expect(state, this.locIndex(item.locs[i]!, what), vregValue(op.vreg), `${what} reads v${op.vreg}`);
          else if (op.preg !== undefined) this.readFixed(state, op.preg, `${what} reads ${op.preg}`);
        } else if (op.k === 'mem') {
          for (const part of ['base', 'index'] as const) {
            const a = op[part];
            if (a?.vreg !== undefined) {
              const reg = item.addrLocs[i]![part]!;
              this.expect(state, this.locIndex({ k: 'preg', reg }, `${what} ${part}`), vregValue(a.vreg), `${what} ${part} reads v${a.vreg}`);
            } else if (a?.preg !== undefined) {
              this.readFixed(state, a.preg, `${what} ${part} reads ${a.preg}`);
            }
          }
        }
      });
      for (const r of inst.implicitUses ?? []) this.readFixed(state, r, `implicit use of ${r}`);
    }

    // Writes: clobbers, then fixed defs, then vreg defs.
    const fixedWrites = new Set<number>();
    for (const r of inst.clobbers ?? []) {
      const l = fixedReg(r);
      this.usedRegs.add(r);
      if (l !== undefined) state[l] = UNKNOWN;
    }
    const defFixed = (r: PReg) => {
      this.usedRegs.add(r);
      const l = fixedReg(r);
      if (l === undefined) return;
      state[l] = fixedValue(l);
      fixedWrites.add(l);
    };
    for (const r of inst.implicitDefs ?? []) defFixed(r);
    for (const op of inst.ops) if (op.k === 'reg' && op.role !== 'use' && op.vreg === undefined && op.preg !== undefined) defFixed(op.preg);
    const clobbered = new Set((inst.clobbers ?? []).map(fixedReg));
    const vregWrites = new Map<number, number>();
    inst.ops.forEach((op, i) => {
      if (op.k !== 'reg' || op.role === 'use' || op.vreg === undefined) return;
      const l = this.locIndex(item.locs[i]!, `operand ${i}`);
      if (report) {
        if (fixedWrites.has(l) || clobbered.has(l)) this.fail(`operand ${i} writes v${op.vreg} to ${this.describeLoc(l)}, which the instruction also writes as a fixed register`);
        const other = vregWrites.get(l);
        if (other !== undefined && other !== op.vreg) this.fail(`operand ${i} writes v${op.vreg} to ${this.describeLoc(l)}, where the instruction also writes v${other}`);
      }
      vregWrites.set(l, op.vreg);
    });
    for (const v of new Set(vregWrites.values())) {
      const val = vregValue(v);
      for (let l = 0; l < state.length; l++) if (state[l] === val) state[l] = UNKNOWN;
    }
    for (const [l, v] of vregWrites) state[l] = vregValue(v);
  }

  private readFixed(state: Int32Array, r: PReg, what: string): void {
    const l = TRACKED_INDEX.get(r);
    if (l !== undefined) this.expect(state, l, fixedValue(l), what);
  }

  /** Static per-instruction checks: classes, memory operands, address registers. */
  private checkOperands(item: AllocatedInst): void {
    const inst: MInst = item.inst;
    if (item.locs.length !== inst.ops.length || item.addrLocs.length !== inst.ops.length) {
      this.fail(`${item.locs.length} locations and ${item.addrLocs.length} address locations for ${inst.ops.length} operands`);
    }
    let memOperands = 0;
    inst.ops.forEach((op, i) => {
      const what = `operand ${i}`;
      const loc = item.locs[i];
      if (op.k === 'reg' && op.vreg !== undefined) {
        if (!loc) this.fail(`${what} (v${op.vreg}) has no location`);
        const cls = this.vregClass(op.vreg, what);
        this.checkClass(loc, cls, `${what} v${op.vreg}`);
        if (loc.k === 'stack') {
          memOperands++;
          if (!op.memOk) this.fail(`${what} v${op.vreg} is in slot ${loc.slot}, but the operand needs a register (no memOk)`);
        }
        return;
      }
      if (loc) this.fail(`${what} has a location but no vreg`);
      if (op.k !== 'mem') return;
      memOperands++;
      for (const part of ['base', 'index'] as const) {
        const a = op[part];
        if (a?.vreg === undefined) continue;
        const reg = item.addrLocs[i]?.[part];
        if (!reg) this.fail(`${what} ${part} v${a.vreg} has no register`);
        const cls = this.vregClass(a.vreg, what);
        if (cls === 'xmm') this.fail(`${what} ${part} v${a.vreg} is an xmm vreg`);
        this.checkClass({ k: 'preg', reg }, cls, `${what} ${part} v${a.vreg}`);
      }
    });
    if (memOperands > 1) this.fail(`${memOperands} memory operands; x86 instructions take at most one`);
  }

  private checkCalleeSaved(): void {
    this.where = 'function';
    for (const r of CALLEE_SAVED) {
      if (this.usedRegs.has(r) && !this.alloc.usedCalleeSaved.includes(r)) this.fail(`${r} is written but not in usedCalleeSaved [${this.alloc.usedCalleeSaved.join(' ')}]`);
    }
  }
}
