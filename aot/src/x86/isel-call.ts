// Call sequences (the calling convention is documented in engine/abi.ts): arguments are
// pushed right to left — i32 with `push`, i64 as high then low word, floats and value
// types through reserved outgoing space (`argspace`, [esp+k] as frame kind 'out') —
// then `call` (clobbering the caller-saved registers), `argfree` to pop them, and the
// result is copied out of eax, edx:eax or xmm0. `argspace n` and `argfree n` are
// pseudo-instructions the emitter turns into `sub esp, n` / `add esp, n`.

import type { Inst } from '../ir/ir.ts';
import type { Type } from '../ir/types.ts';
import { CALLER_SAVED, type MOperand, type PReg } from '../regalloc/mir.ts';
import type { Isel } from './isel.ts';

export interface CallArg {
  readonly v: Inst;
  /** Size of a value type passed by value (v is its address), else 0. */
  readonly byval: number;
}

/** Emits a full call of `target` and returns nothing; the result goes to `result` if given. */
export function emitCall(s: Isel, target: MOperand, args: readonly CallArg[], ret: Type | undefined, result: Inst | undefined): void {
  let bytes = 0;
  for (let i = args.length - 1; i >= 0; i--) bytes += pushArg(s, args[i]!);
  const implicitDefs: PReg[] = ret === undefined ? [] : ret === 'i64' ? ['eax', 'edx'] : ret === 'i32' ? ['eax'] : ['xmm0'];
  s.emit('call', [target], { clobbers: CALLER_SAVED, implicitDefs });
  if (bytes > 0) s.emit('argfree', [s.imm(bytes)]);
  if (result === undefined || ret === undefined) return;
  copyResult(s, result, ret);
}

function copyResult(s: Isel, result: Inst, ret: Type): void {
  if (ret === 'i32') {
    s.emit('mov', [s.def(s.vreg(result)), s.preg('eax', 'use')]);
  } else if (ret === 'i64') {
    const [lo, hi] = s.pair(result);
    s.emit('mov', [s.def(lo), s.preg('eax', 'use')]);
    s.emit('mov', [s.def(hi), s.preg('edx', 'use')]);
  } else {
    s.emit('movaps', [s.def(s.vreg(result)), s.preg('xmm0', 'use')]);
  }
}

/** Pushes one argument; returns the bytes it occupies. */
function pushArg(s: Isel, a: CallArg): number {
  const v = a.v;
  if (a.byval > 0) {
    const size = Math.ceil(a.byval / 4) * 4;
    s.emit('argspace', [s.imm(size)]);
    copyToOutgoing(s, v, size);
    return size;
  }
  switch (v.type) {
    case 'i32':
      s.emit('push', [s.rm32(v)]);
      return 4;
    case 'i64': {
      const [lo, hi] = s.pair64(v);
      s.emit('push', [hi]);
      s.emit('push', [lo]);
      return 8;
    }
    case 'f32':
    case 'f64': {
      const size = v.type === 'f32' ? 4 : 8;
      s.emit('argspace', [s.imm(size)]);
      s.emit(v.type === 'f32' ? 'movss' : 'movsd', [s.frameMem(0, { kind: 'out', offset: 0 }, size), s.use(s.xmm(v))]);
      return size;
    }
    default:
      throw new Error(`isel: argument v${v.id} has no value`);
  }
}

/** Copies `size` bytes (a multiple of 4) from the address `src` to the outgoing area. */
function copyToOutgoing(s: Isel, src: Inst, size: number): void {
  for (let k = 0; k < size; k += 4) {
    const t = s.newVreg('gpr');
    s.emit('mov', [s.def(t), s.address(src, k, 4)]);
    s.emit('mov', [s.frameMem(k, { kind: 'out', offset: 0 }, 4), s.use(t)]);
  }
}

export function selectCall(s: Isel, inst: Inst): void {
  const byval = inst.byval;
  if (inst.op === 'call') {
    const args = inst.args.map((v, i) => ({ v, byval: byval?.[i] ?? 0 }));
    emitCall(s, { k: 'sym', name: inst.sym! }, args, inst.type, inst);
    return;
  }
  // calli: the function address first.
  const [fn, ...rest] = inst.args as [Inst, ...Inst[]];
  const target: MOperand = fn.op === 'symaddr' && Number(fn.imm) === 0 ? { k: 'sym', name: fn.sym! } : s.foldedLoads.has(fn) ? s.loadMem(fn) : s.use(s.reg32(fn), true);
  emitCall(s, target, rest.map((v, i) => ({ v, byval: byval?.[i] ?? 0 })), inst.type, inst);
}

/** Calls a compiler helper with IR values as arguments. */
export function callHelper(s: Isel, name: string, args: readonly Inst[], ret: Type | undefined, result: Inst | undefined): void {
  emitCall(s, { k: 'sym', name: s.rt.helper(name) }, args.map(v => ({ v, byval: 0 })), ret, result);
}
