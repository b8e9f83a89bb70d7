// Generic substitution: replaces generic parameters (!n by position from the type's
// arguments, !!n from the method's) inside any type, recursing through arrays, pointers,
// byrefs, pinned/sentinel, custom modifiers, generic instances and function pointers.
// Parameters without a matching argument are left as they are.

import { ParameterDefinition } from './members.ts';
import {
  ArrayType, ByReferenceType, FunctionPointerType, GenericInstanceType, GenericParameter, OptionalModifierType, PinnedType,
  PointerType, RequiredModifierType, SentinelType, type TypeReference,
} from './types.ts';

export function substituteGenericArguments(type: TypeReference, typeArgs: readonly TypeReference[], methodArgs: readonly TypeReference[]): TypeReference {
  const s = (t: TypeReference): TypeReference => substituteGenericArguments(t, typeArgs, methodArgs);
  if (type instanceof GenericParameter) return (type.type === 'type' ? typeArgs : methodArgs)[type.position] ?? type;
  if (type instanceof GenericInstanceType) {
    const args = type.genericArguments.map(s);
    return args.every((a, i) => a === type.genericArguments[i]) ? type : new GenericInstanceType(type.elementType, args);
  }
  if (type instanceof ArrayType) {
    const e = s(type.elementType);
    return e === type.elementType ? type : new ArrayType(e, type.isVector ? undefined : type.dimensions);
  }
  const wrap = <T extends TypeReference>(inner: TypeReference, make: (e: TypeReference) => T): TypeReference => {
    const e = s(inner);
    return e === inner ? type : make(e);
  };
  if (type instanceof PointerType) return wrap(type.elementType, e => new PointerType(e));
  if (type instanceof ByReferenceType) return wrap(type.elementType, e => new ByReferenceType(e));
  if (type instanceof PinnedType) return wrap(type.elementType, e => new PinnedType(e));
  if (type instanceof SentinelType) return wrap(type.elementType, e => new SentinelType(e));
  if (type instanceof RequiredModifierType) return wrap(type.elementType, e => new RequiredModifierType(type.modifierType, e));
  if (type instanceof OptionalModifierType) return wrap(type.elementType, e => new OptionalModifierType(type.modifierType, e));
  if (type instanceof FunctionPointerType) {
    const ret = s(type.returnType);
    const params = type.parameters.map(p => s(p.parameterType));
    if (ret === type.returnType && params.every((p, i) => p === type.parameters[i]!.parameterType)) return type;
    return new FunctionPointerType(type.module, ret, params.map((p, i) => new ParameterDefinition(p, i, undefined)), type.hasThis, type.explicitThis, type.callingConvention);
  }
  return type;
}
