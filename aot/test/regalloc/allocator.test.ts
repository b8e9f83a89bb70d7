// Hand-written machine functions: each allocation must pass the independent checker and
// the dynamic path oracle, and show the property the case is about (no moves where
// hints coalesce, values across calls out of caller-saved registers, fixed-register
// constraints, spills under pressure, memOk folding, register classes).
import test from 'ava';
import { allocate, allocateWithStats } from '../../src/regalloc/allocator.ts';
import { checkAllocation } from '../../src/regalloc/checker.ts';
import { type AllocatedInst, type AllocatedMove, type Allocation, CALLER_SAVED, CLASS_REGS, type Location, type MFunc } from '../../src/regalloc/mir.ts';
import { parseMFunc, printAllocation } from '../../src/regalloc/mir-text.ts';
import { InternalError } from '../../src/util/assert.ts';
import { simulate } from './simulate.ts';

interface Run {
  fn: MFunc;
  a: Allocation;
  dump: string;
  moves: AllocatedMove[];
  spilledVregs: number;
  addedSlots: number;
  /** The nth instruction with this mnemonic (in layout order). */
  inst(op: string, nth?: number): AllocatedInst;
  /** Location of operand i of that instruction. */
  loc(op: string, nth: number, i: number): Location;
}

function run(text: string): Run {
  const fn = parseMFunc(text);
  const { allocation: a, stats } = allocateWithStats(fn);
  const dump = printAllocation(fn, a);
  try {
    checkAllocation(fn, a);
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${dump}`);
  }
  const wrong = simulate(fn, a, 1, 6);
  if (wrong) throw new Error(`dynamic oracle: ${wrong}\n${dump}`);
  const all = a.blocks.flatMap(b => b.items);
  const inst = (op: string, nth = 0) => {
    const found = all.filter((i): i is AllocatedInst => i.kind === 'inst' && i.inst.op === op)[nth];
    if (!found) throw new Error(`no ${op} #${nth}`);
    return found;
  };
  return {
    fn,
    a,
    dump,
    moves: all.filter((i): i is AllocatedMove => i.kind === 'move'),
    spilledVregs: stats.spilledVregs,
    addedSlots: stats.addedSlots,
    inst,
    loc: (op, nth, i) => inst(op, nth).locs[i]!,
  };
}

const reg = (l: Location) => (l.k === 'preg' ? l.reg : `slot ${l.slot}`);
/** Copies (isMove instructions, optionally only vreg-to-vreg ones) in the allocation. */
const copyInsts = (r: Run, vregsOnly: boolean) =>
  r.a.blocks
    .flatMap(b => b.items)
    .filter((i): i is AllocatedInst => i.kind === 'inst' && i.inst.isMove === true && (!vregsOnly || i.locs.every(l => l !== undefined)));
const copies = (r: Run, vregsOnly = false) => copyInsts(r, vregsOnly).length;
/** Copies whose source and destination ended up in one place (the emitter drops them). */
const coalesced = (r: Run, vregsOnly = false) =>
  copyInsts(r, vregsOnly).filter(i => {
    const [d, s] = i.inst.ops.map((op, k) => (i.locs[k] ? reg(i.locs[k]!) : op.k === 'reg' ? op.preg : undefined));
    return d !== undefined && d === s;
  }).length;

/** Where a vreg is just before item k of a block, from the block's own items (def or move). */
function locationBefore(r: Run, block: number, k: number, vreg: number): string | undefined {
  const items = r.a.blocks[block].items;
  for (let j = k - 1; j >= 0; j--) {
    const it = items[j];
    if (it.kind === 'move' && it.vreg === vreg) return reg(it.to);
    if (it.kind === 'inst') {
      const i = it.inst.ops.findIndex(op => op.k === 'reg' && op.vreg === vreg && op.role !== 'use');
      if (i >= 0) return reg(it.locs[i]!);
    }
  }
  return undefined;
}

