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
  const ops = inst.ops;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op.k === 'reg') {
      if (op.role === 'def') continue;
      if (op.vreg !== undefined) read(op.vreg);
      else if (op.preg !== undefined) visitPreg(op.preg, numVregs, read);
    } else if (op.k === 'mem') {
      if (op.base?.vreg !== undefined) read(op.base.vreg);
      else if (op.base?.preg !== undefined) visitPreg(op.base.preg, numVregs, read);
      if (op.index?.vreg !== undefined) read(op.index.vreg);
      else if (op.index?.preg !== undefined) visitPreg(op.index.preg, numVregs, read);
    }
  }
  if (inst.implicitUses) for (const r of inst.implicitUses) visitPreg(r, numVregs, read);
  if (inst.clobbers) for (const r of inst.clobbers) visitPreg(r, numVregs, write);
  if (inst.implicitDefs) for (const r of inst.implicitDefs) visitPreg(r, numVregs, write);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op.k !== 'reg' || op.role === 'use') continue;
    if (op.vreg !== undefined) write(op.vreg);
    else if (op.preg !== undefined) visitPreg(op.preg, numVregs, write);
  }
}

function visitPreg(reg: PReg, numVregs: number, visit: (value: number) => void): void {
  const p = numberOf.get(reg);
  if (p !== undefined) visit(numVregs + p);
}
