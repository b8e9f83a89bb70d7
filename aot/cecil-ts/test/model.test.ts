// The object model as the compiler uses it: identity of decoded objects, type lookup,
// generic parameters and substitution, resolution of generic member references, type
// forwarders, layout and field data, and cyclic or dangling references in patched
// images (which must end in BadImageFormatError or ResolutionError, never a hang).
// Expected values come from the C# fixture sources and from Mono's own libraries.

import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ArrayType, AssemblyNameReference, BadImageFormatError, ByReferenceType, DefaultAssemblyResolver, FieldDefinition, FunctionPointerType,
  GenericInstanceMethod, GenericInstanceType, GenericParameter, MetadataType, MethodCallingConvention, MethodDefinition, ModuleDefinition,
  PointerType, ResolutionError, substituteGenericArguments, Table, TypeReference, readAssembly, type FieldReference, type MethodReference,
} from '../src/index.ts';
import { buildFeatures, buildTinyCorlib, MONO_LIB } from './helpers/fixtures.ts';

async function features(): Promise<ModuleDefinition> {
  return readAssembly(await buildFeatures(), { resolver: new DefaultAssemblyResolver([MONO_LIB]) }).mainModule;
}

test('decoded objects keep their identity across lookups and paths', async t => {
  const m = await features();
  for (const table of [Table.TypeDef, Table.TypeRef, Table.TypeSpec, Table.Field, Table.MethodDef, Table.MemberRef, Table.MethodSpec]) {
    for (let r = 1; r <= m.image.rowCount(table); r++) {
      const token = (table << 24) | r;
      t.is(m.lookupToken(token), m.lookupToken(token));
    }
  }
  for (const type of m.getTypes()) {
    t.is(m.lookupToken(type.token), type);
    for (const f of type.fields) t.is(m.lookupToken(f.token), f);
    for (const me of type.methods) t.is(m.lookupToken(me.token), me);
  }
  t.is(m.getTypes().length, m.image.rowCount(Table.TypeDef));
});

test('types by full name, nested as Outer/Inner, with their flags', async t => {
  const m = await features();
  const node = m.getType('Features.Box`1/Node/Deeper')!;
  t.is(node.declaringType!.fullName, 'Features.Box`1/Node');
  t.true(node.isNested && node.isClass && !node.isValueType);
  const color = m.getType('Features.Color')!;
  t.true(color.isEnum && color.isValueType && color.isSealed);
  t.is(color.getEnumUnderlyingType().metadataType, MetadataType.Int16);
  t.deepEqual(color.fields.filter(f => f.isLiteral).map(f => [f.name, f.constant]), [['Red', -1], ['Green', 2], ['Blue', 300]]);
  const overlay = m.getType('Features.Overlay')!;
  t.true(overlay.isExplicitLayout && overlay.isValueType);
  t.deepEqual([overlay.classSize, overlay.packingSize], [16, 4]);
  t.deepEqual(overlay.fields.map(f => f.offset), [0, 0, 4]);
  const packed = m.getType('Features.Packed')!;
  t.true(packed.isSequentialLayout);
  t.is(packed.packingSize, 1);
  t.true(m.getType('Features.IShape`2')!.isInterface);
  t.is(m.getType('Features.Nope'), undefined);
  t.is(m.entryPoint?.name, 'Main');
});

test('generic parameters, constraints, variance and substitution', async t => {
  const m = await features();
  const box = m.getType('Features.Box`1')!;
  const [T] = box.genericParameters;
  t.is(T!.name, 'T');
  t.is(T!.owner, box);
  t.deepEqual(T!.constraints.map(c => c.fullName), ['System.IComparable`1<T>']);
  const shape = m.getType('Features.IShape`2')!;
  t.deepEqual(shape.genericParameters.map(g => [g.name, g.attributes & 3]), [['TIn', 2], ['TOut', 1]]);
  const items = box.fields.find(f => f.name === 'items')!;
  t.true(items.fieldType instanceof ArrayType && (items.fieldType as ArrayType).elementType === T);
  const convert = box.methods.find(x => x.name === 'Convert')!;
  t.is(convert.genericParameters[0]!.type, 'method');
  t.is(convert.callingConvention, MethodCallingConvention.Generic);
  t.is(convert.returnType, convert.genericParameters[0]);
  // substitute !0 → string, !!0 → int through array, pointer, byref, generic instance and function pointer.
  const ts = m.typeSystem;
  const list = new GenericInstanceType(new TypeReference('System.Collections.Generic', 'List`1', m, ts.corlibScope), [convert.returnType]);
  t.is(substituteGenericArguments(items.fieldType, [ts.string], []).fullName, 'System.String[]');
  t.is(substituteGenericArguments(new ByReferenceType(new PointerType(list)), [], [ts.int32]).fullName, 'System.Collections.Generic.List`1<System.Int32>*&');
  t.is(substituteGenericArguments(items.fieldType, [], []), items.fieldType, 'unchanged types are returned as they are');
  const fnptr = new FunctionPointerType(m, T!, [], false, false, MethodCallingConvention.C);
  t.is(substituteGenericArguments(fnptr, [ts.object], []).fullName, 'method System.Object *()');
});

