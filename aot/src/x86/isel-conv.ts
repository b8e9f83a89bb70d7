// Instruction selection for `conv`: every pair of source type (i32, i64, f32, f64) and
// target kind, unchecked and checked (ovf: range tested first, Overflow stub on
// failure), with `un` reading an integer source as unsigned.
//
// Techniques: movsx/movzx for narrowing; u32 → f64 as cvtsi2sd(x ^ 2³¹) + 2³¹; i64 → f64
// as hi·2³² + u32(lo) (both exact, one rounding in the add); f64 → u32 picks between
// cvttsd2si(x) and cvttsd2si(x − 2³²) at 2³¹ (the low word of the 64-bit conversion, as
// Mono computes it); i64/u64 ↔ float in the remaining directions call the helpers.

import type { Inst } from '../ir/ir.ts';
import type { NumKind } from '../ir/types.ts';
import type { Isel } from './isel.ts';
import { callHelper } from './isel-call.ts';

const RANGE: Readonly<Record<'i8' | 'u8' | 'i16' | 'u16', { min: number; max: number; bits: 1 | 2; signed: boolean }>> = {
  i8: { min: -128, max: 127, bits: 1, signed: true },
  u8: { min: 0, max: 255, bits: 1, signed: false },
  i16: { min: -32768, max: 32767, bits: 2, signed: true },
  u16: { min: 0, max: 65535, bits: 2, signed: false },
};

export function selectConv(s: Isel, inst: Inst): void {
  const a = inst.args[0]!;
  const { to, ovf, un } = inst.conv!;
  if (a.type === 'i32') return fromI32(s, inst, a, to, ovf, un);
  if (a.type === 'i64') return fromI64(s, inst, a, to, ovf, un);
  return fromFloat(s, inst, a, to, ovf);
}

/** d = narrow(src) for an 8- or 16-bit kind. */
function narrow(s: Isel, d: number, src: number, to: keyof typeof RANGE): void {
  const r = RANGE[to];
  const op = r.signed ? 'movsx' : 'movzx';
  if (r.bits === 2) return s.emit(op, [s.def(d), s.use(src, true, 2)]);
  const b = s.newVreg('gpr8');
  s.emit('mov', [s.def(b), s.use(src)], { isMove: true });
  s.emit(op, [s.def(d), s.use(b, false, 1)]);
}

/** Traps unless the i32 in `src` (signed, or unsigned with un) fits `to`. */
function checkI32(s: Isel, src: number, to: NumKind, un: boolean): void {
  if (to === 'i32' || to === 'u32') {
    if ((to === 'i32') === un) {
      s.emit('test', [s.use(src), s.use(src)]);
      s.trap('js', 'Overflow');
    }
    return;
  }
  if (to === 'i64' || to === 'u64' || to === 'f32' || to === 'f64') {
    if (to === 'u64' && !un) {
      s.emit('test', [s.use(src), s.use(src)]);
      s.trap('js', 'Overflow');
    }
    return;
  }
  const r = RANGE[to as keyof typeof RANGE];
  if (!r.signed || un) {
    // Unsigned compare: negative signed values are huge and fail too.
    s.emit('cmp', [s.use(src), s.imm(r.max)]);
    s.trap('ja', 'Overflow');
  } else {
    const t = s.newVreg('gpr');
    narrow(s, t, src, to as keyof typeof RANGE);
    s.emit('cmp', [s.use(t), s.use(src)]);
    s.trap('jne', 'Overflow');
  }
}

function fromI32(s: Isel, inst: Inst, a: Inst, to: NumKind, ovf: boolean, un: boolean): void {
  const src = s.reg32(a);
  if (ovf) checkI32(s, src, to, un);
  switch (to) {
    case 'i8':
    case 'u8':
    case 'i16':
    case 'u16':
      return narrow(s, s.vreg(inst), src, to);
    case 'i32':
    case 'u32':
      return s.emit('mov', [s.def(s.vreg(inst)), s.use(src, true)], { isMove: true });
    case 'i64':
    case 'u64': {
      const [lo, hi] = s.pair(inst);
      s.emit('mov', [s.def(lo), s.use(src, true)], { isMove: true });
      if (un) {
        s.emit('mov', [s.def(hi), s.imm(0)]);
      } else {
        s.emit('mov', [s.def(hi), s.use(src, true)]);
        s.emit('sar', [s.usedef(hi), s.imm(31)]);
      }
      return;
    }
    case 'f32':
    case 'f64': {
      const d = s.vreg(inst);
      if (!un) return s.emit(to === 'f32' ? 'cvtsi2ss' : 'cvtsi2sd', [s.def(d), s.use(src, true, 4)]);
      const wide = to === 'f64' ? d : s.newVreg('xmm');
      u32ToF64(s, wide, src);
      if (to === 'f32') s.emit('cvtsd2ss', [s.def(d), s.use(wide)]);
      return;
    }
  }
}

/** wide = (double) (uint) src, exactly. */
function u32ToF64(s: Isel, wide: number, src: number): void {
  const t = s.newVreg('gpr');
  s.emit('mov', [s.def(t), s.use(src, true)], { isMove: true });
  s.emit('xor', [s.usedef(t), s.imm(-0x80000000)]);
  s.emit('cvtsi2sd', [s.def(wide), s.use(t, true, 4)]);
  s.emit('addsd', [s.usedef(wide), s.floatConstMem(2147483648, 8)]);
}

