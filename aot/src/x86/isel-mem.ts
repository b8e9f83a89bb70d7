// Instruction selection for memory: parameters (incoming argument words), stack slots,
// loads and stores of every memory type (movzx/movsx for narrow loads, byte stores
// through a byte register), block copies and clears (unrolled up to 64 bytes, rep
// movsd/stosd beyond), the runtime checks chknull and chkbounds, and catchobj (the
// exception object arrives in eax).

import type { Inst } from '../ir/ir.ts';
import type { MemType } from '../ir/types.ts';
import type { MMem } from '../regalloc/mir.ts';
import type { Isel } from './isel.ts';

const UNROLL_LIMIT = 64;

export function selectParam(s: Isel, inst: Inst): void {
  const k = Number(inst.imm);
  const offset = s.paramOffsets[k]!;
  const mem = (extra: number, size: 4 | 8) => s.frameMem(extra, { kind: 'arg', offset }, size);
  if ((s.fn.sig.byval?.[k] ?? 0) > 0) return s.emit('lea', [s.def(s.vreg(inst)), s.frameMem(0, { kind: 'arg', offset })]);
  loadValue(s, inst, inst.type === 'i64' ? 'i64' : inst.type === 'f32' ? 'f32' : inst.type === 'f64' ? 'f64' : 'i32', (extra, size) => mem(extra, size === 8 ? 8 : 4));
}

/** Defines `inst` from memory described by `at(extra offset, size)`. */
function loadValue(s: Isel, inst: Inst, mem: MemType, at: (extra: number, size: 1 | 2 | 4 | 8) => MMem): void {
  switch (mem) {
    case 'i64': {
      const [lo, hi] = s.pair(inst);
      s.emit('mov', [s.def(lo), at(0, 4)]);
      s.emit('mov', [s.def(hi), at(4, 4)]);
      return;
    }
    case 'f32':
      return s.emit('movss', [s.def(s.vreg(inst)), at(0, 4)]);
    case 'f64':
      return s.emit('movsd', [s.def(s.vreg(inst)), at(0, 8)]);
    case 'i8':
      return s.emit('movsx', [s.def(s.vreg(inst)), at(0, 1)]);
    case 'u8':
      return s.emit('movzx', [s.def(s.vreg(inst)), at(0, 1)]);
    case 'i16':
      return s.emit('movsx', [s.def(s.vreg(inst)), at(0, 2)]);
    case 'u16':
      return s.emit('movzx', [s.def(s.vreg(inst)), at(0, 2)]);
    case 'i32':
      return s.emit('mov', [s.def(s.vreg(inst)), at(0, 4)]);
  }
}

/** Stores `v` to memory described by `at`. */
function storeValue(s: Isel, v: Inst, mem: MemType, at: (extra: number, size: 1 | 2 | 4 | 8) => MMem): void {
  switch (mem) {
    case 'i64': {
      const [lo, hi] = s.pair64(v);
      s.emit('mov', [at(0, 4), lo.k === 'reg' ? { ...lo, memOk: false } : lo]);
      s.emit('mov', [at(4, 4), hi.k === 'reg' ? { ...hi, memOk: false } : hi]);
      return;
    }
    case 'f32':
    case 'f64':
      return s.emit(mem === 'f32' ? 'movss' : 'movsd', [at(0, mem === 'f32' ? 4 : 8), s.use(s.xmm(v))]);
    case 'i8':
    case 'u8': {
      const c = s.constValue(v);
      if (c !== undefined) return s.emit('mov', [at(0, 1), s.imm((c << 24) >> 24)]);
      const b = s.newVreg('gpr8');
      s.emit('mov', [s.def(b), s.use(s.reg32(v), true)], { isMove: true });
      return s.emit('mov', [at(0, 1), s.use(b, false, 1)]);
    }
    case 'i16':
    case 'u16': {
      const c = s.constValue(v);
      if (c !== undefined) return s.emit('mov', [at(0, 2), s.imm((c << 16) >> 16)]);
      return s.emit('mov', [at(0, 2), s.use(s.reg32(v), false, 2)]);
    }
    case 'i32': {
      const c = v.op === 'const' || v.op === 'symaddr';
      return s.emit('mov', [at(0, 4), c ? s.immOf(v) : s.use(s.reg32(v))]);
    }
  }
}

