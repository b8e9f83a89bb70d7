// ECMA-335 II.23.2: signature blobs (method def/ref incl. vararg, explicit this and generic
// arity; field; property; local variables; type specs; method specs) decoded into the
// object model. Generic parameters (!n, !!n) are taken from the generic context when it
// has them, else created by position. Nesting depth and element counts are bounded by the
// blob so a malformed blob cannot recurse or allocate without limit.

import { badImage } from '../errors.ts';
import { ByteReader } from '../pe/byte-reader.ts';
import { MetadataType, type MethodCallingConvention } from '../model/metadata-type.ts';
import { ParameterDefinition, type MethodReference } from '../model/members.ts';
import {
  ArrayType, ByReferenceType, FunctionPointerType, GenericInstanceType, OptionalModifierType, PinnedType, PointerType,
  RequiredModifierType, SentinelType, type ArrayDimension, type GenericParameter, type TypeReference,
} from '../model/types.ts';
import type { MetadataReader } from '../model/reader.ts';

/** Where !n and !!n in a signature come from. */
export interface GenericContext {
  readonly type?: TypeReference | undefined;
  readonly method?: MethodReference | undefined;
}

/** II.23.2.1 calling-convention byte. */
export const SigFlags = { HasThis: 0x20, ExplicitThis: 0x40, Generic: 0x10, KindMask: 0x0f } as const;
const FIELD = 0x06;
const LOCAL_SIG = 0x07;
const PROPERTY = 0x08;
const GENERIC_INST = 0x0a;

/** Deepest type nesting accepted (pointers to arrays of generic instances...). */
const MAX_DEPTH = 64;
/** Generic parameters created on demand for a TypeRef stop here (real arities are tiny). */
const MAX_REFERENCE_GENERIC_ARITY = 256;
/** Largest array rank accepted (the runtime limit is 32). */
const MAX_RANK = 32;

export interface MethodSig {
  readonly hasThis: boolean;
  readonly explicitThis: boolean;
  readonly callingConvention: MethodCallingConvention;
  readonly genericArity: number;
  readonly returnType: TypeReference;
  readonly parameterTypes: TypeReference[];
}

export class SignatureReader {
  constructor(
    private readonly reader: MetadataReader,
    readonly r: ByteReader,
    private readonly context: GenericContext,
  ) {}

  /** A count that must not exceed the bytes left, since each element takes at least one. */
  private count(what: string): number {
    const n = this.r.compressedU32(what);
    if (n > this.r.remaining) badImage(`${what} ${n} exceeds the ${this.r.remaining} bytes left in the signature`, this.r.fileOffset);
    return n;
  }

  private typeDefOrRef(): TypeReference {
    const at = this.r.fileOffset;
    const coded = this.r.compressedU32('TypeDefOrRefOrSpecEncoded');
    return this.reader.typeDefOrRef(coded, this.context, at);
  }

  /** Nesting is counted on the reader, so TypeSpecs referring to TypeSpecs add up too. */
  readType(): TypeReference {
    if (++this.reader.typeDepth > MAX_DEPTH) {
      this.reader.typeDepth--;
      badImage(`signature nests types deeper than ${MAX_DEPTH}`, this.r.fileOffset);
    }
    try {
      return this.readTypeInner();
    } finally {
      this.reader.typeDepth--;
    }
  }

