// Thousands of seeded random machine functions (random CFGs with loops, diamonds,
// switches and handler roots; calls, fixed registers, memOk operands, gpr/gpr8/xmm) are
// allocated and verified by the independent checker; a share is also executed along
// random paths by the dynamic oracle. SHARPAOT_LONG=1 runs a much longer campaign with
// bigger functions.
import test from 'ava';
import { allocateWithStats } from '../../src/regalloc/allocator.ts';
import { checkAllocation } from '../../src/regalloc/checker.ts';
import { printAllocation, printMFunc } from '../../src/regalloc/mir-text.ts';
import { prng, randomMFunc, type RandomMirOptions } from '../../src/regalloc/random-mir.ts';
import { simulate } from './simulate.ts';

const LONG = process.env.SHARPAOT_LONG === '1';

interface Campaign {
  functions: number;
  instructions: number;
  /** Coverage of the interesting paths: spills, move cycles. */
  spilled: number;
  cycles: number;
  failures: string[];
}

function campaign(first: number, count: number, maxSize: number): Campaign {
  const failures: string[] = [];
  let instructions = 0;
  let spilled = 0;
  let cycles = 0;
  for (let seed = first; seed < first + count; seed++) {
    const r = prng(seed * 7919);
    const options: RandomMirOptions = {
      instructions: 5 + Math.floor(r() * maxSize),
      window: 1 + Math.floor(r() * 16),
      xmm: r() < 0.7,
      calls: r() < 0.8,
      fixed: r() < 0.8,
      handlers: r() < 0.5,
    };
    const fn = randomMFunc(seed, options);
    for (const b of fn.blocks) instructions += b.insts.length;
    let alloc;
    try {
      const result = allocateWithStats(fn);
      alloc = result.allocation;
      spilled += result.stats.spilledVregs;
      cycles += result.stats.cycles;
      checkAllocation(fn, alloc);
      const wrong = seed % 4 === 0 ? simulate(fn, alloc, seed) : undefined;
      if (wrong) throw new Error(`dynamic oracle: ${wrong}`);
    } catch (e) {
      failures.push(`seed ${seed} ${JSON.stringify(options)}: ${(e as Error).message}\n${printMFunc(fn)}${alloc ? printAllocation(fn, alloc) : ''}`);
      if (failures.length >= 3) break;
    }
  }
  return { functions: count, instructions, spilled, cycles, failures };
}

test('random functions allocate and pass the checker', t => {
  const { functions, instructions, spilled, cycles, failures } = campaign(1, LONG ? 50_000 : 4000, LONG ? 400 : 120);
  t.log(`${functions} functions, ${instructions} instructions, ${spilled} spilled vregs, ${cycles} move cycles`);
  t.deepEqual(failures, []);
  t.true(spilled > 1000 && cycles > 50, 'the campaign exercises spilling and move cycles');
});

if (LONG) {
  test('big random functions (long mode)', t => {
    const { failures } = campaign(1_000_000, 300, 4000);
    t.deepEqual(failures, []);
  });
}
