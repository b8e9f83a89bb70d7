// korlib's Console, exceptions and primitive types compiled by sharpaot and booted: every
// Write/WriteLine overload, Console.Out, Console.Error (COM2) and SetOut, the exceptions'
// messages, the primitives' Equals/GetHashCode/CompareTo, and Environment.Exit's code match
// mono's stdout, stderr and exit status, at -O0 and -O2.

import test from 'ava';
import { hostOracle } from './harness/host-oracle.ts';
import { program, runWithSharpaot } from './harness/sharpaot.ts';

test('Console, exceptions and primitives behave as under mono, stderr included', async t => {
  const source = program('korlib/console.cs');
  const expected = await hostOracle([source]);
  t.is(expected.exitCode, 7);
  await Promise.all(
    ([0, 2] as const).map(async level => {
      const got = await runWithSharpaot([source], { optLevel: level });
      t.is(got.outcome, 'exit', `-O${level}: ${got.outcome} ${got.qemuStderr}`);
      t.is(got.stdout, expected.stdout, `-O${level}: stdout differs from mono's`);
      t.is(got.stderr, expected.stderr, `-O${level}: stderr differs from mono's`);
      t.is(got.exitCode, expected.exitCode, `-O${level}: exit code differs from mono's`);
    }),
  );
});
