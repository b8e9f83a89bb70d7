// IL decoding checked against monodis: every method body of Mono's mscorlib.dll and
// System.dll, of the feature fixture and of a kernel built against a tiny -nostdlib
// corlib decodes, and its instruction sequence (offsets, opcodes, branch and switch
// targets, immediates, strings, and tokens resolved to names) equals monodis's
// disassembly, after removing presentation-only differences (helpers/monodis.ts).

import test from 'ava';
import { join } from 'node:path';
import { MethodDefinition, instructionText, readAssembly, withGenericPositions, type Instruction } from '../src/index.ts';
import { buildFeatures, buildFeatures64, buildTinyCorlib, MONO_LIB } from './helpers/fixtures.ts';
import { ldstrValue, monodis, normalizeOperand, numberValue, parseDisassembly, type MonodisInstruction } from './helpers/monodis.ts';

/**
 * monodis names a generic parameter of the method being disassembled (!T, !!TResult) where
 * it knows the context and numbers it elsewhere; rewrite names to positions so both sides
 * compare parameter positions, not just shapes.
 */
function genericNamesToPositions(text: string, method: MethodDefinition): string {
  const typeParams = method.declaringType.genericParameters.map(g => g.name);
  const methodParams = method.genericParameters.map(g => g.name);
  return text.replace(/(!!?)([A-Za-z_][A-Za-z0-9_]*)/g, (whole, bang: string, name: string) => {
    const i = (bang === '!!' ? methodParams : typeParams).indexOf(name);
    return i < 0 ? whole : bang + i;
  });
}

