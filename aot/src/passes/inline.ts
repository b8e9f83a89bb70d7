// Inlining of small callees at direct call sites (`call @sym`). The lookup gives the
// callee's IR, or undefined when it must not be inlined (unknown, virtual, too special);
// the body is copied, not consumed. A call is inlined when the callee has no EH regions nor alloca,
// matches the call's arity and result, costs at most `maxCalleeSize` (see `cost`), is not
// the function itself, and the function stays under `maxSize`; calls inside inlined code
// are inlined in turn down to `maxDepth` levels, which bounds recursion.
//
// At the call site the block is split; the callee's blocks (fresh numbers, the call's EH
// region, the callee's IL offsets) go in between. The callee's slots become new slots of
// the function, set to zero at the call site as a fresh activation's are (SSA turns the
// stores of scalar slots into nothing); each by-value parameter gets a fresh slot holding
// a copy of the argument, so the callee changes its copy only; `param` becomes the
// argument; each `ret` jumps to the continuation, whose phi merges the results.
//
// Requires: nothing (works on the builder's form and on SSA). Preserves: predecessor
// lists (recomputed). The result is in SSA form if both sides were.

import { computePreds, insertAt, replaceUses, type Block, type Func, type Inst } from '../ir/ir.ts';
import { copyBody } from '../ir/clone.ts';
import { makeConst, newBlockAfter, renamePhiPred } from './edit.ts';
import { zeroOf } from './fold.ts';

export type InlineLookup = (sym: string) => Func | undefined;

export interface InlineOptions {
  /** Largest callee inlined, in instructions other than parameters, constants, slot accesses and jumps (default 30). */
  readonly maxCalleeSize?: number;
  /** Calls inside inlined code are inlined up to this nesting (default 3). */
  readonly maxDepth?: number;
  /** No inlining once the function has this many instructions, counted as for callees (default 3000). */
  readonly maxSize?: number;
}

export function inline(fn: Func, lookup: InlineLookup, opts: InlineOptions = {}): boolean {
  const maxCalleeSize = opts.maxCalleeSize ?? 30;
  const maxDepth = opts.maxDepth ?? 3;
  const maxSize = opts.maxSize ?? 3000;
  let size = cost(fn);
  const work: [Inst, number][] = [];
  for (const b of fn.blocks) for (const inst of b.insts) if (inst.op === 'call') work.push([inst, 0]);
  // The bodies are only copied, so one lookup per callee serves every call site.
  const callees = new Map<string, [Func, number] | undefined>();
  const calleeOf = (sym: string) => {
    if (!callees.has(sym)) {
      const f = lookup(sym);
      // Callees with EH regions or stack allocation (which would then grow the caller's frame per call) stay calls.
      const excluded = f === undefined || f.regions.length > 0 || f.blocks.some(b => b.insts.some(i => i.op === 'alloca'));
      callees.set(sym, excluded ? undefined : [f, cost(f)]);
    }
    return callees.get(sym);
  };
  // Results and parameters are replaced once at the end (chains resolve).
  const replaced = new Map<Inst, Inst>();
  for (let w = 0; w < work.length; w++) {
    const [call, depth] = work[w]!;
    if (depth >= maxDepth || call.sym === fn.name) continue;
    const found = calleeOf(call.sym!);
    if (found === undefined) continue;
    const [callee, calleeSize] = found;
    if (callee.sig.params.length !== call.args.length || (call.type !== undefined && callee.sig.ret !== call.type)) continue;
    if (calleeSize > maxCalleeSize || size + calleeSize > maxSize) continue;
    for (const inner of inlineCall(fn, call, callee, replaced)) work.push([inner, depth + 1]);
    size += calleeSize;
  }
  if (replaced.size === 0) return false;
  replaceUses(fn, replaced);
  computePreds(fn);
  return true;
}

/** Instructions that cost code after optimisation (slot traffic of the builder's form and constants mostly vanish). */
const FREE = new Set(['param', 'const', 'ldslot', 'stslot', 'copy', 'jmp', 'symaddr', 'slotaddr']);

