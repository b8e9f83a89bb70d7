// The compiler-emitted helper functions for the 64-bit arithmetic a 32-bit CPU lacks
// (division, remainder, checked multiplication, float ↔ int64 conversions), written in
// IR text in runtime/helpers/*.ir and compiled like any method. Instruction selection
// calls them by name (`div64` → __sharpaot_div64). In the text, `@$Name` stands for the
// runtime method raising an exception (ThrowDivideByZero, ThrowOverflow), filled in here.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Func } from '../ir/ir.ts';
import { parseFuncs } from '../ir/parser.ts';
import { assert } from '../util/assert.ts';

export const HELPER_PREFIX = '__sharpaot_';

const HELPER_DIR = fileURLToPath(new URL('./helpers', import.meta.url));
let texts: Map<string, string> | undefined;

/** Text of each helper function by symbol (read once per process). */
function helperTexts(): Map<string, string> {
  if (texts === undefined) {
    texts = new Map();
    for (const file of readdirSync(HELPER_DIR).filter(f => f.endsWith('.ir')).sort()) {
      const source = readFileSync(path.join(HELPER_DIR, file), 'utf8');
      // One text per function: parse all, keep each function's own lines.
      for (const chunk of source.split(/\n(?=function )/)) {
        const name = /^function @(\S+)/m.exec(chunk)?.[1];
        if (name !== undefined) texts.set(name, chunk);
      }
    }
  }
  return texts;
}

/**
 * A fresh copy of a helper's IR with `@$Name` runtime symbols resolved; `requires` lists
 * the other helpers it calls.
 */
export function helperFunction(symbol: string, runtimeSymbol: (name: string) => string): { fn: Func; requires: string[] } {
  const text = helperTexts().get(symbol);
  assert(text !== undefined, () => `no long-arithmetic helper ${symbol}`);
  const [fn] = parseFuncs(text);
  const requires: string[] = [];
  for (const inst of fn!.instructions()) {
    if (inst.op !== 'call') continue;
    if (inst.sym!.startsWith('$')) inst.sym = runtimeSymbol(inst.sym!.slice(1));
    else if (inst.sym!.startsWith(HELPER_PREFIX)) requires.push(inst.sym!);
  }
  return { fn: fn!, requires };
}