/** normalizeOperand, but keeping the positions of generic parameters (!0, !!1). */
function positional(s: string): string {
  return normalizeOperand(s.replace(/(!!?)(\d+)/g, '$1#$2')).replace(/(!!?)G?#(\d+)/g, '$1$2');
}

/** Opcode spellings of monodis that differ from ECMA-335 (and Cecil). */
const MONODIS_OPCODE: Readonly<Record<string, string>> = { ldelem: 'ldelem.any', stelem: 'stelem.any' };

/**
 * monodis prints the runtime's core types as keywords (object, string, int32) only when
 * they come from the runtime's own corlib; a -nostdlib corlib's System.Object stays
 * "class System.Object". Maps those spellings to the keywords for such assemblies.
 */
function corlibKeywords(s: string): string {
  const names: Record<string, string> = { Object: 'object', String: 'string', Int32: 'int32', Boolean: 'bool', Char: 'char', Byte: 'unsigned int8', IntPtr: 'native int' };
  return s.replace(/(?:class|valuetype) (?:\[mscorlib\])?System\.(Object|String|Int32|Boolean|Char|Byte|IntPtr)\b(?!`)/g, (_, n: string) => names[n]!);
}

function compareInstruction(ours: Instruction, ref: MonodisInstruction, printed: string, ownCorlib: boolean, method: MethodDefinition): string | undefined {
  const opcode = MONODIS_OPCODE[ref.opcode] ?? ref.opcode;
  if (ours.offset !== ref.offset || ours.opCode.name !== opcode) return `opcode ${ours.opCode.name}@${ours.offset} vs ${opcode}@${ref.offset}`;
  const op = ours.operand;
  switch (ours.opCode.operandType) {
    case 'InlineSwitch': {
      const labels = ref.operand.match(/IL_[0-9a-f]+/g) ?? [];
      const mine = (op as Instruction[]).map(t => 'IL_' + t.offset.toString(16).padStart(4, '0'));
      return labels.join(',') === mine.join(',') ? undefined : `switch targets ${mine} vs ${labels}`;
    }
    case 'InlineString':
      return ldstrValue(ref.operand) === op ? undefined : `string ${JSON.stringify(op)} vs ${JSON.stringify(ldstrValue(ref.operand))}`;
    case 'ShortInlineR':
    case 'InlineR': {
      const v = numberValue(ref.operand, ours.opCode.operandType === 'ShortInlineR');
      return Object.is(v, op) || (Number.isNaN(v) && Number.isNaN(op)) ? undefined : `float ${String(op)} vs ${ref.operand}`;
    }
    case 'InlineI8':
      return BigInt.asUintN(64, op as bigint) === numberValue(ref.operand, false) ? undefined : `int64 ${String(op)} vs ${ref.operand}`;
    default: {
      const a = positional(printed.replace(/^IL_[0-9a-f]+: {2}\S+ ?/, ''));
      const b = positional(genericNamesToPositions(ownCorlib ? corlibKeywords(ref.operand) : ref.operand, method));
      return a === b ? undefined : `operand\n    ours:    ${a}\n    monodis: ${b}`;
    }
  }
}

async function compareWithMonodis(t: import('ava').ExecutionContext, path: string, searchDirs: string[], ownCorlib = false): Promise<void> {
  const disassembly = monodis([path]);
  const asm = readAssembly(path);
  const resolver = asm.mainModule.assemblyResolver as unknown as { addSearchDirectory(d: string): void };
  for (const d of searchDirs) resolver.addSearchDirectory(d);
  const module = asm.mainModule;
  const reference = parseDisassembly(await disassembly);
  const problems: string[] = [];
  let methods = 0;
  let instructions = 0;
  for (const type of module.getTypes()) {
    for (const m of type.methods) {
      const ref = reference.get(m.row) ?? [];
      const body = m.body;
      const ours = body?.instructions ?? [];
      if (body !== undefined) methods++;
      if (ours.length !== ref.length) {
        problems.push(`${m.fullName}: ${ours.length} instructions, monodis ${ref.length}`);
        continue;
      }
      for (let i = 0; i < ours.length; i++) {
        instructions++;
        const problem = compareInstruction(ours[i]!, ref[i]!, withGenericPositions(() => instructionText(ours[i]!, module)), ownCorlib, m);
        if (problem !== undefined) problems.push(`${m.fullName} IL_${ours[i]!.offset.toString(16).padStart(4, '0')}: ${problem}`);
      }
    }
  }
  t.true(methods > 0 && instructions > 0, 'decoded some bodies');
  t.deepEqual(problems.slice(0, 20), [], `${problems.length} differences in ${instructions} instructions of ${methods} bodies`);
  t.log(`${methods} bodies, ${instructions} instructions identical to monodis`);
}

test('mscorlib.dll: every body matches monodis', t => compareWithMonodis(t, join(MONO_LIB, 'mscorlib.dll'), []));
test('System.dll: every body matches monodis', t => compareWithMonodis(t, join(MONO_LIB, 'System.dll'), [MONO_LIB]));
test('features.exe (mcs): every body matches monodis', async t => compareWithMonodis(t, await buildFeatures(), [MONO_LIB]));
test('features64.exe (PE32+, -platform:x64): every body matches monodis', async t => {
  const path = await buildFeatures64();
  t.true(readAssembly(path).mainModule.image.pe.headers.isPE32Plus);
  await compareWithMonodis(t, path, [MONO_LIB]);
});
test('kernel.dll against a -nostdlib corlib: every body matches monodis', async t => {
  const { kernel, corlib } = await buildTinyCorlib();
  await compareWithMonodis(t, kernel, [], true);
  await compareWithMonodis(t, corlib, [], true);
});

test('instructions are linked, sized and branch targets are instructions of the same body', t => {
  const module = readAssembly(join(MONO_LIB, 'System.dll')).mainModule;
  let checked = 0;
  for (const type of module.getTypes()) {
    for (const m of type.methods) {
      const body = (m as MethodDefinition).body;
      if (body === undefined) continue;
      const set = new Set(body.instructions);
      let end = 0;
      for (const [i, insn] of body.instructions.entries()) {
        if (insn.offset !== end || insn.previous !== body.instructions[i - 1] || insn.next !== body.instructions[i + 1]) t.fail(`${m.fullName}: chain broken at ${insn.offset}`);
        end += insn.size;
        const targets = Array.isArray(insn.operand) ? insn.operand : insn.opCode.flowControl.endsWith('Branch') || insn.opCode.name.startsWith('leave') ? [insn.operand] : [];
        for (const target of targets) if (!set.has(target as Instruction)) t.fail(`${m.fullName}: branch target outside the body`);
      }
      for (const h of body.exceptionHandlers) {
        for (const x of [h.tryStart, h.tryEnd, h.handlerStart, h.handlerEnd, h.filterStart]) if (x !== undefined && !set.has(x)) t.fail('handler boundary outside the body');
        if (h.tryStart.offset !== h.tryOffset || (h.tryEnd?.offset ?? body.codeSize) !== h.tryOffset + h.tryLength) t.fail('try bounds');
      }
      if (end !== body.codeSize) t.fail(`${m.fullName}: instructions cover ${end} of ${body.codeSize} bytes`);
      checked++;
    }
  }
  t.true(checked > 10000);
});
