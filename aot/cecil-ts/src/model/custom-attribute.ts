// ECMA-335 II.23.3: custom attribute blobs. The constructor's parameter types drive the
// fixed arguments; named arguments carry their own FieldOrPropType. Values of every
// element type are decoded: primitives, string, enums (through the enum's underlying
// type, resolved across assemblies), System.Type (by serialized type name), arrays and
// boxed objects. Decoding is lazy, on first access to the arguments.

import { badImage } from '../errors.ts';
import { ByteReader, utf8 } from '../pe/byte-reader.ts';
import { MetadataType } from './metadata-type.ts';
import { parseTypeName } from './type-name-parser.ts';
import { ArrayType, type TypeReference } from './types.ts';
import type { MethodReference } from './members.ts';
import type { ModuleDefinition } from './module.ts';

export type CustomAttributeValue = boolean | number | bigint | string | null | TypeReference | CustomAttributeArgument[] | CustomAttributeArgument;

export interface CustomAttributeArgument {
  readonly type: TypeReference;
  readonly value: CustomAttributeValue;
}

export interface CustomAttributeNamedArgument {
  readonly name: string;
  readonly argument: CustomAttributeArgument;
}

interface Decoded {
  readonly constructorArguments: CustomAttributeArgument[];
  readonly fields: CustomAttributeNamedArgument[];
  readonly properties: CustomAttributeNamedArgument[];
}

const SERIALIZATION = { SZArray: 0x1d, Type: 0x50, Boxed: 0x51, Field: 0x53, Property: 0x54, Enum: 0x55 } as const;
/** Deepest nesting of boxed objects / arrays accepted. */
const MAX_DEPTH = 16;

// `constructor` cannot be declared as a class field; it is an own property set in the
// constructor and typed by this merged interface.
export interface CustomAttribute {
  /** The attribute's constructor (MethodDef or MemberRef). */
  readonly constructor: MethodReference;
}

export class CustomAttribute {
  private decoded: Decoded | undefined;
  readonly attributeType: TypeReference;

  constructor(
    ctor: MethodReference,
    /** The blob bytes (II.23.3). */
    readonly blob: ByteReader,
    private readonly module: ModuleDefinition,
  ) {
    Object.defineProperty(this, 'constructor', { value: ctor, enumerable: true });
    if (ctor.declaringType === undefined) badImage(`custom attribute constructor ${ctor.name} has no declaring type`);
    this.attributeType = ctor.declaringType;
  }
  get constructorArguments(): readonly CustomAttributeArgument[] {
    return this.decode().constructorArguments;
  }
  get fields(): readonly CustomAttributeNamedArgument[] {
    return this.decode().fields;
  }
  get properties(): readonly CustomAttributeNamedArgument[] {
    return this.decode().properties;
  }
  get hasConstructorArguments(): boolean {
    return this.constructorArguments.length > 0;
  }

  private decode(): Decoded {
    if (this.decoded === undefined) this.decoded = new BlobDecoder(this.module, new ByteReader(this.blob.data, this.blob.start, this.blob.length)).attribute(this.constructor);
    return this.decoded;
  }
}

class BlobDecoder {
  private depth = 0;
  constructor(
    private readonly module: ModuleDefinition,
    private readonly r: ByteReader,
  ) {}

  attribute(ctor: MethodReference): Decoded {
    const r = this.r;
    if (r.length === 0) return { constructorArguments: [], fields: [], properties: [] };
    const prolog = r.u16('custom attribute prolog');
    if (prolog !== 0x0001) badImage(`expected custom attribute prolog 0x0001, found 0x${prolog.toString(16)}`, r.fileOffset - 2);
    const constructorArguments = ctor.parameters.map(p => this.fixedArg(p.parameterType));
    const fields: CustomAttributeNamedArgument[] = [];
    const properties: CustomAttributeNamedArgument[] = [];
    const named = r.u16('NumNamed');
    for (let i = 0; i < named; i++) {
      const at = r.fileOffset;
      const kind = r.u8('FIELD or PROPERTY');
      if (kind !== SERIALIZATION.Field && kind !== SERIALIZATION.Property) badImage(`expected named argument kind FIELD (0x53) or PROPERTY (0x54), found 0x${kind.toString(16)}`, at);
      const type = this.fieldOrPropType();
      const name = this.serString() ?? '';
      const argument = this.fixedArg(type);
      (kind === SERIALIZATION.Field ? fields : properties).push({ name, argument });
    }
    return { constructorArguments, fields, properties };
  }

