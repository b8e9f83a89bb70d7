// The passes do their job (not only preserve behaviour): an invariant computation leaves
// its loop, x*8 becomes a shift, a constant branch disappears, a small callee is inlined,
// slots become SSA values, equal computations merge; division by every constant in a
// wide range gives the interpreter's results; EH functions stay valid and no instruction
// changes region.

import test from 'ava';
import type { Func, Inst, Region } from '../../src/ir/ir.ts';
import { cloneFunc } from '../../src/ir/clone.ts';
import { DomTree, findLoops } from '../../src/ir/cfg.ts';
import { describeResult, interpret } from '../../src/ir/interp.ts';
import { parseFunc, parseFuncs } from '../../src/ir/parser.ts';
import type { Op } from '../../src/ir/opcodes.ts';
import { verifyFunc } from '../../src/ir/verifier.ts';
import { runPipeline } from '../../src/passes/pipeline.ts';
import { inline } from '../../src/passes/inline.ts';
import { simplify } from '../../src/passes/simplify.ts';
import { behaviours, defaultArgs, differences } from './harness.ts';

const count = (fn: Func, op: Op) => [...fn.instructions()].filter(i => i.op === op).length;

/** `int s = 0; for (int i = 0; i < n; i++) s += k * 8 + i; return s;` as the builder emits it. */
const LOOP = `function @loop (i32, i32) -> i32 {
  slot s0: size 4 align 4 arg i32 "n"
  slot s1: size 4 align 4 arg i32 "k"
  slot s2: size 4 align 4 local i32 "s"
  slot s3: size 4 align 4 local i32 "i"
bb0:
  v0:i32 = param 0
  stslot s0, v0
  v1:i32 = param 1
  stslot s1, v1
  v2:i32 = const 0
  stslot s2, v2
  stslot s3, v2
  jmp bb2
bb1:
  v3:i32 = ldslot s1
  v4:i32 = const 8
  v5:i32 = mul v3, v4
  v6:i32 = ldslot s3
  v7:i32 = add v5, v6
  v8:i32 = ldslot s2
  v9:i32 = add v8, v7
  stslot s2, v9
  v10:i32 = const 1
  v11:i32 = add v6, v10
  stslot s3, v11
  jmp bb2
bb2:
  v12:i32 = ldslot s3
  v13:i32 = ldslot s0
  v14:i32 = cmp.lt v12, v13
  br v14, bb1, bb3
bb3:
  v15:i32 = ldslot s2
  ret v15
}
`;

function sameBehaviour(before: Func, after: Func, module: Func[] = []): string[] {
  const m0 = new Map([before, ...module].map(f => [f.name, f]));
  const m1 = new Map([after, ...module].map(f => [f.name, f]));
  const args = defaultArgs(before.sig.params);
  return differences(behaviours(m0, before.name, args), behaviours(m1, after.name, args));
}

test('-O1 promotes slots to SSA values and turns x*8 into a shift', t => {
  const original = parseFunc(LOOP);
  const fn = cloneFunc(original);
  runPipeline(fn, { level: 1, verify: true });
  t.is(count(fn, 'ldslot') + count(fn, 'stslot'), 0);
  t.is(fn.slots.length, 0);
  t.true(count(fn, 'phi') >= 2);
  t.is(count(fn, 'mul'), 0);
  t.is(count(fn, 'shl'), 1);
  t.deepEqual(sameBehaviour(original, fn), []);
});

test('-O2 moves the loop-invariant k*8 out of the loop', t => {
  const original = parseFunc(LOOP);
  const fn = cloneFunc(original);
  runPipeline(fn, { level: 2, verify: true });
  const { loops } = findLoops(new DomTree(fn));
  t.is(loops.length, 1);
  const shift = [...fn.instructions()].find(i => i.op === 'shl');
  t.truthy(shift);
  t.false(loops[0]!.blocks.has(shift!.block!));
  t.deepEqual(sameBehaviour(original, fn), []);
});