test('straight line: no moves, the return value is computed in eax', t => {
  const r = run(`
func straight
vregs gpr gpr gpr
block 0 root
  mov %0.d, 1
  mov %1.d, 2
  add %0.ud, %1
  lea %2.d, [%0 + %1*4 + 8]
  mov eax.d, %2 ; move
  ret ; branch ; uses eax
`);
  t.is(r.moves.length, 0, r.dump);
  t.is(reg(r.loc('lea', 0, 0)), 'eax', r.dump);
  t.is(coalesced(r), copies(r), r.dump);
  t.deepEqual(r.a.usedCalleeSaved, []);
  t.is(r.addedSlots, 0);
});

test('diamond with a vreg redefined in both arms: no moves, one location at the join', t => {
  const r = run(`
func diamond
vregs gpr gpr gpr
block 0 root -> 1 2
  mov %0.d, 10
  mov %1.d, 20
  cmp %0.m, %1.m
  jl @1 ; branch
  jmp @2 ; branch
block 1 -> 3
  mov %2.d, %0 ; move
  add %2.ud, 1
  jmp @3 ; branch
block 2 -> 3
  mov %2.d, %1 ; move
  sub %2.ud, 1
block 3
  add %2.ud, %0
  mov eax.d, %2 ; move
  ret ; branch ; uses eax
`);
  t.is(r.moves.length, 0, r.dump);
  t.is(reg(r.loc('add', 0, 0)), reg(r.loc('sub', 0, 0)), r.dump);
  // v1 dies at its copy, v0 lives on to the join: only the copy of v1 can vanish.
  t.is(reg(r.loc('mov', 3, 0)), reg(r.loc('mov', 3, 1)), r.dump);
  t.is(coalesced(r, true), 1, r.dump);
});

test('loop: values live across the loop and a loop-carried counter need no moves; phi copies coalesce', t => {
  const r = run(`
func loop
vregs gpr gpr gpr gpr
block 0 root -> 1
  mov %0.d, 7          # live across the whole loop
  mov %1.d, 0          # i
  mov %3.d, 0          # sum
block 1 depth 1 -> 2 3
  cmp %1.m, 100
  jge @3 ; branch
  jmp @2 ; branch
block 2 depth 1 -> 1
  add %3.ud, %1
  mov %2.d, %1 ; move  # i2 = i
  add %2.ud, 1
  mov %1.d, %2 ; move  # i = i2 (phi copy)
  jmp @1 ; branch
block 3
  add %3.ud, %0
  mov eax.d, %3 ; move
  ret ; branch ; uses eax
`);
  t.is(r.moves.length, 0, r.dump);
  t.is(coalesced(r, true), 2, r.dump);
});

test('values live across a call go to callee-saved registers, and are reported', t => {
  const r = run(`
func acrosscall
vregs gpr gpr gpr gpr
block 0 root
  mov %0.d, 1
  mov %1.d, 2
  mov %2.d, 3
  push %0.m
  call $f ; clobbers caller ; defs eax
  argfree 4
  mov %3.d, eax ; move
  add %3.ud, %0
  add %3.ud, %1
  add %3.ud, %2
  mov eax.d, %3 ; move
  ret ; branch ; uses eax
`);
  t.is(r.moves.length, 0, r.dump);
  const call = r.a.blocks[0].items.findIndex(i => i.kind === 'inst' && i.inst.op === 'call');
  for (const v of [0, 1, 2]) t.true(['ebx', 'esi', 'edi'].includes(locationBefore(r, 0, call, v)!), r.dump);
  t.deepEqual(r.a.usedCalleeSaved, ['ebx', 'esi', 'edi']);
  t.is(reg(r.loc('mov', 3, 0)), 'eax', `the call result stays in eax\n${r.dump}`);
});