  private readTypeInner(): TypeReference {
    const r = this.r;
    const at = r.fileOffset;
    const et = r.u8('element type');
    const ts = this.reader.module.typeSystem;
    switch (et) {
      case MetadataType.Void: case MetadataType.Boolean: case MetadataType.Char: case MetadataType.SByte:
      case MetadataType.Byte: case MetadataType.Int16: case MetadataType.UInt16: case MetadataType.Int32:
      case MetadataType.UInt32: case MetadataType.Int64: case MetadataType.UInt64: case MetadataType.Single:
      case MetadataType.Double: case MetadataType.String: case MetadataType.TypedByReference:
      case MetadataType.IntPtr: case MetadataType.UIntPtr: case MetadataType.Object:
        return ts.byElementType(et);
      case MetadataType.Pointer:
        return new PointerType(this.readType());
      case MetadataType.ByReference:
        return new ByReferenceType(this.readType());
      case MetadataType.ValueType:
      case MetadataType.Class: {
        const t = this.typeDefOrRef();
        if (!t.isDefinition && !t.isGenericInstance && !t.isArray) t.isValueType = et === MetadataType.ValueType;
        return t;
      }
      case MetadataType.Var:
        return this.genericParameter('type', r.compressedU32('generic parameter number'));
      case MetadataType.MVar:
        return this.genericParameter('method', r.compressedU32('generic parameter number'));
      case MetadataType.Array:
        return this.readArrayShape(this.readType());
      case MetadataType.GenericInstance: {
        const kind = r.u8('GENERICINST CLASS/VALUETYPE');
        if (kind !== MetadataType.Class && kind !== MetadataType.ValueType) badImage(`GENERICINST must be followed by CLASS or VALUETYPE, found 0x${kind.toString(16)}`, r.fileOffset - 1);
        const element = this.typeDefOrRef();
        if (!element.isDefinition) element.isValueType = kind === MetadataType.ValueType;
        const n = this.count('generic argument count');
        if (n === 0) badImage('generic instance with no arguments', r.fileOffset);
        const args: TypeReference[] = [];
        for (let i = 0; i < n; i++) args.push(this.readType());
        return new GenericInstanceType(element, args);
      }
      case MetadataType.FunctionPointer: {
        const sig = this.readMethodSig();
        return new FunctionPointerType(this.reader.module, sig.returnType, toParameters(sig.parameterTypes, undefined), sig.hasThis, sig.explicitThis, sig.callingConvention);
      }
      case 0x1d: // SZARRAY
        return new ArrayType(this.readType());
      case MetadataType.RequiredModifier: {
        const modifier = this.typeDefOrRef();
        return new RequiredModifierType(modifier, this.readType());
      }
      case MetadataType.OptionalModifier: {
        const modifier = this.typeDefOrRef();
        return new OptionalModifierType(modifier, this.readType());
      }
      case MetadataType.Sentinel:
        return new SentinelType(this.readType());
      case MetadataType.Pinned:
        return new PinnedType(this.readType());
      default:
        return badImage(`invalid element type 0x${et.toString(16)} in signature`, at);
    }
  }

  private genericParameter(kind: 'type' | 'method', position: number): GenericParameter {
    if (position > 0xffff) badImage(`generic parameter number ${position} out of range`, this.r.fileOffset);
    const owner = kind === 'type' ? this.context.type : this.context.method;
    if (owner !== undefined) {
      const p = owner.genericParameters[position];
      if (p !== undefined) return p;
      // A reference type gets "!n" parameters on demand; far beyond any real arity, stay context-free.
      if (kind === 'type' && position < MAX_REFERENCE_GENERIC_ARITY) return (owner as TypeReference).genericParameterAt(position);
    }
    return this.reader.freeGenericParameter(kind, position);
  }

  /** II.23.2.13 ArrayShape: Rank, NumSizes, Size*, NumLoBounds, LoBound*. */
  private readArrayShape(element: TypeReference): ArrayType {
    const r = this.r;
    const rank = r.compressedU32('array rank');
    if (rank === 0 || rank > MAX_RANK) badImage(`array rank ${rank} outside 1..${MAX_RANK}`, r.fileOffset);
    const numSizes = this.count('array NumSizes');
    const sizes: number[] = [];
    for (let i = 0; i < numSizes; i++) sizes.push(r.compressedU32('array size'));
    const numLo = this.count('array NumLoBounds');
    const lows: number[] = [];
    for (let i = 0; i < numLo; i++) lows.push(r.compressedI32('array lower bound'));
    const dims: ArrayDimension[] = [];
    for (let i = 0; i < rank; i++) {
      const lowerBound = lows[i];
      const size = sizes[i];
      if (size !== undefined) dims.push({ lowerBound: lowerBound ?? 0, upperBound: (lowerBound ?? 0) + size - 1 });
      else if (lowerBound !== undefined) dims.push({ lowerBound });
      else dims.push({});
    }
    // A rank-1 array with no shape information is still an ARRAY, not an SZARRAY: keep it
    // distinguishable from a vector with an explicit unbounded dimension.
    if (rank === 1 && dims[0]!.lowerBound === undefined && dims[0]!.upperBound === undefined) dims[0] = { lowerBound: 0 };
    return new ArrayType(element, dims);
  }

