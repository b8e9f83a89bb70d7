// Types, members and instructions printed in monodis's notation, so `sharpaot inspect
// --il` output can be diffed against `monodis file.dll`: "IL_0003:  call int32
// class Interop/Sys::Stat(string, [out] valuetype Interop/Sys/FileStatus&)". Signature
// positions use "class X"/"valuetype X" and keywords for primitives; token positions
// (ldtoken, box, field parents) use the bare name; names that are not plain identifiers
// are quoted ('.ctor', '<Module>').

import { ArrayType, ByReferenceType, FunctionPointerType, GenericInstanceType, GenericParameter, OptionalModifierType, PinnedType, PointerType, RequiredModifierType, SentinelType, TypeReference } from '../model/types.ts';
import { AssemblyNameReference } from '../model/assembly-name.ts';
import { FieldReference, GenericInstanceMethod, MethodReference, type CallSite, type MethodSignature } from '../model/members.ts';
import { MethodDefinition, TypeDefinition } from '../model/definitions.ts';
import { MetadataType } from '../model/metadata-type.ts';
import type { ModuleDefinition } from '../model/module.ts';
import type { Instruction, MethodBody } from '../il/method-body.ts';

const KEYWORDS: Readonly<Record<number, string>> = {
  [MetadataType.Void]: 'void', [MetadataType.Boolean]: 'bool', [MetadataType.Char]: 'char', [MetadataType.SByte]: 'int8',
  [MetadataType.Byte]: 'unsigned int8', [MetadataType.Int16]: 'int16', [MetadataType.UInt16]: 'unsigned int16',
  [MetadataType.Int32]: 'int32', [MetadataType.UInt32]: 'unsigned int32', [MetadataType.Int64]: 'int64',
  [MetadataType.UInt64]: 'unsigned int64', [MetadataType.Single]: 'float32', [MetadataType.Double]: 'float64',
  [MetadataType.String]: 'string', [MetadataType.Object]: 'object', [MetadataType.IntPtr]: 'native int',
  [MetadataType.UIntPtr]: 'native unsigned int', [MetadataType.TypedByReference]: 'typedref',
};

/** A few ILAsm keywords that also occur as member names; monodis quotes these. */
const ILASM_KEYWORDS = new Set([
  'flags', 'error', 'value', 'method', 'field', 'class', 'object', 'string', 'char', 'bool', 'int', 'float', 'type',
  'instance', 'default', 'init', 'final', 'virtual', 'static', 'assembly', 'family', 'private', 'public', 'record',
  'fixed', 'array', 'custom', 'filter', 'fault', 'handler', 'catch', 'finally', 'any', 'as', 'at', 'in', 'out', 'opt',
  'nested', 'enum', 'interface', 'extends', 'implements', 'import', 'literal', 'sealed', 'abstract', 'auto', 'ansi',
  'unicode', 'vararg', 'void', 'add', 'sub', 'mul', 'div', 'rem', 'and', 'or', 'xor', 'not', 'neg', 'shl', 'shr',
  'call', 'ret', 'box', 'unbox', 'pop', 'dup', 'nop', 'break', 'jmp', 'br', 'beq', 'ldobj', 'stobj', 'sizeof',
  'request', 'demand', 'assert', 'deny', 'alignment', 'algorithm', 'hash', 'lcid', 'date', 'decimal', 'variant',
  'native', 'unsigned', 'serializable', 'specialname', 'rtspecialname', 'pinned', 'modreq', 'modopt', 'typedref',
  'cil', 'il', 'managed', 'unmanaged', 'runtime', 'synchronized', 'preservesig', 'internalcall', 'forwardref',
  'stdcall', 'cdecl', 'fastcall', 'thiscall', 'winapi', 'platformapi', 'off', 'on', 'strict', 'blob', 'stream', 'storage',
  'vector', 'bytearray', 'nullref', 'true', 'false', 'lasterr', 'with', 'to', 'wrapper', 'retval', 'iunknown', 'idispatch',
]);

let genericPositions = false;

/**
 * Runs `print` with generic parameters shown by position (!0, !!1) instead of by name
 * (!T), as monodis shows them where it has no generic context.
 */
export function withGenericPositions<T>(print: () => T): T {
  const saved = genericPositions;
  genericPositions = true;
  try {
    return print();
  } finally {
    genericPositions = saved;
  }
}

/** Quotes a name unless it is a plain dotted identifier and not a keyword. */
export function quoteName(name: string): string {
  if (/^[A-Za-z_$@`?][A-Za-z0-9_$@`?]*(\.[A-Za-z_$@`?][A-Za-z0-9_$@`?]*)*$/.test(name) && !ILASM_KEYWORDS.has(name)) return name;
  return "'" + name.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
}

/** "[asm]" when the type lives in another assembly than the module being printed. */
function scopePrefix(t: TypeReference, from: ModuleDefinition): string {
  const s = t.scope;
  if (s instanceof AssemblyNameReference && from.assembly?.name.name !== s.name) return `[${s.name}]`;
  return '';
}