test('-O1 removes a branch on a constant and the dead side', t => {
  const original = parseFunc(`function @f (i32) -> i32 {
  slot s0: size 4 align 4 local i32 "r"
bb0:
  v0:i32 = param 0
  v1:i32 = const 1
  v2:i32 = const 2
  v3:i32 = cmp.lt v1, v2
  br v3, bb1, bb2
bb1:
  stslot s0, v0
  jmp bb3
bb2:
  v4:i32 = call @never(v0)
  stslot s0, v4
  jmp bb3
bb3:
  v5:i32 = ldslot s0
  ret v5
}
`);
  const fn = cloneFunc(original);
  runPipeline(fn, { level: 1, verify: true });
  t.is(count(fn, 'br'), 0);
  t.is(count(fn, 'call'), 0);
  t.is(fn.blocks.length, 1);
  t.deepEqual(sameBehaviour(original, fn), []);
});

test('-O2 inlines a small callee, keeping its IL offsets, and merges equal computations', t => {
  const [caller, callee] = parseFuncs(`function @f (i32, i32) -> i32 {
bb0:
  v0:i32 = param 0
  v1:i32 = param 1
  v2:i32 = call @avg(v0, v1)
  v3:i32 = add v0, v1
  v4:i32 = add v2, v3
  ret v4
}
function @avg (i32, i32) -> i32 {
bb0:
  v0:i32 = param 0
  v1:i32 = param 1
  v2:i32 = add v0, v1
  v3:i32 = const 2
  v4:i32 = div v2, v3
  ret v4
}
`);
  for (const i of callee!.instructions()) i.ilOffset = 0x40 + i.id;
  const fn = cloneFunc(caller!);
  runPipeline(fn, { level: 2, verify: true, inlineLookup: s => (s === 'avg' ? cloneFunc(callee!) : undefined) });
  t.is(count(fn, 'call'), 0);
  t.is(count(fn, 'add'), 3); // v0+v1 once, the rounding bias, v2+v3
  t.true([...fn.instructions()].some(i => i.ilOffset >= 0x40));
  t.deepEqual(sameBehaviour(caller!, fn, [callee!]), []);
});

test('inlining stops at the depth limit on a recursive callee', t => {
  const [f] = parseFuncs(`function @fact (i32) -> i32 {
bb0:
  v0:i32 = param 0
  v1:i32 = const 1
  v2:i32 = cmp.le v0, v1
  br v2, bb1, bb2
bb1:
  ret v1
bb2:
  v3:i32 = sub v0, v1
  v4:i32 = call @fact(v3)
  v5:i32 = mul v0, v4
  ret v5
}
`);
  const original = parseFunc(`function @g (i32) -> i32 {
bb0:
  v0:i32 = param 0
  v1:i32 = call @fact(v0)
  ret v1
}
`);
  const fn = cloneFunc(original);
  t.true(inline(fn, s => (s === 'fact' ? cloneFunc(f!) : undefined), { maxDepth: 3 }));
  verifyFunc(fn);
  t.is(count(fn, 'call'), 1); // the fourth level stays a call
  t.deepEqual(sameBehaviour(original, fn, [f!]), []);
});

test('division and remainder by every i32 constant in -300..300, by large ones and by i64 powers of two match the interpreter', t => {
  const dividends = [0, 1, -1, 2, -2, 3, 5, 6, 7, 9, 10, 99, 100, 101, -7, -100, 641, 65535, 65536, -65536, 1 << 30, 0x7fffffff, -0x7fffffff, -0x80000000, 0x12345678, -0x12345678, 0x55555555, -0x55555556, 2147483646, -2147483647];
  const divisors: number[] = [];
  for (let d = -300; d <= 300; d++) if (d !== 0) divisors.push(d);
  divisors.push(641, 1000, 1 << 20, 0x7fffffff, -0x7fffffff, -0x80000000, 0x40000000, 0x55555555, -0x55555556, 1_000_000_007);
  const failures: string[] = [];
  for (const op of ['div', 'rem', 'divu', 'remu'] as Op[]) {
    for (const d of divisors) {
      const original = parseFunc(`function @f (i32) -> i32 {\nbb0:\n  v0:i32 = param 0\n  v1:i32 = const ${d}\n  v2:i32 = ${op} v0, v1\n  ret v2\n}\n`);
      const fn = cloneFunc(original);
      simplify(fn);
      verifyFunc(fn);
      if (d !== -1 || op === 'divu' || op === 'remu') t.is(count(fn, op), 0, `${op} by ${d} not reduced`);
      for (const x of dividends) {
        const a = describeResult(interpret(new Map([['f', original]]), 'f', [x]));
        const b = describeResult(interpret(new Map([['f', fn]]), 'f', [x]));
        if (a !== b && failures.length < 10) failures.push(`${x} ${op} ${d}: ${a} vs ${b}`);
      }
    }
  }
  // i64: powers of two (shift sequences) and MinValue; other divisors stay divisions.
  const wide = [0n, 1n, -1n, 7n, -7n, 1n << 40n, -(1n << 40n) - 3n, (1n << 63n) - 1n, -(1n << 63n), -(1n << 63n) + 1n];
  for (const op of ['div', 'rem', 'divu', 'remu'] as Op[]) {
    for (const d of [1n, 2n, 8n, 1n << 32n, 1n << 62n, -2n, -(1n << 40n), -(1n << 63n), 3n, -1n]) {
      const original = parseFunc(`function @f (i64) -> i64 {\nbb0:\n  v0:i64 = param 0\n  v1:i64 = const ${d}\n  v2:i64 = ${op} v0, v1\n  ret v2\n}\n`);
      const fn = cloneFunc(original);
      simplify(fn);
      verifyFunc(fn);
      for (const x of wide) {
        const a = describeResult(interpret(new Map([['f', original]]), 'f', [x]));
        const b = describeResult(interpret(new Map([['f', fn]]), 'f', [x]));
        if (a !== b && failures.length < 10) failures.push(`${x} ${op} ${d} (i64): ${a} vs ${b}`);
      }
    }
  }
  t.deepEqual(failures, []);
});

