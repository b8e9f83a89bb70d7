// Invoke of delegate types, which have no IL body: the compiler writes it as IR. A
// delegate holds a target object, a code address and, when combined, the list of its
// single-cast delegates (korlib's System.Delegate fields _target, _methodPtr,
// _invocationList). Invoke calls every delegate of the list in order (the result is the
// last one's) or, for a single delegate, the code with the target as first argument —
// unless the target is null, which means a static method.
//
// Produces IR in the builder's form (slots, not SSA): the pass pipeline runs on it like
// on any method.

import { Func, computePreds, type Block, type Inst } from '../ir/ir.ts';
import type { Op } from '../ir/opcodes.ts';
import type { Signature } from '../ir/ir.ts';
import type { Type } from '../ir/types.ts';

export interface DelegateFields {
  readonly target: number;
  readonly methodPtr: number;
  readonly invocationList: number;
}

/** Element offset of arrays (runtime/layout.ts). */
const ARRAY_DATA = 8;
const ARRAY_LENGTH = 4;

export function buildDelegateInvoke(symbol: string, sig: Signature, fields: DelegateFields): Func {
  const fn = new Func(symbol, sig);
  const entry = fn.newBlock();
  let cur: Block = entry;
  const emit = (op: Op, type: Type | undefined, args: Inst[], init: Partial<Inst> = {}): Inst => {
    const inst = fn.newInst(op, type, args);
    Object.assign(inst, init);
    inst.block = cur;
    cur.insts.push(inst);
    return inst;
  };
  const c32 = (n: number) => emit('const', 'i32', [], { imm: n });
  const params = sig.params.map((t, i) => emit('param', t, [], { imm: i }));
  const self = params[0]!;
  // Arguments after `this` (and the return buffer, passed on as it is).
  const args = params.slice(1);
  const byval = (sig.byval ?? sig.params.map(() => 0)).slice(1);
  const call = (fnptr: Inst, withTarget: Inst | undefined): Inst => {
    const a = withTarget === undefined ? args : [withTarget, ...args];
    const bv = withTarget === undefined ? byval : [0, ...byval];
    return emit('calli', sig.ret, [fnptr, ...a], bv.some(b => b > 0) ? { byval: bv } : {});
  };
  const ret = (v: Inst | undefined) => emit('ret', undefined, v === undefined ? [] : [v]);

  const single = fn.newBlock();
  const multi = fn.newBlock();
  const list = emit('load', 'i32', [self], { mem: 'i32', imm: fields.invocationList });
  emit('br', undefined, [emit('cmp', 'i32', [list, c32(0)], { cond: 'ne' })], { targets: [multi, single] });

  // Single-cast: static (no target) or instance.
  cur = single;
  const isStatic = fn.newBlock();
  const isInstance = fn.newBlock();
  const target = emit('load', 'i32', [self], { mem: 'i32', imm: fields.target });
  const code = emit('load', 'i32', [self], { mem: 'i32', imm: fields.methodPtr });
  emit('br', undefined, [emit('cmp', 'i32', [target, c32(0)], { cond: 'eq' })], { targets: [isStatic, isInstance] });
  cur = isStatic;
  const staticResult = call(code, undefined);
  ret(sig.ret === undefined ? undefined : staticResult);
  cur = isInstance;
  const instanceResult = call(code, target);
  ret(sig.ret === undefined ? undefined : instanceResult);

  // Multicast: Invoke each delegate of the list; the last result is the result.
  cur = multi;
  const index = fn.newSlot(4, 4, 'temp', 'i32', 'i');
  const result = sig.ret === undefined ? undefined : fn.newSlot(sig.ret === 'i64' || sig.ret === 'f64' ? 8 : 4, 4, 'temp', sig.ret, 'result');
  const head = fn.newBlock();
  const body = fn.newBlock();
  const done = fn.newBlock();
  emit('stslot', undefined, [c32(0)], { slot: index });
  if (result !== undefined) emit('stslot', undefined, [emit('const', sig.ret, [], { imm: sig.ret === 'i64' ? 0n : 0 })], { slot: result });
  emit('jmp', undefined, [], { targets: [head] });
  cur = head;
  const i = emit('ldslot', 'i32', [], { slot: index });
  const length = emit('load', 'i32', [list], { mem: 'i32', imm: ARRAY_LENGTH });
  emit('br', undefined, [emit('cmp', 'i32', [i, length], { cond: 'lt' })], { targets: [body, done] });
  cur = body;
  const element = emit('add', 'i32', [list, emit('mul', 'i32', [i, c32(4)])]);
  const d = emit('load', 'i32', [element], { mem: 'i32', imm: ARRAY_DATA });
  const r = emit('call', sig.ret, [d, ...args], { sym: symbol, ...(byval.some(b => b > 0) ? { byval: [0, ...byval] } : {}) });
  if (result !== undefined) emit('stslot', undefined, [r], { slot: result });
  emit('stslot', undefined, [emit('add', 'i32', [i, c32(1)])], { slot: index });
  emit('jmp', undefined, [], { targets: [head] });
  cur = done;
  ret(result === undefined ? undefined : emit('ldslot', sig.ret, [], { slot: result }));
  computePreds(fn);
  return fn;
}
