// What the passes may do with an instruction, refining the opcode table's effect column
// (ir/opcodes.ts) with what the operands prove: a division by a non-zero constant cannot
// trap, a conv.ovf from a narrower range cannot overflow, a null check of a symbol
// address always passes. Volatile accesses are never removable or movable.

import type { Inst } from '../ir/ir.ts';
import { OPS } from '../ir/opcodes.ts';
import { isFloat } from '../ir/types.ts';
import { constOf, fold, kindRange, sourceRange, type Const } from './fold.ts';

/** True unless the instruction is proven not to trap (only 'trap' rows and conv.ovf can). */
export function mayTrap(inst: Inst): boolean {
  switch (inst.op) {
    case 'div':
    case 'rem':
    case 'divu':
    case 'remu': {
      if (isFloat(inst.type!)) return false;
      const d = constOf(inst.args[1]!);
      if (d === undefined || d === 0 || d === 0n) return true;
      if (inst.op === 'divu' || inst.op === 'remu' || (d !== -1 && d !== -1n)) return false;
      return foldsFromConstants(inst) === undefined;
    }
    case 'conv': {
      const c = inst.conv!;
      if (!c.ovf) return false;
      const target = kindRange(c.to);
      const from = inst.args[0]!.type!;
      if (target === undefined) return false;
      if (!isFloat(from)) {
        const [lo, hi] = sourceRange(from, c.un);
        if (lo >= target[0] && hi <= target[1]) return false;
      }
      return foldsFromConstants(inst) === undefined;
    }
    case 'chknull': {
      const a = inst.args[0]!;
      if (a.op === 'symaddr' || a.op === 'slotaddr') return false;
      const c = constOf(a);
      return c === undefined || c === 0;
    }
    case 'chkbounds': {
      const i = constOf(inst.args[0]!);
      const n = constOf(inst.args[1]!);
      return i === undefined || n === undefined || (i as number) >>> 0 >= (n as number) >>> 0;
    }
    default:
      if (OPS[inst.op].effects !== 'trap') return false;
      return foldsFromConstants(inst) === undefined;
  }
}

function foldsFromConstants(inst: Inst): Const | undefined {
  const args: Const[] = [];
  for (const a of inst.args) {
    const c = constOf(a);
    if (c === undefined) return undefined;
    args.push(c);
  }
  return fold(inst, args);
}

/** May be deleted when its value is unused: no side effect, no possible trap, not volatile. */
export function isRemovable(inst: Inst): boolean {
  if (inst.volatile || inst.op === 'catchobj') return false;
  switch (OPS[inst.op].effects) {
    case 'pure':
    case 'trap':
      return !mayTrap(inst);
    case 'read':
      return true;
    default:
      return false;
  }
}

/**
 * May be executed where it was not (hoisted, or one copy standing for another): a value
 * computed from its operands alone, without memory, traps or position (phi, param and
 * catchobj depend on where they are).
 */
export function isSpeculatable(inst: Inst): boolean {
  if (inst.volatile || inst.type === undefined) return false;
  if (inst.op === 'phi' || inst.op === 'param' || inst.op === 'catchobj') return false;
  const e = OPS[inst.op].effects;
  return (e === 'pure' || e === 'trap') && !mayTrap(inst);
}
