// Splits an IL method body into basic blocks and builds its EH region tree.
//
// Block leaders: offset 0, branch and switch targets, the instruction after any control
// transfer, and every EH boundary (try start/end, handler start/end, filter start).
// Regions: one try region per distinct protected range (clauses sharing a range share
// it), one handler region per clause, one filter region per filter clause; a region's
// parent is the smallest region whose range contains it.

import type { ExceptionHandler, Instruction, MethodBody } from 'cecil-ts';
import type { RegionKind } from '../ir.ts';

export interface IlBlock {
  readonly index: number;
  /** IL offset of the first instruction. */
  readonly start: number;
  /** Instructions of the block. */
  readonly insts: readonly Instruction[];
}

export interface IlRegion {
  readonly id: number;
  readonly kind: RegionKind;
  readonly start: number;
  readonly end: number;
  parent: IlRegion | undefined;
  /** For handlers and filters: the protected (try) region. */
  tryRegion: IlRegion | undefined;
  /** For a filtered catch handler: its filter region; for a filter: its handler. */
  filter: IlRegion | undefined;
  handlerOfFilter: IlRegion | undefined;
  clause: ExceptionHandler | undefined;
}

/** Control transfers end a block; `call`s and `break` do not. */
function endsBlock(ins: Instruction): boolean {
  const f = ins.opCode.flowControl;
  return f === 'Branch' || f === 'Cond_Branch' || f === 'Return' || f === 'Throw';
}

function isBranch(ins: Instruction): boolean {
  const t = ins.opCode.operandType;
  return t === 'InlineBrTarget' || t === 'ShortInlineBrTarget';
}

export function findIlBlocks(body: MethodBody): { blocks: IlBlock[]; blockAt: Map<number, IlBlock> } {
  const insts = body.instructions;
  const leaders = new Set<number>([0]);
  for (let i = 0; i < insts.length; i++) {
    const ins = insts[i]!;
    if (ins.opCode.operandType === 'InlineSwitch') {
      for (const t of ins.operand as Instruction[]) leaders.add(t.offset);
    } else if (isBranch(ins)) {
      leaders.add((ins.operand as Instruction).offset);
    }
    if (endsBlock(ins) && i + 1 < insts.length) leaders.add(insts[i + 1]!.offset);
  }
  const end = body.codeSize;
  for (const h of body.exceptionHandlers) {
    for (const o of [h.tryOffset, h.tryOffset + h.tryLength, h.handlerOffset, h.handlerOffset + h.handlerLength]) if (o < end) leaders.add(o);
    if (h.handlerType === 'filter' && h.filterOffset !== undefined) leaders.add(h.filterOffset);
  }
  const blocks: IlBlock[] = [];
  const blockAt = new Map<number, IlBlock>();
  let current: Instruction[] = [];
  let start = 0;
  const close = () => {
    if (current.length === 0) return;
    const b: IlBlock = { index: blocks.length, start, insts: current };
    blocks.push(b);
    blockAt.set(start, b);
    current = [];
  };
  for (const ins of insts) {
    if (leaders.has(ins.offset)) {
      close();
      start = ins.offset;
    }
    current.push(ins);
  }
  close();
  return { blocks, blockAt };
}

export function buildIlRegions(body: MethodBody): IlRegion[] {
  const regions: IlRegion[] = [];
  const make = (kind: RegionKind, start: number, end: number, clause: ExceptionHandler | undefined): IlRegion => {
    const r: IlRegion = { id: regions.length, kind, start, end, parent: undefined, tryRegion: undefined, filter: undefined, handlerOfFilter: undefined, clause };
    regions.push(r);
    return r;
  };
  const tries = new Map<string, IlRegion>();
  for (const h of body.exceptionHandlers) {
    const key = `${h.tryOffset}:${h.tryLength}`;
    let t = tries.get(key);
    if (t === undefined) {
      t = make('try', h.tryOffset, h.tryOffset + h.tryLength, undefined);
      tries.set(key, t);
    }
    const kind: RegionKind = h.handlerType === 'filter' ? 'catch' : h.handlerType;
    const handler = make(kind, h.handlerOffset, h.handlerOffset + h.handlerLength, h);
    handler.tryRegion = t;
    if (h.handlerType === 'filter' && h.filterOffset !== undefined) {
      const f = make('filter', h.filterOffset, h.handlerOffset, h);
      f.tryRegion = t;
      f.handlerOfFilter = handler;
      handler.filter = f;
    }
  }
  // Parents: the smallest strictly larger region containing the range (ties: the try
  // contains nothing of its handlers, and a region never contains itself).
  for (const r of regions) {
    let best: IlRegion | undefined;
    for (const o of regions) {
      if (o === r || o.start > r.start || o.end < r.end) continue;
      if (o.start === r.start && o.end === r.end) {
        // Same range: a try nested in a try of identical range cannot be told apart; keep the first as outer.
        if (o.id > r.id) continue;
      }
      if (best === undefined || o.end - o.start < best.end - best.start) best = o;
    }
    r.parent = best;
  }
  return regions;
}

/** The innermost region containing an IL offset. */
export function regionAt(regions: readonly IlRegion[], offset: number): IlRegion | undefined {
  let best: IlRegion | undefined;
  for (const r of regions) {
    if (offset >= r.start && offset < r.end && (best === undefined || r.end - r.start < best.end - best.start || (r.end - r.start === best.end - best.start && r.id > best.id))) best = r;
  }
  return best;
}
