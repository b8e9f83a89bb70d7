// Definitions in this module (Mono.Cecil's TypeDefinition, FieldDefinition,
// MethodDefinition, PropertyDefinition, EventDefinition). Everything beyond the row's own
// columns (members, custom attributes, layout, bodies) is loaded on first access through
// the module's MetadataReader and cached in a field of the object, so identity holds and
// an unread member costs nothing.

import { badImage } from '../errors.ts';
import { FieldAttributes, MethodAttributes, MethodImplAttributes, TypeAttributes } from './attributes.ts';
import { FieldReference, MethodReference } from './members.ts';
import { MetadataType } from './metadata-type.ts';
import { TypeReference, type GenericParameter, type ModuleReference } from './types.ts';
import type { CustomAttribute } from './custom-attribute.ts';
import type { MethodBody } from '../il/method-body.ts';
import type { ModuleDefinition } from './module.ts';
import type { MetadataReader } from './reader.ts';

/** Marks a lazily loaded member that has not been loaded yet (its value may be undefined). */
const NOT_LOADED: unique symbol = Symbol('not loaded');
type Cell<T> = T | typeof NOT_LOADED;

export interface InterfaceImplementation {
  readonly interfaceType: TypeReference;
  readonly customAttributes: readonly CustomAttribute[];
}

export class TypeDefinition extends TypeReference {
  private baseCell: Cell<TypeReference | undefined> = NOT_LOADED;
  private fieldList: FieldDefinition[] | undefined;
  private methodList: MethodDefinition[] | undefined;
  private nestedList: TypeDefinition[] | undefined;
  private interfaceList: InterfaceImplementation[] | undefined;
  private propertyList: PropertyDefinition[] | undefined;
  private eventList: EventDefinition[] | undefined;
  private attributeList: CustomAttribute[] | undefined;
  private genericList: GenericParameter[] | undefined;
  private layout: { packingSize: number; classSize: number } | undefined;

  constructor(
    readonly reader: MetadataReader,
    /** TypeDef row (1-based). */
    readonly row: number,
    /** TypeAttributes. */
    readonly attributes: number,
    namespace: string,
    name: string,
    module: ModuleDefinition,
  ) {
    super(namespace, name, module, module);
  }

  get token(): number {
    return 0x02000000 | this.row;
  }
  override get isDefinition(): boolean {
    return true;
  }
  get baseType(): TypeReference | undefined {
    if (this.baseCell === NOT_LOADED) this.baseCell = this.reader.typeBaseType(this);
    return this.baseCell;
  }
  get fields(): readonly FieldDefinition[] {
    return (this.fieldList ??= this.reader.typeFields(this));
  }
  get methods(): readonly MethodDefinition[] {
    return (this.methodList ??= this.reader.typeMethods(this));
  }
  get nestedTypes(): readonly TypeDefinition[] {
    return (this.nestedList ??= this.reader.nestedTypes(this));
  }
  get interfaces(): readonly InterfaceImplementation[] {
    return (this.interfaceList ??= this.reader.typeInterfaces(this));
  }
  get properties(): readonly PropertyDefinition[] {
    return (this.propertyList ??= this.reader.typeProperties(this));
  }
  get events(): readonly EventDefinition[] {
    return (this.eventList ??= this.reader.typeEvents(this));
  }
  get customAttributes(): readonly CustomAttribute[] {
    return (this.attributeList ??= this.reader.customAttributesOf(this.token));
  }
  override get genericParameters(): readonly GenericParameter[] {
    return (this.genericList ??= this.reader.genericParametersOf(this));
  }
  override genericParameterAt(position: number): GenericParameter {
    const p = this.genericParameters[position];
    return p ?? super.genericParameterAt(position);
  }
  /** ClassLayout.PackingSize, or -1 when the type has no ClassLayout row. */
  get packingSize(): number {
    return (this.layout ??= this.reader.classLayout(this)).packingSize;
  }
  /** ClassLayout.ClassSize, or -1 when the type has no ClassLayout row. */
  get classSize(): number {
    return (this.layout ??= this.reader.classLayout(this)).classSize;
  }

