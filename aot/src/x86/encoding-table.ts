// The x86 instruction forms the encoder knows, one row per form, as data.
//
// Columns: [instruction, opcode, flags?], written in the notation of the Intel SDM as the
// iced-x86 tables spell it (so a test can compare each row with iced's OpCodeInfo for the
// bytes we produce):
//   instruction  `MNEMONIC op, op, ...` with operand kinds r8 r16 r32, r/m8 r/m16 r/m32,
//                r32/m16 (a 32-bit register or a 16-bit memory operand), m (memory of any
//                size, e.g. LEA), m16&32 (the 6-byte LGDT operand), xmm, xmm/m32 xmm/m64
//                xmm/m128, imm8 imm16 imm32, 1 and 3 (literal immediates), rel8 rel32,
//                ptr16:32, moffs8 moffs16 moffs32, Sreg, cr, and fixed registers (AL AX EAX
//                CL DX, ES CS SS DS FS GS).
//   opcode       o16 (operand-size prefix 66), o32 and NP (documentation only: no prefix in
//                32-bit mode), hex bytes (F2/F3/66 before 0F are mandatory prefixes),
//                `XX+rb/+rw/+rd` (register number added to the byte), `XX+cc` (condition code
//                added, expanded below), /r, /0../7, ib iw id, cb cd (rel8/rel32), cp
//                (ptr16:32), mo (moffs: a 32-bit absolute address).
//   flags        sx   the imm8 is sign-extended to the operand size (SDM 3.1.1.3);
//                lock the LOCK prefix is allowed (with a memory destination);
//                rep  the REP prefix is allowed;
//                gas  a form GNU as accepts beyond the SDM's list; the bytes decode as another
//                     SDM form (e.g. `imul eax, 5` is `IMUL r32, r/m32, imm8` with eax twice).
//
// Row order is preference order: the encoder takes the first row whose operands match, and
// the order reproduces GNU as's choices (moffs forms before ModRM forms, the r/m,reg store
// form for reg-reg, imm8 sign-extended before the accumulator short form before imm32, ...).

export type FormRow = readonly [instruction: string, opcode: string, flags?: string];

/** Condition codes in encoding order (tttn), first name as in the SDM/iced, then aliases. */
export const CONDITION_CODES: readonly (readonly string[])[] = [
  ['O'], ['NO'], ['B', 'C', 'NAE'], ['AE', 'NB', 'NC'], ['E', 'Z'], ['NE', 'NZ'], ['BE', 'NA'], ['A', 'NBE'],
  ['S'], ['NS'], ['P', 'PE'], ['NP', 'PO'], ['L', 'NGE'], ['GE', 'NL'], ['LE', 'NG'], ['G', 'NLE'],
];

/** Mnemonics GNU as accepts as another name of the same forms. */
export const MNEMONIC_ALIASES: Readonly<Record<string, string>> = { SAL: 'SHL' };

const ALU_NAMES = ['ADD', 'OR', 'ADC', 'SBB', 'AND', 'SUB', 'XOR', 'CMP'] as const;

