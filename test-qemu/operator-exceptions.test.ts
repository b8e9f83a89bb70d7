// Operations that throw, differentially against mono: the scenarios of
// generators/exceptions-program.ts (division by zero, MinValue / -1, checked overflow)
// in one program, each caught and named but the last, which ends the program unhandled.
// At -O0 and -O2 sharpaot's image must print the same lines, exit with mono's status (1)
// and name the same exception type on stderr.

import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compare, exceptionType, prepare } from './generators/differential.ts';
import { exceptionsProgram, SCENARIOS } from './generators/exceptions-program.ts';

const work = mkdtempSync(path.join(tmpdir(), 'sharpaot-throws-'));
test.after.always(() => rmSync(work, { recursive: true, force: true }));

test('operations that throw raise what mono raises, caught and unhandled, at -O0 and -O2', async t => {
  const program = exceptionsProgram('Exceptions');
  const p = await prepare(work, program.name, program.source);
  // The oracle saw every scenario throw: all but the last caught, then the last unhandled.
  t.is(p.expected.exitCode, 1);
  t.truthy(exceptionType(p.expected.stderr));
  t.is(p.expected.stdout.match(/ caught /g)?.length, SCENARIOS.length - 1);
  t.notRegex(p.expected.stdout, /not reached/);
  t.deepEqual(await compare(p, [0, 2]), []);
});