  private nest<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) badImage('custom attribute value nests too deeply', this.r.fileOffset);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  /** FixedArg of a declared type (II.23.3 Elem / SZArray). */
  private fixedArg(type: TypeReference): CustomAttributeArgument {
    return this.nest(() => {
      if (type instanceof ArrayType) {
        if (!type.isVector) badImage(`custom attribute argument of multi-dimensional array type ${type.fullName}`, this.r.fileOffset);
        const n = this.r.u32('array element count');
        if (n === 0xffffffff) return { type, value: null };
        if (n > this.r.remaining) badImage(`custom attribute array of ${n} elements exceeds the blob`, this.r.fileOffset - 4);
        const items: CustomAttributeArgument[] = [];
        for (let i = 0; i < n; i++) items.push(this.fixedArg(type.elementType));
        return { type, value: items };
      }
      return { type, value: this.elem(type) };
    });
  }

  private elem(type: TypeReference): CustomAttributeValue {
    const r = this.r;
    const et = type.metadataType;
    switch (et) {
      case MetadataType.Boolean: return r.u8('bool') !== 0;
      case MetadataType.Char: return r.u16('char');
      case MetadataType.SByte: return r.i8('int8');
      case MetadataType.Byte: return r.u8('uint8');
      case MetadataType.Int16: return r.i16('int16');
      case MetadataType.UInt16: return r.u16('uint16');
      case MetadataType.Int32: return r.i32('int32');
      case MetadataType.UInt32: return r.u32('uint32');
      case MetadataType.Int64: return r.i64('int64');
      case MetadataType.UInt64: return r.u64('uint64');
      case MetadataType.Single: return r.f32('float32');
      case MetadataType.Double: return r.f64('float64');
      case MetadataType.String: return this.serString();
      case MetadataType.Object: {
        const boxedType = this.fieldOrPropType();
        return this.fixedArg(boxedType);
      }
    }
    if (type.namespace === 'System' && type.name === 'Type' && type.declaringType === undefined) {
      const name = this.serString();
      return name === null ? null : parseTypeName(this.module, name);
    }
    // Otherwise an enum: read its underlying integer type.
    const def = type.resolve();
    if (!def.isEnum) badImage(`custom attribute argument of type ${type.fullName}, which is neither primitive, string, Type, object nor an enum`, r.fileOffset);
    return this.elem(def.getEnumUnderlyingType());
  }

  /** II.23.3 FieldOrPropType. */
  private fieldOrPropType(): TypeReference {
    const r = this.r;
    const at = r.fileOffset;
    const b = r.u8('FieldOrPropType');
    const ts = this.module.typeSystem;
    if (b >= MetadataType.Boolean && b <= MetadataType.String) return ts.byElementType(b as MetadataType);
    switch (b) {
      case SERIALIZATION.SZArray:
        return this.nest(() => new ArrayType(this.fieldOrPropType()));
      case SERIALIZATION.Type:
        return ts.lookupCorlibType('System', 'Type', false);
      case SERIALIZATION.Boxed:
        return ts.object;
      case SERIALIZATION.Enum: {
        const name = this.serString();
        if (name === null) badImage('enum type name is null', at);
        const t = parseTypeName(this.module, name);
        t.isValueType = true;
        return t;
      }
    }
    return badImage(`invalid FieldOrPropType 0x${b.toString(16)}`, at);
  }

  /** II.23.3 SerString: 0xFF = null, else compressed length + UTF-8. */
  private serString(): string | null {
    const r = this.r;
    const p = r.position;
    if (r.u8('SerString') === 0xff) return null;
    r.position = p;
    const n = r.compressedU32('SerString length');
    return utf8.decode(r.bytes(n, 'SerString'));
  }
}