  private is(mask: number, value: number): boolean {
    return (this.attributes & mask) === value;
  }
  get isPublic(): boolean {
    return this.is(TypeAttributes.VisibilityMask, TypeAttributes.Public);
  }
  get isNotPublic(): boolean {
    return this.is(TypeAttributes.VisibilityMask, TypeAttributes.NotPublic);
  }
  get isNestedPublic(): boolean {
    return this.is(TypeAttributes.VisibilityMask, TypeAttributes.NestedPublic);
  }
  get isNestedPrivate(): boolean {
    return this.is(TypeAttributes.VisibilityMask, TypeAttributes.NestedPrivate);
  }
  get isClass(): boolean {
    return (this.attributes & TypeAttributes.Interface) === 0;
  }
  get isInterface(): boolean {
    return (this.attributes & TypeAttributes.Interface) !== 0;
  }
  get isAbstract(): boolean {
    return (this.attributes & TypeAttributes.Abstract) !== 0;
  }
  get isSealed(): boolean {
    return (this.attributes & TypeAttributes.Sealed) !== 0;
  }
  get isBeforeFieldInit(): boolean {
    return (this.attributes & TypeAttributes.BeforeFieldInit) !== 0;
  }
  get isSpecialName(): boolean {
    return (this.attributes & TypeAttributes.SpecialName) !== 0;
  }
  get isAutoLayout(): boolean {
    return this.is(TypeAttributes.LayoutMask, TypeAttributes.AutoLayout);
  }
  get isSequentialLayout(): boolean {
    return this.is(TypeAttributes.LayoutMask, TypeAttributes.SequentialLayout);
  }
  get isExplicitLayout(): boolean {
    return this.is(TypeAttributes.LayoutMask, TypeAttributes.ExplicitLayout);
  }
  get isEnum(): boolean {
    const b = this.baseType;
    return b !== undefined && b.namespace === 'System' && b.name === 'Enum' && b.declaringType === undefined;
  }
  override get isValueType(): boolean {
    const b = this.baseType;
    if (b === undefined || b.declaringType !== undefined || b.namespace !== 'System') return false;
    if (b.name === 'Enum') return true;
    return b.name === 'ValueType' && !(this.namespace === 'System' && this.name === 'Enum');
  }
  override set isValueType(_: boolean) {
    // Decided by the base type.
  }
  override get metadataType(): MetadataType {
    return this.etype ?? (this.isValueType ? MetadataType.ValueType : MetadataType.Class);
  }
  /** The type of an enum's instance field (value__): an integer type, bool or char. */
  getEnumUnderlyingType(): TypeReference {
    const f = this.fields.find(x => !x.isStatic);
    if (f === undefined) badImage(`enum ${this.fullName} has no instance field`);
    const et = f.fieldType.metadataType;
    if (!((et >= MetadataType.Boolean && et <= MetadataType.UInt64) || et === MetadataType.IntPtr || et === MetadataType.UIntPtr)) {
      badImage(`enum ${this.fullName} has underlying type ${f.fieldType.fullName}, expected an integer type`);
    }
    return f.fieldType;
  }
  hasCustomAttribute(fullName: string): boolean {
    return this.customAttributes.some(a => a.attributeType.fullName === fullName);
  }
  override resolve(): TypeDefinition {
    return this;
  }
}

export class FieldDefinition extends FieldReference {
  private attributeList: CustomAttribute[] | undefined;
  private constantCell: { has: boolean; value: unknown } | undefined;
  private offsetCell: number | undefined;
  private rvaCell: number | undefined;
  private initialValueCell: Uint8Array | undefined;

