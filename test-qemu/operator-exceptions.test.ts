// Operations that throw, differentially against mono: each scenario of
// generators/throwing-programs.ts (division by zero, MinValue / -1, checked overflow)
// is its own program, since the unhandled exception ends it. At -O0 and -O2 sharpaot's
// image must print the same lines before the throw, exit with mono's status (1) and
// name the same exception type on stderr.

import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compare, exceptionType, prepare, type Prepared } from './generators/differential.ts';
import { SCENARIOS, throwingProgram } from './generators/throwing-programs.ts';

const work = mkdtempSync(path.join(tmpdir(), 'sharpaot-throws-'));
test.after.always(() => rmSync(work, { recursive: true, force: true }));

// Mono first (see operators.test.ts).
const prepared = new Map<string, Promise<Prepared>>();
test.before(async () => {
  for (const scenario of SCENARIOS) {
    const program = throwingProgram(scenario);
    prepared.set(scenario.name, prepare(work, program.name, program.source));
  }
  await Promise.all(prepared.values());
});

for (const scenario of SCENARIOS) {
  test(`${scenario.name} ends with mono's unhandled exception and output at -O0 and -O2`, async t => {
    const p = await prepared.get(scenario.name)!;
    // The oracle really threw, after printing every pair but the last.
    t.is(p.expected.exitCode, 1);
    t.truthy(exceptionType(p.expected.stderr));
    t.is(p.lines, scenario.pairs.length - 1);
    t.deepEqual(await compare(p, [0, 2]), []);
  });
}
