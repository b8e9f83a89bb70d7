// The checker can fail. Correct allocations of random functions are mutated (an operand
// or address register moved to another location, a move dropped or redirected, a value
// renamed into a caller-saved register across calls, two operands swapped); a dynamic
// oracle (simulate.ts: concrete random paths with versioned values) decides which
// mutants are really wrong, and the checker must reject every one of those. Static
// rules (classes, memOk, memory operand count, callee-saved, slots, branch order) are
// checked with targeted mutants.
import test from 'ava';
import { allocate } from '../../src/regalloc/allocator.ts';
import { checkAllocation } from '../../src/regalloc/checker.ts';
import {
  type AllocatedInst,
  type AllocatedItem,
  type AllocatedMove,
  type Allocation,
  CLASS_REGS,
  type Location,
  type MFunc,
  type PReg,
} from '../../src/regalloc/mir.ts';
import { parseMFunc, printAllocation } from '../../src/regalloc/mir-text.ts';
import { prng, randomMFunc } from '../../src/regalloc/random-mir.ts';
import { InternalError } from '../../src/util/assert.ts';
import { simulate } from './simulate.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function clone(a: Allocation): Allocation {
  return {
    frameSlots: a.frameSlots.map(s => ({ ...s })),
    usedCalleeSaved: [...a.usedCalleeSaved],
    blocks: a.blocks.map(b => ({
      id: b.id,
      items: b.items.map((it): AllocatedItem => (it.kind === 'move' ? { ...it } : { ...it, locs: [...it.locs], addrLocs: it.addrLocs.map(x => x && { ...x }) })),
    })),
  };
}

const sameLoc = (a: Location, b: Location) => (a.k === 'preg' ? b.k === 'preg' && a.reg === b.reg : b.k === 'stack' && a.slot === b.slot);

type Mutation = (fn: MFunc, a: Allocation, rand: () => number) => string | undefined;

function pick<T>(xs: readonly T[], rand: () => number): T | undefined {
  return xs.length === 0 ? undefined : xs[Math.floor(rand() * xs.length)];
}

function otherReg(fn: MFunc, vreg: number, not: Location, rand: () => number): Location | undefined {
  const regs = CLASS_REGS[fn.vregClass[vreg]].filter(r => !(not.k === 'preg' && not.reg === r));
  const r = pick(regs, rand);
  return r && { k: 'preg', reg: r };
}

const insts = (a: Allocation) => a.blocks.flatMap(b => b.items.filter((i): i is AllocatedInst => i.kind === 'inst'));

const MUTATIONS: Record<string, Mutation> = {
  'operand location': (fn, a, rand) => {
    const cands = insts(a).flatMap(it => it.inst.ops.flatMap((op, i) => (op.k === 'reg' && op.vreg !== undefined ? [{ it, i, v: op.vreg }] : [])));
    const c = pick(cands, rand);
    const to = c && otherReg(fn, c.v, c.it.locs[c.i]!, rand);
    if (!c || !to) return undefined;
    c.it.locs[c.i] = to;
    return `operand ${c.i} of ${c.it.inst.op} v${c.v} -> ${JSON.stringify(to)}`;
  },
  'address register': (_fn, a, rand) => {
    const cands = insts(a).flatMap(it => it.addrLocs.flatMap((x, i) => (x?.base ? [{ x, i }] : [])));
    const c = pick(cands, rand);
    if (!c) return undefined;
    const reg = pick(CLASS_REGS.gpr.filter(r => r !== c.x.base), rand)!;
    (c.x as Mutable<typeof c.x>).base = reg;
    return `address base -> ${reg}`;
  },
  'drop a move': (_fn, a, rand) => {
    const cands = a.blocks.flatMap(b => b.items.flatMap((it, k) => (it.kind === 'move' ? [{ b, k }] : [])));
    const c = pick(cands, rand);
    if (!c) return undefined;
    c.b.items.splice(c.k, 1);
    return `dropped move ${c.k} in block ${c.b.id}`;
  },
  'redirect a move': (fn, a, rand) => {
    const moves = a.blocks.flatMap(b => b.items.filter((i): i is AllocatedMove => i.kind === 'move'));
    const m = pick(moves, rand) as Mutable<AllocatedMove> | undefined;
    const to = m && otherReg(fn, m.vreg, m.to, rand);
    if (!m || !to) return undefined;
    m.to = to;
    return `move of v${m.vreg} now to ${JSON.stringify(to)}`;
  },
  'rename into a caller-saved register': (fn, a, rand) => {
    // A vreg in a callee-saved register (so possibly across a call) moved to eax/ecx/edx.
    const cands = insts(a).flatMap(it => it.inst.ops.flatMap((op, i) => (op.k === 'reg' && op.vreg !== undefined && it.locs[i]?.k === 'preg' && ['ebx', 'esi', 'edi'].includes((it.locs[i] as { reg: PReg }).reg) ? [{ v: op.vreg, reg: (it.locs[i] as { reg: PReg }).reg }] : [])));
    const c = pick(cands, rand);
    if (!c || fn.vregClass[c.v] === 'xmm') return undefined;
    const to: Location = { k: 'preg', reg: pick(['eax', 'ecx', 'edx'] as const, rand)! };
    const from: Location = { k: 'preg', reg: c.reg };
    for (const b of a.blocks) {
      for (const it of b.items) {
        if (it.kind === 'move') {
          if (it.vreg !== c.v) continue;
          const m = it as Mutable<AllocatedMove>;
          if (sameLoc(m.from, from)) m.from = to;
          if (sameLoc(m.to, from)) m.to = to;
        } else {
          it.inst.ops.forEach((op, i) => {
            if (op.k === 'reg' && op.vreg === c.v && sameLoc(it.locs[i]!, from)) it.locs[i] = to;
          });
        }
      }
    }
    return `v${c.v}: ${c.reg} -> ${JSON.stringify(to)} everywhere`;
  },
  'swap two operands': (_fn, a, rand) => {
    const cands = insts(a).filter(it => {
      const ls = it.locs.filter(l => l !== undefined);
      return ls.length >= 2 && !sameLoc(ls[0]!, ls[1]!);
    });
    const it = pick(cands, rand);
    if (!it) return undefined;
    const [i, j] = it.locs.flatMap((l, k) => (l ? [k] : []));
    [it.locs[i], it.locs[j]] = [it.locs[j], it.locs[i]];
    return `swapped operands ${i} and ${j} of ${it.inst.op}`;
  },
};

