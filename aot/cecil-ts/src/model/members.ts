// Member references (Mono.Cecil's FieldReference, MethodReference, GenericInstanceMethod,
// CallSite) and ParameterDefinition. A reference names a member by declaring type, name
// and signature; `resolve()` finds its definition through the module's resolver.

import { MethodCallingConvention } from './metadata-type.ts';
import { MemberReference, type GenericParameter, type TypeReference } from './types.ts';
import type { CustomAttribute } from './custom-attribute.ts';
import type { FieldDefinition, MethodDefinition } from './definitions.ts';
import type { ModuleDefinition } from './module.ts';

/** ParamAttributes (ECMA-335 II.23.1.13). */
export const ParamAttributes = { In: 0x0001, Out: 0x0002, Optional: 0x0010, HasDefault: 0x1000, HasFieldMarshal: 0x2000 } as const;

/** Where a parameter's Param row data (default value, custom attributes) is loaded from. */
export interface ParamRowSource {
  constantOf(token: number): { has: boolean; value: unknown };
  customAttributesOf(token: number): CustomAttribute[];
}

export class ParameterDefinition {
  name = '';
  /** ParamAttributes. */
  attributes = 0;
  /** Param.Sequence: 1-based position (0 = return value); equals index + 1 unless metadata says otherwise. */
  sequence: number;
  /** Param table row, 0 when the method has none for this parameter. */
  row = 0;
  /** Reads the row's constant and attributes on first use; undefined without a Param row. */
  source: ParamRowSource | undefined;
  private constantCell: { has: boolean; value: unknown } | undefined;
  private attributeList: CustomAttribute[] | undefined;

  constructor(
    public parameterType: TypeReference,
    /** 0-based among declared parameters, excluding `this`. */
    readonly index: number,
    public method: MethodReference | undefined,
  ) {
    this.sequence = index + 1;
  }

  get isIn(): boolean {
    return (this.attributes & ParamAttributes.In) !== 0;
  }
  get isOut(): boolean {
    return (this.attributes & ParamAttributes.Out) !== 0;
  }
  get isOptional(): boolean {
    return (this.attributes & ParamAttributes.Optional) !== 0;
  }
  private get token(): number {
    return 0x08000000 | this.row;
  }
  get hasConstant(): boolean {
    if (this.source === undefined || (this.attributes & ParamAttributes.HasDefault) === 0) return false;
    return (this.constantCell ??= this.source.constantOf(this.token)).has;
  }
  /** The default value (decoded by the Constant row's element type); undefined if none. */
  get constant(): unknown {
    return this.hasConstant ? this.constantCell!.value : undefined;
  }
  get customAttributes(): readonly CustomAttribute[] {
    if (this.attributeList === undefined) this.attributeList = this.source === undefined ? NO_ATTRIBUTES : this.source.customAttributesOf(this.token);
    return this.attributeList;
  }
}

export class FieldReference extends MemberReference {
  constructor(
    name: string,
    public fieldType: TypeReference,
    declaringType: TypeReference | undefined,
    module: ModuleDefinition,
  ) {
    super(name, module);
    this.declaringType = declaringType;
  }
  get fullName(): string {
    return this.fieldType.fullName + ' ' + (this.declaringType === undefined ? '' : this.declaringType.fullName + '::') + this.name;
  }
  get isDefinition(): boolean {
    return false;
  }
  /** The FieldDefinition; throws ResolutionError when it cannot be found. */
  resolve(): FieldDefinition {
    return this.module.metadataResolver.resolveField(this);
  }
}

/** What method references, definitions and call sites share: the method signature (II.23.2.1-3). */
export interface MethodSignature {
  readonly returnType: TypeReference;
  readonly parameters: readonly ParameterDefinition[];
  readonly hasThis: boolean;
  readonly explicitThis: boolean;
  readonly callingConvention: MethodCallingConvention;
}