test('more values across a call than callee-saved registers: the rest is spilled, none stays in eax/ecx/edx', t => {
  const r = run(`
func spillcall
vregs gpr gpr gpr gpr gpr gpr
block 0 root
  mov %0.d, 1
  mov %1.d, 2
  mov %2.d, 3
  mov %3.d, 4
  mov %4.d, 5
  call $f ; clobbers caller
  mov %5.d, %0 ; move
  add %5.ud, %1
  add %5.ud, %2
  add %5.ud, %3
  add %5.ud, %4
  mov eax.d, %5 ; move
  ret ; branch ; uses eax
`);
  const call = r.a.blocks[0].items.findIndex(i => i.kind === 'inst' && i.inst.op === 'call');
  for (const v of [0, 1, 2, 3, 4]) {
    const at = locationBefore(r, 0, call, v)!;
    t.false(CALLER_SAVED.includes(at as never), `v${v} in ${at} across the call\n${r.dump}`);
  }
  t.is(r.spilledVregs, 2, r.dump);
  t.is(r.a.frameSlots.length, 2);
});

test('xmm values across a call are spilled to 8-byte slots (every xmm register is caller-saved)', t => {
  const r = run(`
func xmmcall
vregs xmm xmm gpr
block 0 root
  movsd %0.d, qword [$a]
  movsd %1.d, qword [$b]
  call $f ; clobbers caller
  addsd %0.ud, %1.m
  cvttsd2si %2.d, %0.m
  mov eax.d, %2 ; move
  ret ; branch ; uses eax
`);
  t.is(r.spilledVregs, 2, r.dump);
  t.deepEqual(r.a.frameSlots, [
    { size: 8, align: 8 },
    { size: 8, align: 8 },
  ]);
  t.is(r.loc('addsd', 0, 1).k, 'stack', `the memOk source is used from its slot\n${r.dump}`);
});

test('a value spilled across calls is stored once: at its only definition, or once for a redefined value', t => {
  for (const def of ['  movsd %0.d, qword [$a]', '  movsd %0.d, qword [$a]\n  addsd %0.ud, %0']) {
    const r = run(`
func stores
vregs xmm xmm
block 0 root
${def}
  movsd %1.d, qword [$b]
  call $f ; clobbers caller
  addsd %1.ud, %0
  call $f ; clobbers caller
  addsd %1.ud, %0
  call $f ; clobbers caller
  addsd %1.ud, %0
  movsd xmm0.d, %1 ; move
  ret ; branch ; uses xmm0
`);
    const stores = r.moves.filter(m => m.vreg === 0 && m.to.k === 'stack');
    const reloads = r.moves.filter(m => m.vreg === 0 && m.from.k === 'stack');
    t.is(stores.length, 1, r.dump);
    t.is(reloads.length, 3, r.dump);
  }
});

test('division: the divisor avoids eax and edx, copies to and from eax coalesce', t => {
  const r = run(`
func div
vregs gpr gpr gpr gpr
block 0 root
  mov %0.d, 100
  mov %1.d, 7
  mov eax.d, %0 ; move
  cdq ; uses eax ; defs edx
  idiv %1.m ; uses eax edx ; defs eax edx
  mov %2.d, eax ; move
  mov %3.d, edx ; move
  add %2.ud, %3
  add %2.ud, %1
  mov eax.d, %2 ; move
  ret ; branch ; uses eax
`);
  t.false(['eax', 'edx'].includes(reg(r.loc('idiv', 0, 0))), r.dump);
  t.is(reg(r.loc('mov', 0, 0)), 'eax', `the dividend is computed in eax\n${r.dump}`);
  t.is(coalesced(r), copies(r), r.dump);
  t.is(r.moves.length, 0, r.dump);
});

