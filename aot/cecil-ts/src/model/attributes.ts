// Flag values of the metadata attribute columns (ECMA-335 II.23.1), named as in Mono.Cecil.

/** TypeDef.Flags (II.23.1.15). */
export const TypeAttributes = {
  VisibilityMask: 0x7, NotPublic: 0x0, Public: 0x1, NestedPublic: 0x2, NestedPrivate: 0x3, NestedFamily: 0x4,
  NestedAssembly: 0x5, NestedFamANDAssem: 0x6, NestedFamORAssem: 0x7,
  LayoutMask: 0x18, AutoLayout: 0x0, SequentialLayout: 0x8, ExplicitLayout: 0x10,
  Interface: 0x20, Abstract: 0x80, Sealed: 0x100, SpecialName: 0x400, RTSpecialName: 0x800, Import: 0x1000,
  Serializable: 0x2000, StringFormatMask: 0x30000, HasSecurity: 0x40000, BeforeFieldInit: 0x100000,
} as const;

/** Field.Flags (II.23.1.5). */
export const FieldAttributes = {
  FieldAccessMask: 0x7, CompilerControlled: 0x0, Private: 0x1, FamANDAssem: 0x2, Assembly: 0x3, Family: 0x4,
  FamORAssem: 0x5, Public: 0x6, Static: 0x10, InitOnly: 0x20, Literal: 0x40, NotSerialized: 0x80,
  HasFieldRVA: 0x100, SpecialName: 0x200, RTSpecialName: 0x400, HasFieldMarshal: 0x1000, PInvokeImpl: 0x2000,
  HasDefault: 0x8000,
} as const;

/** MethodDef.Flags (II.23.1.10). */
export const MethodAttributes = {
  MemberAccessMask: 0x7, CompilerControlled: 0x0, Private: 0x1, FamANDAssem: 0x2, Assembly: 0x3, Family: 0x4,
  FamORAssem: 0x5, Public: 0x6, Static: 0x10, Final: 0x20, Virtual: 0x40, HideBySig: 0x80, NewSlot: 0x100,
  CheckAccessOnOverride: 0x200, Abstract: 0x400, SpecialName: 0x800, RTSpecialName: 0x1000, PInvokeImpl: 0x2000,
  HasSecurity: 0x4000, RequireSecObject: 0x8000,
} as const;

/** MethodDef.ImplFlags (II.23.1.11). */
export const MethodImplAttributes = {
  CodeTypeMask: 0x3, IL: 0x0, Native: 0x1, OPTIL: 0x2, Runtime: 0x3, Unmanaged: 0x4, NoInlining: 0x8,
  ForwardRef: 0x10, Synchronized: 0x20, NoOptimization: 0x40, PreserveSig: 0x80, AggressiveInlining: 0x100,
  InternalCall: 0x1000,
} as const;

/** MethodSemantics.Semantics (II.23.1.12). */
export const MethodSemanticsAttributes = {
  None: 0x0, Setter: 0x1, Getter: 0x2, Other: 0x4, AddOn: 0x8, RemoveOn: 0x10, Fire: 0x20,
} as const;

/** ImplMap.MappingFlags (II.23.1.8). */
export const PInvokeAttributes = {
  NoMangle: 0x1, CharSetMask: 0x6, SupportsLastError: 0x40, CallConvMask: 0x700, CallConvWinapi: 0x100,
  CallConvCdecl: 0x200, CallConvStdcall: 0x300, CallConvThiscall: 0x400, CallConvFastcall: 0x500,
} as const;