test('every mutant the dynamic oracle finds wrong is rejected by the checker', t => {
  const rand = prng(2024);
  const wrong: Record<string, number> = {};
  const tried: Record<string, number> = {};
  for (let seed = 1; seed <= 250; seed++) {
    const fn = randomMFunc(seed, { instructions: 40, window: 6 });
    const alloc = allocate(fn);
    checkAllocation(fn, alloc);
    const base = simulate(fn, alloc, seed);
    if (base) t.fail(`${fn.name}: the dynamic oracle finds the allocation itself wrong: ${base}`);
    for (const [name, mutate] of Object.entries(MUTATIONS)) {
      const m = clone(alloc);
      const what = mutate(fn, m, rand);
      if (!what) continue;
      tried[name] = (tried[name] ?? 0) + 1;
      const err = simulate(fn, m, seed + 1, 8);
      if (!err) continue;
      wrong[name] = (wrong[name] ?? 0) + 1;
      const e = t.throws(() => checkAllocation(fn, m), { instanceOf: InternalError }, `${fn.name}: ${name} (${what}) is wrong (${err}) but passes the checker\n${printAllocation(fn, m)}`);
      if (e && !/^allocation check failed in random\d+, (block \d+|function)/.test(e.message)) t.fail(`unhelpful message: ${e.message}`);
    }
  }
  t.log('tried', tried, 'dynamically wrong', wrong);
  // The mutations must actually exercise the checker: most are wrong on some path.
  for (const name of Object.keys(MUTATIONS)) t.true((wrong[name] ?? 0) >= 40, `only ${wrong[name] ?? 0} wrong mutants of kind '${name}'`);
});

// ---- targeted mutants of one hand-written function ------------------------------------

const DIV = parseMFunc(`
func div
vregs gpr gpr gpr xmm gpr8
slots 4:4
block 0 root -> 1 3
  mov %0.d, 100
  mov %1.d, 7
  movsd %3.d, qword [$k]
  mov eax.d, %0 ; move
  cdq ; uses eax ; defs edx
  idiv %1.m ; uses eax edx ; defs eax edx
  mov %2.d, eax ; move
  call $f ; clobbers caller ; defs eax
  cmp %2.m, %1.m
  sete %4.d.s1
  add %2.ud, %4
  mulsd %3.ud, %3
  cvttsd2si %0.d, %3.m
  jne @1 ; branch
  jmp @3 ; branch
block 1 -> 2
  add %2.ud, %0
  jmp @2 ; branch
block 3 -> 2
block 2
  mov eax.d, %2 ; move
  ret ; branch ; uses eax
`);

function divMutant(edit: (a: Allocation, inst: (block: number, op: string, nth?: number) => AllocatedInst) => void): Allocation {
  const a = clone(allocate(DIV));
  edit(a, (block, op, nth = 0) => a.blocks[block].items.filter((i): i is AllocatedInst => i.kind === 'inst' && i.inst.op === op)[nth]);
  return a;
}

test('the hand-written function allocates and checks', t => {
  const a = allocate(DIV);
  t.notThrows(() => checkAllocation(DIV, a), printAllocation(DIV, a));
});