export function selectMemory(s: Isel, inst: Inst): void {
  switch (inst.op) {
    case 'ldslot': {
      const slot = inst.slot!;
      return loadValue(s, inst, memOf(inst.type!), (extra, size) => s.frameMem(extra, { kind: 'slot', id: slot.id }, size));
    }
    case 'stslot': {
      const slot = inst.slot!;
      const v = inst.args[0]!;
      return storeValue(s, v, memOf(v.type!), (extra, size) => s.frameMem(extra, { kind: 'slot', id: slot.id }, size));
    }
    case 'load': {
      const addr = inst.args[0]!;
      const base = Number(inst.imm);
      return loadValue(s, inst, inst.mem!, (extra, size) => s.address(addr, base + extra, size));
    }
    case 'store': {
      const [addr, v] = inst.args as [Inst, Inst];
      const base = Number(inst.imm);
      return storeValue(s, v, inst.mem!, (extra, size) => s.address(addr, base + extra, size));
    }
    case 'memcpy':
      return copyBlock(s, inst.args[0]!, inst.args[1]!, Number(inst.imm));
    case 'memzero':
      return zeroBlock(s, inst.args[0]!, Number(inst.imm));
    case 'chknull': {
      const v = inst.args[0]!;
      s.emit('cmp', [s.use(s.reg32(v), true), s.imm(0)]);
      return s.trap('je', 'NullReference');
    }
    case 'chkbounds': {
      const [index, length] = inst.args as [Inst, Inst];
      if (s.constValue(index) !== undefined && s.constValue(length) === undefined) {
        s.emit('cmp', [s.use(s.reg32(length), true), s.immOf(index)]);
        return s.trap('jbe', 'IndexOutOfRange');
      }
      s.emit('cmp', [s.use(s.reg32(index)), s.rm32(length)]);
      return s.trap('jae', 'IndexOutOfRange');
    }
    case 'alloca': {
      // Round up to 16 bytes, take it from the stack, clear it (rep stosd).
      const t = s.newVreg('gpr');
      s.emit('mov', [s.def(t), s.rm32(inst.args[0]!)]);
      s.emit('add', [s.usedef(t), s.imm(15)]);
      s.emit('and', [s.usedef(t), s.imm(-16)]);
      const d = s.vreg(inst);
      s.emit('alloca', [s.def(d), s.use(t)]);
      s.usesAlloca = true;
      s.emit('mov', [s.preg('edi', 'def'), s.use(d)]);
      s.emit('mov', [s.preg('ecx', 'def'), s.use(t)]);
      s.emit('shr', [s.preg('ecx', 'usedef'), s.imm(2)]);
      s.emit('mov', [s.preg('eax', 'def'), s.imm(0)]);
      return s.emit('rep stosd', [], { implicitUses: ['eax', 'edi', 'ecx'], implicitDefs: ['edi', 'ecx'] });
    }
    case 'catchobj':
      return s.emit('mov', [s.def(s.vreg(inst)), s.preg('eax', 'use')]);
    default:
      throw new Error(`isel: no memory selector for ${inst.op}`);
  }
}

function memOf(type: string): MemType {
  return type === 'i64' ? 'i64' : type === 'f32' ? 'f32' : type === 'f64' ? 'f64' : 'i32';
}

function copyBlock(s: Isel, dst: Inst, src: Inst, size: number): void {
  if (size <= UNROLL_LIMIT) {
    let k = 0;
    for (; k + 4 <= size; k += 4) {
      const t = s.newVreg('gpr');
      s.emit('mov', [s.def(t), s.address(src, k, 4)]);
      s.emit('mov', [s.address(dst, k, 4), s.use(t)]);
    }
    for (; k < size; k++) {
      const t = s.newVreg('gpr8');
      s.emit('movzx', [s.def(t), s.address(src, k, 1)]);
      s.emit('mov', [s.address(dst, k, 1), s.use(t, false, 1)]);
    }
    return;
  }
  s.emit('mov', [s.preg('edi', 'def'), s.rm32(dst)]);
  s.emit('mov', [s.preg('esi', 'def'), s.rm32(src)]);
  s.emit('mov', [s.preg('ecx', 'def'), s.imm(size >>> 2)]);
  s.emit('rep movsd', [], { implicitUses: ['esi', 'edi', 'ecx'], implicitDefs: ['esi', 'edi', 'ecx'] });
  for (let k = size & ~3; k < size; k++) {
    s.emit('mov', [s.preg('eax', 'def', 1), { k: 'mem', size: 1, base: { preg: 'esi' }, disp: k - (size & ~3) }]);
    s.emit('mov', [{ k: 'mem', size: 1, base: { preg: 'edi' }, disp: k - (size & ~3) }, s.preg('eax', 'use', 1)]);
  }
}

function zeroBlock(s: Isel, dst: Inst, size: number): void {
  if (size <= UNROLL_LIMIT) {
    let k = 0;
    for (; k + 4 <= size; k += 4) s.emit('mov', [s.address(dst, k, 4), s.imm(0)]);
    for (; k < size; k++) s.emit('mov', [s.address(dst, k, 1), s.imm(0)]);
    return;
  }
  s.emit('mov', [s.preg('edi', 'def'), s.rm32(dst)]);
  s.emit('mov', [s.preg('eax', 'def'), s.imm(0)]);
  s.emit('mov', [s.preg('ecx', 'def'), s.imm(size >>> 2)]);
  s.emit('rep stosd', [], { implicitUses: ['eax', 'edi', 'ecx'], implicitDefs: ['edi', 'ecx'] });
  for (let k = 0; k < (size & 3); k++) s.emit('mov', [{ k: 'mem', size: 1, base: { preg: 'edi' }, disp: k }, s.imm(0)]);
}
