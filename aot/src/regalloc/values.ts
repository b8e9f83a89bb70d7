// The values the allocator tracks: every vreg, plus every allocatable physical register
// (a fixed value, e.g. eax between `mov eax, a` and `idiv`). Value ids: vreg v is v;
// allocatable preg number p (its index in ALLOCATABLE) is numVregs + p. EBP and ESP are
// not allocatable, so operands naming them are invisible here.
// Reads and writes of an instruction, in the order the hardware performs them: all
// reads (operands with role use/usedef, address registers, implicit uses) happen before
// all writes (role def/usedef, implicit defs, clobbers).

import { CLASS_REGS, type MInst, type PReg } from './mir.ts';

/** Allocatable registers; the index is the allocator's register number. */
export const ALLOCATABLE: readonly PReg[] = [...CLASS_REGS.gpr, ...CLASS_REGS.xmm];

const numberOf = new Map<PReg, number>(ALLOCATABLE.map((r, i) => [r, i]));

/** The allocator's number of a physical register, or -1 if it is not allocatable (esp, ebp). */
export function pregNumber(reg: PReg): number {
  return numberOf.get(reg) ?? -1;
}

/** Calls `read` for each value the instruction reads, then `write` for each it writes. */
export function instValues(inst: MInst, numVregs: number, read: (value: number) => void, write: (value: number) => void): void {
  const preg = (reg: PReg, visit: (value: number) => void) => {
    const p = numberOf.get(reg);
    if (p !== undefined) visit(numVregs + p);
  };
  for (const op of inst.ops) {
    if (op.k === 'reg') {
      if (op.role === 'def') continue;
      if (op.vreg !== undefined) read(op.vreg);
      else if (op.preg !== undefined) preg(op.preg, read);
    } else if (op.k === 'mem') {
      for (const a of [op.base, op.index]) {
        if (a?.vreg !== undefined) read(a.vreg);
        else if (a?.preg !== undefined) preg(a.preg, read);
      }
    }
  }
  for (const r of inst.implicitUses ?? []) preg(r, read);
  for (const r of inst.clobbers ?? []) preg(r, write);
  for (const r of inst.implicitDefs ?? []) preg(r, write);
  for (const op of inst.ops) {
    if (op.k !== 'reg' || op.role === 'use') continue;
    if (op.vreg !== undefined) write(op.vreg);
    else if (op.preg !== undefined) preg(op.preg, write);
  }
}
