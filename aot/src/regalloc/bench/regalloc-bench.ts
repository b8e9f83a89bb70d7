// Register allocator benchmark: allocates seeded random machine functions (random-mir.ts)
// of two sizes and reports the allocation time per instruction and what the allocator
// inserted; the independent checker's time is reported separately (it is not part of
// compilation). Times are CPU time of this process (user + system), which other load on
// the machine disturbs less than wall time.
// Run: node --import=tsx aot/src/regalloc/bench/regalloc-bench.ts [--quick]

import { allocateWithStats } from '../allocator.ts';
import { checkAllocation } from '../checker.ts';
import type { MFunc } from '../mir.ts';
import { randomMFunc } from '../random-mir.ts';

interface Row {
  readonly name: string;
  readonly functions: number;
  readonly instructions: number;
  readonly vregs: number;
  readonly allocMs: number;
  readonly checkMs: number;
  readonly moves: number;
  readonly spilledVregs: number;
  readonly addedSlots: number;
  readonly cycles: number;
}

function cpuMs(a: NodeJS.CpuUsage, b: NodeJS.CpuUsage): number {
  return (b.user - a.user + b.system - a.system) / 1000;
}

function measure(name: string, fns: MFunc[]): Row {
  let instructions = 0;
  let vregs = 0;
  let moves = 0;
  let spilledVregs = 0;
  let addedSlots = 0;
  let cycles = 0;
  let allocMs = 0;
  let checkMs = 0;
  for (const fn of fns) {
    for (const b of fn.blocks) instructions += b.insts.length;
    vregs += fn.vregClass.length;
    const t0 = process.cpuUsage();
    const { allocation, stats } = allocateWithStats(fn);
    const t1 = process.cpuUsage();
    checkAllocation(fn, allocation);
    const t2 = process.cpuUsage();
    allocMs += cpuMs(t0, t1);
    checkMs += cpuMs(t1, t2);
    moves += stats.moves;
    spilledVregs += stats.spilledVregs;
    addedSlots += stats.addedSlots;
    cycles += stats.cycles;
  }
  return { name, functions: fns.length, instructions, vregs, allocMs, checkMs, moves, spilledVregs, addedSlots, cycles };
}

function report(r: Row): void {
  const us = (ms: number) => ((ms * 1000) / r.instructions).toFixed(2);
  console.log(
    `${r.name.padEnd(24)} ${String(r.functions).padStart(4)} fn ${String(r.instructions).padStart(7)} insts ${String(r.vregs).padStart(6)} vregs | ` +
      `alloc ${r.allocMs.toFixed(0).padStart(6)} ms = ${us(r.allocMs).padStart(5)} µs/inst | check ${us(r.checkMs).padStart(5)} µs/inst | ` +
      `moves ${r.moves} (${(r.moves / r.instructions).toFixed(3)}/inst), spilled vregs ${r.spilledVregs} (${((100 * r.spilledVregs) / r.vregs).toFixed(1)}%), slots added ${r.addedSlots}, move cycles ${r.cycles}`,
  );
}

const quick = process.argv.includes('--quick');
// Warm up the JIT on functions not measured.
measure('warm-up', Array.from({ length: quick ? 5 : 20 }, (_, i) => randomMFunc(90_000 + i, { instructions: 1500 })));

const medium = Array.from({ length: quick ? 10 : 100 }, (_, i) => randomMFunc(1 + i, { instructions: 2000 }));
report(measure('2,000-instruction fns', medium));
const pressure = Array.from({ length: quick ? 10 : 100 }, (_, i) => randomMFunc(1000 + i, { instructions: 2000, window: 24 }));
report(measure('  same, high pressure', pressure));
const noCalls = Array.from({ length: quick ? 10 : 100 }, (_, i) => randomMFunc(2000 + i, { instructions: 2000, calls: false, fixed: false }));
report(measure('  same, no calls/fixed', noCalls));
report(measure('one 50,000-inst fn', [randomMFunc(77, { instructions: quick ? 10_000 : 50_000 })]));
// Fewer values live across long stretches (uses mostly near their definitions).
report(measure('  same, local values', [randomMFunc(78, { instructions: quick ? 10_000 : 50_000, farUses: 0.01 })]));