test('shift by cl: ecx holds the count across other code, which keeps out of it', t => {
  const r = run(`
func shift
vregs gpr gpr gpr
block 0 root
  mov %0.d, 3
  mov %1.d, 5
  mov %2.d, 9
  mov ecx.d, %0 ; move
  add %1.ud, %2
  shl %1.ud.m, ecx.s1
  add %1.ud, %0
  mov eax.d, %1 ; move
  ret ; branch ; uses eax
`);
  t.not(reg(r.loc('shl', 0, 0)), 'ecx', r.dump);
  t.not(reg(r.loc('add', 0, 0)), 'ecx', r.dump);
  t.not(reg(r.loc('add', 0, 1)), 'ecx', r.dump);
  t.not(reg(r.loc('mov', 0, 0)), 'ecx', `v0 lives on after the shift, so it cannot be computed in ecx\n${r.dump}`);
  t.is(r.moves.length, 0, r.dump);
});

test('register pressure: spills and reloads, memOk uses folded from the slot', t => {
  const defs = Array.from({ length: 9 }, (_, i) => `  mov %${i}.d, ${i}`).join('\n');
  const sums = Array.from({ length: 8 }, (_, i) => `  add %9.ud, %${i + 1}.m`).join('\n');
  const r = run(`
func pressure
vregs ${Array(10).fill('gpr').join(' ')}
block 0 root
${defs}
  mov %9.d, %0 ; move
${sums}
  mov eax.d, %9 ; move
  ret ; branch ; uses eax
`);
  t.true(r.spilledVregs >= 3, r.dump);
  const folded = Array.from({ length: 8 }, (_, i) => r.loc('add', i, 1)).filter(l => l.k === 'stack').length;
  t.true(folded >= 3, `spilled sources are used in place\n${r.dump}`);
  t.false(r.moves.some(m => m.from.k === 'stack'), `no reloads: every spilled use accepts memory\n${r.dump}`);
});

test('register pressure with register-only uses: reloads before the uses', t => {
  const defs = Array.from({ length: 9 }, (_, i) => `  mov %${i}.d, ${i}`).join('\n');
  const sums = Array.from({ length: 8 }, (_, i) => `  add %9.ud, %${i + 1}`).join('\n');
  const r = run(`
func reload
vregs ${Array(10).fill('gpr').join(' ')}
block 0 root
${defs}
  mov %9.d, %0 ; move
${sums}
  mov eax.d, %9 ; move
  ret ; branch ; uses eax
`);
  t.true(r.moves.some(m => m.from.k === 'stack' && m.to.k === 'preg'), r.dump);
  for (let i = 0; i < 8; i++) t.is(r.loc('add', i, 1).k, 'preg');
});

test('spill slots are shared by vregs whose stack lifetimes do not overlap', t => {
  const phase = (base: number) =>
    Array.from({ length: 8 }, (_, i) => `  mov %${base + i}.d, ${i}`).join('\n') +
    '\n  call $f ; clobbers caller\n' +
    Array.from({ length: 8 }, (_, i) => `  add %16.ud, %${base + i}`).join('\n');
  const r = run(`
func reuse
vregs ${Array(17).fill('gpr').join(' ')}
block 0 root
  mov %16.d, 0
${phase(0)}
${phase(8)}
  mov eax.d, %16 ; move
  ret ; branch ; uses eax
`);
  t.true(r.spilledVregs >= 8, r.dump);
  t.true(r.addedSlots <= r.spilledVregs / 2, `${r.addedSlots} slots for ${r.spilledVregs} spilled vregs\n${r.dump}`);
});

test('gpr8 values get a register with a byte sub-register, even when eax..ebx are busy', t => {
  const r = run(`
func setcc
vregs gpr gpr gpr gpr gpr gpr gpr8 gpr
block 0 root
  mov %0.d, 0
  mov %1.d, 1
  mov %2.d, 2
  mov %3.d, 3
  mov %4.d, 4
  mov %5.d, 5
  cmp %0, %1.m
  sete %6.d.s1
  movzx %7.d, %6.s1
  add %7.ud, %0
  add %7.ud, %1
  add %7.ud, %2
  add %7.ud, %3
  add %7.ud, %4
  add %7.ud, %5
  mov eax.d, %7 ; move
  ret ; branch ; uses eax
`);
  t.true(CLASS_REGS.gpr8.some(g => g === reg(r.loc('sete', 0, 0))), r.dump);
});

