// Type references (Mono.Cecil's TypeReference family): plain references by name and
// scope, the TypeSpecification kinds built from signatures (arrays, pointers, byrefs,
// pinned, sentinel, custom modifiers, generic instances), generic parameters and
// function pointers. Names follow Cecil: `fullName` is "Ns.Outer/Inner",
// "System.Collections.Generic.List`1<System.Int32>", "System.Int32[0...,0...]".

import { ResolutionError } from '../errors.ts';
import { MetadataType, isPrimitiveElementType, type MethodCallingConvention } from './metadata-type.ts';
import type { AssemblyNameReference } from './assembly-name.ts';
import type { CustomAttribute } from './custom-attribute.ts';
import type { TypeDefinition } from './definitions.ts';
import type { MethodReference, ParameterDefinition } from './members.ts';
import type { ModuleDefinition } from './module.ts';

/** Where a TypeRef's definition lives: another assembly, a module of this assembly, or this module. */
export type Scope = AssemblyNameReference | ModuleReference | ModuleDefinition;

export class ModuleReference {
  readonly kind = 'moduleReference' as const;
  constructor(readonly name: string) {}
  toString(): string {
    return this.name;
  }
}

const NO_TYPES: readonly TypeReference[] = Object.freeze([]);
const NO_ATTRIBUTES: readonly CustomAttribute[] = Object.freeze([]);

export abstract class MemberReference {
  protected declaringTypeRef: TypeReference | undefined;
  constructor(
    protected rawName: string,
    readonly module: ModuleDefinition,
  ) {}
  get name(): string {
    return this.rawName;
  }
  get declaringType(): TypeReference | undefined {
    return this.declaringTypeRef;
  }
  set declaringType(t: TypeReference | undefined) {
    this.declaringTypeRef = t;
  }
  abstract get fullName(): string;
  toString(): string {
    return this.fullName;
  }
}

export class TypeReference extends MemberReference {
  /** ELEMENT_TYPE of a primitive or special type, set when known (signatures, corlib names). */
  protected etype: MetadataType | undefined;
  private valueTypeFlag = false;
  private refGenericParameters: GenericParameter[] | undefined;

  constructor(
    public namespace: string,
    name: string,
    module: ModuleDefinition,
    public scope: Scope | undefined,
    isValueType = false,
  ) {
    super(name, module);
    this.valueTypeFlag = isValueType;
  }

  get fullName(): string {
    if (this.declaringType !== undefined) return this.declaringType.fullName + '/' + this.name;
    return this.namespace === '' ? this.name : this.namespace + '.' + this.name;
  }

  get isValueType(): boolean {
    return this.valueTypeFlag;
  }
  set isValueType(v: boolean) {
    this.valueTypeFlag = v;
  }

  /** Marks this reference as a known primitive/special type (Cecil's etype). */
  setElementType(et: MetadataType): void {
    this.etype = et;
  }

  get metadataType(): MetadataType {
    if (this.etype !== undefined) return this.etype;
    return this.isValueType ? MetadataType.ValueType : MetadataType.Class;
  }

  get isPrimitive(): boolean {
    return this.etype !== undefined && isPrimitiveElementType(this.etype);
  }
  get isArray(): boolean {
    return false;
  }
  get isPointer(): boolean {
    return false;
  }
  get isByReference(): boolean {
    return false;
  }
  get isGenericParameter(): boolean {
    return false;
  }
  get isGenericInstance(): boolean {
    return false;
  }
  get isNested(): boolean {
    return this.declaringType !== undefined;
  }
  get isDefinition(): boolean {
    return false;
  }

  /** Generic parameters; for a reference these are created on demand as "!0", "!1"... */
  get genericParameters(): readonly GenericParameter[] {
    return this.refGenericParameters ?? [];
  }
  get hasGenericParameters(): boolean {
    return this.genericParameters.length > 0;
  }

  /** The generic parameter at a position, created for references that have no GenericParam rows. */
  genericParameterAt(position: number): GenericParameter {
    const existing = this.genericParameters[position];
    if (existing !== undefined) return existing;
    const list = (this.refGenericParameters ??= []);
    while (list.length <= position) list.push(new GenericParameter('!' + list.length, list.length, 'type', this, this.module));
    return list[position]!;
  }

  /** The TypeDefinition this reference names; throws ResolutionError when it cannot be found. */
  resolve(): TypeDefinition {
    return this.module.metadataResolver.resolveType(this);
  }

  /** Strips type specifications (arrays, pointers, generic instances...) down to the named type. */
  getElementType(): TypeReference {
    return this;
  }
}

export abstract class TypeSpecification extends TypeReference {
  constructor(readonly elementType: TypeReference) {
    super(elementType.namespace, elementType.name, elementType.module, elementType.scope);
    this.declaringType = elementType.declaringType;
  }
  protected abstract get suffix(): string;
  override get name(): string {
    return this.elementType.name + this.suffix;
  }
  override get fullName(): string {
    return this.elementType.fullName + this.suffix;
  }
  override getElementType(): TypeReference {
    return this.elementType.getElementType();
  }
  override resolve(): TypeDefinition {
    return this.getElementType().resolve();
  }
}

export interface ArrayDimension {
  readonly lowerBound?: number;
  readonly upperBound?: number;
}

