// Golden tests of the passes: aot/test/passes/golden/<pass>/<case>.ir holds input IR
// (first function: the one transformed; any others: the module, callees for inlining),
// then a `; expect:` line and the expected IR after the pass. Directory O0/O1/O2 runs the
// whole pipeline at that level. The runner parses, runs the pass, verifies, prints and
// compares; `SHARPAOT_BLESS=1 npx ava aot/test/passes/golden.test.ts` rewrites the
// expectations on purpose (review the diff).
//
// Each case also runs in the IR interpreter before and after, on default arguments and on
// those of its `; args: a, b | c, d` line, and the behaviour must be identical, so a
// blessed expectation cannot hide a miscompile. A case the interpreter cannot run (EH)
// must say so with `; no-interp: <reason>`.

import test from 'ava';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloneFunc } from '../../src/ir/clone.ts';
import type { Value } from '../../src/ir/interp.ts';
import { parseFuncs } from '../../src/ir/parser.ts';
import { printFunc } from '../../src/ir/printer.ts';
import { verifyFunc } from '../../src/ir/verifier.ts';
import { isPassName, runPass, runPipeline, type OptLevel } from '../../src/passes/pipeline.ts';
import type { Type } from '../../src/ir/types.ts';
import { behaviours, defaultArgs, differences } from './harness.ts';

const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const BLESS = process.env.SHARPAOT_BLESS === '1';
const EXPECT = /^; expect:[ \t]*$/m;

for (const dir of readdirSync(GOLDEN).sort()) {
  for (const file of readdirSync(join(GOLDEN, dir)).filter(f => f.endsWith('.ir')).sort()) {
    test(`${dir}/${file}`, t => {
      const path = join(GOLDEN, dir, file);
      const text = readFileSync(path, 'utf8');
      const m = EXPECT.exec(text);
      const input = m === null ? text : text.slice(0, m.index);
      const expected = m === null ? undefined : text.slice(m.index + m[0].length).trim();
      const funcs = parseFuncs(input);
      const module = new Map(funcs.map(f => [f.name, f]));
      const fn = cloneFunc(funcs[0]!);
      const lookup = (sym: string) => (sym !== fn.name && module.has(sym) ? cloneFunc(module.get(sym)!) : undefined);

      if (isPassName(dir)) runPass(dir, fn, lookup);
      else if (/^O[012]$/.test(dir)) runPipeline(fn, { level: Number(dir[1]) as OptLevel, verify: true, inlineLookup: lookup });
      else throw new Error(`golden directory ${dir} is neither a pass nor O0/O1/O2`);
      verifyFunc(fn, { after: dir });
      const printed = printFunc(fn).trim();

      if (BLESS) writeFileSync(path, `${input.trimEnd()}\n\n; expect:\n${printed}\n`);
      else if (expected === undefined) t.fail(`${file} has no '; expect:' section; run with SHARPAOT_BLESS=1 and review it`);
      else t.is(printed, expected);

      const directive = (name: string) => input.match(new RegExp(`^; ${name}:(.*)$`, 'm'))?.[1]?.trim();
      const argSets = [...defaultArgs(funcs[0]!.sig.params), ...parseArgs(directive('args'), funcs[0]!.sig.params)];
      const after = new Map(module).set(fn.name, fn);
      const before = behaviours(module, fn.name, argSets);
      t.deepEqual(differences(before, behaviours(after, fn.name, argSets)), []);
      const ran = before.some(b => b.result.outcome === 'return' || b.result.outcome === 'trap');
      if (directive('no-interp') === undefined) t.true(ran, `the interpreter could not run ${file}: ${before[0]!.text}`);
    });
  }
}

function parseArgs(line: string | undefined, params: readonly Type[]): Value[][] {
  if (line === undefined) return [];
  return line.split('|').map(group =>
    group.split(',').map((tok, i) => {
      const s = tok.trim();
      const t = params[i];
      if (t === 'i64') return BigInt(s);
      if (t === 'i32') return Number(s) | 0;
      const v = s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s);
      return t === 'f32' ? Math.fround(v) : v;
    }),
  );
}