test('two-address chains keep one register; the copy that starts them coalesces', t => {
  const r = run(`
func chain
vregs gpr gpr gpr gpr
block 0 root
  mov %0.d, 1
  mov %2.d, 2
  mov %3.d, 3
  mov %1.d, %0 ; move
  add %1.ud, %2
  sub %1.ud, %3
  imul %1.ud, %2
  xor %1.ud, %3
  mov eax.d, %1 ; move
  ret ; branch ; uses eax
`);
  const at = ['add', 'sub', 'imul', 'xor'].map(op => reg(r.loc(op, 0, 0)));
  t.deepEqual(new Set(at).size, 1, r.dump);
  t.is(reg(r.loc('mov', 0, 0)), at[0], `v0 is computed where the chain runs\n${r.dump}`);
  t.is(r.moves.length, 0, r.dump);
});

test('xmm pressure: nine live doubles spill one to an 8-byte slot', t => {
  const defs = Array.from({ length: 9 }, (_, i) => `  movsd %${i}.d, qword [$c${i}]`).join('\n');
  const sums = Array.from({ length: 8 }, (_, i) => `  addsd %0.ud, %${i + 1}`).join('\n');
  const r = run(`
func xmmpressure
vregs ${Array(9).fill('xmm').join(' ')}
block 0 root
${defs}
${sums}
  movsd xmm0.d, %0 ; move
  ret ; branch ; uses xmm0
`);
  t.true(r.spilledVregs >= 1, r.dump);
  t.true(r.a.frameSlots.every(s => s.size === 8 && s.align === 8));
});

test('a handler root receives its value in eax', t => {
  const r = run(`
func handler
vregs gpr gpr
block 0 root
  mov %0.d, 1
  mov eax.d, %0 ; move
  ret ; branch ; uses eax
block 1 root
  mov %1.d, eax ; move
  add %1.ud, 1
  mov eax.d, %1 ; move
  ret ; branch ; uses eax
`);
  t.is(r.moves.length, 0, r.dump);
});

test('switch: the table jump reads its index after the bounds check, with moves on the arms', t => {
  const r = run(`
func switch
vregs gpr gpr gpr gpr gpr gpr gpr gpr
block 0 root -> 1 2 3
  mov %0.d, 2
  mov %1.d, 10
  mov %2.d, 20
  mov %3.d, 30
  mov %4.d, 40
  mov %5.d, 50
  mov %6.d, 60
  cmp %0.m, 3
  jae @1 ; branch
  jmp dword [$table + %0*4] ; branch
block 1 -> 4
  mov %7.d, %1 ; move
  jmp @4 ; branch
block 2 -> 4
  mov %7.d, %2 ; move
  jmp @4 ; branch
block 3 -> 4
  mov %7.d, %3 ; move
block 4
  add %7.ud, %4
  add %7.ud, %5
  add %7.ud, %6
  add %7.ud, %1
  mov eax.d, %7 ; move
  ret ; branch ; uses eax
`);
  const index = r.inst('jmp', 0).addrLocs[0]?.index;
  t.is(index as string | undefined, reg(r.loc('cmp', 0, 0)), `the index is read from where the compare read it\n${r.dump}`);
  // Edge moves into the join (three predecessors) sit before each arm's jump.
  for (const b of r.a.blocks.slice(1, 4)) {
    const k = b.items.findIndex(i => i.kind === 'move');
    const j = b.items.findIndex(i => i.kind === 'inst' && i.inst.isBranch === true);
    if (k >= 0 && j >= 0) t.true(k < j, r.dump);
  }
});

