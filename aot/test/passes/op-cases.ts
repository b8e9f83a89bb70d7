// Single IR operations on boundary operands, each as a tiny function with its arguments
// and the line ir-ops.c reads: shared by the interpreter's check against C and the
// constant folder's check against the interpreter.

import { append, Func, type Inst } from '../../src/ir/ir.ts';
import type { Op } from '../../src/ir/opcodes.ts';
import { CONDS, NUM_KINDS, numKindType, type Cond, type MemType, type NumKind, type Type } from '../../src/ir/types.ts';
import { interpret, type Value } from '../../src/ir/interp.ts';

const I32 = [0, 1, -1, 2, -2, 3, 7, 31, 32, 33, 127, 128, 255, 256, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, -0x80000000, -0x7fffffff, 123456789, -987654321, 0x55555555];
const I64 = [0n, 1n, -1n, 2n, 3n, 63n, 64n, (1n << 60n) + (1n << 36n) + 1n, -((1n << 60n) + (1n << 36n) + 1n), 1n << 31n, 1n << 32n, -(1n << 31n), (1n << 53n) + 1n, (1n << 63n) - 1n, -(1n << 63n), 0x123456789abcdefn, -987654321987654321n];
const F = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.1, 1e10, -1e10, 3e9, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 63, 1.8e19, 2 ** 64, -(2 ** 63), 1e-40, 3.4e38, 1e300, NaN, Infinity, -Infinity, 16777217, 9007199254740993];
const INT_OPS: Op[] = ['add', 'sub', 'mul', 'and', 'or', 'xor', 'shl', 'shr', 'sar', 'div', 'rem', 'divu', 'remu', 'addovf', 'addovfu', 'subovf', 'subovfu', 'mulovf', 'mulovfu'];
const FLOAT_OPS: Op[] = ['add', 'sub', 'mul', 'div', 'rem'];
const MEMS: MemType[] = ['i8', 'u8', 'i16', 'u16', 'i32', 'i64', 'f32', 'f64'];

export interface Case {
  /** The line for ir-ops.c. */
  readonly line: string;
  readonly fn: Func;
  readonly args: Value[];
}

export function run(c: Case): string {
  const r = interpret(new Map([['t', c.fn]]), 't', c.args);
  if (r.outcome === 'trap') return `trap ${r.trap}`;
  if (r.outcome !== 'return') return `${r.outcome} ${r.detail ?? ''}`;
  return show(c.fn.sig.ret!, r.value!);
}

export function show(t: Type, v: Value): string {
  if (t === 'i32' || t === 'i64') return String(v);
  if (Number.isNaN(v)) return 'nan';
  const view = new DataView(new ArrayBuffer(8));
  if (t === 'f32') {
    view.setFloat32(0, v as number);
    return view.getUint32(0).toString(16).padStart(8, '0');
  }
  view.setFloat64(0, v as number);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

/** A value as ir-ops.c reads it: decimal for integers, bit patterns for floats. */
function text(t: Type, v: Value): string {
  if (t === 'i32' || t === 'i64') return String(v);
  const view = new DataView(new ArrayBuffer(8));
  if (t === 'f32') {
    view.setFloat32(0, v as number);
    return view.getUint32(0).toString(16);
  }
  view.setFloat64(0, v as number);
  return view.getBigUint64(0).toString(16);
}

function valuesOf(t: Type): Value[] {
  return t === 'i32' ? I32 : t === 'i64' ? I64 : t === 'f32' ? F.map(Math.fround) : F;
}

/** `function @t (params) -> ret { params; v = body(params); ret v }` */
function func(params: Type[], ret: Type, body: (fn: Func, args: Inst[]) => Inst): Func {
  const fn = new Func('t', { params, ret });
  const b = fn.newBlock();
  const args = params.map((p, i) => {
    const x = fn.newInst('param', p, []);
    x.imm = i;
    return append(b, x);
  });
  const v = body(fn, args);
  append(b, fn.newInst('ret', undefined, [v]));
  return fn;
}

function inst(fn: Func, op: Op, type: Type | undefined, args: Inst[], init?: (i: Inst) => void): Inst {
  const i = fn.newInst(op, type, args);
  init?.(i);
  return append(fn.entry, i);
}

export function allCases(): Case[] {
  const cases: Case[] = [];
  for (const t of ['i32', 'i64', 'f32', 'f64'] as Type[]) {
    const vs = valuesOf(t);
    const ops = t === 'i32' ? [...INT_OPS, 'mulhi', 'mulhiu'] as Op[] : t === 'i64' ? INT_OPS : FLOAT_OPS;
    for (const op of ops) {
      const shift = op === 'shl' || op === 'shr' || op === 'sar';
      const fn = func([t, shift ? 'i32' : t], t, (f, [a, b]) => inst(f, op, t, [a!, b!]));
      for (const a of vs) for (const b of shift ? I32 : vs) cases.push({ line: `bin ${op} ${t} ${text(t, a)} ${text(shift ? 'i32' : t, b)}`, fn, args: [a, b] });
    }
    for (const op of (t === 'i32' || t === 'i64' ? ['neg', 'not'] : ['neg', 'ckfinite']) as Op[]) {
      const fn = func([t], t, (f, [a]) => inst(f, op, t, [a!]));
      for (const a of vs) cases.push({ line: `un ${op} ${t} ${text(t, a)}`, fn, args: [a] });
    }
    for (const cond of CONDS) {
      const fn = func([t, t], 'i32', (f, [a, b]) => inst(f, 'cmp', 'i32', [a!, b!], i => (i.cond = cond as Cond)));
      for (const a of vs) for (const b of vs) cases.push({ line: `cmp ${cond} ${t} ${text(t, a)} ${text(t, b)}`, fn, args: [a, b] });
    }
    for (const to of NUM_KINDS) {
      for (const [ovf, un] of [[false, false], [true, false], [false, true], [true, true]] as const) {
        const rt = numKindType(to as NumKind);
        const fn = func([t], rt, (f, [a]) => inst(f, 'conv', rt, [a!], i => (i.conv = { to, ovf, un })));
        for (const a of vs) cases.push({ line: `conv ${to} ${ovf ? 1 : 0} ${un ? 1 : 0} ${t} ${text(t, a)}`, fn, args: [a] });
      }
    }
  }
  for (const st of MEMS) {
    const vt: Type = st === 'i64' ? 'i64' : st === 'f32' ? 'f32' : st === 'f64' ? 'f64' : 'i32';
    for (const ld of MEMS) {
      const lt: Type = ld === 'i64' ? 'i64' : ld === 'f32' ? 'f32' : ld === 'f64' ? 'f64' : 'i32';
      for (const offset of [0, 1, 3]) {
        const fn = func([vt], lt, (f, [a]) => {
          const slot = f.newSlot(32, 8, 'temp');
          const addr = inst(f, 'slotaddr', 'i32', [], i => (i.slot = slot));
          inst(f, 'store', undefined, [addr, a!], i => (i.mem = st));
          return inst(f, 'load', lt, [addr], i => {
            i.mem = ld;
            i.imm = offset;
          });
        });
        for (const a of valuesOf(vt)) {
          // NaN payloads are not modelled (a stored NaN is the default NaN): skip them.
          if (Number.isNaN(a)) continue;
          cases.push({ line: `mem ${st} ${ld} ${offset} ${text(vt, a)}`, fn, args: [a] });
        }
      }
    }
  }
  return cases;
}
