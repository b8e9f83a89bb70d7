// cecil-ts: an ECMA-335 assembly reader after Mono.Cecil. PE image → metadata tables and
// heaps → an object model with lazily decoded IL bodies, custom attributes, generics and
// cross-assembly resolution; plus Mono .mdb symbols and monodis-style printing.

export { BadImageFormatError, ResolutionError } from './errors.ts';
export { readAssembly, type ReaderParameters } from './read-assembly.ts';

export { PeImage, type CliHeader, type DataDirectory, type PeHeaders, type Section } from './pe/image.ts';
export { MetadataImage, type StreamHeader } from './metadata/image.ts';
export { CodedIndexes, TABLE_NAMES, TABLE_SCHEMAS, Table, type CodedIndex, type TableSchema } from './metadata/table-schema.ts';
export type { TableInfo, TablesStream } from './metadata/tables.ts';
export type { GenericContext } from './metadata/signature-reader.ts';

export { OPERAND_SIZE, OpCodes, opCodeByCode, type FlowControl, type OpCode, type OpCodeType, type OperandType, type StackBehaviour } from './il/opcodes.ts';
export { Instruction, MethodBody, VariableDefinition, type ExceptionHandler, type ExceptionHandlerType, type Operand } from './il/method-body.ts';

export { AssemblyDefinition } from './model/assembly.ts';
export { AssemblyNameDefinition, AssemblyNameReference, type Version } from './model/assembly-name.ts';
export { FieldAttributes, MethodAttributes, MethodImplAttributes, MethodSemanticsAttributes, PInvokeAttributes, TypeAttributes } from './model/attributes.ts';
export { CustomAttribute, type CustomAttributeArgument, type CustomAttributeNamedArgument, type CustomAttributeValue } from './model/custom-attribute.ts';
export {
  EventDefinition, FieldDefinition, MethodDefinition, PropertyDefinition, TypeDefinition,
  type InterfaceImplementation, type MethodDebugInformation, type PInvokeInfo, type SequencePoint,
} from './model/definitions.ts';
export { substituteGenericArguments } from './model/generics.ts';
export { CallSite, FieldReference, GenericInstanceMethod, MethodReference, ParamAttributes, ParameterDefinition, type MethodSignature } from './model/members.ts';
export { MetadataType, MethodCallingConvention } from './model/metadata-type.ts';
export { ModuleDefinition, type ModuleKind } from './model/module.ts';
export type { ExportedTypeInfo, MetadataReader } from './model/reader.ts';
export { DefaultAssemblyResolver, MetadataResolver, type AssemblyResolver } from './model/resolver.ts';
export { TypeSystem } from './model/type-system.ts';
export {
  ArrayType, ByReferenceType, FunctionPointerType, GenericInstanceType, GenericParameter, MemberReference, ModuleReference,
  OptionalModifierType, PinnedType, PointerType, RequiredModifierType, SentinelType, TypeReference, TypeSpecification,
  type ArrayDimension, type GenericParameterKind, type Scope,
} from './model/types.ts';
export { readMdb } from './symbols/mdb-reader.ts';
export { fieldText, instructionText, methodBodyText, methodText, quoteName, typeName, typeSig, typeToken, withGenericPositions } from './text/monodis-format.ts';