test('member references on generic instances resolve to the generic definitions', async t => {
  const m = await features();
  const main = m.getType('Features.Program')!.methods.find(x => x.name === 'Main')!;
  const calls = main.body!.instructions.filter(i => i.opCode.name === 'callvirt' || i.opCode.name === 'call' || i.opCode.name === 'newobj').map(i => i.operand as MethodReference);
  const add = calls.find(c => c.name === 'Add')!;
  // As in Cecil, !0 in the signature binds to the generic definition's own parameter.
  t.is(add.fullName, 'System.Void Features.Box`1<System.String>::Add(T)');
  t.is(add.parameters[0]!.parameterType, m.getType('Features.Box`1')!.genericParameters[0]);
  t.is(add.resolve(), m.getType('Features.Box`1')!.methods.find(x => x.name === 'Add')!);
  const convert = calls.find(c => c.name === 'Convert') as GenericInstanceMethod;
  t.true(convert instanceof GenericInstanceMethod);
  t.is(convert.genericArguments[0]!.fullName, 'System.Collections.Generic.List`1<System.String>');
  t.is(convert.resolve().name, 'Convert');
  const arglist = calls.find(c => c.name === 'VarArgs')!;
  t.is(arglist.callingConvention, MethodCallingConvention.VarArg);
  t.is(arglist.resolve(), m.getType('Features.Program')!.methods.find(x => x.name === 'VarArgs')!);
  // The lambda's `new List<string> { s }` calls List`1<string>::Add, defined in Mono's mscorlib.
  const listAdd = m.getTypes().flatMap(ty => ty.methods).flatMap(x => x.body?.instructions ?? []).map(i => i.operand).find(o => (o as MethodReference)?.name === 'Add' && (o as MethodReference).declaringType?.getElementType().name === 'List`1') as MethodReference;
  const def = listAdd.resolve();
  t.is(def.module.assembly!.name.name, 'mscorlib');
  t.is(def.declaringType.fullName, 'System.Collections.Generic.List`1');
  const ldfld = m.getType('Features.Box`1')!.methods.find(x => x.name === 'get_Item')!.body!.instructions.find(i => i.opCode.name === 'ldfld')!.operand as FieldReference;
  t.is(ldfld.resolve(), m.getType('Features.Box`1')!.fields.find(f => f.name === 'items')!);
});

test('properties, events, overrides, P/Invoke and default values', async t => {
  const m = await features();
  const box = m.getType('Features.Box`1')!;
  const item = box.properties.find(p => p.name === 'Item')!;
  t.is(item.getMethod!.name, 'get_Item');
  t.is(item.setMethod!.name, 'set_Item');
  t.true(item.getMethod!.isGetter && item.getMethod!.isSpecialName);
  t.is(item.parameterTypes[0]!.metadataType, MetadataType.Int32);
  const changed = box.events.find(e => e.name === 'Changed')!;
  t.deepEqual([changed.addMethod!.name, changed.removeMethod!.name], ['add_Changed', 'remove_Changed']);
  const explicit = box.methods.find(x => x.name.endsWith('IEnumerable<T>.GetEnumerator'))!;
  t.is(explicit.overrides[0]!.name, 'GetEnumerator');
  t.is(explicit.overrides[0]!.resolve().declaringType.fullName, 'System.Collections.Generic.IEnumerable`1');
  const program = m.getType('Features.Program')!;
  const getpid = program.methods.find(x => x.name === 'GetPid')!;
  t.true(getpid.isPInvokeImpl && !getpid.hasBody && getpid.body === undefined);
  t.deepEqual([getpid.pInvokeInfo!.entryPoint, getpid.pInvokeInfo!.module.name], ['getpid', 'libc']);
  const defaults = program.methods.find(x => x.name === 'Defaults')!;
  t.deepEqual(defaults.parameters.map(p => [p.name, p.index, p.sequence, p.isOptional, p.constant]), [['a', 0, 1, true, 7], ['b', 1, 2, true, 'dflt'], ['c', 2, 3, true, 300], ['d', 3, 4, true, null], ['e', 4, 5, true, 2.5]]);
  const out = program.methods.find(x => x.name === 'Out')!;
  t.true(out.parameters[0]!.isOut && out.parameters[0]!.parameterType.isByReference);
  t.true(box.methods.find(x => x.name === '.ctor')!.isConstructor);
  const pointers = program.methods.find(x => x.name === 'Pointers')!.body!;
  t.true(pointers.variables.some(v => v.variableType.metadataType === MetadataType.Pinned));
  t.true(pointers.instructions.some(i => i.opCode.name === 'localloc'));
  const guard = program.methods.find(x => x.name === 'Guard')!.body!;
  t.deepEqual(guard.exceptionHandlers.map(h => h.handlerType).sort(), ['catch', 'filter', 'finally']);
  t.is(guard.exceptionHandlers.find(h => h.handlerType === 'catch')!.catchType!.fullName, 'System.OverflowException');
  t.truthy(guard.exceptionHandlers.find(h => h.handlerType === 'filter')!.filterStart);
});

