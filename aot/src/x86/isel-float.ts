// Instruction selection for f32/f64 arithmetic on SSE2 scalar registers: two-address
// addss/addsd forms, negation by flipping the sign bit (xorps with a 16-byte mask),
// ckfinite, select, and rem through the corlib's fmod helper.

import type { Inst } from '../ir/ir.ts';
import type { Isel } from './isel.ts';
import { emitCompare, emitTruth, setFlags } from './isel-compare.ts';
import { callHelper } from './isel-call.ts';

const SUFFIX = { f32: 'ss', f64: 'sd' } as const;

/** A 16-byte constant with `lane` repeated (xorps/andps need aligned 128-bit memory). */
export function maskConst(s: Isel, bits: bigint, f32: boolean): ReturnType<Isel['floatConstMem']> {
  const bytes = new Uint8Array(16);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 16; i += f32 ? 4 : 8) {
    if (f32) view.setUint32(i, Number(bits), true);
    else view.setBigUint64(i, bits, true);
  }
  return s.floatConstMem(0, 16, bytes);
}

export function selectFloat(s: Isel, inst: Inst): void {
  if (inst.op === 'cmp') return setFlags(s, emitCompare(s, inst), s.vreg(inst));
  const type = inst.type as 'f32' | 'f64';
  const sfx = SUFFIX[type];
  const d = s.vreg(inst);
  let [a, b] = inst.args as [Inst, Inst];
  // A folded load is read as the second (r/m) operand.
  if ((inst.op === 'add' || inst.op === 'mul') && s.foldedLoads.has(a)) [a, b] = [b, a];
  const copyA = () => s.emit('movaps', [s.def(d), s.use(s.xmm(a))], { isMove: a.op !== 'const' });
  switch (inst.op) {
    case 'add':
    case 'sub':
    case 'mul':
    case 'div':
      copyA();
      return s.emit(inst.op + sfx, [s.usedef(d), s.xmmRm(b)]);
    case 'rem':
      return callHelper(s, type === 'f32' ? 'frem32' : 'frem64', [a, b], type, inst);
    case 'neg':
      copyA();
      return s.emit('xorps', [s.usedef(d), maskConst(s, type === 'f32' ? 0x80000000n : 0x8000000000000000n, type === 'f32')]);
    case 'copy':
      return copyA();
    case 'ckfinite': {
      // |x| compared with +inf: NaN (unordered, PF) or >= inf traps.
      const t = s.newVreg('xmm');
      s.emit('movaps', [s.def(t), s.use(s.xmm(a))]);
      s.emit('andps', [s.usedef(t), maskConst(s, type === 'f32' ? 0x7fffffffn : 0x7fffffffffffffffn, type === 'f32')]);
      s.emit('ucomi' + sfx, [s.use(t), s.floatConstMem(Infinity, type === 'f32' ? 4 : 8)]);
      s.trap('jp', 'Arithmetic');
      s.trap('jae', 'Arithmetic');
      return copyA();
    }
    case 'select':
      return selectFloatValue(s, inst, d);
    default:
      throw new Error(`isel: no float selector for ${inst.op}`);
  }
}

/** Float select through memory: both values stored, cmov picks the address to reload. */
function selectFloatValue(s: Isel, inst: Inst, d: number): void {
  const [c, x, y] = inst.args as [Inst, Inst, Inst];
  const size = inst.type === 'f32' ? 4 : 8;
  const mov = inst.type === 'f32' ? 'movss' : 'movsd';
  const slotX = s.mf.frameSlots.push({ size: 8, align: 8 }) - 1;
  const slotY = s.mf.frameSlots.push({ size: 8, align: 8 }) - 1;
  s.emit(mov, [s.frameMem(0, { kind: 'slot', id: slotX }, size), s.use(s.xmm(x))]);
  s.emit(mov, [s.frameMem(0, { kind: 'slot', id: slotY }, size), s.use(s.xmm(y))]);
  const p = s.newVreg('gpr');
  const q = s.newVreg('gpr');
  s.emit('lea', [s.def(p), s.frameMem(0, { kind: 'slot', id: slotY })]);
  s.emit('lea', [s.def(q), s.frameMem(0, { kind: 'slot', id: slotX })]);
  const flags = s.fused.has(c) ? emitCompare(s, c) : emitTruth(s, c);
  if (flags.parity === undefined) {
    s.emit('cmov' + flags.cc, [s.usedef(p), s.use(q)]);
  } else {
    const t = s.newVreg('gpr');
    setFlags(s, flags, t);
    s.emit('test', [s.use(t), s.use(t)]);
    s.emit('cmovne', [s.usedef(p), s.use(q)]);
  }
  s.emit(mov, [s.def(d), { k: 'mem', size, base: { vreg: p }, disp: 0 }]);
}
