// x86 register file of the 32-bit protected-mode target, named as in the Intel SDM.
// The number of a register is its 3-bit encoding in ModRM.reg / ModRM.rm / SIB.

export const REG32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'] as const;
export const REG16 = ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'] as const;
/** Byte registers in encoding order: ah..bh share numbers 4..7 with the 32-bit esp..edi. */
export const REG8 = ['al', 'cl', 'dl', 'bl', 'ah', 'ch', 'dh', 'bh'] as const;
export const XMM = ['xmm0', 'xmm1', 'xmm2', 'xmm3', 'xmm4', 'xmm5', 'xmm6', 'xmm7'] as const;
export const SREG = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'] as const;
export const CREG = ['cr0', 'cr1', 'cr2', 'cr3', 'cr4'] as const;

export type Reg32 = (typeof REG32)[number];
export type Reg16 = (typeof REG16)[number];
export type Reg8 = (typeof REG8)[number];
export type Xmm = (typeof XMM)[number];
export type Sreg = (typeof SREG)[number];
export type Creg = (typeof CREG)[number];
export type Reg = Reg32 | Reg16 | Reg8 | Xmm | Sreg | Creg;

export type RegClass = 'r32' | 'r16' | 'r8' | 'xmm' | 'sreg' | 'creg';

export interface RegInfo {
  readonly num: number;
  readonly cls: RegClass;
  /** Operand size in bytes (xmm: 16). */
  readonly size: number;
  /** Index of the register in ALL_REGISTERS (a compact id for packed records). */
  readonly id: number;
}

/** Every register name; RegInfo.id indexes it. */
export const ALL_REGISTERS: readonly Reg[] = [...REG32, ...REG16, ...REG8, ...XMM, ...SREG, ...CREG];

const info = new Map<string, RegInfo>();
const add = (names: readonly string[], cls: RegClass, size: number) =>
  names.forEach((name, num) => info.set(name, { num, cls, size, id: ALL_REGISTERS.indexOf(name as Reg) }));
add(REG32, 'r32', 4);
add(REG16, 'r16', 2);
add(REG8, 'r8', 1);
add(XMM, 'xmm', 16);
add(SREG, 'sreg', 2);
add(CREG, 'creg', 4);

export function isReg(name: string): name is Reg {
  return info.has(name);
}

export function regInfo(reg: Reg): RegInfo {
  return info.get(reg)!;
}

// lookupReg runs for every register operand the encoder sees: a perfect hash of the names
// (checked below) answers with two array loads and one comparison instead of a map lookup.
const hashName = (s: string) => ((s.charCodeAt(0) * 5) ^ (s.charCodeAt(1) * 3) ^ (s.charCodeAt(s.length - 1) << 1) ^ (s.length << 5)) & 255;
const NO_SLOT = -1;
const SHARED_SLOT = -2;
const slots = new Int32Array(256).fill(NO_SLOT);
for (const [id, name] of ALL_REGISTERS.entries()) slots[hashName(name)] = slots[hashName(name)] === NO_SLOT ? id : SHARED_SLOT;
const infoById = ALL_REGISTERS.map(name => info.get(name)!);

/** The info of a register name, or undefined when it names none (for hot paths). */
export function lookupReg(name: string): RegInfo | undefined {
  if (name.length < 2) return undefined;
  const id = slots[hashName(name)];
  if (id >= 0) return ALL_REGISTERS[id] === name ? infoById[id] : undefined;
  return id === SHARED_SLOT ? info.get(name) : undefined;
}

/** The low byte register of a 32-bit register, for setcc/movzx; only eax..ebx have one. */
export function low8(reg: Reg32): Reg8 | undefined {
  const n = regInfo(reg).num;
  return n < 4 ? REG8[n] : undefined;
}

export function low16(reg: Reg32): Reg16 {
  return REG16[regInfo(reg).num];
}