  constructor(
    readonly reader: MetadataReader,
    readonly row: number,
    /** FieldAttributes. */
    readonly attributes: number,
    name: string,
    fieldType: TypeReference,
    declaringType: TypeDefinition,
    module: ModuleDefinition,
  ) {
    super(name, fieldType, declaringType, module);
  }
  get token(): number {
    return 0x04000000 | this.row;
  }
  override get isDefinition(): boolean {
    return true;
  }
  override get declaringType(): TypeDefinition {
    return super.declaringType as TypeDefinition;
  }
  override set declaringType(t: TypeReference | undefined) {
    super.declaringType = t;
  }
  get customAttributes(): readonly CustomAttribute[] {
    return (this.attributeList ??= this.reader.customAttributesOf(this.token));
  }
  hasCustomAttribute(fullName: string): boolean {
    return this.customAttributes.some(a => a.attributeType.fullName === fullName);
  }
  get hasConstant(): boolean {
    return (this.constantCell ??= this.reader.constantOf(this.token)).has;
  }
  /** The literal's value decoded by the Constant row's element type; undefined if none. */
  get constant(): unknown {
    return (this.constantCell ??= this.reader.constantOf(this.token)).value;
  }
  /** FieldLayout.Offset, or -1 when the field has none. */
  get offset(): number {
    return (this.offsetCell ??= this.reader.fieldOffset(this));
  }
  /** FieldRVA.RVA, or 0 when the field has none. */
  get rva(): number {
    return (this.rvaCell ??= this.reader.fieldRva(this));
  }
  /** The FieldRVA data, sized from the field type (ClassLayout size for value types); empty if none. */
  get initialValue(): Uint8Array {
    return (this.initialValueCell ??= this.reader.fieldInitialValue(this));
  }
  private access(v: number): boolean {
    return (this.attributes & FieldAttributes.FieldAccessMask) === v;
  }
  get isPublic(): boolean {
    return this.access(FieldAttributes.Public);
  }
  get isPrivate(): boolean {
    return this.access(FieldAttributes.Private);
  }
  get isFamily(): boolean {
    return this.access(FieldAttributes.Family);
  }
  get isAssembly(): boolean {
    return this.access(FieldAttributes.Assembly);
  }
  get isStatic(): boolean {
    return (this.attributes & FieldAttributes.Static) !== 0;
  }
  get isLiteral(): boolean {
    return (this.attributes & FieldAttributes.Literal) !== 0;
  }
  get isInitOnly(): boolean {
    return (this.attributes & FieldAttributes.InitOnly) !== 0;
  }
  get isSpecialName(): boolean {
    return (this.attributes & FieldAttributes.SpecialName) !== 0;
  }
  get isRuntimeSpecialName(): boolean {
    return (this.attributes & FieldAttributes.RTSpecialName) !== 0;
  }
  get hasFieldRva(): boolean {
    return (this.attributes & FieldAttributes.HasFieldRVA) !== 0;
  }
  override resolve(): FieldDefinition {
    return this;
  }
}

export interface PInvokeInfo {
  /** PInvokeAttributes (ImplMap.MappingFlags). */
  readonly attributes: number;
  readonly entryPoint: string;
  readonly module: ModuleReference;
}

export interface SequencePoint {
  readonly offset: number;
  readonly document: { readonly url: string };
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly isHidden: boolean;
}

export interface MethodDebugInformation {
  readonly sequencePoints: readonly SequencePoint[];
}

export class MethodDefinition extends MethodReference {
  private attributeList: CustomAttribute[] | undefined;
  private overrideList: MethodReference[] | undefined;
  private semanticsCell: number | undefined;
  private pInvokeCell: Cell<PInvokeInfo | undefined> = NOT_LOADED;
  private bodyCell: MethodBody | undefined;
  /** Set by the symbol reader when the module was read with readSymbols. */
  debugInformation: MethodDebugInformation | undefined;

