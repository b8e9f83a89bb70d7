// The optimisation pipeline: the one place that lists, per -O level, which passes run
// and in what order (like Mono's -O= levels).
//   -O0  no optimisation: only what code generation needs (critical-edge splitting);
//   -O1  loop rotation and SSA construction, then copy propagation, constant propagation, simplification,
//        dead code elimination and branch folding;
//   -O2  (default) inlining first (the callees' slots are promoted with the caller's),
//        loop rotation, SSA, then the -O1 passes with GVN, bounds-check elimination and
//        LICM, repeated until a round changes
//        nothing (at most O2_ROUNDS rounds).
// Critical edges are split last at every level. Each pass is `(fn) => changed`.

import { computePreds, type Func } from '../ir/ir.ts';
import { verifyFunc } from '../ir/verifier.ts';
import { branchFold } from './branch-fold.ts';
import { copyProp } from './copy-prop.ts';
import { dce } from './dce.ts';
import { gvn } from './gvn.ts';
import { inline, type InlineLookup } from './inline.ts';
import { licm } from './licm.ts';
import { bce } from './bce.ts';
import { sccp } from './sccp.ts';
import { simplify } from './simplify.ts';
import { splitCriticalEdges } from './split-critical-edges.ts';
import { ssa } from './ssa.ts';
import { loopRotate } from './loop-rotate.ts';

export type OptLevel = 0 | 1 | 2;
export const DEFAULT_OPT_LEVEL: OptLevel = 2;

export const PASS_NAMES = ['inline', 'loop-rotate', 'ssa', 'copy-prop', 'sccp', 'simplify', 'gvn', 'bce', 'licm', 'dce', 'branch-fold', 'split-critical-edges'] as const;
export type PassName = (typeof PASS_NAMES)[number];

export function isPassName(s: string): s is PassName {
  return (PASS_NAMES as readonly string[]).includes(s);
}

interface LevelPlan {
  /** Run once, in order. */
  readonly first: readonly PassName[];
  /** Then repeated in order until a round changes nothing. */
  readonly repeat: readonly PassName[];
  readonly rounds: number;
}

const O2_ROUNDS = 4;
const LAST: readonly PassName[] = ['split-critical-edges'];

export const LEVELS: Readonly<Record<OptLevel, LevelPlan>> = {
  0: { first: [], repeat: [], rounds: 0 },
  1: { first: ['loop-rotate', 'ssa', 'copy-prop', 'sccp', 'simplify', 'dce', 'branch-fold'], repeat: [], rounds: 0 },
  2: { first: ['inline', 'branch-fold', 'loop-rotate', 'ssa'], repeat: ['copy-prop', 'sccp', 'simplify', 'gvn', 'bce', 'licm', 'dce', 'branch-fold'], rounds: O2_ROUNDS },
};

export interface PipelineOptions {
  readonly level: OptLevel;
  /** Run the IR verifier after every pass. */
  readonly verify?: boolean;
  /** Callee IR for inlining (-O2); without it nothing is inlined. */
  readonly inlineLookup?: InlineLookup;
  /** Called after each pass (the CLI's --dump-ir). */
  readonly dump?: (passName: PassName, fn: Func) => void;
}

export function runPipeline(fn: Func, opts: PipelineOptions): void {
  const plan = LEVELS[opts.level];
  const run = (name: PassName): boolean => {
    const changed = runPass(name, fn, opts.inlineLookup);
    if (opts.verify) verifyFunc(fn, { after: name });
    opts.dump?.(name, fn);
    return changed;
  };
  for (const name of plan.first) run(name);
  for (let round = 0; round < plan.rounds; round++) {
    let changed = false;
    for (const name of plan.repeat) changed = run(name) || changed;
    if (!changed) break;
  }
  for (const name of LAST) run(name);
  computePreds(fn);
}

/** Runs one pass by name; true if it changed the function. */
export function runPass(name: PassName, fn: Func, inlineLookup?: InlineLookup): boolean {
  switch (name) {
    case 'inline': return inlineLookup !== undefined && inline(fn, inlineLookup);
    case 'loop-rotate': return loopRotate(fn);
    case 'ssa': return ssa(fn);
    case 'copy-prop': return copyProp(fn);
    case 'sccp': return sccp(fn);
    case 'simplify': return simplify(fn);
    case 'gvn': return gvn(fn);
    case 'bce': return bce(fn);
    case 'licm': return licm(fn);
    case 'dce': return dce(fn);
    case 'branch-fold': return branchFold(fn);
    case 'split-critical-edges': return splitCriticalEdges(fn);
  }
}
