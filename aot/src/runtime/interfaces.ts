// Interface method tables. Every class (or boxed value type) gets, for each interface it
// implements — declared by it or a base class, with the interfaces those interfaces
// extend — a table with one code pointer per method of the interface, in the interface's
// declaration order. The implementation of an interface method is, searching from the
// class towards its bases: a method declaring an explicit override of it (.override,
// C#'s explicit implementation), or — in a class that lists the interface itself — a
// virtual or public instance method of the same name and signature (see implementation).

import type { MethodDefinition } from 'cecil-ts';
import type { MethodInst, Methods } from '../engine/methods.ts';
import type { NamedType, TypeSystem } from '../engine/types.ts';
import { sameSignature } from './vtables.ts';

export interface InterfaceTable {
  readonly itf: NamedType;
  /** Implementation of each interface method; undefined where the class has none (abstract class). */
  readonly methods: readonly (MethodInst | undefined)[];
}

/** The interface methods of an interface, in slot order (generic ones dispatch through runtime/generic-virtuals.ts). */
export function interfaceMethods(itf: NamedType): MethodDefinition[] {
  return itf.def.methods.filter(m => m.isVirtual && !m.isStatic && !m.hasGenericParameters);
}

export class InterfaceMaps {
  private readonly cache = new Map<NamedType, InterfaceTable[]>();

  constructor(
    private readonly types: TypeSystem,
    private readonly methods: Methods,
  ) {}

  /** All interfaces of a type (closure over bases and interface inheritance), first-declared first. */
  interfacesOf(t: NamedType): NamedType[] {
    const out: NamedType[] = [];
    const add = (i: NamedType) => {
      if (out.includes(i)) return;
      out.push(i);
      for (const sub of i.def.interfaces) add(this.types.fromRef(sub.interfaceType, { typeArgs: i.args, methodArgs: [] }) as NamedType);
    };
    for (let c: NamedType | undefined = t; c !== undefined; c = this.baseOf(c)) {
      for (const i of c.def.interfaces) add(this.types.fromRef(i.interfaceType, { typeArgs: c.args, methodArgs: [] }) as NamedType);
    }
    return out;
  }

  tables(t: NamedType): readonly InterfaceTable[] {
    let v = this.cache.get(t);
    if (v === undefined) {
      v = t.def.isInterface ? [] : this.interfacesOf(t).map(itf => ({ itf, methods: interfaceMethods(itf).map(m => this.implementation(t, this.methods.get(m, itf))) }));
      this.cache.set(t, v);
    }
    return v;
  }

  /**
   * The method of class `t` (or its bases) implementing interface method `im`. Classes are
   * searched from `t` towards its bases (ECMA-335 §II.12.2): a class's explicit override
   * wins; a class that lists the interface itself (re-implements it) takes the method of
   * that name and signature, the most derived one, before the explicit overrides of its
   * bases; failing both everywhere, the name and signature match.
   */
  implementation(t: NamedType, im: MethodInst): MethodInst | undefined {
    for (let c: NamedType | undefined = t; c !== undefined; c = this.baseOf(c)) {
      for (const m of c.def.methods) {
        if (!m.hasGenericParameters && m.overrides.some(o => this.overrides(o, im, c!))) return this.methods.get(m, c);
      }
      if (this.declaresInterface(c, im.owner)) {
        const byName = this.byNameAndSignature(t, im);
        if (byName !== undefined) return byName;
      }
    }
    return this.byNameAndSignature(t, im);
  }

  private byNameAndSignature(t: NamedType, im: MethodInst): MethodInst | undefined {
    for (let c: NamedType | undefined = t; c !== undefined; c = this.baseOf(c)) {
      for (const m of c.def.methods) {
        if (m.isStatic || m.name !== im.name || m.hasGenericParameters || !(m.isVirtual || m.isPublic)) continue;
        const candidate = this.methods.get(m, c);
        if (sameSignature(candidate, im)) return candidate;
      }
    }
    return undefined;
  }

  /** Does class `c` itself list `itf` among its interfaces (directly or through one it lists)? */
  private declaresInterface(c: NamedType, itf: NamedType): boolean {
    const seen = new Set<NamedType>();
    const search = (i: NamedType): boolean => {
      if (i === itf) return true;
      if (seen.has(i)) return false;
      seen.add(i);
      return i.def.interfaces.some(sub => search(this.types.fromRef(sub.interfaceType, { typeArgs: i.args, methodArgs: [] }) as NamedType));
    };
    return c.def.interfaces.some(i => search(this.types.fromRef(i.interfaceType, { typeArgs: c.args, methodArgs: [] }) as NamedType));
  }

  private overrides(o: import('cecil-ts').MethodReference, im: MethodInst, owner: NamedType): boolean {
    if (o.name !== im.name) return false;
    try {
      const target = this.types.fromRef(o.declaringType!, { typeArgs: owner.args, methodArgs: [] });
      return target === im.owner && o.resolve() === im.def;
    } catch {
      return false;
    }
  }

  private baseOf(c: NamedType): NamedType | undefined {
    const b = c.def.baseType;
    return b === undefined ? undefined : (this.types.fromRef(b, { typeArgs: c.args, methodArgs: [] }) as NamedType);
  }
}