  constructor(
    readonly reader: MetadataReader,
    readonly row: number,
    /** MethodAttributes. */
    readonly attributes: number,
    /** MethodImplAttributes. */
    readonly implAttributes: number,
    /** MethodDef.RVA of the body; 0 if none. */
    readonly rva: number,
    name: string,
    declaringType: TypeDefinition,
    module: ModuleDefinition,
  ) {
    super(name, module.typeSystem.void, declaringType, module);
  }
  get token(): number {
    return 0x06000000 | this.row;
  }
  override get isDefinition(): boolean {
    return true;
  }
  override get declaringType(): TypeDefinition {
    return super.declaringType as TypeDefinition;
  }
  override set declaringType(t: TypeReference | undefined) {
    super.declaringType = t;
  }
  get customAttributes(): readonly CustomAttribute[] {
    return (this.attributeList ??= this.reader.customAttributesOf(this.token));
  }
  hasCustomAttribute(fullName: string): boolean {
    return this.customAttributes.some(a => a.attributeType.fullName === fullName);
  }
  /** Interface or base methods this method implements explicitly (MethodImpl rows). */
  get overrides(): readonly MethodReference[] {
    return (this.overrideList ??= this.reader.methodOverrides(this));
  }
  /** MethodSemanticsAttributes (getter, setter, add, remove...); 0 if none. */
  get semanticsAttributes(): number {
    return (this.semanticsCell ??= this.reader.semanticsOf(this));
  }
  get pInvokeInfo(): PInvokeInfo | undefined {
    if (this.pInvokeCell === NOT_LOADED) this.pInvokeCell = this.reader.pInvokeInfo(this);
    return this.pInvokeCell;
  }
  get hasBody(): boolean {
    return this.rva !== 0 && !this.isAbstract && !this.isPInvokeImpl && !this.isInternalCall && !this.isRuntime && this.isIL;
  }
  /** The decoded IL body (lazy); undefined when the method has none. */
  get body(): MethodBody | undefined {
    if (!this.hasBody) return undefined;
    return (this.bodyCell ??= this.reader.methodBody(this));
  }
  private access(v: number): boolean {
    return (this.attributes & MethodAttributes.MemberAccessMask) === v;
  }
  get isPublic(): boolean {
    return this.access(MethodAttributes.Public);
  }
  get isPrivate(): boolean {
    return this.access(MethodAttributes.Private);
  }
  get isFamily(): boolean {
    return this.access(MethodAttributes.Family);
  }
  get isAssembly(): boolean {
    return this.access(MethodAttributes.Assembly);
  }
  get isStatic(): boolean {
    return (this.attributes & MethodAttributes.Static) !== 0;
  }
  get isFinal(): boolean {
    return (this.attributes & MethodAttributes.Final) !== 0;
  }
  get isVirtual(): boolean {
    return (this.attributes & MethodAttributes.Virtual) !== 0;
  }
  get isHideBySig(): boolean {
    return (this.attributes & MethodAttributes.HideBySig) !== 0;
  }
  get isNewSlot(): boolean {
    return (this.attributes & MethodAttributes.NewSlot) !== 0;
  }
  get isAbstract(): boolean {
    return (this.attributes & MethodAttributes.Abstract) !== 0;
  }
  get isSpecialName(): boolean {
    return (this.attributes & MethodAttributes.SpecialName) !== 0;
  }
  get isRuntimeSpecialName(): boolean {
    return (this.attributes & MethodAttributes.RTSpecialName) !== 0;
  }
  get isPInvokeImpl(): boolean {
    return (this.attributes & MethodAttributes.PInvokeImpl) !== 0;
  }
  get isConstructor(): boolean {
    return this.isRuntimeSpecialName && this.isSpecialName && (this.name === '.ctor' || this.name === '.cctor');
  }
  get isIL(): boolean {
    return (this.implAttributes & MethodImplAttributes.CodeTypeMask) === MethodImplAttributes.IL;
  }
  get isRuntime(): boolean {
    return (this.implAttributes & MethodImplAttributes.CodeTypeMask) === MethodImplAttributes.Runtime;
  }
  get isInternalCall(): boolean {
    return (this.implAttributes & MethodImplAttributes.InternalCall) !== 0;
  }
  get isGetter(): boolean {
    return (this.semanticsAttributes & 0x2) !== 0;
  }
  get isSetter(): boolean {
    return (this.semanticsAttributes & 0x1) !== 0;
  }
  override resolve(): MethodDefinition {
    return this;
  }
}

export class PropertyDefinition {
  getMethod: MethodDefinition | undefined;
  setMethod: MethodDefinition | undefined;
  otherMethods: MethodDefinition[] = [];
  constructor(
    readonly row: number,
    readonly name: string,
    /** PropertyAttributes. */
    readonly attributes: number,
    readonly propertyType: TypeReference,
    readonly parameterTypes: readonly TypeReference[],
    readonly hasThis: boolean,
    readonly declaringType: TypeDefinition,
    private readonly loadAttributes: () => CustomAttribute[],
  ) {}
  private attributeList: CustomAttribute[] | undefined;
  get token(): number {
    return 0x17000000 | this.row;
  }
  get customAttributes(): readonly CustomAttribute[] {
    return (this.attributeList ??= this.loadAttributes());
  }
  get fullName(): string {
    return this.propertyType.fullName + ' ' + this.declaringType.fullName + '::' + this.name + '(' + this.parameterTypes.map(p => p.fullName).join(',') + ')';
  }
}

export class EventDefinition {
  addMethod: MethodDefinition | undefined;
  removeMethod: MethodDefinition | undefined;
  invokeMethod: MethodDefinition | undefined;
  otherMethods: MethodDefinition[] = [];
  constructor(
    readonly row: number,
    readonly name: string,
    /** EventAttributes. */
    readonly attributes: number,
    readonly eventType: TypeReference,
    readonly declaringType: TypeDefinition,
    private readonly loadAttributes: () => CustomAttribute[],
  ) {}
  private attributeList: CustomAttribute[] | undefined;
  get token(): number {
    return 0x14000000 | this.row;
  }
  get customAttributes(): readonly CustomAttribute[] {
    return (this.attributeList ??= this.loadAttributes());
  }
  get fullName(): string {
    return this.eventType.fullName + ' ' + this.declaringType.fullName + '::' + this.name;
  }
}
