// Dispatch of non-terminator IR instructions to the selectors of their group.

import type { Inst } from '../ir/ir.ts';
import type { Isel } from './isel.ts';
import { selectInt } from './isel-int.ts';
import { selectI64 } from './isel-i64.ts';
import { selectFloat } from './isel-float.ts';
import { selectConv } from './isel-conv.ts';
import { selectMemory, selectParam } from './isel-mem.ts';
import { selectCall } from './isel-call.ts';
import { selectIntrinsic } from './isel-intrinsics.ts';

export function selectInst(s: Isel, inst: Inst): void {
  // Folded into the memory operands that use them.
  if (s.addressOnly.has(inst) || s.foldedLoads.has(inst)) return;
  switch (inst.op) {
    case 'const':
    case 'symaddr':
    case 'slotaddr':
      return; // rematerialised at each use
    case 'param':
      return selectParam(s, inst);
    case 'conv':
      return selectConv(s, inst);
    case 'ldslot':
    case 'stslot':
    case 'load':
    case 'store':
    case 'memcpy':
    case 'memzero':
    case 'alloca':
    case 'chknull':
    case 'chkbounds':
    case 'catchobj':
      return selectMemory(s, inst);
    case 'call':
    case 'calli':
      return selectCall(s, inst);
    case 'intrinsic':
      return selectIntrinsic(s, inst);
    default: {
      // Arithmetic: by operand type (cmp produces i32 from any operand type).
      const t = inst.args[0]?.type ?? inst.type;
      if (inst.op === 'select') {
        const vt = inst.type;
        if (vt === 'i64') return selectI64(s, inst);
        if (vt === 'f32' || vt === 'f64') return selectFloat(s, inst);
        return selectInt(s, inst);
      }
      if (t === 'i64') return selectI64(s, inst);
      if (t === 'f32' || t === 'f64') return selectFloat(s, inst);
      return selectInt(s, inst);
    }
  }
}