function fromI64(s: Isel, inst: Inst, a: Inst, to: NumKind, ovf: boolean, un: boolean): void {
  const [lo, hi] = s.regs64(a);
  if (to === 'i64' || to === 'u64') {
    if (ovf && (to === 'i64') === un) {
      s.emit('test', [s.use(hi), s.use(hi)]);
      s.trap('js', 'Overflow');
    }
    const [dlo, dhi] = s.pair(inst);
    s.emit('mov', [s.def(dlo), s.use(lo, true)], { isMove: true });
    s.emit('mov', [s.def(dhi), s.use(hi, true)], { isMove: true });
    return;
  }
  if (to === 'f64' || to === 'f32') {
    if (to === 'f32') return callHelper(s, un ? 'u64tof32' : 'i64tof32', [a], 'f32', inst);
    const d = s.vreg(inst);
    const low = s.newVreg('xmm');
    if (un) u32ToF64(s, d, hi);
    else s.emit('cvtsi2sd', [s.def(d), s.use(hi, true, 4)]);
    s.emit('mulsd', [s.usedef(d), s.floatConstMem(4294967296, 8)]);
    u32ToF64(s, low, lo);
    s.emit('addsd', [s.usedef(d), s.use(low)]);
    return;
  }
  if (ovf) {
    const signedTarget = to === 'i8' || to === 'i16' || to === 'i32';
    if (!un && signedTarget) {
      // The high word must be the sign extension of the low word; then the low word must fit.
      const t = s.newVreg('gpr');
      s.emit('mov', [s.def(t), s.use(lo, true)]);
      s.emit('sar', [s.usedef(t), s.imm(31)]);
      s.emit('cmp', [s.use(t), s.use(hi, true)]);
      s.trap('jne', 'Overflow');
      if (to !== 'i32') checkI32(s, lo, to, false);
    } else {
      // Non-negative and below 2³²; then the low word, read as unsigned, must fit.
      s.emit('test', [s.use(hi), s.use(hi)]);
      s.trap('jne', 'Overflow');
      if (to !== 'u32') checkI32(s, lo, to, true);
    }
  }
  if (to === 'i32' || to === 'u32') return s.emit('mov', [s.def(s.vreg(inst)), s.use(lo, true)], { isMove: true });
  narrow(s, s.vreg(inst), lo, to);
}

/** Bounds (exclusive) of the values a checked float → integer conversion accepts. */
const FLOAT_RANGE: Readonly<Record<string, [number, number]>> = {
  i8: [-129, 128], u8: [-1, 256], i16: [-32769, 32768], u16: [-1, 65536],
  i32: [-2147483649, 2147483648], u32: [-1, 4294967296],
};

function fromFloat(s: Isel, inst: Inst, a: Inst, to: NumKind, ovf: boolean): void {
  const from = a.type as 'f32' | 'f64';
  if (to === 'f32' || to === 'f64') {
    const d = s.vreg(inst);
    if (from === to) return s.emit('movaps', [s.def(d), s.use(s.xmm(a))], { isMove: true });
    return s.emit(to === 'f64' ? 'cvtss2sd' : 'cvtsd2ss', [s.def(d), s.xmmRm(a)]);
  }
  if (to === 'i64' || to === 'u64') {
    const name = `${from}to${to}${ovf ? 'ovf' : ''}`;
    return callHelper(s, name, [a], 'i64', inst);
  }
  // Work in f64 (exact for every f32).
  let x = s.xmm(a);
  if (from === 'f32') {
    const w = s.newVreg('xmm');
    s.emit('cvtss2sd', [s.def(w), s.use(x, true, 4)]);
    x = w;
  }
  if (ovf) {
    const [lo, hi] = FLOAT_RANGE[to]!;
    // x <= lo or NaN (CF|ZF set) → trap; x >= hi → trap.
    s.emit('ucomisd', [s.use(x), s.floatConstMem(lo, 8)]);
    s.trap('jbe', 'Overflow');
    s.emit('ucomisd', [s.use(x), s.floatConstMem(hi, 8)]);
    s.trap('jae', 'Overflow');
  }
  const d = s.vreg(inst);
  if (to === 'u32') {
    const t = s.newVreg('gpr');
    const shifted = s.newVreg('xmm');
    s.emit('cvttsd2si', [s.def(d), s.use(x, true, 8)]);
    s.emit('movaps', [s.def(shifted), s.use(x)]);
    s.emit('subsd', [s.usedef(shifted), s.floatConstMem(4294967296, 8)]);
    s.emit('cvttsd2si', [s.def(t), s.use(shifted, true, 8)]);
    s.emit('ucomisd', [s.use(x), s.floatConstMem(2147483648, 8)]);
    s.emit('cmovae', [s.usedef(d), s.use(t)]);
    return;
  }
  if (to === 'i32') return s.emit('cvttsd2si', [s.def(d), s.use(x, true, 8)]);
  const t = s.newVreg('gpr');
  s.emit('cvttsd2si', [s.def(t), s.use(x, true, 8)]);
  narrow(s, d, t, to as keyof typeof RANGE);
}
