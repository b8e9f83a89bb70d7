// Liveness against a brute-force oracle: v is live into block b iff some path from the
// start of b reads v before writing it (searched block by block, per value).
import test from 'ava';
import { computeLiveness } from '../../src/regalloc/liveness.ts';
import { CLASS_REGS, type MFunc, type MInst } from '../../src/regalloc/mir.ts';
import { parseMFunc } from '../../src/regalloc/mir-text.ts';
import { Numbering } from '../../src/regalloc/numbering.ts';
import { randomMFunc } from '../../src/regalloc/random-mir.ts';
import { InternalError } from '../../src/util/assert.ts';

const PREGS = [...CLASS_REGS.gpr, ...CLASS_REGS.xmm];

/** Values an instruction reads and writes, named 'v3' or 'eax' (the oracle's own reading of mir.ts). */
function effects(inst: MInst): { reads: Set<string>; writes: Set<string> } {
  const reads = new Set<string>();
  const writes = new Set<string>();
  const name = (x: { vreg?: number; preg?: string }) => (x.vreg !== undefined ? `v${x.vreg}` : x.preg && PREGS.includes(x.preg as never) ? x.preg : undefined);
  for (const op of inst.ops) {
    if (op.k === 'reg') {
      const n = name(op);
      if (n === undefined) continue;
      if (op.role !== 'def') reads.add(n);
      if (op.role !== 'use') writes.add(n);
    } else if (op.k === 'mem') {
      for (const a of [op.base, op.index]) {
        const n = a && name(a);
        if (n) reads.add(n);
      }
    }
  }
  for (const r of inst.implicitUses ?? []) reads.add(r);
  for (const r of [...(inst.implicitDefs ?? []), ...(inst.clobbers ?? [])]) writes.add(r);
  return { reads, writes };
}

function bruteLiveIn(fn: MFunc, blockIndex: number, value: string): boolean {
  const byId = new Map(fn.blocks.map(b => [b.id, b]));
  const seen = new Set<number>();
  const stack = [fn.blocks[blockIndex]];
  while (stack.length > 0) {
    const b = stack.pop()!;
    if (seen.has(b.id)) continue;
    seen.add(b.id);
    let killed = false;
    for (const inst of b.insts) {
      const { reads, writes } = effects(inst);
      if (reads.has(value)) return true;
      if (writes.has(value)) {
        killed = true;
        break;
      }
    }
    if (!killed) for (const s of b.succs) stack.push(byId.get(s)!);
  }
  return false;
}

test('live-in sets of random functions match the brute-force oracle', t => {
  for (let seed = 1; seed <= 150; seed++) {
    const fn = randomMFunc(seed, { instructions: 50 });
    const live = computeLiveness(fn, new Numbering(fn));
    fn.blocks.forEach((b, i) => {
      const names = [...fn.vregClass.map((_, v) => `v${v}`), ...PREGS];
      const got = live.liveIn[i].toArray().map(x => names[x]);
      const want = names.filter(n => bruteLiveIn(fn, i, n));
      t.deepEqual(got, want, `${fn.name} block ${b.id}`);
      const out = live.liveOut[i].toArray().map(x => names[x]);
      const wantOut = names.filter(n => b.succs.some(s => live.liveIn[fn.blocks.findIndex(x => x.id === s)].has(names.indexOf(n))));
      t.deepEqual(out, wantOut, `${fn.name} block ${b.id} live-out`);
    });
  }
});

test('a vreg read before any definition is reported', t => {
  const fn = parseMFunc(`
func f
vregs gpr
block 0 root
  mov eax.d, %0 ; move
  ret ; branch ; uses eax
`);
  t.throws(() => computeLiveness(fn, new Numbering(fn)), { instanceOf: InternalError, message: /f: vreg 0 is live into root block 0/ });
});

test('a fixed register may be live into a handler root (the value the handler receives)', t => {
  const fn = parseMFunc(`
func h
vregs gpr
block 0 root
  mov %0.d, eax ; move
  mov eax.d, %0 ; move
  ret ; branch ; uses eax
`);
  const live = computeLiveness(fn, new Numbering(fn));
  t.deepEqual(live.liveIn[0].toArray(), [1]); // value 1 = eax (after the single vreg)
});