export const FORMS: readonly FormRow[] = [
  // --- data movement -----------------------------------------------------------------
  ['MOV moffs8, AL', 'A2 mo'],
  ['MOV moffs16, AX', 'o16 A3 mo'],
  ['MOV moffs32, EAX', 'o32 A3 mo'],
  ['MOV AL, moffs8', 'A0 mo'],
  ['MOV AX, moffs16', 'o16 A1 mo'],
  ['MOV EAX, moffs32', 'o32 A1 mo'],
  ['MOV r/m8, r8', '88 /r'],
  ['MOV r/m16, r16', 'o16 89 /r'],
  ['MOV r/m32, r32', 'o32 89 /r'],
  ['MOV r8, r/m8', '8A /r'],
  ['MOV r16, r/m16', 'o16 8B /r'],
  ['MOV r32, r/m32', 'o32 8B /r'],
  ['MOV r32/m16, Sreg', 'o32 8C /r'],
  ['MOV r/m16, Sreg', 'o16 8C /r'],
  ['MOV Sreg, r32/m16', 'o32 8E /r'],
  ['MOV Sreg, r16', 'o32 8E /r', 'gas'],
  ['MOV r8, imm8', 'B0+rb ib'],
  ['MOV r16, imm16', 'o16 B8+rw iw'],
  ['MOV r32, imm32', 'o32 B8+rd id'],
  ['MOV r/m8, imm8', 'C6 /0 ib'],
  ['MOV r/m16, imm16', 'o16 C7 /0 iw'],
  ['MOV r/m32, imm32', 'o32 C7 /0 id'],
  ['MOV r32, cr', '0F 20 /r'],
  ['MOV cr, r32', '0F 22 /r'],
  ['MOVZX r16, r/m8', 'o16 0F B6 /r'],
  ['MOVZX r32, r/m8', 'o32 0F B6 /r'],
  ['MOVZX r32, r/m16', 'o32 0F B7 /r'],
  ['MOVSX r16, r/m8', 'o16 0F BE /r'],
  ['MOVSX r32, r/m8', 'o32 0F BE /r'],
  ['MOVSX r32, r/m16', 'o32 0F BF /r'],
  ['LEA r16, m', 'o16 8D /r'],
  ['LEA r32, m', 'o32 8D /r'],
  ['XCHG r16, AX', 'o16 90+rw'],
  ['XCHG r32, EAX', 'o32 90+rd'],
  ['XCHG AX, r16', 'o16 90+rw', 'gas'],
  ['XCHG EAX, r32', 'o32 90+rd', 'gas'],
  ['XCHG r/m8, r8', '86 /r', 'lock'],
  ['XCHG r/m16, r16', 'o16 87 /r', 'lock'],
  ['XCHG r/m32, r32', 'o32 87 /r', 'lock'],
  ['XCHG r8, r/m8', '86 /r', 'gas'],
  ['XCHG r16, r/m16', 'o16 87 /r', 'gas'],
  ['XCHG r32, r/m32', 'o32 87 /r', 'gas'],
  ['CMPXCHG r/m8, r8', '0F B0 /r', 'lock'],
  ['CMPXCHG r/m16, r16', 'o16 0F B1 /r', 'lock'],
  ['CMPXCHG r/m32, r32', 'o32 0F B1 /r', 'lock'],
  ['XADD r/m8, r8', '0F C0 /r', 'lock'],
  ['XADD r/m16, r16', 'o16 0F C1 /r', 'lock'],
  ['XADD r/m32, r32', 'o32 0F C1 /r', 'lock'],
  ['BSWAP r32', 'o32 0F C8+rd'],
  ['CWDE', 'o32 98'],
  ['CDQ', 'o32 99'],

  // --- stack ---------------------------------------------------------------------------
  ['PUSH r16', 'o16 50+rw'],
  ['PUSH r32', 'o32 50+rd'],
  ['PUSH imm8', 'o32 6A ib', 'sx'],
  ['PUSH imm32', 'o32 68 id'],
  ['PUSH r/m16', 'o16 FF /6'],
  ['PUSH r/m32', 'o32 FF /6'],
  ['PUSH ES', 'o32 06'],
  ['PUSH CS', 'o32 0E'],
  ['PUSH SS', 'o32 16'],
  ['PUSH DS', 'o32 1E'],
  ['PUSH FS', 'o32 0F A0'],
  ['PUSH GS', 'o32 0F A8'],
  ['POP r16', 'o16 58+rw'],
  ['POP r32', 'o32 58+rd'],
  ['POP r/m16', 'o16 8F /0'],
  ['POP r/m32', 'o32 8F /0'],
  ['POP ES', 'o32 07'],
  ['POP SS', 'o32 17'],
  ['POP DS', 'o32 1F'],
  ['POP FS', 'o32 0F A1'],
  ['POP GS', 'o32 0F A9'],
  ['PUSHAD', 'o32 60'],
  ['POPAD', 'o32 61'],
  ['PUSHFD', 'o32 9C'],
  ['POPFD', 'o32 9D'],
  ['LEAVE', 'o32 C9'],

  // --- integer arithmetic and logic (ALU rows are generated below: ADD..CMP) ------------
  ...ALU_NAMES.flatMap(aluRows),
  ['TEST r/m8, r8', '84 /r'],
  ['TEST r/m16, r16', 'o16 85 /r'],
  ['TEST r/m32, r32', 'o32 85 /r'],
  ['TEST r8, r/m8', '84 /r', 'gas'],
  ['TEST r16, r/m16', 'o16 85 /r', 'gas'],
  ['TEST r32, r/m32', 'o32 85 /r', 'gas'],
  ['TEST AL, imm8', 'A8 ib'],
  ['TEST AX, imm16', 'o16 A9 iw'],
  ['TEST EAX, imm32', 'o32 A9 id'],
  ['TEST r/m8, imm8', 'F6 /0 ib'],
  ['TEST r/m16, imm16', 'o16 F7 /0 iw'],
  ['TEST r/m32, imm32', 'o32 F7 /0 id'],
  ['INC r16', 'o16 40+rw'],
  ['INC r32', 'o32 40+rd'],
  ['INC r/m8', 'FE /0', 'lock'],
  ['INC r/m16', 'o16 FF /0', 'lock'],
  ['INC r/m32', 'o32 FF /0', 'lock'],
  ['DEC r16', 'o16 48+rw'],
  ['DEC r32', 'o32 48+rd'],
  ['DEC r/m8', 'FE /1', 'lock'],
  ['DEC r/m16', 'o16 FF /1', 'lock'],
  ['DEC r/m32', 'o32 FF /1', 'lock'],
  ['NOT r/m8', 'F6 /2', 'lock'],
  ['NOT r/m16', 'o16 F7 /2', 'lock'],
  ['NOT r/m32', 'o32 F7 /2', 'lock'],
  ['NEG r/m8', 'F6 /3', 'lock'],
  ['NEG r/m16', 'o16 F7 /3', 'lock'],
  ['NEG r/m32', 'o32 F7 /3', 'lock'],
  ['MUL r/m8', 'F6 /4'],
  ['MUL r/m16', 'o16 F7 /4'],
  ['MUL r/m32', 'o32 F7 /4'],
  ['IMUL r/m8', 'F6 /5'],
  ['IMUL r/m16', 'o16 F7 /5'],
  ['IMUL r/m32', 'o32 F7 /5'],
  ['IMUL r16, r/m16', 'o16 0F AF /r'],
  ['IMUL r32, r/m32', 'o32 0F AF /r'],
  ['IMUL r16, r/m16, imm8', 'o16 6B /r ib', 'sx'],
  ['IMUL r32, r/m32, imm8', 'o32 6B /r ib', 'sx'],
  ['IMUL r16, r/m16, imm16', 'o16 69 /r iw'],
  ['IMUL r32, r/m32, imm32', 'o32 69 /r id'],
  ['IMUL r16, imm8', 'o16 6B /r ib', 'sx gas'],
  ['IMUL r32, imm8', 'o32 6B /r ib', 'sx gas'],
  ['IMUL r16, imm16', 'o16 69 /r iw', 'gas'],
  ['IMUL r32, imm32', 'o32 69 /r id', 'gas'],
  ['DIV r/m8', 'F6 /6'],
  ['DIV r/m16', 'o16 F7 /6'],
  ['DIV r/m32', 'o32 F7 /6'],
  ['IDIV r/m8', 'F6 /7'],
  ['IDIV r/m16', 'o16 F7 /7'],
  ['IDIV r/m32', 'o32 F7 /7'],

  // --- shifts, rotates, bit operations ----------------------------------------------------
  ...(['ROL', 'ROR', 'SHL', 'SHR', 'SAR'] as const).flatMap(shiftRows),
  ['SHLD r/m16, r16, imm8', 'o16 0F A4 /r ib'],
  ['SHLD r/m32, r32, imm8', 'o32 0F A4 /r ib'],
  ['SHLD r/m16, r16, CL', 'o16 0F A5 /r'],
  ['SHLD r/m32, r32, CL', 'o32 0F A5 /r'],
  ['SHRD r/m16, r16, imm8', 'o16 0F AC /r ib'],
  ['SHRD r/m32, r32, imm8', 'o32 0F AC /r ib'],
  ['SHRD r/m16, r16, CL', 'o16 0F AD /r'],
  ['SHRD r/m32, r32, CL', 'o32 0F AD /r'],
  ['BT r/m16, r16', 'o16 0F A3 /r'],
  ['BT r/m32, r32', 'o32 0F A3 /r'],
  ['BT r/m16, imm8', 'o16 0F BA /4 ib'],
  ['BT r/m32, imm8', 'o32 0F BA /4 ib'],
  ['BTS r/m16, r16', 'o16 0F AB /r', 'lock'],
  ['BTS r/m32, r32', 'o32 0F AB /r', 'lock'],
  ['BTS r/m16, imm8', 'o16 0F BA /5 ib', 'lock'],
  ['BTS r/m32, imm8', 'o32 0F BA /5 ib', 'lock'],
  ['BTR r/m16, r16', 'o16 0F B3 /r', 'lock'],
  ['BTR r/m32, r32', 'o32 0F B3 /r', 'lock'],
  ['BTR r/m16, imm8', 'o16 0F BA /6 ib', 'lock'],
  ['BTR r/m32, imm8', 'o32 0F BA /6 ib', 'lock'],
  ['BTC r/m16, r16', 'o16 0F BB /r', 'lock'],
  ['BTC r/m32, r32', 'o32 0F BB /r', 'lock'],
  ['BTC r/m16, imm8', 'o16 0F BA /7 ib', 'lock'],
  ['BTC r/m32, imm8', 'o32 0F BA /7 ib', 'lock'],
  ['BSF r16, r/m16', 'o16 0F BC /r'],
  ['BSF r32, r/m32', 'o32 0F BC /r'],
  ['BSR r16, r/m16', 'o16 0F BD /r'],
  ['BSR r32, r/m32', 'o32 0F BD /r'],
  // SETcc has a /r column in the SDM but ignores ModRM.reg; as writes 0 there.
  ['SETcc r/m8', '0F 90+cc /r'],
  ['CMOVcc r16, r/m16', 'o16 0F 40+cc /r'],
  ['CMOVcc r32, r/m32', 'o32 0F 40+cc /r'],

  // --- control transfer ----------------------------------------------------------------
  ['Jcc rel8', 'o32 70+cc cb'],
  ['Jcc rel32', 'o32 0F 80+cc cd'],
  ['JMP rel8', 'o32 EB cb'],
  ['JMP rel32', 'o32 E9 cd'],
  ['JMP r/m32', 'o32 FF /4'],
  ['JMP ptr16:32', 'o32 EA cp'],
  ['CALL rel32', 'o32 E8 cd'],
  ['CALL r/m32', 'o32 FF /2'],
  ['RET', 'o32 C3'],
  ['RET imm16', 'o32 C2 iw'],
  ['INT3', 'CC'],
  ['INT 3', 'CC', 'gas'],
  ['INT imm8', 'CD ib'],
  ['IRETD', 'o32 CF'],

  // --- string instructions ---------------------------------------------------------------
  ['MOVSB', 'A4', 'rep'],
  ['MOVSW', 'o16 A5', 'rep'],
  ['MOVSD', 'o32 A5', 'rep'],
  ['STOSB', 'AA', 'rep'],
  ['STOSW', 'o16 AB', 'rep'],
  ['STOSD', 'o32 AB', 'rep'],
  ['LODSB', 'AC', 'rep'],
  ['LODSD', 'o32 AD', 'rep'],
  ['CLD', 'FC'],
  ['STD', 'FD'],

  // --- system --------------------------------------------------------------------------
  ['NOP', 'o32 90'],
  ['PAUSE', 'F3 90'],
  ['UD2', '0F 0B'],
  ['HLT', 'F4'],
  ['CLI', 'FA'],
  ['STI', 'FB'],
  ['IN AL, imm8', 'E4 ib'],
  ['IN AX, imm8', 'o16 E5 ib'],
  ['IN EAX, imm8', 'o32 E5 ib'],
  ['IN AL, DX', 'EC'],
  ['IN AX, DX', 'o16 ED'],
  ['IN EAX, DX', 'o32 ED'],
  ['OUT imm8, AL', 'E6 ib'],
  ['OUT imm8, AX', 'o16 E7 ib'],
  ['OUT imm8, EAX', 'o32 E7 ib'],
  ['OUT DX, AL', 'EE'],
  ['OUT DX, AX', 'o16 EF'],
  ['OUT DX, EAX', 'o32 EF'],
  ['SGDT m', 'o32 0F 01 /0'],
  ['SIDT m', 'o32 0F 01 /1'],
  ['LGDT m16&32', 'o32 0F 01 /2'],
  ['LIDT m16&32', 'o32 0F 01 /3'],
  ['INVLPG m', '0F 01 /7'],
  // as accepts only a 16-bit operand for LTR and writes no 66 prefix.
  ['LTR r/m16', 'o32 0F 00 /3', 'gas'],
  ['RDTSC', '0F 31'],
  ['CPUID', '0F A2'],

  // --- SSE/SSE2 scalar floating point ------------------------------------------------------
  ['MOVSS xmm1, xmm2/m32', 'F3 0F 10 /r'],
  ['MOVSS xmm2/m32, xmm1', 'F3 0F 11 /r'],
  ['MOVSD xmm1, xmm2/m64', 'F2 0F 10 /r'],
  ['MOVSD xmm1/m64, xmm2', 'F2 0F 11 /r'],
  ['MOVAPS xmm1, xmm2/m128', 'NP 0F 28 /r'],
  ['MOVAPS xmm2/m128, xmm1', 'NP 0F 29 /r'],
  ['MOVAPD xmm1, xmm2/m128', '66 0F 28 /r'],
  ['MOVAPD xmm2/m128, xmm1', '66 0F 29 /r'],
  ['MOVD xmm, r/m32', '66 0F 6E /r'],
  ['MOVD r/m32, xmm', '66 0F 7E /r'],
  ['MOVQ xmm1, xmm2/m64', 'F3 0F 7E /r'],
  ['MOVQ xmm2/m64, xmm1', '66 0F D6 /r'],
  ...scalarRows('ADD', '58'),
  ...scalarRows('SUB', '5C'),
  ...scalarRows('MUL', '59'),
  ...scalarRows('DIV', '5E'),
  ...scalarRows('SQRT', '51'),
  ...scalarRows('MIN', '5D'),
  ...scalarRows('MAX', '5F'),
  ['CVTSI2SS xmm1, r/m32', 'F3 0F 2A /r'],
  ['CVTSI2SD xmm1, r/m32', 'F2 0F 2A /r'],
  ['CVTTSS2SI r32, xmm1/m32', 'F3 0F 2C /r'],
  ['CVTTSD2SI r32, xmm1/m64', 'F2 0F 2C /r'],
  ['CVTSS2SI r32, xmm1/m32', 'F3 0F 2D /r'],
  ['CVTSD2SI r32, xmm1/m64', 'F2 0F 2D /r'],
  ['CVTSS2SD xmm1, xmm2/m32', 'F3 0F 5A /r'],
  ['CVTSD2SS xmm1, xmm2/m64', 'F2 0F 5A /r'],
  ['UCOMISS xmm1, xmm2/m32', 'NP 0F 2E /r'],
  ['UCOMISD xmm1, xmm2/m64', '66 0F 2E /r'],
  ['COMISS xmm1, xmm2/m32', 'NP 0F 2F /r'],
  ['COMISD xmm1, xmm2/m64', '66 0F 2F /r'],
  ...packedRows('AND', '54'),
  ...packedRows('ANDN', '55'),
  ...packedRows('OR', '56'),
  ...packedRows('XOR', '57'),
];

