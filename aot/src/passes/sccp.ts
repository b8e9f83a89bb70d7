// Sparse conditional constant propagation (Wegman and Zadeck, "Constant Propagation with
// Conditional Branches", 1991). Each value starts unknown (top) and only moves down to a
// constant and then to "varies"; a block is visited once an edge into it is found
// executable, and a branch on a constant makes only one of its edges executable. Every
// root (entry, handler entries) is executable.
//
// Folding uses fold.ts: an operation that would trap, or whose result is target-defined,
// varies (it stays in the code). At the end, values found constant become `const`
// (in place; a constant phi becomes a constant after the block's phis), branches and
// switches on constants become jumps, and the blocks never found executable are deleted.
//
// Requires: SSA, predecessors up to date. Preserves: predecessor lists (recomputed).

import { computePreds, insertAt, replaceUses, type Block, type Func, type Inst } from '../ir/ir.ts';
import { OPS } from '../ir/opcodes.ts';
import { becomeConst, buildUsers, jumpTo, makeConst, removeInsts, removeUnreachableBlocks } from './edit.ts';
import { fold, sameConst, type Const } from './fold.ts';

const VARIES = Symbol('varies');
/** Lattice value: absent from the map = top (not yet known), a constant, or VARIES. */
type Lattice = Const | typeof VARIES;

export function sccp(fn: Func): boolean {
  const s = new Solver(fn);
  s.solve();
  return s.rewrite();
}

class Solver {
  private readonly users: Map<Inst, Inst[]>;
  private readonly value = new Map<Inst, Lattice>();
  private readonly executable = new Set<Block>();
  private readonly edges = new Map<Block, Set<Block>>();
  private readonly flowWork: [Block | undefined, Block][] = [];
  private readonly ssaWork: Inst[] = [];

  constructor(private readonly fn: Func) {
    computePreds(fn);
    this.users = buildUsers(fn);
  }

  solve(): void {
    for (const r of this.fn.roots()) this.flowWork.push([undefined, r]);
    while (this.flowWork.length > 0 || this.ssaWork.length > 0) {
      while (this.flowWork.length > 0) {
        const [from, to] = this.flowWork.pop()!;
        if (from !== undefined) {
          let out = this.edges.get(from);
          if (out === undefined) this.edges.set(from, (out = new Set()));
          if (out.has(to)) continue;
          out.add(to);
        }
        if (!this.executable.has(to)) {
          this.executable.add(to);
          for (const inst of to.insts) this.visit(inst);
        } else {
          for (let i = 0; i < to.firstNonPhi; i++) this.visit(to.insts[i]!);
        }
      }
      while (this.ssaWork.length > 0) {
        const inst = this.ssaWork.pop()!;
        if (inst.block !== undefined && this.executable.has(inst.block)) this.visit(inst);
      }
    }
  }

  private edgeExecutable(from: Block, to: Block): boolean {
    return this.edges.get(from)?.has(to) ?? false;
  }

  private get(inst: Inst): Lattice | undefined {
    return this.value.get(inst);
  }

  private visit(inst: Inst): void {
    if (inst.isTerminator) {
      this.visitTerminator(inst);
      return;
    }
    if (inst.type === undefined) return;
    const next = inst.op === 'phi' ? this.evalPhi(inst) : this.evaluate(inst);
    if (next === undefined) return;
    const old = this.value.get(inst);
    if (old !== undefined && (old === VARIES || (next !== VARIES && sameConst(old, next)))) return;
    this.value.set(inst, next);
    for (const u of this.users.get(inst) ?? []) this.ssaWork.push(u);
  }

  private evalPhi(phi: Inst): Lattice | undefined {
    let result: Lattice | undefined;
    phi.args.forEach((a, k) => {
      if (result === VARIES || !this.edgeExecutable(phi.targets![k]!, phi.block!)) return;
      const v = this.get(a);
      if (v === undefined) return;
      if (result === undefined) result = v;
      else if (v === VARIES || !sameConst(result, v as Const)) result = VARIES;
    });
    return result;
  }

  private evaluate(inst: Inst): Lattice | undefined {
    const effects = OPS[inst.op].effects;
    if (inst.op === 'const') return inst.imm;
    if ((effects !== 'pure' && effects !== 'trap') || inst.op === 'param' || inst.op === 'catchobj' || inst.op === 'symaddr' || inst.op === 'slotaddr') return VARIES;
    if (inst.op === 'select') {
      const c = this.get(inst.args[0]!);
      if (c === undefined) return undefined;
      if (c !== VARIES) return this.get(inst.args[c !== 0 ? 1 : 2]!);
      const a = this.get(inst.args[1]!);
      const b = this.get(inst.args[2]!);
      return a !== undefined && b !== undefined && a !== VARIES && b !== VARIES && sameConst(a, b) ? a : VARIES;
    }
    const args: Const[] = [];
    let unknown = false;
    for (const a of inst.args) {
      const v = this.get(a);
      if (v === VARIES) return VARIES;
      if (v === undefined) unknown = true;
      else args.push(v);
    }
    if (unknown) return undefined;
    return fold(inst, args) ?? VARIES;
  }

  private visitTerminator(term: Inst): void {
    const from = term.block!;
    if (term.op === 'br' || term.op === 'switch') {
      const c = this.get(term.args[0]!);
      if (c === undefined) return;
      if (c !== VARIES) {
        this.flowWork.push([from, chosenTarget(term, c)]);
        return;
      }
    }
    for (const s of term.successors) this.flowWork.push([from, s]);
  }

  /** Applies the solution; true if the function changed. */
  rewrite(): boolean {
    let changed = false;
    const phiConsts = new Map<Inst, Inst>();
    for (const b of this.fn.blocks) {
      if (!this.executable.has(b)) continue;
      for (const inst of b.insts) {
        const v = this.value.get(inst);
        if (v === undefined || v === VARIES || inst.op === 'const') continue;
        if (inst.op === 'phi') phiConsts.set(inst, makeConst(this.fn, inst.type!, v));
        else becomeConst(inst, v);
        changed = true;
      }
      const term = b.terminator;
      const c = term.op === 'br' || term.op === 'switch' ? this.value.get(term.args[0]!) : undefined;
      if (c !== undefined && c !== VARIES) {
        jumpTo(b, chosenTarget(term, c));
        changed = true;
      }
    }
    for (const [phi, k] of phiConsts) insertAt(phi.block!, phi.block!.firstNonPhi, k);
    removeInsts(this.fn, new Set(phiConsts.keys()));
    replaceUses(this.fn, phiConsts);
    computePreds(this.fn);
    if (removeUnreachableBlocks(this.fn)) changed = true;
    return changed;
  }
}

function chosenTarget(term: Inst, c: Const): Block {
  const t = term.targets!;
  if (term.op === 'br') return t[c !== 0 ? 0 : 1]!;
  const i = (c as number) >>> 0;
  return i < t.length - 1 ? t[1 + i]! : t[0]!;
}