/** The bare, token-form name: "[mscorlib]System.Object", "Interop/Sys", "'<Module>'". */
export function typeName(t: TypeReference, from: ModuleDefinition = t.module): string {
  if (t.declaringType !== undefined) return typeName(t.declaringType, from) + '/' + quoteName(t.name);
  const full = t.namespace === '' ? quoteName(t.name) : quoteName(t.namespace) + '.' + quoteName(t.name);
  return scopePrefix(t, from) + full;
}

function isValueType(t: TypeReference): boolean {
  if (t instanceof TypeDefinition) return t.isValueType;
  try {
    return t.resolve().isValueType;
  } catch {
    return t.isValueType;
  }
}

function arraySuffix(a: ArrayType): string {
  if (a.isVector) return '[]';
  return '[' + a.dimensions.map(d => (d.lowerBound === undefined ? '' : d.upperBound === undefined ? `${d.lowerBound}...` : `${d.lowerBound}...${d.upperBound}`)).join(',') + ']';
}

/** Signature form: keywords for primitives, "class X" / "valuetype X" for named types. */
export function typeSig(t: TypeReference, from: ModuleDefinition = t.module): string {
  if (t instanceof GenericParameter) return (t.type === 'type' ? '!' : '!!') + (!genericPositions && t.owner !== undefined && !t.name.startsWith('!') ? t.name : String(t.position));
  if (t instanceof ArrayType) return typeSig(t.elementType, from) + arraySuffix(t);
  if (t instanceof PointerType) return typeSig(t.elementType, from) + '*';
  if (t instanceof ByReferenceType) return typeSig(t.elementType, from) + '&';
  if (t instanceof PinnedType) return typeSig(t.elementType, from) + ' pinned';
  if (t instanceof SentinelType) return '..., ' + typeSig(t.elementType, from);
  if (t instanceof RequiredModifierType) return typeSig(t.elementType, from) + ' modreq (' + typeName(t.modifierType, from) + ')';
  if (t instanceof OptionalModifierType) return typeSig(t.elementType, from) + ' modopt (' + typeName(t.modifierType, from) + ')';
  if (t instanceof GenericInstanceType) return typeSig(t.elementType, from) + '<' + t.genericArguments.map(a => typeSig(a, from)).join(', ') + '>';
  if (t instanceof FunctionPointerType) return 'method ' + signatureText(t, from, '*');
  const keyword = t.metadataType !== MetadataType.Class && t.metadataType !== MetadataType.ValueType ? KEYWORDS[t.metadataType] : undefined;
  if (keyword !== undefined) return keyword;
  return (isValueType(t) ? 'valuetype ' : 'class ') + typeName(t, from);
}

/** Token form: TypeDef/TypeRef by bare name, specifications in signature form. */
export function typeToken(t: TypeReference, from: ModuleDefinition = t.module): string {
  if (t instanceof GenericParameter || t instanceof ArrayType || t instanceof PointerType || t instanceof ByReferenceType || t instanceof GenericInstanceType || t instanceof FunctionPointerType) return typeSig(t, from);
  return typeName(t, from);
}

function parameterList(sig: MethodSignature, from: ModuleDefinition): string {
  return sig.parameters.map(p => (p.isOut ? '[out] ' : '') + typeSig(p.parameterType, from)).join(', ');
}

function signatureText(sig: MethodSignature, from: ModuleDefinition, name: string): string {
  return typeSig(sig.returnType, from) + ' ' + name + '(' + parameterList(sig, from) + ')';
}

/** Declaring type of a method: keywords for primitives, else signature form. */
function methodOwner(t: TypeReference, from: ModuleDefinition): string {
  return typeSig(t, from);
}

/** "instance void class System.Object::'.ctor'()" */
export function methodText(m: MethodReference, from: ModuleDefinition = m.module): string {
  const generic = m instanceof GenericInstanceMethod ? '<' + m.genericArguments.map(a => typeSig(a, from)).join(', ') + '> ' : '';
  const base = m instanceof GenericInstanceMethod ? m.elementMethod : m;
  const owner = m.declaringType === undefined ? '' : methodOwner(m.declaringType, from) + '::';
  const vararg = (m.callingConvention & 0xf) === 5 ? 'vararg ' : '';
  return (m.hasThis ? 'instance ' : '') + vararg + typeSig(base.returnType, from) + ' ' + owner + quoteName(m.name) + generic + '(' + parameterList(base, from) + ')';
}

/** "int32 Interop/Sys/FileStatus::Mode" */
export function fieldText(f: FieldReference, from: ModuleDefinition = f.module): string {
  const owner = f.declaringType === undefined ? '' : typeToken(f.declaringType, from) + '::';
  return typeSig(f.fieldType, from) + ' ' + owner + quoteName(f.name);
}

export function label(offset: number): string {
  return 'IL_' + offset.toString(16).padStart(4, '0');
}