/**
 * The eight classic ALU operations share one layout: opcode base 00/08/.../38 for the
 * register forms, /digit = their index in 80/81/83, and base+4/5 for the accumulator.
 * CMP writes nothing, so it takes no LOCK.
 */
function aluRows(name: (typeof ALU_NAMES)[number], digit: number): FormRow[] {
  const base = digit * 8;
  const lock = name === 'CMP' ? '' : 'lock';
  const h = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
  const flags = (...f: string[]) => f.filter(Boolean).join(' ');
  return [
    [`${name} r/m8, r8`, `${h(base)} /r`, lock],
    [`${name} r/m16, r16`, `o16 ${h(base + 1)} /r`, lock],
    [`${name} r/m32, r32`, `o32 ${h(base + 1)} /r`, lock],
    [`${name} r8, r/m8`, `${h(base + 2)} /r`],
    [`${name} r16, r/m16`, `o16 ${h(base + 3)} /r`],
    [`${name} r32, r/m32`, `o32 ${h(base + 3)} /r`],
    [`${name} r/m16, imm8`, `o16 83 /${digit} ib`, flags('sx', lock)],
    [`${name} r/m32, imm8`, `o32 83 /${digit} ib`, flags('sx', lock)],
    [`${name} AL, imm8`, `${h(base + 4)} ib`],
    [`${name} AX, imm16`, `o16 ${h(base + 5)} iw`],
    [`${name} EAX, imm32`, `o32 ${h(base + 5)} id`],
    [`${name} r/m8, imm8`, `80 /${digit} ib`, lock],
    [`${name} r/m16, imm16`, `o16 81 /${digit} iw`, lock],
    [`${name} r/m32, imm32`, `o32 81 /${digit} id`, lock],
  ];
}

