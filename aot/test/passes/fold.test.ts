// The passes' constant folder (fold.ts) against the IR interpreter on every single
// operation of op-cases.ts: where it folds, it gives the interpreter's value; where the
// interpreter traps, it refuses; and it folds everything else except target-defined
// float → int conversions.

import test from 'ava';
import { fold } from '../../src/passes/fold.ts';
import { allCases, run, show } from './op-cases.ts';

test('fold agrees with the interpreter and refuses traps and target-defined results', t => {
  const wrong: string[] = [];
  let folded = 0;
  let refused = 0;
  for (const c of allCases()) {
    const insts = c.fn.entry.insts;
    const op = insts[insts.length - 2]!;
    if (op.op === 'load') continue; // memory is not folded
    const expected = run(c);
    const v = fold(op, c.args);
    if (v === undefined) {
      const targetDefined = op.op === 'conv' && !op.conv!.ovf && (op.args[0]!.type === 'f32' || op.args[0]!.type === 'f64');
      if (!expected.startsWith('trap') && !targetDefined) wrong.push(`${c.line}: not folded, interpreter gives ${expected}`);
      refused++;
    } else {
      folded++;
      const got = show(op.type!, v);
      if (got !== expected) wrong.push(`${c.line}: folds to ${got}, interpreter gives ${expected}`);
    }
  }
  t.deepEqual(wrong.slice(0, 20), []);
  t.true(folded > 10_000 && refused > 100, `folded ${folded}, refused ${refused}`);
});
