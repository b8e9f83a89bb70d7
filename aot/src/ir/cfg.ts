// Control-flow analyses over a Func: reverse postorder, dominator tree (Cooper, Harvey
// and Kennedy, "A Simple, Fast Dominance Algorithm"), dominance frontiers and natural
// loops. The CFG has several roots (entry and handler entries); a virtual root above
// them makes one tree, so a block reachable from two roots is dominated by neither.
// Requires: predecessor lists up to date (computePreds). Blocks unreachable from every
// root are not in `order` and have no dominator.

import type { Block, Func } from './ir.ts';

export class DomTree {
  /** Reachable blocks in reverse postorder of a depth-first search from each root in turn. */
  readonly order: Block[];
  /** Per block id: the block's position in `order`, or -1. */
  private readonly pos: Int32Array;
  /** Per position: the position of the immediate dominator, -1 for roots (the virtual root's children). */
  private readonly idom: Int32Array;
  /** Per position: the dominator-tree children, in order. */
  private readonly kids: Block[][];
  /** Per position: preorder and postorder numbers in the dominator tree. */
  private readonly pre: Int32Array;
  private readonly post: Int32Array;

  constructor(readonly fn: Func) {
    this.order = reversePostorder(fn);
    let maxId = -1;
    for (const b of this.order) if (b.id > maxId) maxId = b.id;
    this.pos = new Int32Array(maxId + 1).fill(-1);
    this.order.forEach((b, i) => (this.pos[b.id] = i));
    this.idom = this.computeIdoms();
    this.kids = this.order.map(() => []);
    for (let i = 0; i < this.order.length; i++) if (this.idom[i]! >= 0) this.kids[this.idom[i]!]!.push(this.order[i]!);
    this.pre = new Int32Array(this.order.length);
    this.post = new Int32Array(this.order.length);
    this.numberTree();
  }

  /** Position of `b` in `order`, or -1 if it is unreachable. */
  private indexOf(b: Block): number {
    const i = b.id < this.pos.length ? this.pos[b.id]! : -1;
    return i >= 0 && this.order[i] === b ? i : -1;
  }

  reachable(b: Block): boolean {
    return this.indexOf(b) >= 0;
  }

  /** Immediate dominator; undefined for roots and unreachable blocks. */
  idomOf(b: Block): Block | undefined {
    const i = this.indexOf(b);
    return i < 0 || this.idom[i]! < 0 ? undefined : this.order[this.idom[i]!];
  }

  /** Blocks immediately dominated by a reachable block `b`, in `order`. */
  childrenOf(b: Block): readonly Block[] {
    return this.kids[this.indexOf(b)]!;
  }

  /** The reachable blocks without a dominator: the roots of the dominator forest, in `order`. */
  treeRoots(): Block[] {
    return this.order.filter((_, i) => this.idom[i]! < 0);
  }

  /** True if a dominates b (every block dominates itself). */
  dominates(a: Block, b: Block): boolean {
    const ia = this.indexOf(a);
    const ib = this.indexOf(b);
    if (ia < 0 || ib < 0) return false;
    return this.pre[ia]! <= this.pre[ib]! && this.post[ib]! <= this.post[ia]!;
  }

