// Mono.Cecil's MetadataType: the element type of a TypeReference, with the values of
// ECMA-335 II.23.1.16 (ELEMENT_TYPE_*) that Cecil uses.

export const MetadataType = {
  Void: 0x01, Boolean: 0x02, Char: 0x03, SByte: 0x04, Byte: 0x05, Int16: 0x06, UInt16: 0x07,
  Int32: 0x08, UInt32: 0x09, Int64: 0x0a, UInt64: 0x0b, Single: 0x0c, Double: 0x0d, String: 0x0e,
  Pointer: 0x0f, ByReference: 0x10, ValueType: 0x11, Class: 0x12, Var: 0x13, Array: 0x14,
  GenericInstance: 0x15, TypedByReference: 0x16, IntPtr: 0x18, UIntPtr: 0x19, FunctionPointer: 0x1b,
  Object: 0x1c, MVar: 0x1e, RequiredModifier: 0x1f, OptionalModifier: 0x20, Sentinel: 0x41, Pinned: 0x45,
} as const;

export type MetadataType = (typeof MetadataType)[keyof typeof MetadataType];

/** Names in namespace System of the types that signatures encode as one element-type byte. */
export const PRIMITIVE_NAMES: Readonly<Record<string, MetadataType>> = {
  Void: MetadataType.Void, Boolean: MetadataType.Boolean, Char: MetadataType.Char, SByte: MetadataType.SByte,
  Byte: MetadataType.Byte, Int16: MetadataType.Int16, UInt16: MetadataType.UInt16, Int32: MetadataType.Int32,
  UInt32: MetadataType.UInt32, Int64: MetadataType.Int64, UInt64: MetadataType.UInt64, Single: MetadataType.Single,
  Double: MetadataType.Double, String: MetadataType.String, TypedReference: MetadataType.TypedByReference,
  IntPtr: MetadataType.IntPtr, UIntPtr: MetadataType.UIntPtr, Object: MetadataType.Object,
};

/** Element-type byte → System type name, for the single-byte element types. */
export const ELEMENT_TYPE_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(PRIMITIVE_NAMES).map(([name, et]) => [et, name]),
);

/** Element types that are value types. */
export function isValueElementType(et: number): boolean {
  return (et >= MetadataType.Boolean && et <= MetadataType.Double) || et === MetadataType.IntPtr || et === MetadataType.UIntPtr || et === MetadataType.TypedByReference || et === MetadataType.Void;
}

/** Cecil's IsPrimitive: bool, char, the integer and float types, IntPtr and UIntPtr. */
export function isPrimitiveElementType(et: number): boolean {
  return (et >= MetadataType.Boolean && et <= MetadataType.Double) || et === MetadataType.IntPtr || et === MetadataType.UIntPtr;
}

/** Cecil's MethodCallingConvention (low nibble of a method signature's first byte, plus Generic). */
export const MethodCallingConvention = {
  Default: 0x0, C: 0x1, StdCall: 0x2, ThisCall: 0x3, FastCall: 0x4, VarArg: 0x5, Generic: 0x10,
} as const;
export type MethodCallingConvention = (typeof MethodCallingConvention)[keyof typeof MethodCallingConvention];