test('FieldRVA data is sized by the field type, including ClassLayout sizes', async t => {
  const m = await features();
  const details = m.getTypes().find(x => x.name === '<PrivateImplementationDetails>')!;
  const data = details.fields.filter(f => f.rva !== 0) as FieldDefinition[];
  t.true(data.length >= 4);
  for (const f of data) {
    // mcs types array-initialiser data as a struct whose ClassLayout gives the size.
    const size = (f.fieldType as TypeReference).resolve().classSize;
    t.true(size > 0);
    t.is(f.initialValue.length, size);
  }
  const primes = data.find(f => f.initialValue.length === 48)!;
  t.deepEqual(Array.from(new Int32Array(Uint8Array.from(primes.initialValue).buffer)), [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]);
  t.is(m.getType('Features.Program')!.fields.find(f => f.name === 'flag')!.fieldType.fullName, 'System.Int32 modreq(System.Runtime.CompilerServices.IsVolatile)');
});

test('type forwarders are followed to the defining assembly', t => {
  const core = readAssembly(join(MONO_LIB, 'System.Core.dll')).mainModule;
  const forwarded = core.exportedTypes.filter(e => e.implementation.table === Table.AssemblyRef);
  t.true(forwarded.length > 5);
  for (const e of forwarded) {
    const ref = new TypeReference(e.namespace, e.name, core, core.assembly!.name);
    const def = ref.resolve();
    t.is(def.fullName, ref.fullName);
    t.is(def.module.assembly!.name.name, 'mscorlib');
  }
});

test('a -nostdlib corlib is its own core library', async t => {
  const { kernel, corlib } = await buildTinyCorlib();
  const c = readAssembly(corlib).mainModule;
  t.true(c.isCorlib);
  t.true(c.typeSystem.object instanceof Object && c.typeSystem.object.isDefinition);
  const k = readAssembly(kernel).mainModule;
  t.false(k.isCorlib);
  const obj = k.typeSystem.object.resolve();
  t.is(obj.module.fileName, c.fileName);
  const main = k.getType('Kernel.Entry')!.methods.find(x => x.name === 'Main')!;
  t.is(main.customAttributes[0]!.constructorArguments[0]!.value, 'boot');
  t.true(main.hasCustomAttribute('Kernel.KernelMainAttribute'));
  t.false(main.hasCustomAttribute('Kernel.Other'));
  const cctor = k.getType('Kernel.Entry')!.methods.find(x => x.name === '.cctor')!;
  const token = cctor.body!.instructions.find(i => i.opCode.name === 'ldtoken')!.operand as FieldDefinition;
  t.deepEqual(Array.from(token.initialValue.subarray(0, 7)), [0x4b, 0x45, 0x52, 0x4e, 0x45, 0x4c, 0x21]);
});

test('an assembly the resolver cannot find is a ResolutionError naming it', t => {
  const m = readAssembly(join(MONO_LIB, 'System.dll'), { resolver: new DefaultAssemblyResolver([]) }).mainModule;
  const ref = m.getTypeReferences().find(r => r.scope instanceof AssemblyNameReference && r.scope.name === 'mscorlib')!;
  t.throws(() => ref.resolve(), { instanceOf: ResolutionError, message: /assembly mscorlib, Version=4\.0\.0\.0.* not found/ });
  t.throws(() => (m.getType('System.Uri')!.genericParameterAt(0) as GenericParameter).resolve(), { instanceOf: ResolutionError });
});