  private computeIdoms(): Int32Array {
    const n = this.order.length;
    // -1 stands for the virtual root, -2 for not yet known.
    const idom = new Int32Array(n).fill(-2);
    for (const r of this.fn.roots()) {
      const i = this.indexOf(r);
      if (i >= 0) idom[i] = -1;
    }
    const isRoot = idom.map(d => (d === -1 ? 1 : 0));
    // Predecessor positions per position (unreachable predecessors left out).
    const preds: number[][] = this.order.map(b => {
      const ps: number[] = [];
      for (const p of b.preds) {
        const pi = this.indexOf(p);
        if (pi >= 0) ps.push(pi);
      }
      return ps;
    });
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < n; i++) {
        if (isRoot[i]) continue;
        let nd = -2;
        for (const pi of preds[i]!) {
          if (idom[pi] === -2) continue;
          nd = nd === -2 ? pi : intersect(idom, pi, nd);
        }
        if (nd !== idom[i]) {
          idom[i] = nd;
          changed = true;
        }
      }
    }
    return idom;
  }

  private numberTree(): void {
    let counter = 0;
    const stack: number[] = [];
    const next: number[] = [];
    for (let root = 0; root < this.order.length; root++) {
      if (this.idom[root]! >= 0) continue;
      this.pre[root] = counter++;
      stack.push(root);
      next.push(0);
      while (stack.length > 0) {
        const top = stack.length - 1;
        const kids = this.kids[stack[top]!]!;
        if (next[top]! < kids.length) {
          const k = this.indexOf(kids[next[top]!++]!);
          this.pre[k] = counter++;
          stack.push(k);
          next.push(0);
        } else {
          this.post[stack[top]!] = counter++;
          stack.pop();
          next.pop();
        }
      }
    }
  }

  /** Dominance frontier of every reachable block (Cooper et al., figure 5). */
  frontiers(): Map<Block, Set<Block>> {
    const df = new Map<Block, Set<Block>>();
    for (const b of this.order) df.set(b, new Set());
    this.order.forEach((b, i) => {
      const d = this.idom[i]!;
      let preds = 0;
      for (const p of b.preds) if (this.reachable(p)) preds++;
      if (preds < 2 && d >= 0) return;
      for (const p of b.preds) {
        for (let runner = this.indexOf(p); runner >= 0 && runner !== d; runner = this.idom[runner]!) df.get(this.order[runner]!)!.add(b);
      }
    });
    return df;
  }
}

/** The nearest common ancestor of positions a and b in the partial dominator tree `idom`, -1 for the virtual root. */
function intersect(idom: Int32Array, a: number, b: number): number {
  while (a !== b) {
    if (a === -1 || b === -1) return -1;
    while (a > b) {
      a = idom[a]!;
      if (a === -1) return -1;
    }
    while (b > a) {
      b = idom[b]!;
      if (b === -1) return -1;
    }
  }
  return a;
}

/** Reachable blocks in reverse postorder of a depth-first search from each root in turn. */
export function reversePostorder(fn: Func): Block[] {
  const seen = new Set<Block>();
  const post: Block[] = [];
  const stack: Block[] = [];
  const next: number[] = [];
  for (const root of fn.roots()) {
    if (seen.has(root)) continue;
    seen.add(root);
    stack.push(root);
    next.push(0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const succs = stack[top]!.successors;
      if (next[top]! < succs.length) {
        const s = succs[next[top]!++]!;
        if (!seen.has(s)) {
          seen.add(s);
          stack.push(s);
          next.push(0);
        }
      } else {
        post.push(stack[top]!);
        stack.pop();
        next.pop();
      }
    }
  }
  // Every block comes after its dominators: a block first reached from a later root is
  // not reachable from the earlier ones without passing through that root's region.
  return post.reverse();
}

export interface Loop {
  readonly header: Block;
  readonly blocks: Set<Block>;
  parent: Loop | undefined;
  depth: number;
}

/** Natural loops (one per header, back edges merged), innermost-first nesting depth. */
export function findLoops(dom: DomTree): { loops: Loop[]; loopOf: Map<Block, Loop> } {
  const loops: Loop[] = [];
  for (const h of dom.order) {
    const latches = h.preds.filter(p => dom.reachable(p) && dom.dominates(h, p));
    if (latches.length === 0) continue;
    const blocks = new Set<Block>([h]);
    const work = [...latches];
    while (work.length > 0) {
      const b = work.pop()!;
      if (blocks.has(b)) continue;
      blocks.add(b);
      for (const p of b.preds) if (dom.reachable(p)) work.push(p);
    }
    loops.push({ header: h, blocks, parent: undefined, depth: 1 });
  }
  // Nesting: the parent of a loop is the smallest other loop containing its header.
  for (const l of loops) {
    let best: Loop | undefined;
    for (const o of loops) {
      if (o !== l && o.blocks.has(l.header) && o.blocks.size > l.blocks.size && (best === undefined || o.blocks.size < best.blocks.size)) best = o;
    }
    l.parent = best;
  }
  for (const l of loops) {
    let d = 1;
    for (let p = l.parent; p; p = p.parent) d++;
    l.depth = d;
  }
  const loopOf = new Map<Block, Loop>();
  for (const l of [...loops].sort((a, b) => b.blocks.size - a.blocks.size)) {
    for (const b of l.blocks) loopOf.set(b, l);
  }
  return { loops, loopOf };
}