export function signatureFullName(sig: MethodSignature): string {
  const parts: string[] = [];
  for (const p of sig.parameters) {
    const t = p.parameterType;
    if (t.metadataType === 0x41) parts.push('...', (t as TypeReference & { elementType: TypeReference }).elementType.fullName);
    else parts.push(t.fullName);
  }
  return '(' + parts.join(',') + ')';
}

/** Shared empty lists for members that have none (replaced, never mutated). */
const NO_ATTRIBUTES = Object.freeze([]) as unknown as CustomAttribute[];
const NO_PARAMETERS = Object.freeze([]) as unknown as ParameterDefinition[];
const NO_GENERICS = Object.freeze([]) as unknown as GenericParameter[];

export class MethodReference extends MemberReference implements MethodSignature {
  returnType: TypeReference;
  parameters: ParameterDefinition[] = NO_PARAMETERS;
  hasThis = false;
  explicitThis = false;
  callingConvention: MethodCallingConvention = MethodCallingConvention.Default;
  protected genericParameterList: GenericParameter[] | (() => GenericParameter[]) = NO_GENERICS;

  constructor(name: string, returnType: TypeReference, declaringType: TypeReference | undefined, module: ModuleDefinition) {
    super(name, module);
    this.returnType = returnType;
    this.declaringType = declaringType;
  }

  get genericParameters(): readonly GenericParameter[] {
    if (typeof this.genericParameterList === 'function') this.genericParameterList = this.genericParameterList();
    return this.genericParameterList;
  }
  setGenericParameters(list: GenericParameter[] | (() => GenericParameter[])): void {
    this.genericParameterList = list;
  }
  get hasGenericParameters(): boolean {
    return this.genericParameters.length > 0;
  }
  get isGenericInstance(): boolean {
    return false;
  }
  get isDefinition(): boolean {
    return false;
  }

  get fullName(): string {
    return this.returnType.fullName + ' ' + this.memberFullName() + signatureFullName(this);
  }
  protected memberFullName(): string {
    return (this.declaringType === undefined ? '' : this.declaringType.fullName + '::') + this.name;
  }

  /** The MethodDefinition; throws ResolutionError when it cannot be found. */
  resolve(): MethodDefinition {
    return this.module.metadataResolver.resolveMethod(this);
  }

  /** The method without generic instantiation (itself unless a GenericInstanceMethod). */
  getElementMethod(): MethodReference {
    return this;
  }
}

export class GenericInstanceMethod extends MethodReference {
  constructor(
    readonly elementMethod: MethodReference,
    readonly genericArguments: readonly TypeReference[],
  ) {
    super(elementMethod.name, elementMethod.returnType, elementMethod.declaringType, elementMethod.module);
    this.parameters = elementMethod.parameters;
    this.hasThis = elementMethod.hasThis;
    this.explicitThis = elementMethod.explicitThis;
    this.callingConvention = elementMethod.callingConvention;
  }
  override get genericParameters(): readonly GenericParameter[] {
    return this.elementMethod.genericParameters;
  }
  override get isGenericInstance(): boolean {
    return true;
  }
  protected override memberFullName(): string {
    return super.memberFullName() + '<' + this.genericArguments.map(a => a.fullName).join(',') + '>';
  }
  override resolve(): MethodDefinition {
    return this.elementMethod.resolve();
  }
  override getElementMethod(): MethodReference {
    return this.elementMethod.getElementMethod();
  }
}

/** A stand-alone method signature: the operand of calli (II.23.2.3). */
export class CallSite implements MethodSignature {
  constructor(
    readonly returnType: TypeReference,
    readonly parameters: readonly ParameterDefinition[],
    readonly hasThis: boolean,
    readonly explicitThis: boolean,
    readonly callingConvention: MethodCallingConvention,
  ) {}
  get fullName(): string {
    return this.returnType.fullName + ' ' + signatureFullName(this);
  }
}
