// Operand samples for encoder tests, derived from each form's operand kinds: every register
// of a class, immediates at their size boundaries, every addressing form (ESP/EBP special
// cases, no base, no index, all scales, disp8/disp32 boundaries, segment overrides), and a
// seeded random generator for the fuzz test.

import { SpecKind, ANY_SIZE, type Form, type OperandSpec } from '../../../src/x86/forms.ts';
import { imm, mem, reg, type MemOperand, type MemSize, type Operand } from '../../../src/x86/operands.ts';
import { CREG, REG16, REG32, REG8, SREG, XMM, type Reg, type Reg32, type RegClass, type Sreg } from '../../../src/x86/registers.ts';

const REGS: Record<RegClass, readonly Reg[]> = { r32: REG32, r16: REG16, r8: REG8, xmm: XMM, sreg: SREG, creg: CREG };

const DISPS = [0, 1, -1, 0x7f, -0x80, 0x80, -0x81, 0x7fffffff, -0x80000000, 0xffffffff, 0x1234];
const SCALES = [1, 2, 4, 8] as const;
const INDEXES = REG32.filter(r => r !== 'esp');

/** Every addressing form with size `size`. */
export function memSpread(size: MemSize): MemOperand[] {
  const out: MemOperand[] = [];
  for (const disp of [0, 0x1234, 0xfffffff0]) out.push(mem(size, { disp }));
  for (const base of REG32) for (const disp of DISPS) out.push(mem(size, { base, disp }));
  for (const index of INDEXES) for (const scale of SCALES) out.push(mem(size, { index, scale, disp: scale === 1 ? 0 : 0x40 }));
  REG32.forEach((base, b) =>
    INDEXES.forEach((index, i) => out.push(mem(size, { base, index, scale: SCALES[(b + i) % 4], disp: DISPS[(b * 7 + i) % DISPS.length] }))),
  );
  for (const seg of SREG) for (const base of ['eax', 'ebp', 'esp'] as const) out.push(mem(size, { base, disp: 8, seg }));
  out.push(mem(size, { disp: 0x1000, seg: 'fs' }), mem(size, { index: 'ebp', scale: 4, seg: 'ss' }));
  return out;
}

/** Absolute addresses for moffs forms, with and without segment overrides. */
function moffsSpread(size: MemSize): MemOperand[] {
  const segs: (Sreg | undefined)[] = [undefined, 'fs', 'es', 'ds'];
  return [0, 0x1234, 0xffffffff].flatMap((disp, i) => [mem(size, { disp }), mem(size, { disp, seg: segs[(i + 1) % 4] })]);
}

function immSpread(spec: OperandSpec, form: Form): number[] {
  switch (spec.width) {
    case 8:
      if (!form.sx) return [0, 1, 2, 0x7f, 0x80, 0xff, -1, -0x80];
      return form.operandSize === 16 ? [0, 1, -1, 0x7f, -0x80, 0xff80, 0xffff] : [0, 1, -1, 0x7f, -0x80, 0xffffff80, 0xffffffff];
    case 16:
      return [0, 1, 0x7f, 0x80, 0x7fff, 0x8000, 0xffff, -1, -0x8000];
    default:
      return [0, 1, 0x7f, 0x80, -0x81, 0x7fffffff, 0x80000000, 0xffffffff, -0x80000000, 0x12345678];
  }
}

/** Sample operands for one operand position of a form. */
export function samples(spec: OperandSpec, form: Form): Operand[] {
  switch (spec.kind) {
    case SpecKind.Reg:
      return REGS[spec.regClass!].filter(r => !spec.excluded?.includes(r)).map(r => reg(r));
    case SpecKind.Fixed:
      return [reg(spec.reg!)];
    case SpecKind.RegOrMem:
      return [...REGS[spec.regClass!].map(r => reg(r)), ...memSpread(spec.memSize as MemSize)];
    case SpecKind.Mem:
      return spec.memSize === ANY_SIZE ? memSpread(0) : memSpread(spec.memSize as MemSize);
    case SpecKind.Moffs:
      return moffsSpread(spec.memSize as MemSize);
    case SpecKind.Imm:
      return immSpread(spec, form).map(v => imm(v));
    case SpecKind.Const:
      return [imm(spec.value)];
    case SpecKind.Far:
      return [
        { kind: 'far', selector: 8, offset: 0x12345678 },
        { kind: 'far', selector: 0xffff, offset: 0 },
        { kind: 'far', selector: 0x10, offset: 0xffffffff },
      ];
    case SpecKind.Rel:
      throw new Error('branch targets are tested through the Assembler');
  }
}

const FULL_PRODUCT_LIMIT = 600;

/**
 * Operand lists for a form: the full product of the samples when small, else every sample of
 * every position at least once, with the other positions rotating through their samples.
 */
export function combinations(form: Form): Operand[][] {
  const lists = form.operands.map(s => samples(s, form));
  const total = lists.reduce((n, l) => n * l.length, 1);
  if (total <= FULL_PRODUCT_LIMIT) {
    return lists.reduce<Operand[][]>((acc, list) => acc.flatMap(prefix => list.map(op => [...prefix, op])), [[]]);
  }
  const out: Operand[][] = [];
  lists.forEach((list, k) =>
    list.forEach((op, i) => out.push(lists.map((other, j) => (j === k ? op : other[(i * (j + 3) + j) % other.length])))),
  );
  return out;
}

/** A small seeded PRNG (mulberry32): deterministic test input. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random operand for `spec` (random registers, addressing parts, displacements, values). */
export function randomOperand(spec: OperandSpec, form: Form, rand: () => number): Operand {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const randomDisp = () => pick([0, 0, Math.floor(rand() * 256) - 128, Math.floor(rand() * 0x100000000) - 0x80000000, Math.floor(rand() * 0x100000000)]);
  const randomMem = (size: MemSize): MemOperand => {
    const base: Reg32 | undefined = rand() < 0.85 ? pick(REG32) : undefined;
    const index: Reg32 | undefined = rand() < 0.5 ? pick(INDEXES) : undefined;
    const seg: Sreg | undefined = rand() < 0.15 ? pick(SREG) : undefined;
    return mem(size, { base, index, scale: index ? pick(SCALES) : undefined, disp: randomDisp(), seg });
  };
  switch (spec.kind) {
    case SpecKind.RegOrMem:
      return rand() < 0.5 ? reg(pick(REGS[spec.regClass!])) : randomMem(spec.memSize as MemSize);
    case SpecKind.Mem:
      return randomMem(spec.memSize === ANY_SIZE ? 0 : (spec.memSize as MemSize));
    case SpecKind.Imm: {
      const values = immSpread(spec, form);
      if (spec.width === 32 && rand() < 0.7) return imm(Math.floor(rand() * 0x100000000));
      if (spec.width === 16 && rand() < 0.7) return imm(Math.floor(rand() * 0x10000));
      return imm(pick(values));
    }
    case SpecKind.Moffs:
      return mem(spec.memSize as MemSize, { disp: Math.floor(rand() * 0x100000000), seg: rand() < 0.3 ? pick(SREG) : undefined });
    default:
      return pick(samples(spec, form));
  }
}
