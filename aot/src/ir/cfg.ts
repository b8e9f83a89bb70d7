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
  /** Position of each reachable block in `order`. */
  readonly index = new Map<Block, number>();
  /** Immediate dominator; undefined for roots (their parent is the virtual root). */
  readonly idom = new Map<Block, Block | undefined>();
  readonly children = new Map<Block, Block[]>();
  private pre = new Map<Block, number>();
  private post = new Map<Block, number>();

  constructor(readonly fn: Func) {
    this.order = reversePostorder(fn);
    this.order.forEach((b, i) => this.index.set(b, i));
    this.computeIdoms();
    this.numberTree();
  }

  reachable(b: Block): boolean {
    return this.index.has(b);
  }

  /** True if a dominates b (every block dominates itself). */
  dominates(a: Block, b: Block): boolean {
    const pa = this.pre.get(a);
    const pb = this.pre.get(b);
    if (pa === undefined || pb === undefined) return false;
    return pa <= pb && this.post.get(b)! <= this.post.get(a)!;
  }

  private computeIdoms(): void {
    const roots = new Set(this.fn.roots());
    // -1 stands for the virtual root.
    const idom: number[] = this.order.map(b => (roots.has(b) ? -1 : -2));
    const intersect = (a: number, b: number): number => {
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
    };
    let changed = true;
    while (changed) {
      changed = false;
      for (let i = 0; i < this.order.length; i++) {
        const b = this.order[i]!;
        if (roots.has(b)) continue;
        let nd = -2;
        for (const p of b.preds) {
          const pi = this.index.get(p);
          if (pi === undefined || idom[pi] === -2) continue;
          nd = nd === -2 ? pi : intersect(pi, nd);
        }
        if (nd !== idom[i]) {
          idom[i] = nd;
          changed = true;
        }
      }
    }
    for (const b of this.order) this.children.set(b, []);
    this.order.forEach((b, i) => {
      const d = idom[i]!;
      const parent = d < 0 ? undefined : this.order[d]!;
      this.idom.set(b, parent);
      if (parent !== undefined) this.children.get(parent)!.push(b);
    });
  }

  private numberTree(): void {
    let counter = 0;
    const visit = (root: Block) => {
      const stack: [Block, number][] = [[root, 0]];
      this.pre.set(root, counter++);
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const kids = this.children.get(top[0])!;
        if (top[1] < kids.length) {
          const k = kids[top[1]++]!;
          this.pre.set(k, counter++);
          stack.push([k, 0]);
        } else {
          this.post.set(top[0], counter++);
          stack.pop();
        }
      }
    };
    for (const b of this.order) if (this.idom.get(b) === undefined) visit(b);
  }

  /** Dominance frontier of every reachable block (Cooper et al., figure 5). */
  frontiers(): Map<Block, Set<Block>> {
    const df = new Map<Block, Set<Block>>();
    for (const b of this.order) df.set(b, new Set());
    for (const b of this.order) {
      const preds = b.preds.filter(p => this.reachable(p));
      const roots = this.idom.get(b) === undefined;
      if (preds.length < 2 && !roots) continue;
      for (const p of preds) {
        let runner: Block | undefined = p;
        while (runner !== undefined && runner !== this.idom.get(b)) {
          df.get(runner)!.add(b);
          runner = this.idom.get(runner);
        }
      }
    }
    return df;
  }

  /** Blocks in dominator-tree preorder (every block after its dominators). */
  preorder(): Block[] {
    const out: Block[] = [];
    const visit = (b: Block) => {
      const stack = [b];
      while (stack.length > 0) {
        const x = stack.pop()!;
        out.push(x);
        const kids = this.children.get(x)!;
        for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
      }
    };
    for (const b of this.order) if (this.idom.get(b) === undefined) visit(b);
    return out;
  }
}

/** Reachable blocks in reverse postorder of a depth-first search from each root in turn. */
export function reversePostorder(fn: Func): Block[] {
  const seen = new Set<Block>();
  const post: Block[] = [];
  for (const root of fn.roots()) {
    if (seen.has(root)) continue;
    seen.add(root);
    const stack: [Block, number][] = [[root, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const succs = top[0].successors;
      if (top[1] < succs.length) {
        const s = succs[top[1]++]!;
        if (!seen.has(s)) {
          seen.add(s);
          stack.push([s, 0]);
        }
      } else {
        post.push(top[0]);
        stack.pop();
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