export class ArrayType extends TypeSpecification {
  readonly dimensions: readonly ArrayDimension[];
  constructor(elementType: TypeReference, dimensions?: readonly ArrayDimension[]) {
    super(elementType);
    this.dimensions = dimensions ?? [{}];
    this.etype = MetadataType.Array;
  }
  get rank(): number {
    return this.dimensions.length;
  }
  /** A single-dimension, zero-based array (ELEMENT_TYPE_SZARRAY). */
  get isVector(): boolean {
    return this.dimensions.length === 1 && this.dimensions[0]!.lowerBound === undefined && this.dimensions[0]!.upperBound === undefined;
  }
  override get isArray(): boolean {
    return true;
  }
  protected get suffix(): string {
    if (this.isVector) return '[]';
    const dims = this.dimensions.map(d => (d.lowerBound === undefined && d.upperBound === undefined ? '' : `${d.lowerBound ?? ''}...${d.upperBound ?? ''}`));
    return '[' + dims.join(',') + ']';
  }
}

export class PointerType extends TypeSpecification {
  constructor(elementType: TypeReference) {
    super(elementType);
    this.etype = MetadataType.Pointer;
  }
  override get isPointer(): boolean {
    return true;
  }
  protected get suffix(): string {
    return '*';
  }
}

export class ByReferenceType extends TypeSpecification {
  constructor(elementType: TypeReference) {
    super(elementType);
    this.etype = MetadataType.ByReference;
  }
  override get isByReference(): boolean {
    return true;
  }
  protected get suffix(): string {
    return '&';
  }
}

export class PinnedType extends TypeSpecification {
  constructor(elementType: TypeReference) {
    super(elementType);
    this.etype = MetadataType.Pinned;
  }
  protected get suffix(): string {
    return ' pinned';
  }
}

export class SentinelType extends TypeSpecification {
  constructor(elementType: TypeReference) {
    super(elementType);
    this.etype = MetadataType.Sentinel;
  }
  protected get suffix(): string {
    return ' sentinel';
  }
}

export class RequiredModifierType extends TypeSpecification {
  constructor(
    readonly modifierType: TypeReference,
    elementType: TypeReference,
  ) {
    super(elementType);
    this.etype = MetadataType.RequiredModifier;
  }
  protected get suffix(): string {
    return ' modreq(' + this.modifierType.fullName + ')';
  }
}

export class OptionalModifierType extends TypeSpecification {
  constructor(
    readonly modifierType: TypeReference,
    elementType: TypeReference,
  ) {
    super(elementType);
    this.etype = MetadataType.OptionalModifier;
  }
  protected get suffix(): string {
    return ' modopt(' + this.modifierType.fullName + ')';
  }
}

export class GenericInstanceType extends TypeSpecification {
  constructor(
    elementType: TypeReference,
    readonly genericArguments: readonly TypeReference[],
  ) {
    super(elementType);
    this.etype = MetadataType.GenericInstance;
  }
  override get isGenericInstance(): boolean {
    return true;
  }
  override get isValueType(): boolean {
    return this.elementType.isValueType;
  }
  override set isValueType(_: boolean) {
    // Follows the element type.
  }
  protected get suffix(): string {
    return '<' + this.genericArguments.map(a => a.fullName).join(',') + '>';
  }
}

export type GenericParameterKind = 'type' | 'method';

export class GenericParameter extends TypeReference {
  /** GenericParamAttributes (variance and special constraints). */
  attributes = 0;
  private constraintList: (() => TypeReference[]) | readonly TypeReference[] = NO_TYPES;
  customAttributes: readonly CustomAttribute[] = NO_ATTRIBUTES;

  constructor(
    name: string,
    readonly position: number,
    readonly type: GenericParameterKind,
    /** The type or method declaring it; undefined for a parameter met outside any context. */
    readonly owner: TypeReference | MethodReference | undefined,
    module: ModuleDefinition,
  ) {
    super('', name, module, undefined);
    this.etype = type === 'type' ? MetadataType.Var : MetadataType.MVar;
  }

  override get fullName(): string {
    return this.name;
  }
  override get isGenericParameter(): boolean {
    return true;
  }
  override get isValueType(): boolean {
    return false;
  }
  override set isValueType(_: boolean) {
    // A generic parameter is neither a value type nor a class until substituted.
  }
  get constraints(): readonly TypeReference[] {
    if (typeof this.constraintList === 'function') this.constraintList = this.constraintList();
    return this.constraintList;
  }
  /** Sets constraints, possibly lazily. */
  setConstraints(c: (() => TypeReference[]) | TypeReference[]): void {
    this.constraintList = c;
  }
  override resolve(): TypeDefinition {
    throw new ResolutionError(`cannot resolve generic parameter ${this.name} to a type definition`);
  }
}

export class FunctionPointerType extends TypeReference {
  constructor(
    module: ModuleDefinition,
    readonly returnType: TypeReference,
    readonly parameters: readonly ParameterDefinition[],
    readonly hasThis: boolean,
    readonly explicitThis: boolean,
    readonly callingConvention: MethodCallingConvention,
  ) {
    super('', 'method', module, undefined);
    this.etype = MetadataType.FunctionPointer;
  }
  override get name(): string {
    return 'method ' + this.returnType.fullName + ' *(' + this.parameters.map(p => p.parameterType.fullName).join(',') + ')';
  }
  override get fullName(): string {
    return this.name;
  }
  override resolve(): TypeDefinition {
    throw new ResolutionError(`cannot resolve function pointer type ${this.fullName} to a type definition`);
  }
}
