// A seeded random stream of thousands of instructions (random forms, registers, addressing
// parts, displacements and immediates) through GNU as and iced-x86.
import test from 'ava';
import { ALL_FORMS } from '../../src/x86/forms.ts';
import { encodeForm, lookupMnemonic, selectForm } from '../../src/x86/encoder.ts';
import { ByteBuffer } from '../../src/x86/byte-buffer.ts';
import { formatInstruction } from '../../src/x86/format.ts';
import { assembleEach, hex } from './helpers/gas.ts';
import { compareWithIced } from './helpers/iced.ts';
import { prng, randomOperand } from './helpers/operand-spread.ts';

const SEED = 0x5eed_2024;
const COUNT = 6000;

test(`${COUNT} random instructions (seed ${SEED}) agree with GNU as and iced-x86`, async t => {
  const rand = prng(SEED);
  const forms = ALL_FORMS.filter(f => f.relOperand < 0);
  const cases = Array.from({ length: COUNT }, () => {
    const form = forms[Math.floor(rand() * forms.length)];
    const operands = form.operands.map(s => randomOperand(s, form, rand));
    const mnemonic = form.lock && operands[0].kind === 'mem' && rand() < 0.3 ? 'lock ' + form.mnemonic : form.rep && rand() < 0.5 ? 'rep ' + form.mnemonic : form.mnemonic;
    const entry = lookupMnemonic(mnemonic);
    const selected = selectForm(entry, operands);
    const out = new ByteBuffer(16);
    encodeForm(out, entry, selected, operands, null);
    return { text: formatInstruction(mnemonic, operands), entry, form: selected, operands, bytes: out.toBytes() };
  });
  const results = await assembleEach(cases.map(c => c.text));
  const problems: string[] = [];
  cases.forEach((c, i) => {
    const r = results[i];
    if (!r.ok) problems.push(`${c.text}: as rejects it: ${r.error}`);
    else if (hex(r.bytes) !== hex(c.bytes)) problems.push(`${c.text}: as ${hex(r.bytes)}, ours ${hex(c.bytes)}`);
    const iced = compareWithIced(c.bytes, c.form, c.operands, c.entry.prefix);
    if (iced.length) problems.push(`${c.text}: iced: ${iced.join('; ')}`);
  });
  t.deepEqual(problems.slice(0, 30), [], `${problems.length} problems`);
});