/** ROL /0, ROR /1, SHL /4, SHR /5, SAR /7: by 1 (D0/D1), by CL (D2/D3), by imm8 (C0/C1). */
function shiftRows(name: 'ROL' | 'ROR' | 'SHL' | 'SHR' | 'SAR'): FormRow[] {
  const digit = { ROL: 0, ROR: 1, SHL: 4, SHR: 5, SAR: 7 }[name];
  return [
    [`${name} r/m8, 1`, `D0 /${digit}`],
    [`${name} r/m16, 1`, `o16 D1 /${digit}`],
    [`${name} r/m32, 1`, `o32 D1 /${digit}`],
    [`${name} r/m8, CL`, `D2 /${digit}`],
    [`${name} r/m16, CL`, `o16 D3 /${digit}`],
    [`${name} r/m32, CL`, `o32 D3 /${digit}`],
    [`${name} r/m8, imm8`, `C0 /${digit} ib`],
    [`${name} r/m16, imm8`, `o16 C1 /${digit} ib`],
    [`${name} r/m32, imm8`, `o32 C1 /${digit} ib`],
  ];
}

/** Scalar single (F3, m32) and double (F2, m64) forms of an SSE arithmetic operation. */
function scalarRows(op: string, opcode: string): FormRow[] {
  return [
    [`${op}SS xmm1, xmm2/m32`, `F3 0F ${opcode} /r`],
    [`${op}SD xmm1, xmm2/m64`, `F2 0F ${opcode} /r`],
  ];
}

/** Packed single (NP) and double (66) forms of an SSE logical operation on the whole register. */
function packedRows(op: string, opcode: string): FormRow[] {
  return [
    [`${op}PS xmm1, xmm2/m128`, `NP 0F ${opcode} /r`],
    [`${op}PD xmm1, xmm2/m128`, `66 0F ${opcode} /r`],
  ];
}
