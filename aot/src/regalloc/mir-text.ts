// A text form of machine IR and of allocations, for tests and debugging dumps.
//
//   func name
//   vregs gpr gpr gpr8 xmm          class of v0, v1, ... in order
//   slots 4:4 8:8                   the function's frame slots (size:align), optional
//   block 0 root depth 1 -> 1 2     id, flags, successors (predecessors are derived)
//     add %0.ud.m, %1               one instruction per line, Intel operand order
//     idiv %1.m ; uses eax edx ; defs eax edx
//     call $f ; clobbers caller ; defs eax
//     jne @1 ; branch
//
// Register operands: %N (vreg) or a register name, then role .d (def) or .ud (usedef)
// (default use), .m for memOk, .s1/.s2/.s4/.s8 for the size. Memory: an optional size
// keyword (byte word dword fword qword tword xmmword) and [base + index*scale + disp],
// with registers as above, `$sym` inside, or [slot N] / [arg N] / [out N] for frame
// objects. Immediates: integers, or `offset sym+4` for a symbol's address. Labels: @block. Symbols: $name. Control and segment
// registers: by name (cr0, ds). Instruction flags after ';':
// move, branch, clobbers R..., uses R..., defs R... ('caller' = CALLER_SAVED).
// In printed allocations a vreg operand shows its location: %3{eax}, %3{slot 5}; moves
// print as `move %3 eax -> slot 5`.

import { InternalError, unreachable } from '../util/assert.ts';
import { CREG, REG32, SREG, XMM, type Creg, type Sreg } from '../x86/registers.ts';
import type { MemSize } from '../x86/operands.ts';
import {
  type AddrReg,
  type Allocation,
  CALLER_SAVED,
  type Location,
  type MBlock,
  type MFunc,
  type MInst,
  type MMem,
  type MOperand,
  type MReg,
  type PReg,
  type RegClass,
  type Role,
} from './mir.ts';

const PREGS = new Set<string>([...REG32, ...XMM]);
const SPECIAL = new Set<string>([...CREG, ...SREG]);
const CLASSES = new Set<string>(['gpr', 'gpr8', 'xmm']);
const SIZE_NAMES: readonly [MemSize, string][] = [
  [1, 'byte'],
  [2, 'word'],
  [4, 'dword'],
  [6, 'fword'],
  [8, 'qword'],
  [10, 'tword'],
  [16, 'xmmword'],
];
const SIZE_BY_NAME = new Map(SIZE_NAMES.map(([s, n]) => [n, s]));
const NAME_BY_SIZE = new Map(SIZE_NAMES.map(([s, n]) => [s, n]));

class TextError extends InternalError {
  constructor(line: number, message: string) {
    super(`MIR text line ${line}: ${message}`);
  }
}

export function parseMFunc(text: string): MFunc {
  let name = '';
  const fn = { blocks: [] as MBlock[], vregClass: [] as RegClass[], frameSlots: [] as { size: number; align: number }[] };
  let block: MBlock | undefined;
  text.split('\n').forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const words = line.split(/\s+/);
    const fail = (msg: string): never => {
      throw new TextError(lineNo, msg);
    };
    switch (words[0]) {
      case 'func':
        name = words[1] ?? fail('expected a function name after func');
        return;
      case 'vregs':
        for (const w of words.slice(1)) {
          if (!CLASSES.has(w)) fail(`unknown register class '${w}' (expected gpr, gpr8 or xmm)`);
          fn.vregClass.push(w as RegClass);
        }
        return;
      case 'slots':
        for (const w of words.slice(1)) {
          const m = /^(\d+):(\d+)$/.exec(w) ?? fail(`expected size:align, found '${w}'`);
          fn.frameSlots.push({ size: Number(m[1]), align: Number(m[2]) });
        }
        return;
      case 'block': {
        const id = parseIntStrict(words[1]) ?? fail(`expected a block id, found '${words[1] ?? ''}'`);
        block = { id, insts: [], succs: [], preds: [], loopDepth: 0, isRoot: false };
        fn.blocks.push(block);
        for (let k = 2; k < words.length; k++) {
          if (words[k] === 'root') block.isRoot = true;
          else if (words[k] === 'depth') block.loopDepth = parseIntStrict(words[++k]) ?? fail('expected a loop depth after depth');
          else if (words[k] === '->') {
            for (const s of words.slice(k + 1)) block.succs.push(parseIntStrict(s) ?? fail(`expected a successor block id, found '${s}'`));
            break;
          } else fail(`unexpected '${words[k]}' in block header`);
        }
        return;
      }
      default:
        if (!block) return fail('instruction outside a block');
        block.insts.push(parseInst(line, fail));
    }
  });
  for (const b of fn.blocks) {
    for (const s of b.succs) {
      const succ = fn.blocks.find(x => x.id === s);
      if (!succ) throw new InternalError(`MIR text: block ${b.id} branches to missing block ${s}`);
      succ.preds.push(b.id);
    }
  }
  return { name, ...fn };
}

