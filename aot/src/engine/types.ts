// The compiler's view of .NET types: canonical, interned runtime types (RType) made from
// cecil-ts TypeReferences with every generic parameter substituted. Two RTypes are the
// same type exactly when they are the same object, and `key` is a readable unique name
// used in symbols ("int32", "System.Collections.Generic.List<int32>", "uint8*").

import {
  ArrayType as CecilArrayType,
  ByReferenceType,
  FunctionPointerType,
  GenericInstanceType,
  GenericParameter,
  OptionalModifierType,
  PinnedType,
  PointerType as CecilPointerType,
  RequiredModifierType,
  SentinelType,
  type TypeDefinition,
  type TypeReference,
} from 'cecil-ts';
import { assert } from '../util/assert.ts';

/** Primitive types and their IL keywords. */
export type Prim = 'void' | 'bool' | 'char' | 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64' | 'f32' | 'f64' | 'isize' | 'usize';

/** System type name → primitive, for types defined in the corlib. */
const PRIMS: Readonly<Record<string, Prim>> = {
  'System.Void': 'void', 'System.Boolean': 'bool', 'System.Char': 'char',
  'System.SByte': 'i8', 'System.Byte': 'u8', 'System.Int16': 'i16', 'System.UInt16': 'u16',
  'System.Int32': 'i32', 'System.UInt32': 'u32', 'System.Int64': 'i64', 'System.UInt64': 'u64',
  'System.Single': 'f32', 'System.Double': 'f64', 'System.IntPtr': 'isize', 'System.UIntPtr': 'usize',
};

/** IL keyword of each primitive and of the two special classes, used in keys. */
const KEYWORDS: Readonly<Record<string, string>> = {
  'System.Void': 'void', 'System.Boolean': 'bool', 'System.Char': 'char',
  'System.SByte': 'int8', 'System.Byte': 'uint8', 'System.Int16': 'int16', 'System.UInt16': 'uint16',
  'System.Int32': 'int32', 'System.UInt32': 'uint32', 'System.Int64': 'int64', 'System.UInt64': 'uint64',
  'System.Single': 'float32', 'System.Double': 'float64', 'System.IntPtr': 'native int', 'System.UIntPtr': 'native uint',
  'System.String': 'string', 'System.Object': 'object',
};

/** A class, interface, struct, enum or primitive, possibly a generic instance. */
export class NamedType {
  readonly kind = 'named';
  readonly prim: Prim | undefined;
  constructor(
    readonly def: TypeDefinition,
    readonly args: readonly RType[],
    readonly key: string,
  ) {
    this.prim = args.length === 0 ? PRIMS[def.fullName] : undefined;
  }
  get isValueType(): boolean {
    return this.def.isValueType;
  }
  get isInterface(): boolean {
    return this.def.isInterface;
  }
  get isEnum(): boolean {
    return this.def.isEnum;
  }
  get fullName(): string {
    return this.def.fullName;
  }
  toString(): string {
    return this.key;
  }
}

/** T[] (rank 1, zero-based: a vector) or T[,...] (rank ≥ 1 multi-dimensional). */
export class ArrayRType {
  readonly kind = 'array';
  constructor(
    readonly elem: RType,
    readonly rank: number,
    readonly vector: boolean,
    readonly key: string,
  ) {}
  toString(): string {
    return this.key;
  }
}

/** Unmanaged pointer T*. */
export class PointerRType {
  readonly kind = 'pointer';
  constructor(
    readonly elem: RType,
    readonly key: string,
  ) {}
  toString(): string {
    return this.key;
  }
}

/** Managed pointer T& (ref/out parameters, ldloca, ldflda). */
export class ByRefRType {
  readonly kind = 'byref';
  constructor(
    readonly elem: RType,
    readonly key: string,
  ) {}
  toString(): string {
    return this.key;
  }
}

/** A function pointer (ldftn, calli); its signature is checked at the call site by IL rules. */
export class FnPtrRType {
  readonly kind = 'fnptr';
  readonly key = 'method*';
  toString(): string {
    return this.key;
  }
}

export type RType = NamedType | ArrayRType | PointerRType | ByRefRType | FnPtrRType;

/** Generic arguments in scope: of the declaring type (!0) and of the method (!!0). */
export interface GenericContext {
  readonly typeArgs: readonly RType[];
  readonly methodArgs: readonly RType[];
}

export const NO_GENERICS: GenericContext = { typeArgs: [], methodArgs: [] };

/** Raised when a type cannot be turned into an RType (open generic, unresolvable); the caller adds context. */
export class TypeBuildError extends Error {
  override name = 'TypeBuildError';
}

