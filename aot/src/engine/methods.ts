// Method instances: a method definition together with the generic arguments of its
// declaring type and of the method itself, its substituted signature and its symbol.
// Every compiled function is one MethodInst; its symbol names it in the image, the map
// file, the debugger and diagnostics, e.g.
//   Kernel.Program::Main()
//   System.Collections.Generic.List<int32>::Add(int32)
//   Demo.Conv::op_Implicit(int32)->Demo.Money      (conversion operators add the return type)

import type { MethodDefinition } from 'cecil-ts';
import { TypeSystem, type GenericContext, type NamedType, type RType } from './types.ts';

export interface MethodSig {
  /** Type of `this` (the owner for classes, a byref to it for value types); undefined if static. */
  readonly thisType: RType | undefined;
  readonly params: readonly RType[];
  /** Return type; the primitive void for none. */
  readonly ret: RType;
}

export class MethodInst {
  constructor(
    readonly def: MethodDefinition,
    readonly owner: NamedType,
    readonly methodArgs: readonly RType[],
    readonly sig: MethodSig,
    readonly symbol: string,
  ) {}

  get ctx(): GenericContext {
    return { typeArgs: this.owner.args, methodArgs: this.methodArgs };
  }

  get name(): string {
    return this.def.name;
  }

  get returnsVoid(): boolean {
    return this.sig.ret.kind === 'named' && this.sig.ret.prim === 'void';
  }

  toString(): string {
    return this.symbol;
  }
}

/** Interns method instances by symbol. */
export class Methods {
  private readonly bySymbol = new Map<string, MethodInst>();
  /** Non-generic instances by definition and owner (types are interned), in front of `bySymbol`. */
  private readonly plain = new Map<MethodDefinition, Map<NamedType, MethodInst>>();

  constructor(private readonly types: TypeSystem) {}

  get(def: MethodDefinition, owner: NamedType, methodArgs: readonly RType[] = []): MethodInst {
    if (methodArgs.length > 0) return this.intern(def, owner, methodArgs);
    let byOwner = this.plain.get(def);
    if (byOwner === undefined) this.plain.set(def, (byOwner = new Map()));
    let mi = byOwner.get(owner);
    if (mi === undefined) byOwner.set(owner, (mi = this.intern(def, owner, methodArgs)));
    return mi;
  }

  private intern(def: MethodDefinition, owner: NamedType, methodArgs: readonly RType[]): MethodInst {
    const ctx: GenericContext = { typeArgs: owner.args, methodArgs };
    const params = def.parameters.map(p => this.types.fromRef(p.parameterType, ctx));
    const ret = this.types.fromRef(def.returnType, ctx);
    const symbol = methodSymbol(owner, def.name, methodArgs, params, ret);
    let mi = this.bySymbol.get(symbol);
    if (mi === undefined) {
      const thisType = def.isStatic ? undefined : owner.isValueType ? this.types.byref(owner) : owner;
      mi = new MethodInst(def, owner, methodArgs, { thisType, params, ret }, symbol);
      this.bySymbol.set(symbol, mi);
    }
    return mi;
  }

  bySym(symbol: string): MethodInst | undefined {
    return this.bySymbol.get(symbol);
  }
}

export function methodSymbol(owner: RType, name: string, methodArgs: readonly RType[], params: readonly RType[], ret: RType): string {
  let s = `${owner.key}::${name}`;
  if (methodArgs.length > 0) s += `<${methodArgs.map(a => a.key).join(',')}>`;
  s += `(${params.map(p => p.key).join(',')})`;
  if (name === 'op_Implicit' || name === 'op_Explicit') s += `->${ret.key}`;
  return s;
}