function parseIntStrict(w: string | undefined): number | undefined {
  return w !== undefined && /^-?\d+$/.test(w) ? Number(w) : undefined;
}

function parseInst(line: string, fail: (msg: string) => never): MInst {
  const [body, ...flagParts] = line.split(';').map(s => s.trim());
  const space = body.search(/\s/);
  const op = space < 0 ? body : body.slice(0, space);
  const rest = space < 0 ? '' : body.slice(space).trim();
  const ops = rest === '' ? [] : splitOperands(rest).map(o => parseOperand(o.trim(), fail));
  const inst: { -readonly [K in keyof MInst]: MInst[K] } = { op, ops };
  for (const part of flagParts) {
    const [flag, ...regs] = part.split(/\s+/);
    const list = () =>
      regs.flatMap(r => {
        if (r === 'caller') return [...CALLER_SAVED];
        if (!PREGS.has(r)) fail(`unknown register '${r}'`);
        return [r as PReg];
      });
    if (flag === 'move') inst.isMove = true;
    else if (flag === 'branch') inst.isBranch = true;
    else if (flag === 'clobbers') inst.clobbers = list();
    else if (flag === 'uses') inst.implicitUses = list();
    else if (flag === 'defs') inst.implicitDefs = list();
    else fail(`unknown instruction flag '${flag}'`);
  }
  return inst;
}