test('a jump table naming one target twice: that target has one predecessor block, so its edge moves go at its start', t => {
  const defs = Array.from({ length: 7 }, (_, i) => `  mov %${i}.d, ${i}`).join('\n');
  const r = run(`
func duptarget
vregs gpr gpr gpr gpr gpr gpr gpr gpr
block 0 root -> 1 2 1
${defs}
  cmp %0.m, 3
  jae @2 ; branch
  jmp dword [$table + %0*4] ; branch
block 1 -> 3
  call $f ; clobbers caller
  mov %7.d, %6 ; move
  jmp @3 ; branch
block 2 -> 3
  mov %7.d, %5 ; move
block 3
${Array.from({ length: 6 }, (_, i) => `  add %7.ud, %${i}`).join('\n')}
  mov eax.d, %7 ; move
  ret ; branch ; uses eax
`);
  t.deepEqual(r.fn.blocks[1].preds, [0, 0]);
  t.pass(r.dump);
});

test('allocation is deterministic', t => {
  const text = `
func det
vregs gpr gpr gpr gpr gpr gpr gpr gpr
block 0 root
${Array.from({ length: 8 }, (_, i) => `  mov %${i}.d, ${i}`).join('\n')}
  call $f ; clobbers caller
${Array.from({ length: 7 }, (_, i) => `  add %0.ud, %${i + 1}`).join('\n')}
  mov eax.d, %0 ; move
  ret ; branch ; uses eax
`;
  t.is(JSON.stringify(allocate(parseMFunc(text))), JSON.stringify(allocate(parseMFunc(text))));
});

// ---- broken input is an internal error with a clear message -----------------------------

const broken: [string, string, RegExp][] = [
  [
    'critical edge',
    `func crit
vregs gpr
block 0 root -> 1 2
  mov %0.d, 1
  cmp %0, 0
  jne @1 ; branch
  jmp @2 ; branch
block 1 -> 2
  jmp @2 ; branch
block 2
  ret ; branch`,
    /crit: critical edge 0 -> 2 \(split critical edges before register allocation\)/,
  ],
  [
    'too many register operands',
    `func over
vregs gpr gpr gpr gpr gpr gpr gpr
block 0 root
${Array.from({ length: 7 }, (_, i) => `  mov %${i}.d, ${i}`).join('\n')}
  magic %0, %1, %2, %3, %4, %5, %6
  ret ; branch`,
    /over: no register for v\d \(gpr\) at block 0 instruction 7 'magic': too many values need registers there/,
  ],
  [
    'divisor competing with eax, edx and five other operands',
    `func overfixed
vregs gpr gpr gpr gpr gpr gpr
block 0 root
${Array.from({ length: 6 }, (_, i) => `  mov %${i}.d, ${i}`).join('\n')}
  mov eax.d, %0 ; move
  cdq ; uses eax ; defs edx
  magicdiv %1, %2, %3, %4, %5 ; uses eax edx ; defs eax edx
  ret ; branch`,
    /overfixed: no register for v\d \(gpr\) at block 0 instruction 8 'magicdiv'/,
  ],
  [
    'vreg used before definition',
    `func undef
vregs gpr
block 0 root
  mov eax.d, %0 ; move
  ret ; branch ; uses eax`,
    /undef: vreg 0 is live into root block 0/,
  ],
  [
    'branch writing a vreg',
    `func brdef
vregs gpr
block 0 root
  mov %0.d, 0
  loopish %0.ud, @0 ; branch`,
    /brdef: branch 'loopish' writes v0/,
  ],
  [
    'branch in the middle of a block',
    `func midbranch
vregs gpr
block 0 root
  jmp @0 ; branch
  mov %0.d, 0
  ret ; branch`,
    /midbranch: block 0 has a branch before its last instructions/,
  ],
  [
    'vreg without a class',
    `func noclass
vregs gpr
block 0 root
  mov %3.d, 1
  ret ; branch`,
    /noclass: vreg 3 of 'mov' in block 0 has no register class/,
  ],
];

for (const [name, text, message] of broken) {
  test(`broken input: ${name}`, t => {
    t.throws(() => allocate(parseMFunc(text)), { instanceOf: InternalError, message });
  });
}
