// Every row of the encoding table, encoded over a spread of operands (all registers,
// immediates at their size boundaries, every addressing form), against two oracles:
// GNU as --32 on the same Intel-syntax text (one batch), and the iced-x86 decoder.
import test from 'ava';
import { ALL_FORMS, type Form } from '../../src/x86/forms.ts';
import { encodeForm, lookupMnemonic, selectForm } from '../../src/x86/encoder.ts';
import { ByteBuffer } from '../../src/x86/byte-buffer.ts';
import { formatInstruction } from '../../src/x86/format.ts';
import type { Operand } from '../../src/x86/operands.ts';
import { assembleEach, hex } from './helpers/gas.ts';
import { compareWithIced } from './helpers/iced.ts';
import { combinations } from './helpers/operand-spread.ts';

interface Case {
  readonly text: string;
  readonly mnemonic: string;
  readonly operands: readonly Operand[];
  readonly form: Form;
  readonly bytes: Uint8Array;
}

/** One case per distinct instruction text; a prefixed variant where the form takes one. */
function buildCases(): { cases: Case[]; errors: string[] } {
  const seen = new Set<string>();
  const cases: Case[] = [];
  const errors: string[] = [];
  for (const form of ALL_FORMS) {
    if (form.relOperand >= 0) continue; // branches to labels: assembler tests
    for (const operands of combinations(form)) {
      const mnemonics = [form.mnemonic];
      if (form.rep) mnemonics.push('rep ' + form.mnemonic);
      if (form.lock && operands[0].kind === 'mem') mnemonics.push('lock ' + form.mnemonic);
      for (const mnemonic of mnemonics) {
        const text = formatInstruction(mnemonic, operands);
        if (seen.has(text)) continue;
        seen.add(text);
        try {
          const entry = lookupMnemonic(mnemonic);
          const selected = selectForm(entry, operands);
          const out = new ByteBuffer(16);
          encodeForm(out, entry, selected, operands, null);
          cases.push({ text, mnemonic, operands, form: selected, bytes: out.toBytes() });
        } catch (e) {
          errors.push(`${text}: ${(e as Error).message}`);
        }
      }
    }
  }
  return { cases, errors };
}

const built = buildCases();
const gas = assembleEach(built.cases.map(c => c.text));

test('the table encodes every sample without error', t => {
  t.deepEqual(built.errors, []);
  t.true(built.cases.length > 10000, `only ${built.cases.length} cases`);
});

test('every sample encodes to the bytes GNU as produces', async t => {
  const results = await gas;
  const mismatches: string[] = [];
  built.cases.forEach((c, i) => {
    const r = results[i];
    if (!r.ok) mismatches.push(`${c.text}: as rejects it (${r.error}); ours ${hex(c.bytes)} via ${c.form.instruction}`);
    else if (hex(r.bytes) !== hex(c.bytes)) mismatches.push(`${c.text}: as ${hex(r.bytes)}, ours ${hex(c.bytes)} via ${c.form.instruction}`);
  });
  t.deepEqual(mismatches.slice(0, 40), [], `${mismatches.length} of ${built.cases.length} differ`);
});

test('iced-x86 decodes every sample back to the same form, prefixes and operands', t => {
  const mismatches: string[] = [];
  for (const c of built.cases) {
    const entry = lookupMnemonic(c.mnemonic);
    const problems = compareWithIced(c.bytes, c.form, c.operands, entry.prefix);
    if (problems.length) mismatches.push(`${c.text} (${hex(c.bytes)}, ${c.form.instruction}): ${problems.join('; ')}`);
  }
  t.deepEqual(mismatches.slice(0, 40), [], `${mismatches.length} of ${built.cases.length} differ`);
});

test('every non-branch row is chosen for at least one sample (no row is shadowed by an earlier one)', t => {
  const chosen = new Set(built.cases.map(c => c.form));
  const unused = ALL_FORMS.filter(f => f.relOperand < 0 && !chosen.has(f)).map(f => `${f.instruction} | ${f.opcodeText}`);
  t.deepEqual(unused, []);
});