test('-O2 keeps functions with exception handling valid, and no instruction changes region', t => {
  // try { r = 10 / d; } catch { r = -1; } finally { log(r) } return r; with a loop around.
  const original = parseFunc(`function @f (i32, i32) -> i32 {
  slot s0: size 4 align 4 local i32 "r"
  slot s1: size 4 align 4 local i32 "i"
  slot s2: size 4 align 4 local i32 "k"
  slot s3: size 4 align 4 arg i32 "n"
  region r0: try
  region r1: catch of r0 type @System.Exception entry bb4
  region r2: try
  region r3: finally of r2 entry bb6
bb0:
  v0:i32 = param 0
  v1:i32 = param 1
  v2:i32 = const 0
  stslot s0, v2
  stslot s1, v2
  stslot s2, v1
  stslot s3, v0
  jmp bb1
bb1:
  v3:i32 = ldslot s1
  v20:i32 = ldslot s3
  v4:i32 = cmp.lt v3, v20
  br v4, bb2, bb8
bb2 [r0]:
  v5:i32 = ldslot s2
  v6:i32 = const 8
  v7:i32 = mul v5, v6
  v8:i32 = const 10
  v9:i32 = div v8, v7
  stslot s0, v9
  jmp bb3
bb3 [r2]:
  v10:i32 = ldslot s2
  v21:i32 = const 8
  v11:i32 = mul v10, v21
  jmp bb5
bb4 [r1]:
  v12:i32 = catchobj
  v13:i32 = const -1
  stslot s0, v13
  jmp bb5
bb5:
  callfinally bb6, bb7
bb6 [r3]:
  v14:i32 = ldslot s0
  v15:i32 = call @log(v14)
  endfinally
bb7:
  v16:i32 = ldslot s1
  v17:i32 = const 1
  v18:i32 = add v16, v17
  stslot s1, v18
  jmp bb1
bb8:
  v19:i32 = ldslot s0
  ret v19
}
`);
  verifyFunc(original);
  const regionOf = new Map<number, Region | undefined>();
  for (const b of original.blocks) for (const i of b.insts) regionOf.set(i.id, b.region);
  const fn = cloneFunc(original);
  runPipeline(fn, { level: 2, verify: true });
  const moved: string[] = [];
  for (const b of fn.blocks) {
    for (const i of b.insts as Inst[]) {
      const before = regionOf.get(i.id);
      if (regionOf.has(i.id) && before?.id !== b.region?.id) moved.push(`v${i.id} (${i.op}) from r${before?.id} to r${b.region?.id}`);
    }
  }
  t.deepEqual(moved, []);
  // Every slot is used in blocks reachable from the handlers (the loop continues after
  // them), so all stay in memory.
  t.deepEqual(fn.slots.map(s => s.name), ['r', 'i', 'k', 'n']);
  t.is(fn.regions.filter(r => r.entry !== undefined && fn.blocks.includes(r.entry)).length, 2);
});
