// What the IL → IR builder needs from the rest of the compiler. The engine implements
// it: type and member resolution with generic substitution, layouts, and the symbols
// of everything a method refers to (requesting one makes it part of the image).

import type { FieldDefinition, FieldReference, MethodDefinition, MethodReference, TypeReference, CallSite } from 'cecil-ts';
import type { GenericContext, NamedType, RType, TypeSystem } from '../../engine/types.ts';
import type { MethodInst } from '../../engine/methods.ts';
import type { IntrinsicSpec } from '../../engine/intrinsics.ts';
import type { Layouts } from '../../runtime/layout.ts';
import type { IrSignature } from '../../engine/abi.ts';
import type { DelegateFields } from '../../runtime/delegates.ts';

export interface ResolvedField {
  readonly def: FieldDefinition;
  readonly owner: NamedType;
  readonly type: RType;
}

/** Runtime helper functions the builder calls (implemented in korlib or by the compiler). */
export type RuntimeHelper =
  | 'alloc' | 'newArray' | 'newMdArray' | 'isInstanceOf' | 'castClass' | 'unboxCheck' | 'storeCheck' | 'findInterfaceMethod' | 'findGenericVirtual'
  | 'throwNullReference' | 'throwIndexOutOfRange' | 'throwOverflow' | 'throwDivideByZero';

/** A type with a type initializer (.cctor): how to run it once. */
export interface TypeInitializer {
  readonly cctor: string;
  /** Symbol of a byte that is 0 until the initializer starts. */
  readonly flag: string;
  /** Explicit static constructor (not beforefieldinit): runs exactly at first access. */
  readonly precise: boolean;
}

export interface BuildContext {
  readonly types: TypeSystem;
  readonly layouts: Layouts;
  /** Well-known corlib types. */
  readonly wellKnown: {
    readonly int32: NamedType;
    readonly int64: NamedType;
    readonly nativeInt: NamedType;
    readonly float32: NamedType;
    readonly float64: NamedType;
    readonly boolean: NamedType;
    readonly object: NamedType;
    readonly string: NamedType;
  };

  resolveType(ref: TypeReference, ctx: GenericContext): RType;
  resolveMethod(ref: MethodReference, ctx: GenericContext): MethodInst;
  resolveField(ref: FieldReference, ctx: GenericContext): ResolvedField;
  /** The method instance of a definition on a given (instantiated) owner. */
  methodOf(def: MethodDefinition, owner: NamedType): MethodInst;
  /** The IR signature of a method (and whether it returns through a buffer). */
  signatureOf(mi: MethodInst): IrSignature;
  /** The IR signature of a calli call site. */
  callSiteSignature(site: CallSite, ctx: GenericContext): { params: RType[]; ret: RType; hasThis: boolean };

  /** Follows [ADCStub] rewriting; returns the method to call. */
  adcTarget(mi: MethodInst, where: { method: string; ilOffset: number }): MethodInst;
  /** The intrinsic a method stands for, if any. */
  intrinsic(mi: MethodInst): IntrinsicSpec | undefined;

  /** Makes a method part of the image; returns its symbol. */
  requireMethod(mi: MethodInst): string;
  /** The type initializer of a type, if it has one. */
  typeInitializer(t: NamedType): TypeInitializer | undefined;
  /** Symbol of the static-field block of a type. */
  staticsSymbol(owner: NamedType): string;
  /** Symbol of the initial data of a field with an RVA (array initializers). */
  fieldDataSymbol(field: ResolvedField): string;
  /** True for delegate types (classes deriving from System.MulticastDelegate). */
  isDelegate(t: NamedType): boolean;
  /** Offsets of the fields of System.Delegate the compiler sets. */
  delegateFields(): DelegateFields;
  /**
   * Symbol of a method's code as a delegate calls it: instance methods of value types get
   * an unboxing entry, since the delegate's target is the boxed value.
   */
  codeAddress(mi: MethodInst): string;
  /** Symbol of a RuntimeFieldHandle's target: [address of the field's initial data, its size]. */
  fieldHandle(field: ResolvedField): string;
  /** Symbol of the string object for a literal. */
  stringLiteral(value: string): string;
  /** Symbol of a type's runtime type information (vtable pointer target). */
  typeInfo(t: RType): string;
  /** vtable slot of a virtual method of a class (its overrides fill the same slot). */
  vtableSlot(mi: MethodInst): number;
  /** Symbol of the dispatch table of an instantiated generic virtual method. */
  genericVirtualTable(mi: MethodInst): string;
  /** Index of an interface method in its interface's method table. */
  interfaceSlot(mi: MethodInst): number;
  /** The method of value type `t` that implements or overrides virtual method `mi`, if `t` declares one. */
  valueTypeImplementation(t: NamedType, mi: MethodInst): MethodInst | undefined;
  runtimeHelper(name: RuntimeHelper): string;
}
