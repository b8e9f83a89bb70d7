// Text form of the IR (parsed back by parser.ts). One function looks like:
//
//   function @"Demo::Max(int32,int32)" (i32, i32) -> i32 {
//     slot s0: size 4 align 4 local i32 "x"
//     region r0: try
//     region r1: catch of r0 type @"System.Exception" entry bb3
//   bb0:
//     v0:i32 = param 0
//     v1:i32 = param 1
//     v2:i32 = cmp.gt v0, v1
//     br v2, bb1, bb2
//   bb1 [r0]:
//     ...
//   }
//
// Instructions read `v<id>:<type> = <op>[.<modifier>...] <operands>`; memory operands
// are `[v<id>+<offset>]`; symbols are `@name` or `@"quoted name"`.

import { Block, Func, Inst, Region } from './ir.ts';
import { OPS } from './opcodes.ts';

export interface PrintOptions {
  /** Append `; IL_xxxx` to instructions that carry an IL offset. */
  readonly ilOffsets?: boolean;
}

export function printFunc(fn: Func, opts: PrintOptions = {}): string {
  const out: string[] = [];
  const params = fn.sig.params.map((t, i) => ((fn.sig.byval?.[i] ?? 0) > 0 ? `byval ${fn.sig.byval![i]} ${t}` : t)).join(', ');
  out.push(`function ${symbol(fn.name)} (${params}) -> ${fn.sig.ret ?? 'void'} {`);
  for (const s of fn.slots) {
    let line = `  slot s${s.id}: size ${s.size} align ${s.align} ${s.kind}`;
    if (s.type !== undefined) line += ` ${s.type}`;
    if (s.name !== '') line += ` ${JSON.stringify(s.name)}`;
    out.push(line);
  }
  for (const r of fn.regions) out.push('  ' + printRegion(r));
  for (const b of fn.blocks) {
    out.push(blockHeader(b));
    for (const inst of b.insts) out.push('  ' + printInst(inst, opts));
  }
  out.push('}');
  return out.join('\n') + '\n';
}

function printRegion(r: Region): string {
  let s = `region r${r.id}: ${r.kind}`;
  if (r.tryRegion !== undefined) s += ` of r${r.tryRegion.id}`;
  if (r.parent !== undefined) s += ` in r${r.parent.id}`;
  if (r.catchType !== undefined) s += ` type ${symbol(r.catchType)}`;
  if (r.filter !== undefined) s += ` filter r${r.filter.id}`;
  if (r.entry !== undefined) s += ` entry bb${r.entry.id}`;
  return s;
}

function blockHeader(b: Block): string {
  return b.region === undefined ? `bb${b.id}:` : `bb${b.id} [r${b.region.id}]:`;
}

export function printInst(inst: Inst, opts: PrintOptions = {}): string {
  const info = OPS[inst.op];
  let s = inst.type !== undefined && info.result !== 'none' ? `${value(inst)}:${inst.type} = ` : '';
  s += inst.op + modifiers(inst) + operands(inst);
  if (opts.ilOffsets && inst.ilOffset >= 0) s += ` ; IL_${inst.ilOffset.toString(16).padStart(4, '0')}`;
  return s;
}

function modifiers(inst: Inst): string {
  let m = '';
  if (inst.cond !== undefined) m += '.' + inst.cond;
  if (inst.mem !== undefined) m += '.' + inst.mem;
  if (inst.conv !== undefined) {
    m += '.' + inst.conv.to;
    if (inst.conv.ovf) m += '.ovf';
    if (inst.conv.un) m += '.un';
  }
  if (inst.volatile) m += '.volatile';
  if (inst.readonly) m += '.readonly';
  return m;
}

function operands(inst: Inst): string {
  const a = inst.args.map(value);
  const t = (inst.targets ?? []).map(b => `bb${b.id}`);
  switch (inst.op) {
    case 'param':
      return ` ${inst.imm}`;
    case 'const':
      return ` ${constant(inst.imm)}`;
    case 'symaddr':
      return ` ${symbol(inst.sym!)}${offset(Number(inst.imm))}`;
    case 'slotaddr':
    case 'ldslot':
      return ` s${inst.slot!.id}`;
    case 'stslot':
      return ` s${inst.slot!.id}, ${a[0]}`;
    case 'load':
      return ` [${a[0]}${offset(Number(inst.imm))}]`;
    case 'store':
      return ` [${a[0]}${offset(Number(inst.imm))}], ${a[1]}`;
    case 'memcpy':
    case 'memzero':
      return ` ${[...a, String(inst.imm)].join(', ')}`;
    case 'call':
      return ` ${symbol(inst.sym!)}(${callArgs(inst, 0)})`;
    case 'calli':
      return ` ${a[0]}(${callArgs(inst, 1)})`;
    case 'intrinsic':
      return ` ${symbol(inst.sym!)}(${a.join(', ')})`;
    case 'phi':
      return ' ' + a.map((v, i) => `[${t[i]}: ${v}]`).join(', ');
    case 'switch':
      return ` ${a[0]}, ${t[0]} [${t.slice(1).join(', ')}]`;
    default: {
      const all = [...a, ...t];
      return all.length === 0 ? '' : ' ' + all.join(', ');
    }
  }
}

function callArgs(inst: Inst, first: number): string {
  const parts: string[] = [];
  for (let i = first; i < inst.args.length; i++) {
    const size = inst.byval?.[i - first] ?? 0;
    parts.push(size > 0 ? `byval ${size} ${value(inst.args[i]!)}` : value(inst.args[i]!));
  }
  return parts.join(', ');
}

function value(v: Inst): string {
  return `v${v.id}`;
}

function offset(n: number): string {
  return n === 0 ? '' : n > 0 ? `+${n}` : `${n}`;
}

export function constant(v: number | bigint): string {
  if (typeof v === 'bigint') return v.toString();
  if (Object.is(v, -0)) return '-0.0';
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return String(v);
}

const PLAIN_SYMBOL = /^[A-Za-z_.$][\w.$]*$/;

export function symbol(name: string): string {
  return PLAIN_SYMBOL.test(name) ? `@${name}` : `@${JSON.stringify(name)}`;
}