export class TypeSystem {
  private readonly interned = new Map<string, RType>();
  /** Non-generic named types by definition, in front of `interned`. */
  private readonly plain = new Map<TypeDefinition, NamedType>();
  readonly fnptr = new FnPtrRType();

  /** Looks up a corlib type by full name; set once the corlib is loaded. */
  constructor(private readonly corlibType: (fullName: string) => TypeDefinition | undefined) {}

  wellKnown(fullName: string): NamedType {
    const def = this.corlibType(fullName);
    if (def === undefined) throw new TypeBuildError(`the corlib does not define ${fullName}`);
    return this.named(def, []);
  }

  named(def: TypeDefinition, args: readonly RType[]): NamedType {
    if (args.length > 0) return this.internNamed(def, args);
    let t = this.plain.get(def);
    if (t === undefined) this.plain.set(def, (t = this.internNamed(def, args)));
    return t;
  }

  private internNamed(def: TypeDefinition, args: readonly RType[]): NamedType {
    const base = KEYWORDS[def.fullName] ?? def.fullName.replace(/`\d+/g, '');
    const suffix = args.length === 0 ? '' : `<${args.map(a => a.key).join(',')}>`;
    let key = base + suffix;
    let t = this.interned.get(key);
    if (t !== undefined && (t.kind !== 'named' || t.def !== def)) {
      // Another assembly has a type of the same name (<PrivateImplementationDetails>, or a
      // program type named like a korlib one): this one is told apart by its assembly.
      key = `[${def.module.assembly?.name.name ?? def.module.name}]${base}${suffix}`;
      t = this.interned.get(key);
    }
    if (t === undefined) {
      t = new NamedType(def, args, key);
      this.interned.set(key, t);
    }
    assert(t.kind === 'named' && t.def === def, () => `two types named ${key}`);
    return t;
  }

  array(elem: RType, rank = 1, vector = true): ArrayRType {
    const key = vector ? `${elem.key}[]` : `${elem.key}[${','.repeat(rank - 1)}]`;
    return this.intern(key, () => new ArrayRType(elem, rank, vector, key)) as ArrayRType;
  }

  pointer(elem: RType): PointerRType {
    const key = `${elem.key}*`;
    return this.intern(key, () => new PointerRType(elem, key)) as PointerRType;
  }

  byref(elem: RType): ByRefRType {
    const key = `${elem.key}&`;
    return this.intern(key, () => new ByRefRType(elem, key)) as ByRefRType;
  }

  private intern(key: string, make: () => RType): RType {
    let t = this.interned.get(key);
    if (t === undefined) {
      t = make();
      this.interned.set(key, t);
    }
    return t;
  }

  /** The RType of a cecil type reference, with generic parameters taken from `ctx`. */
  fromRef(ref: TypeReference, ctx: GenericContext): RType {
    if (ref instanceof GenericParameter) {
      const list = ref.type === 'type' ? ctx.typeArgs : ctx.methodArgs;
      const t = list[ref.position];
      if (t === undefined) throw new TypeBuildError(`generic parameter ${ref.type === 'type' ? '!' : '!!'}${ref.position} (${ref.name}) has no argument here`);
      return t;
    }
    if (ref instanceof RequiredModifierType || ref instanceof OptionalModifierType || ref instanceof PinnedType || ref instanceof SentinelType) {
      return this.fromRef(ref.elementType, ctx);
    }
    if (ref instanceof CecilArrayType) return this.array(this.fromRef(ref.elementType, ctx), ref.rank, ref.isVector);
    if (ref instanceof CecilPointerType) return this.pointer(this.fromRef(ref.elementType, ctx));
    if (ref instanceof ByReferenceType) return this.byref(this.fromRef(ref.elementType, ctx));
    if (ref instanceof FunctionPointerType) return this.fnptr;
    if (ref instanceof GenericInstanceType) {
      const def = ref.elementType.resolve();
      return this.named(def, ref.genericArguments.map(a => this.fromRef(a, ctx)));
    }
    const def = ref.resolve();
    if (def.hasGenericParameters) throw new TypeBuildError(`open generic type ${def.fullName} used without type arguments`);
    return this.named(def, []);
  }
}

/** The primitive of a type, looking through enums to their underlying type. */
export function primOf(t: RType): Prim | undefined {
  if (t.kind !== 'named') return undefined;
  if (t.prim !== undefined) return t.prim;
  if (t.def.isEnum) {
    const u = t.def.getEnumUnderlyingType();
    return PRIMS[u.fullName];
  }
  return undefined;
}

export function isStruct(t: RType): t is NamedType {
  return t.kind === 'named' && t.def.isValueType && primOf(t) === undefined;
}

export function isReference(t: RType): boolean {
  return t.kind === 'array' || (t.kind === 'named' && !t.def.isValueType);
}