/** %.17g-style float text as monodis prints it ("0.", "3.1415926535897931"); non-finite values as bytes. */
function floatText(v: number, single: boolean): string {
  if (!Number.isFinite(v)) {
    const b = new Uint8Array(single ? 4 : 8);
    const view = new DataView(b.buffer);
    if (single) view.setFloat32(0, v, true);
    else view.setFloat64(0, v, true);
    return '(' + Array.from(b, x => x.toString(16).padStart(2, '0')).join(' ') + ')';
  }
  let s = v.toPrecision(17);
  if (s.includes('e')) {
    const [m, e] = s.split('e') as [string, string];
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const exp = Number(e);
    return mant + 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  }
  if (s.includes('.')) s = s.replace(/0+$/, '');
  if (!s.includes('.')) s += '.';
  return s;
}

function stringText(s: string): string {
  if (/^[\x20-\x7e\t\n\r]*$/.test(s)) return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') + '"';
  const bytes: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bytes.push((c & 0xff).toString(16).padStart(2, '0'), (c >> 8).toString(16).padStart(2, '0'));
  }
  return 'bytearray (\n\t' + bytes.join(' ') + ' )';
}

function operandText(insn: Instruction, from: ModuleDefinition): string {
  const op = insn.operand;
  switch (insn.opCode.operandType) {
    case 'InlineNone': return '';
    case 'ShortInlineBrTarget': case 'InlineBrTarget': return label((op as Instruction).offset);
    case 'InlineSwitch': return '(\n' + (op as Instruction[]).map(t => '\t  ' + label(t.offset)).join(',\n') + ')';
    case 'InlineI8': return '0x' + BigInt.asUintN(64, op as bigint).toString(16);
    case 'ShortInlineR': return floatText(op as number, true);
    case 'InlineR': return floatText(op as number, false);
    case 'ShortInlineI': return '0x' + ((op as number) >>> 0).toString(16).padStart(2, '0');
    case 'InlineI': case 'ShortInlineVar': case 'ShortInlineArg': case 'InlineVar': case 'InlineArg': return String(op);
    case 'InlineString': return stringText(op as string);
    case 'InlineType': return typeToken(op as TypeReference, from);
    case 'InlineMethod': return methodText(op as MethodReference, from);
    case 'InlineField': return fieldText(op as FieldReference, from);
    case 'InlineTok':
      if (op instanceof MethodReference) return 'method ' + methodText(op, from);
      if (op instanceof FieldReference) return 'field ' + fieldText(op, from);
      return typeToken(op as TypeReference, from);
    case 'InlineSig': {
      const cs = op as CallSite;
      return (cs.hasThis ? 'instance ' : '') + typeSig(cs.returnType, from) + '(' + parameterList(cs, from) + ')';
    }
  }
}

/** Opcodes monodis spells differently from ECMA-335 / Cecil. */
const MONODIS_NAMES: Readonly<Record<string, string>> = { 'ldelem.any': 'ldelem', 'stelem.any': 'stelem' };

/** One instruction: "IL_0000:  ldarg.0 " (monodis keeps the space after operand-less opcodes). */
export function instructionText(insn: Instruction, from: ModuleDefinition): string {
  return `${label(insn.offset)}:  ${MONODIS_NAMES[insn.opCode.name] ?? insn.opCode.name} ${operandText(insn, from)}`;
}

/**
 * A method in monodis's layout: "// method line N" (the MethodDef row), the signature,
 * code size, .maxstack, .locals, the instructions and the exception clauses.
 */
export function methodBodyText(method: MethodDefinition): string[] {
  const lines = [`    // method line ${method.row}`, '    .method ' + methodText(method), '    {'];
  const body: MethodBody | undefined = method.body;
  if (body !== undefined) {
    lines.push(`\t// Code size ${body.codeSize} (0x${body.codeSize.toString(16)})`, `\t.maxstack ${body.maxStackSize}`);
    if (body.variables.length > 0) {
      lines.push(`\t.locals ${body.initLocals ? 'init ' : ''}(`);
      body.variables.forEach((v, i) => lines.push(`\t\t${typeSig(v.variableType, method.module)}\tV_${v.index}${i + 1 < body.variables.length ? ',' : ')'}`));
    }
    for (const insn of body.instructions) lines.push('\t' + instructionText(insn, method.module));
    for (const h of body.exceptionHandlers) {
      const what = h.handlerType === 'catch' ? `catch ${typeToken(h.catchType!, method.module)}` : h.handlerType === 'filter' ? `filter ${label(h.filterStart!.offset)}` : h.handlerType;
      lines.push(`\t.try ${label(h.tryOffset)} to ${label(h.tryOffset + h.tryLength)} ${what} handler ${label(h.handlerOffset)} to ${label(h.handlerOffset + h.handlerLength)}`);
    }
  }
  lines.push(`    } // end of method ${typeName(method.declaringType)}::${quoteName(method.name)}`);
  return lines;
}
