// Virtual method tables. A class's vtable starts with its base class's slots; each of
// its virtual methods either overrides the slot of the base method with the same name
// and signature (unless marked newslot) or opens a new slot — except sealed new slots,
// which nothing can override. The slot of a virtual
// call is looked up on the method's declaring type; the implementation in a given
// class is that class's entry for the slot.

import type { MethodDefinition } from 'cecil-ts';
import type { MethodInst, Methods } from '../engine/methods.ts';
import type { NamedType, TypeSystem } from '../engine/types.ts';

export class VTables {
  private readonly cache = new Map<NamedType, MethodInst[]>();

  constructor(
    private readonly types: TypeSystem,
    private readonly methods: Methods,
  ) {}

  /** Slot → implementation for a class (abstract methods stay as their declaration). */
  slots(t: NamedType): readonly MethodInst[] {
    let v = this.cache.get(t);
    if (v === undefined) {
      v = this.compute(t);
      this.cache.set(t, v);
    }
    return v;
  }

  /** Slot index of a virtual method, in the vtable of its declaring type. */
  slotOf(mi: MethodInst): number {
    const slots = this.slots(mi.owner);
    const i = slots.findIndex(s => s.symbol === mi.symbol || (s.def === mi.def && s.owner === mi.owner));
    if (i >= 0) return i;
    // An override reached through its declaring type: find the slot it fills.
    return slots.findIndex(s => sameSignature(s, mi));
  }

  private compute(t: NamedType): MethodInst[] {
    const base = t.def.baseType === undefined || t.def.isInterface ? [] : this.slots(this.types.fromRef(t.def.baseType, { typeArgs: t.args, methodArgs: [] }) as NamedType);
    const slots = [...base];
    for (const def of t.def.methods) {
      // Sealed new slots (C#'s interface implementations) cannot be overridden and are
      // called directly or through interface tables: they need no vtable slot.
      if (!def.isVirtual || def.hasGenericParameters || (def.isFinal && def.isNewSlot)) continue;
      const mi = this.methods.get(def, t);
      const overridden = def.isNewSlot ? -1 : lastIndex(slots, s => sameSignature(s, mi));
      if (overridden >= 0) slots[overridden] = mi;
      else slots.push(mi);
      for (const o of explicitOverrides(def)) {
        const k = slots.findIndex(s => s.def === o);
        if (k >= 0) slots[k] = mi;
      }
    }
    return slots;
  }
}

function explicitOverrides(def: MethodDefinition): MethodDefinition[] {
  const out: MethodDefinition[] = [];
  for (const o of def.overrides) {
    try {
      out.push(o.resolve());
    } catch {
      // Interface overrides of unloaded assemblies do not affect class slots.
    }
  }
  return out;
}

function lastIndex<T>(xs: readonly T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i]!)) return i;
  return -1;
}

export function sameSignature(a: MethodInst, b: MethodInst): boolean {
  return (
    a.name === b.name &&
    a.sig.params.length === b.sig.params.length &&
    a.sig.params.every((p, i) => p === b.sig.params[i]) &&
    a.sig.ret === b.sig.ret
  );
}