function cost(fn: Func): number {
  let n = 0;
  for (const b of fn.blocks) for (const inst of b.insts) if (!FREE.has(inst.op)) n++;
  return n;
}

/**
 * Replaces `call` by a copy of `callee`'s body; returns the calls in the copy. The call's
 * result and the copied parameters are entered in `replaced` for the caller to apply;
 * predecessor lists are kept up to date.
 */
function inlineCall(fn: Func, call: Inst, callee: Func, replaced: Map<Inst, Inst>): Inst[] {
  const site = call.block!;
  const at = site.insts.indexOf(call);
  const cont = newBlockAfter(fn, site, site.region);
  cont.insts = site.insts.slice(at + 1);
  for (const i of cont.insts) i.block = cont;
  site.insts = site.insts.slice(0, at);
  for (const s of new Set(cont.terminator.successors)) {
    renamePhiPred(s, site, cont);
    s.preds = s.preds.map(p => (p === site ? cont : p));
  }

  const copy = copyBody(callee, fn, site.region);
  const copied = [...copy.blocks.values()];
  fn.blocks.splice(fn.blocks.length - copied.length, copied.length);
  fn.blocks.splice(fn.blocks.indexOf(cont), 0, ...copied);

  const emit = (inst: Inst): Inst => {
    inst.ilOffset = call.ilOffset;
    inst.block = site;
    site.insts.push(inst);
    return inst;
  };
  // A fresh activation: the callee's slots start zeroed.
  for (const s of copy.slots.values()) {
    if (s.type !== undefined) {
      const st = fn.newInst('stslot', undefined, [emit(makeConst(fn, s.type, zeroOf(s.type)))]);
      st.slot = s;
      emit(st);
    } else {
      const a = fn.newInst('slotaddr', 'i32', []);
      a.slot = s;
      const z = fn.newInst('memzero', undefined, [emit(a)]);
      z.imm = s.size;
      emit(z);
    }
  }
  // Arguments, by-value ones copied into a slot of their own.
  const args = call.args.map((arg, i) => {
    const size = callee.sig.byval?.[i] ?? 0;
    if (size === 0) return arg;
    const slot = fn.newSlot(size, 8, 'temp', undefined, `byval ${i} of ${callee.name}`);
    const a = fn.newInst('slotaddr', 'i32', []);
    a.slot = slot;
    emit(a);
    const mc = fn.newInst('memcpy', undefined, [a, arg]);
    mc.imm = size;
    emit(mc);
    return a;
  });
  const entry = copy.blocks.get(callee.entry)!;
  const jmp = fn.newInst('jmp', undefined, []);
  jmp.targets = [entry];
  emit(jmp);
  entry.preds = [site];

  const calls: Inst[] = [];
  const results: [Block, Inst][] = [];
  for (const b of copied) {
    b.insts = b.insts.filter(inst => {
      if (inst.op === 'param') {
        replaced.set(inst, args[Number(inst.imm)]!);
        inst.block = undefined;
        return false;
      }
      if (inst.op === 'call') calls.push(inst);
      return true;
    });
    const term = b.terminator;
    if (term.op === 'ret') {
      if (term.args.length > 0) results.push([b, term.args[0]!]);
      term.op = 'jmp';
      term.args = [];
      term.targets = [cont];
      cont.preds.push(b);
    }
  }
  if (call.type !== undefined) {
    let result: Inst;
    if (results.length === 1) result = results[0]![1];
    else if (results.length > 1) {
      result = fn.newInst('phi', call.type, results.map(r => r[1]));
      result.targets = results.map(r => r[0]);
      insertAt(cont, 0, result);
    } else {
      // The callee never returns: the continuation is unreachable.
      result = makeConst(fn, call.type, zeroOf(call.type));
      insertAt(site, site.insts.length - 1, result);
    }
    replaced.set(call, result);
  }
  call.block = undefined;
  return calls;
}
