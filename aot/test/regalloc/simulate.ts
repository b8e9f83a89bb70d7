// A dynamic oracle for allocations, independent of the checker: executes the allocated
// code along concrete random CFG paths with versioned value tags. Each definition of a
// vreg creates a new version; a location holds whatever was last copied into it (moves
// copy blindly, ignoring the vreg they claim to carry); clobbers leave garbage. A read
// is correct only if its location holds the vreg's current version (or, for a fixed
// register, the value of the last fixed definition of that register on the path).
// Used to decide whether a mutated allocation is really wrong; the static checker must
// reject every allocation this finds wrong.

import type { Allocation, Location, MFunc, PReg } from '../../src/regalloc/mir.ts';
import { prng } from '../../src/regalloc/random-mir.ts';

const key = (l: Location): string => (l.k === 'preg' ? l.reg : `slot${l.slot}`);

/** Runs `paths` random paths from the roots; returns the first wrong read found, if any. */
export function simulate(fn: MFunc, alloc: Allocation, seed: number, paths = 4, maxItems = 3000): string | undefined {
  const rand = prng(seed);
  const index = new Map(fn.blocks.map((b, i) => [b.id, i]));
  const roots = fn.blocks.flatMap((b, i) => (b.isRoot ? [i] : []));
  for (let p = 0; p < paths; p++) {
    const err = runPath(fn, alloc, index, roots[Math.floor(rand() * roots.length)], rand, maxItems);
    if (err) return err;
  }
  return undefined;
}

function runPath(fn: MFunc, alloc: Allocation, index: Map<number, number>, start: number, rand: () => number, maxItems: number): string | undefined {
  const state = new Map<string, string>();
  const version = new Map<number, number>();
  const fixed = new Map<string, string>();
  let garbage = 0;
  let tag = 0;
  for (const r of ['eax', 'ecx', 'edx', 'ebx', 'esi', 'edi', 'xmm0', 'xmm1', 'xmm2', 'xmm3', 'xmm4', 'xmm5', 'xmm6', 'xmm7']) {
    state.set(r, `${r}@entry`);
    fixed.set(r, `${r}@entry`);
  }
  const vtag = (v: number) => `v${v}#${version.get(v) ?? -1}`;
  let b = start;
  let steps = 0;
  for (;;) {
    const block = alloc.blocks[b];
    for (const item of block.items) {
      if (++steps > maxItems) return undefined;
      if (item.kind === 'move') {
        state.set(key(item.to), state.get(key(item.from)) ?? `garbage${garbage++}`);
        continue;
      }
      const inst = item.inst;
      const where = `block ${block.id} '${inst.op}'`;
      const readFixed = (r: PReg) => {
        if (!fixed.has(r)) return undefined;
        return state.get(r) === fixed.get(r) ? undefined : `${where} reads ${r}: has ${state.get(r)}, expected ${fixed.get(r)}`;
      };
      // Reads.
      for (let i = 0; i < inst.ops.length; i++) {
        const op = inst.ops[i];
        let err: string | undefined;
        if (op.k === 'reg' && op.role !== 'def') {
          if (op.vreg !== undefined) {
            const got = state.get(key(item.locs[i]!));
            if (got !== vtag(op.vreg)) err = `${where} reads v${op.vreg} from ${key(item.locs[i]!)}: has ${got}, expected ${vtag(op.vreg)}`;
          } else if (op.preg) err = readFixed(op.preg);
        } else if (op.k === 'mem') {
          for (const part of ['base', 'index'] as const) {
            const a = op[part];
            if (a?.vreg !== undefined) {
              const reg = item.addrLocs[i]![part]!;
              if (state.get(reg) !== vtag(a.vreg)) err = `${where} address reads v${a.vreg} from ${reg}: has ${state.get(reg)}`;
            } else if (a?.preg) err ??= readFixed(a.preg);
          }
        }
        if (err) return err;
      }
      for (const r of inst.implicitUses ?? []) {
        const err = readFixed(r);
        if (err) return err;
      }
      // Writes.
      for (const r of inst.clobbers ?? []) state.set(r, `garbage${garbage++}`);
      const defFixed = (r: PReg) => {
        if (!fixed.has(r)) return;
        const t = `${r}@${tag++}`;
        state.set(r, t);
        fixed.set(r, t);
      };
      for (const r of inst.implicitDefs ?? []) defFixed(r);
      inst.ops.forEach((op, i) => {
        if (op.k !== 'reg' || op.role === 'use') return;
        if (op.vreg === undefined) {
          if (op.preg) defFixed(op.preg);
          return;
        }
        version.set(op.vreg, tag++);
        state.set(key(item.locs[i]!), vtag(op.vreg));
      });
    }
    const succs = fn.blocks[b].succs;
    if (succs.length === 0) return undefined;
    b = index.get(succs[Math.floor(rand() * succs.length)])!;
  }
}