/** Mono.Security.dll with a patch applied to one column of one row. */
function patched(table: Table, row: number, col: number, value: (m: ModuleDefinition) => number): ModuleDefinition {
  const path = join(MONO_LIB, 'Mono.Security.dll');
  const data = new Uint8Array(readFileSync(path));
  const m = readAssembly(data).mainModule;
  const info = m.image.tables.table(table);
  const at = info.rowOffset(row) + info.columnOffsets[col]!;
  const v = value(m);
  const view = new DataView(data.buffer, data.byteOffset);
  if (info.columnSizes[col] === 2) view.setUint16(at, v, true);
  else view.setUint32(at, v, true);
  return readAssembly(data, { resolver: new DefaultAssemblyResolver([MONO_LIB]) }).mainModule;
}

test('cyclic references are BadImageFormatError, not hangs', t => {
  // A TypeRef whose resolution scope is itself.
  const selfScope = patched(Table.TypeRef, 5, 0, () => (5 << 2) | 3);
  t.throws(() => selfScope.lookupToken(0x01000005), { instanceOf: BadImageFormatError, message: /cyclic reference through TypeRef row 5/ });
  // A chain of TypeRefs each scoped to the previous one, deeper than any program nests.
  const data = new Uint8Array(readFileSync(join(MONO_LIB, 'System.dll')));
  const refs = readAssembly(data).mainModule.image.tables.table(Table.TypeRef);
  const dv = new DataView(data.buffer, data.byteOffset);
  for (let r = 2; r <= refs.rows; r++) {
    const value = ((r - 1) << 2) | 3;
    if (refs.columnSizes[0] === 2) dv.setUint16(refs.rowOffset(r), value, true);
    else dv.setUint32(refs.rowOffset(r), value, true);
  }
  t.throws(() => readAssembly(data).mainModule.lookupToken(0x01000000 | refs.rows), { instanceOf: BadImageFormatError, message: /nest more than 256 deep/ });
  // Two types nested in each other.
  const m0 = readAssembly(join(MONO_LIB, 'Mono.Security.dll')).mainModule;
  const nested = m0.image.tables.table(Table.NestedClass);
  const inner = nested.get(1, 0);
  const outer = nested.get(1, 1);
  const loop = patched(Table.NestedClass, 2, 0, () => outer);
  const loop2 = (() => {
    const data = new Uint8Array(readFileSync(join(MONO_LIB, 'Mono.Security.dll')));
    const view = new DataView(data.buffer, data.byteOffset);
    view.setUint16(nested.rowOffset(2) + nested.columnOffsets[0]!, outer, true);
    view.setUint16(nested.rowOffset(2) + nested.columnOffsets[1]!, inner, true);
    return readAssembly(data).mainModule;
  })();
  void loop;
  t.throws(() => loop2.getTypes(), { instanceOf: BadImageFormatError, message: /cyclic reference through TypeDef/ });
  // A type that is its own base type: member lookup walking the hierarchy stops.
  const uri = m0.getTypes().findIndex(ty => ty.isClass && ty.baseType !== undefined && ty.methods.length > 0) + 1;
  const selfBase = patched(Table.TypeDef, uri, 3, () => (uri << 2) | 0);
  const type = selfBase.reader.typeDef(uri);
  const fake = Object.assign(Object.create(Object.getPrototypeOf(type.methods[0]!)) as MethodDefinition, {});
  void fake;
  const ref = new (Object.getPrototypeOf(Object.getPrototypeOf(type.methods[0]!)).constructor as new (n: string, r: TypeReference, d: TypeReference, m: ModuleDefinition) => MethodReference)('NoSuchMethod', selfBase.typeSystem.void, type, selfBase);
  t.throws(() => ref.resolve(), { instanceOf: BadImageFormatError, message: /its own base type/ });
  // A forwarder that points back at its own assembly.
  const core = new Uint8Array(readFileSync(join(MONO_LIB, 'System.Core.dll')));
  const cm = readAssembly(core).mainModule;
  const asmRefs = cm.image.tables.table(Table.AssemblyRef);
  const nameIndex = cm.image.tables.table(Table.Assembly).get(1, 7);
  const view = new DataView(core.buffer, core.byteOffset);
  for (let r = 1; r <= asmRefs.rows; r++) {
    const at = asmRefs.rowOffset(r) + asmRefs.columnOffsets[6]!;
    if (asmRefs.columnSizes[6] === 2) view.setUint16(at, nameIndex, true);
    else view.setUint32(at, nameIndex, true);
  }
  const self = readAssembly(core, { resolver: new DefaultAssemblyResolver([MONO_LIB]) }).mainModule;
  const e = self.exportedTypes[0]!;
  t.throws(() => new TypeReference(e.namespace, e.name, self, self.assembly!.name).resolve(), { instanceOf: ResolutionError, message: /forwarded to its own assembly/ });
});
