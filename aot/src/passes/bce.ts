// Bounds-check elimination: removes `chkbounds i, n` where 0 <= i < n is proven from the
// branches that dominate it and from induction variables.
//   i < n   holds where a dominating edge was taken only if `i < n` (cmp.lt i, n, or
//           cmp.gt n, i, on the true edge; their negations on the false edge), or — for
//           a phi — when every incoming value is below n on its edge (what loop rotation
//           produces: the entry guard and the test at the bottom of the loop).
//   0 <= i  holds for non-negative constants, for `x & c` with c >= 0, and for a phi whose
//           incoming values are non-negative constants or the phi plus one, computed where
//           a dominating edge proved the phi below some n (so the addition cannot wrap).
// The length operand must be the same value as in the comparison: GVN merges the loads
// of an array's length (immutable, inst.readonly), LICM hoists them.
// The same proof decides a branch on the unsigned comparison code writes for its own
// checks (`if ((uint)i >= (uint)s.Length) throw ...`, String's indexer): `br (cmp.geu i,
// n)` (or ltu) becomes a jmp to the in-bounds side.
//
// Requires: SSA, predecessors up to date. Preserves: the CFG, except for those branches
// (predecessors are recomputed).

import { computePreds, type Block, type Func, type Inst } from '../ir/ir.ts';
import { DomTree } from '../ir/cfg.ts';
import { jumpTo, removeInsts } from './edit.ts';

export function bce(fn: Func): boolean {
  const dom = new DomTree(fn);
  const dead = new Set<Inst>();
  const prover = new Prover(dom);
  for (const b of fn.blocks) {
    if (!dom.reachable(b)) continue;
    for (const inst of b.insts) {
      if (inst.op !== 'chkbounds') continue;
      const [i, n] = inst.args as [Inst, Inst];
      if (prover.nonNegative(i, n) && prover.below(i, n, b)) dead.add(inst);
    }
  }
  const decided = decideBoundsBranches(fn, dom, prover);
  if (dead.size === 0) return decided;
  removeInsts(fn, dead);
  return true;
}

/** Folds `br (cmp.geu i, n)` / `br (cmp.ltu i, n)` where 0 <= i < n is proven. */
function decideBoundsBranches(fn: Func, dom: DomTree, prover: Prover): boolean {
  let changed = false;
  for (const b of fn.blocks) {
    const t = b.terminator;
    const c = t.op === 'br' ? t.args[0]! : undefined;
    if (c === undefined || c.op !== 'cmp' || (c.cond !== 'geu' && c.cond !== 'ltu') || c.args[0]!.type !== 'i32' || !dom.reachable(b)) continue;
    const [i, n] = c.args as [Inst, Inst];
    const [yes, no] = t.targets as [Block, Block];
    if (yes === no || !prover.nonNegative(i, n) || !prover.below(i, n, b)) continue;
    jumpTo(b, c.cond === 'ltu' ? yes : no);
    changed = true;
  }
  if (changed) computePreds(fn);
  return changed;
}

/** A fact an edge into a block establishes: the comparison `cmp` was true (or false). */
interface EdgeFact {
  readonly cmp: Inst;
  readonly holds: boolean;
}

class Prover {
  constructor(private readonly dom: DomTree) {}

  /** Facts of the edge into `b` when `b` has a single predecessor ending in a branch on a comparison. */
  private entryFact(b: Block): EdgeFact | undefined {
    if (b.preds.length !== 1) return undefined;
    return this.edgeFact(b.preds[0]!, b);
  }

  /** What taking the edge p → b proves, if p branches on a comparison. */
  private edgeFact(p: Block, b: Block): EdgeFact | undefined {
    const t = p.terminator;
    if (t.op !== 'br') return undefined;
    const [yes, no] = t.targets!;
    if (yes === no) return undefined;
    const c = t.args[0]!;
    if (c.op !== 'cmp' || c.args[0]!.type !== 'i32') return undefined;
    return { cmp: c, holds: b === yes };
  }

  /** Does the fact prove x < n (signed)? */
  private provesBelow(f: EdgeFact, x: Inst, n: Inst): boolean {
    const [a, b] = f.cmp.args as [Inst, Inst];
    const cond = f.cmp.cond!;
    if (f.holds) return (cond === 'lt' && a === x && b === n) || (cond === 'gt' && a === n && b === x);
    return (cond === 'ge' && a === x && b === n) || (cond === 'le' && a === n && b === x);
  }

  /** x < n wherever `at` runs. `seen` guards against cycles of phis. */
  below(x: Inst, n: Inst, at: Block, seen = new Set<Inst>()): boolean {
    for (let d: Block | undefined = at; d !== undefined; d = this.dom.idomOf(d)) {
      const f = this.entryFact(d);
      if (f !== undefined && this.provesBelow(f, x, n)) return true;
    }
    // A phi below n on every incoming edge is below n everywhere.
    if (x.op !== 'phi' || seen.has(x)) return false;
    seen.add(x);
    return x.args.every((a, k) => {
      const p = x.targets![k]!;
      const f = this.edgeFact(p, x.block!);
      return (f !== undefined && this.provesBelow(f, a, n)) || (a !== x && this.below(a, n, p, seen));
    });
  }

  /**
   * x >= 0 (signed), given that x < n is being proven too: a phi whose incoming values are
   * non-negative or the phi plus one, where the phi is below n (so the addition cannot
   * wrap). `assumed` holds the phis assumed non-negative while their cycle is checked.
   */
  nonNegative(x: Inst, n: Inst, assumed = new Set<Inst>()): boolean {
    if (x.op === 'const') return Number(x.imm) >= 0;
    if (x.op === 'and') return x.args.some(a => a.op === 'const' && Number(a.imm) >= 0);
    if (x.op !== 'phi') return false;
    if (assumed.has(x)) return true;
    assumed.add(x);
    const ok = x.args.every(a => a === x || this.nonNegative(a, n, assumed) || this.increment(a, x, n));
    assumed.delete(x);
    return ok;
  }

  /** a = phi + 1 where phi < n holds (so phi + 1 <= n <= int.MaxValue). */
  private increment(a: Inst, phi: Inst, n: Inst): boolean {
    if (a.op !== 'add') return false;
    const [l, r] = a.args as [Inst, Inst];
    const one = (v: Inst) => v.op === 'const' && Number(v.imm) === 1;
    const base = one(r) ? l : one(l) ? r : undefined;
    return base === phi && this.below(phi, n, a.block!);
  }
}