const targeted: [string, (a: Allocation, inst: (block: number, op: string, nth?: number) => AllocatedInst) => void, RegExp][] = [
  ['divisor in eax', (_a, inst) => (inst(0, 'idiv').locs[0] = { k: 'preg', reg: 'eax' }), /instruction 5 'idiv'.*expected v1 in eax, found the fixed value of eax|expected the fixed value of eax in eax, found v1/],
  ['xmm vreg in a gpr', (_a, inst) => (inst(0, 'mulsd').locs[0] = { k: 'preg', reg: 'eax' }), /v3 \(xmm\) is in eax; expected one of xmm0/],
  ['gpr8 vreg in esi', (_a, inst) => (inst(0, 'sete').locs[0] = { k: 'preg', reg: 'esi' }), /v4 \(gpr8\) is in esi; expected one of eax ecx edx ebx/],
  ['memory without memOk', (a, inst) => (inst(0, 'mulsd').locs[0] = { k: 'stack', slot: a.frameSlots.length - 1 }), /needs a register \(no memOk\)|is in frame slot/],
  ['spill into a slot of the function', (_a, inst) => (inst(0, 'idiv').locs[0] = { k: 'stack', slot: 0 }), /frame slot 0, which is not a slot the allocator added/],
  ['callee-saved register missing', a => ((a as Mutable<Allocation>).usedCalleeSaved = a.usedCalleeSaved.slice(1)), /is written but not in usedCalleeSaved/],
  ['move between the trailing branches', a => a.blocks[0].items.splice(a.blocks[0].items.length - 1, 0, { kind: 'move', from: { k: 'preg', reg: 'eax' }, to: { k: 'preg', reg: 'ecx' }, vreg: 2, cls: 'gpr' }), /move at item \d+ between the branches that end the block/],
  ['instruction dropped', a => a.blocks[1].items.splice(a.blocks[1].items.findIndex(i => i.kind === 'inst'), 1), /not the block instructions in order/],
  ['function frame slot changed', a => ((a.frameSlots[0] as Mutable<(typeof a.frameSlots)[0]>).size = 8), /frame slot 0 changed/],
];

for (const [name, edit, message] of targeted) {
  test(`rejects: ${name}`, t => {
    const a = divMutant(edit);
    const e = t.throws(() => checkAllocation(DIV, a), { instanceOf: InternalError }, printAllocation(DIV, a));
    t.regex(e?.message ?? '', /^allocation check failed in div, /);
    t.regex(e?.message ?? '', message);
  });
}

test('rejects two memory operands in one instruction', t => {
  const fn = parseMFunc(`
func twomem
vregs gpr gpr
block 0 root
  mov %0.d, 1
  mov %1.d, 2
  cmp %0.m, %1.m
  mov eax.d, %0 ; move
  ret ; branch ; uses eax
`);
  const a = clone(allocate(fn));
  (a as Mutable<Allocation>).frameSlots.push({ size: 4, align: 4 }, { size: 4, align: 4 });
  const items = a.blocks[0].items;
  // Spill both values right after their definitions and use them from memory.
  items.splice(2, 0, { kind: 'move', from: items[0].kind === 'inst' ? items[0].locs[0]! : { k: 'preg', reg: 'eax' }, to: { k: 'stack', slot: 0 }, vreg: 0, cls: 'gpr' });
  items.splice(3, 0, { kind: 'move', from: items[1].kind === 'inst' ? items[1].locs[0]! : { k: 'preg', reg: 'eax' }, to: { k: 'stack', slot: 1 }, vreg: 1, cls: 'gpr' });
  const cmp = items.find((i): i is AllocatedInst => i.kind === 'inst' && i.inst.op === 'cmp')!;
  cmp.locs[0] = { k: 'stack', slot: 0 };
  cmp.locs[1] = { k: 'stack', slot: 1 };
  t.throws(() => checkAllocation(fn, a), { instanceOf: InternalError, message: /2 memory operands; x86 instructions take at most one/ });
  cmp.locs[1] = items[1].kind === 'inst' ? items[1].locs[0]! : undefined;
  t.notThrows(() => checkAllocation(fn, a), 'one memory operand is fine');
});

test('rejects a vreg written where the same instruction writes a fixed register', t => {
  const fn = parseMFunc(`
func fixdef
vregs gpr gpr
block 0 root
  mov %0.d, 3
  mulx %1.d, %0 ; defs edx
  mov eax.d, %1 ; move
  ret ; branch ; uses eax
`);
  const a = clone(allocate(fn));
  const mulx = a.blocks[0].items.find((i): i is AllocatedInst => i.kind === 'inst' && i.inst.op === 'mulx')!;
  t.not((mulx.locs[0] as { reg?: string }).reg, 'edx', 'the allocator keeps the def out of edx');
  mulx.locs[0] = { k: 'preg', reg: 'edx' };
  const last = a.blocks[0].items.find((i): i is AllocatedInst => i.kind === 'inst' && i.inst.op === 'mov' && i.inst.isMove === true)!;
  last.locs[1] = { k: 'preg', reg: 'edx' };
  t.throws(() => checkAllocation(fn, a), { instanceOf: InternalError, message: /fixdef, block 0, instruction 1 'mulx': operand 0 writes v1 to edx, which the instruction also writes as a fixed register/ });
});