  /** II.23.2.1-3 MethodDefSig / MethodRefSig / StandAloneMethodSig. */
  readMethodSig(): MethodSig {
    const r = this.r;
    const at = r.fileOffset;
    const flags = r.u8('method signature calling convention');
    const kind = flags & SigFlags.KindMask;
    if (kind > 5) badImage(`invalid method calling convention 0x${flags.toString(16)}`, at);
    const genericArity = flags & SigFlags.Generic ? this.count('generic parameter count') : 0;
    const n = this.count('parameter count');
    const returnType = this.readType();
    const parameterTypes: TypeReference[] = [];
    for (let i = 0; i < n; i++) parameterTypes.push(this.readType());
    return {
      hasThis: (flags & SigFlags.HasThis) !== 0,
      explicitThis: (flags & SigFlags.ExplicitThis) !== 0,
      callingConvention: (kind | (flags & SigFlags.Generic)) as MethodCallingConvention,
      genericArity,
      returnType,
      parameterTypes,
    };
  }

  /** II.23.2.4 FieldSig. */
  readFieldSig(): TypeReference {
    const b = this.r.u8('field signature');
    if (b !== FIELD) badImage(`expected field signature (0x06), found 0x${b.toString(16)}`, this.r.fileOffset - 1);
    return this.readType();
  }

  /** II.23.2.5 PropertySig. */
  readPropertySig(): { hasThis: boolean; type: TypeReference; parameterTypes: TypeReference[] } {
    const b = this.r.u8('property signature');
    if ((b & ~SigFlags.HasThis) !== PROPERTY) badImage(`expected property signature (0x08), found 0x${b.toString(16)}`, this.r.fileOffset - 1);
    const n = this.count('property parameter count');
    const type = this.readType();
    const parameterTypes: TypeReference[] = [];
    for (let i = 0; i < n; i++) parameterTypes.push(this.readType());
    return { hasThis: (b & SigFlags.HasThis) !== 0, type, parameterTypes };
  }

  /** II.23.2.6 LocalVarSig. */
  readLocalVarSig(): TypeReference[] {
    const b = this.r.u8('local variable signature');
    if (b !== LOCAL_SIG) badImage(`expected local variable signature (0x07), found 0x${b.toString(16)}`, this.r.fileOffset - 1);
    const n = this.count('local variable count');
    const types: TypeReference[] = [];
    for (let i = 0; i < n; i++) types.push(this.readType());
    return types;
  }

  /** II.23.2.15 MethodSpec instantiation. */
  readMethodSpec(): TypeReference[] {
    const b = this.r.u8('method spec signature');
    if (b !== GENERIC_INST) badImage(`expected method spec signature (0x0a), found 0x${b.toString(16)}`, this.r.fileOffset - 1);
    const n = this.count('generic argument count');
    const types: TypeReference[] = [];
    for (let i = 0; i < n; i++) types.push(this.readType());
    return types;
  }

  /** First byte of the blob without consuming it. */
  peek(): number {
    const p = this.r.position;
    const b = this.r.u8('signature');
    this.r.position = p;
    return b;
  }
}

export function toParameters(types: readonly TypeReference[], method: MethodReference | undefined): ParameterDefinition[] {
  return types.map((t, i) => new ParameterDefinition(t, i, method));
}
