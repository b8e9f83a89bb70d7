// Generic virtual methods (virtual or interface methods with their own type parameters)
// cannot live in vtables: each instantiation is a different method. A call goes through
// a table per instantiated method, [count, (TypeInfo*, code*)...], listing for every
// class in the image that overrides or implements it the code of its (equally
// instantiated) implementation; korlib's TypeCheck.FindGenericVirtual picks the entry of
// the object's class or its nearest base. The tables are completed at the end of
// compilation, when the set of classes is known; compiling the implementations may add
// classes, so this repeats until nothing changes.

import type { Assembler } from '../x86/assembler.ts';
import type { MethodInst, Methods } from '../engine/methods.ts';
import type { NamedType, RType, TypeSystem } from '../engine/types.ts';
import { sameSignature } from './vtables.ts';
import type { InterfaceMaps } from './interfaces.ts';

export class GenericVirtuals {
  private readonly requested = new Map<string, MethodInst>();
  /** Table entries found so far: table symbol → class key → code symbol. */
  private readonly entries = new Map<string, Map<string, { type: NamedType; code: string }>>();

  constructor(
    private readonly types: TypeSystem,
    private readonly methods: Methods,
    private readonly interfaces: InterfaceMaps,
  ) {}

  /** The dispatch table of an instantiated generic virtual method. */
  table(mi: MethodInst): string {
    const sym = `${mi.symbol}$gvm`;
    if (!this.requested.has(sym)) {
      this.requested.set(sym, mi);
      this.entries.set(sym, new Map());
    }
    return sym;
  }

  /**
   * Adds the implementations of every requested method in the given classes; returns
   * true if it found new ones (whose code was requested through `requireMethod`).
   */
  complete(classes: readonly RType[], requireMethod: (mi: MethodInst) => string): boolean {
    let changed = false;
    for (const [sym, gvm] of this.requested) {
      const found = this.entries.get(sym)!;
      for (const c of classes) {
        if (c.kind !== 'named' || c.def.isInterface || c.def.isAbstract || found.has(c.key)) continue;
        const impl = this.implementation(c, gvm);
        if (impl === undefined) continue;
        found.set(c.key, { type: c, code: requireMethod(impl) });
        changed = true;
      }
    }
    return changed;
  }

  emit(asm: Assembler, typeInfo: (t: RType) => string): void {
    asm.section('.rdata');
    for (const [sym, found] of this.entries) {
      asm.align(4);
      asm.label(sym, { type: 'object' });
      asm.u32(found.size);
      for (const { type, code } of found.values()) {
        asm.addr32(typeInfo(type));
        asm.addr32(code);
      }
      asm.endSymbol(sym);
    }
  }

  /** The most derived method of `c` overriding or implementing `gvm`, instantiated with its method arguments. */
  private implementation(c: NamedType, gvm: MethodInst): MethodInst | undefined {
    if (gvm.owner.isInterface) {
      if (!this.interfaces.interfacesOf(c).includes(gvm.owner)) return undefined;
    } else if (!this.derivesFrom(c, gvm.owner)) {
      return undefined;
    }
    for (let t: NamedType | undefined = c; t !== undefined; t = this.baseOf(t)) {
      for (const m of t.def.methods) {
        if (!m.isVirtual || m.name !== gvm.name && !m.overrides.some(o => o.name === gvm.name)) continue;
        if (m.genericParameters.length !== gvm.methodArgs.length) continue;
        const candidate = this.methods.get(m, t, gvm.methodArgs);
        const explicit = m.overrides.some(o => o.name === gvm.name && o.resolve() === gvm.def);
        if (explicit || (m.name === gvm.name && sameSignature(candidate, gvm))) return m.isAbstract ? undefined : candidate;
      }
      if (t === gvm.owner) break;
    }
    return undefined;
  }

  private derivesFrom(c: NamedType, owner: NamedType): boolean {
    for (let t: NamedType | undefined = c; t !== undefined; t = this.baseOf(t)) if (t === owner) return true;
    return false;
  }

  private baseOf(t: NamedType): NamedType | undefined {
    const b = t.def.baseType;
    return b === undefined ? undefined : (this.types.fromRef(b, { typeArgs: t.args, methodArgs: [] }) as NamedType);
  }
}
