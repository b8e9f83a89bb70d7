// Copy propagation: uses of `copy x` become uses of x, and a phi whose operands are all
// one value (or the phi itself) becomes that value (Braun et al., "Simple and Efficient
// Construction of Static Single Assignment Form", 2013: such a value dominates the phi's
// block). Repeats until no phi becomes trivial.
//
// Requires: SSA, predecessors up to date. Preserves: the CFG and predecessor lists.

import { replaceUses, type Func, type Inst } from '../ir/ir.ts';
import { removeInsts } from './edit.ts';

export function copyProp(fn: Func): boolean {
  const map = new Map<Inst, Inst>();
  const resolve = (v: Inst): Inst => {
    let r = v;
    for (let n = map.get(r); n !== undefined; n = map.get(r)) r = n;
    return r;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const b of fn.blocks) {
      for (const inst of b.insts) {
        if (map.has(inst)) continue;
        if (inst.op === 'copy') {
          map.set(inst, resolve(inst.args[0]!));
          changed = true;
        } else if (inst.op === 'phi') {
          let only: Inst | undefined;
          let trivial = true;
          for (const a of inst.args) {
            const r = resolve(a);
            if (r === inst || r === only) continue;
            if (only !== undefined) {
              trivial = false;
              break;
            }
            only = r;
          }
          if (trivial && only !== undefined) {
            map.set(inst, only);
            changed = true;
          }
        }
      }
    }
  }
  if (map.size === 0) return false;
  removeInsts(fn, new Set(map.keys()));
  replaceUses(fn, map);
  return true;
}