/** Splits at commas outside brackets. */
function splitOperands(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']') depth--;
    else if (s[i] === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function parseOperand(s: string, fail: (msg: string) => never): MOperand {
  if (s.startsWith('@')) return { k: 'label', block: parseIntStrict(s.slice(1)) ?? fail(`bad label '${s}'`) };
  if (s.startsWith('$')) return { k: 'sym', name: s.slice(1) };
  if (/^-?\d+$/.test(s)) return { k: 'imm', value: Number(s) };
  const offset = /^offset\s+([^\s+-]+)([+-]\d+)?$/.exec(s);
  if (offset) return { k: 'imm', value: Number(offset[2] ?? 0), sym: offset[1] };
  if (SPECIAL.has(s)) return { k: 'special', reg: s as Creg | Sreg };
  const mem = /^(?:(\w+)\s+)?\[(.*)\]$/.exec(s);
  if (mem) return parseMem(mem[1], mem[2], fail);
  const [name, ...attrs] = s.split('.');
  const reg: { -readonly [K in keyof MReg]: MReg[K] } = { k: 'reg', role: 'use' };
  if (/^%\d+$/.test(name)) reg.vreg = Number(name.slice(1));
  else if (PREGS.has(name)) reg.preg = name as PReg;
  else fail(`unknown operand '${s}'`);
  for (const a of attrs) {
    if (a === 'd') reg.role = 'def';
    else if (a === 'ud') reg.role = 'usedef';
    else if (a === 'm') reg.memOk = true;
    else if (/^s(1|2|4|8)$/.test(a)) reg.size = Number(a.slice(1)) as MemSize;
    else fail(`unknown register attribute '.${a}' in '${s}'`);
  }
  return reg;
}

function parseMem(sizeName: string | undefined, inner: string, fail: (msg: string) => never): MMem {
  let size: MemSize = 0;
  if (sizeName !== undefined) size = SIZE_BY_NAME.get(sizeName) ?? fail(`unknown memory size '${sizeName}'`);
  const frame = /^\s*(slot|arg|out)\s+(\d+)\s*$/.exec(inner);
  if (frame) {
    const n = Number(frame[2]);
    const kind = frame[1] as 'slot' | 'arg' | 'out';
    return { k: 'mem', size, disp: 0, frame: kind === 'slot' ? { kind, id: n } : { kind, offset: n } };
  }
  const m: { -readonly [K in keyof MMem]: MMem[K] } = { k: 'mem', size, disp: 0 };
  const addrReg = (w: string): AddrReg => {
    if (/^%\d+$/.test(w)) return { vreg: Number(w.slice(1)) };
    if (PREGS.has(w)) return { preg: w as PReg };
    return fail(`bad address register '${w}'`);
  };
  for (const term of inner.replace(/-/g, '+-').split('+').map(t => t.replace(/\s+/g, '')).filter(t => t !== '')) {
    const scaled = /^(\S+)\s*\*\s*(1|2|4|8)$/.exec(term);
    if (scaled) {
      m.index = addrReg(scaled[1]);
      m.scale = Number(scaled[2]) as 1 | 2 | 4 | 8;
    } else if (/^-?\d+$/.test(term)) m.disp += Number(term);
    else if (term.startsWith('$')) m.sym = term.slice(1);
    else if (m.base === undefined) m.base = addrReg(term);
    else if (m.index === undefined) {
      m.index = addrReg(term);
      m.scale = 1;
    } else fail(`too many registers in address [${inner}]`);
  }
  return m;
}

// ---- printing ---------------------------------------------------------------------

const ROLE_SUFFIX: Record<Role, string> = { use: '', def: '.d', usedef: '.ud' };

function printAddrReg(a: AddrReg, loc?: PReg): string {
  if (a.vreg !== undefined) return `%${a.vreg}${loc ? `{${loc}}` : ''}`;
  return a.preg!;
}

function printOperand(op: MOperand, loc?: Location, addr?: { base?: PReg; index?: PReg }): string {
  switch (op.k) {
    default:
      return unreachable(op);
    case 'reg': {
      const name = op.vreg !== undefined ? `%${op.vreg}` : op.preg!;
      const where = loc ? `{${printLocation(loc)}}` : '';
      return `${name}${ROLE_SUFFIX[op.role]}${op.memOk ? '.m' : ''}${op.size !== undefined ? `.s${op.size}` : ''}${where}`;
    }
    case 'imm':
      if (op.sym === undefined) return String(op.value);
      return `offset ${op.sym}${op.value ? `${op.value > 0 ? '+' : ''}${op.value}` : ''}`;
    case 'label':
      return `@${op.block}`;
    case 'sym':
      return `$${op.name}`;
    case 'special':
      return op.reg;
    case 'mem': {
      const size = op.size ? `${NAME_BY_SIZE.get(op.size)} ` : '';
      if (op.frame) return `${size}[${op.frame.kind} ${op.frame.kind === 'slot' ? op.frame.id : op.frame.offset}]`;
      const terms: string[] = [];
      if (op.sym !== undefined) terms.push(`$${op.sym}`);
      if (op.base) terms.push(printAddrReg(op.base, addr?.base));
      if (op.index) terms.push(`${printAddrReg(op.index, addr?.index)}*${op.scale ?? 1}`);
      if (op.disp !== 0 || terms.length === 0) terms.push(String(op.disp));
      return `${size}[${terms.join(' + ').replace(/\+ -/g, '- ')}]`;
    }
  }
}

function printFlags(inst: MInst): string {
  const parts: string[] = [];
  if (inst.isMove) parts.push('move');
  if (inst.isBranch) parts.push('branch');
  if (inst.clobbers?.length) parts.push(`clobbers ${inst.clobbers.join(' ')}`);
  if (inst.implicitUses?.length) parts.push(`uses ${inst.implicitUses.join(' ')}`);
  if (inst.implicitDefs?.length) parts.push(`defs ${inst.implicitDefs.join(' ')}`);
  return parts.map(p => ` ; ${p}`).join('');
}

function printInst(inst: MInst, locs?: readonly (Location | undefined)[], addrLocs?: readonly ({ base?: PReg; index?: PReg } | undefined)[]): string {
  const ops = inst.ops.map((op, i) => printOperand(op, locs?.[i], addrLocs?.[i])).join(', ');
  return `${inst.op}${ops ? ` ${ops}` : ''}${printFlags(inst)}`;
}

function printHeader(fn: MFunc): string[] {
  const lines = [`func ${fn.name}`];
  if (fn.vregClass.length) lines.push(`vregs ${fn.vregClass.join(' ')}`);
  if (fn.frameSlots.length) lines.push(`slots ${fn.frameSlots.map(s => `${s.size}:${s.align}`).join(' ')}`);
  return lines;
}

function printBlockHeader(b: MBlock): string {
  return `block ${b.id}${b.isRoot ? ' root' : ''}${b.loopDepth ? ` depth ${b.loopDepth}` : ''}${b.succs.length ? ` -> ${b.succs.join(' ')}` : ''}`;
}

export function printMFunc(fn: MFunc): string {
  const lines = printHeader(fn);
  for (const b of fn.blocks) {
    lines.push(printBlockHeader(b));
    for (const inst of b.insts) lines.push(`  ${printInst(inst)}`);
  }
  return lines.join('\n') + '\n';
}

export function printLocation(l: Location): string {
  return l.k === 'preg' ? l.reg : `slot ${l.slot}`;
}

export function printAllocation(fn: MFunc, alloc: Allocation): string {
  const lines = printHeader(fn);
  const added = alloc.frameSlots.slice(fn.frameSlots.length);
  if (added.length) lines.push(`# added slots ${added.map((s, i) => `${fn.frameSlots.length + i}=${s.size}:${s.align}`).join(' ')}`);
  lines.push(`# callee-saved used: ${alloc.usedCalleeSaved.join(' ') || 'none'}`);
  fn.blocks.forEach((b, i) => {
    lines.push(printBlockHeader(b));
    for (const item of alloc.blocks[i].items) {
      if (item.kind === 'move') lines.push(`  move %${item.vreg} ${printLocation(item.from)} -> ${printLocation(item.to)}`);
      else lines.push(`  ${printInst(item.inst, item.locs, item.addrLocs)}`);
    }
  });
  return lines.join('\n') + '\n';
}
