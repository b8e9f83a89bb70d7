// IL handlers for arithmetic, logic, comparisons, conversions and control flow
// (branches, switch, ret, leave, endfinally, endfilter, throw, rethrow).
//
// Operand typing follows ECMA-335 III.1.5 tables: int32 and native int are both i32
// here; float32 and float64 meet as float64; pointers stay pointers through add/sub.

import type { Instruction } from 'cecil-ts';
import type { Builder, StackValue } from './builder.ts';
import type { Handler } from './handlers.ts';
import type { Inst } from '../ir.ts';
import type { Op } from '../opcodes.ts';
import { memValueType, type Cond, type NumKind, type Type } from '../types.ts';
import { stackKind } from '../../engine/abi.ts';
import type { RType } from '../../engine/types.ts';

/** The operands of a binary numeric instruction brought to one IR type, and the result's RType. */
function numericPair(b: Builder, x: StackValue, y: StackValue, what: string): { a: Inst; c: Inst; type: Type; t: RType } {
  const tx = x.v.type!;
  const ty = y.v.type!;
  const wk = b.ctx.wellKnown;
  if (tx === 'i32' && ty === 'i32') {
    const ptr = [x.t, y.t].find(t => t.kind === 'pointer' || t.kind === 'byref');
    const native = [x.t, y.t].some(t => t === wk.nativeInt);
    return { a: x.v, c: y.v, type: 'i32', t: ptr ?? (native ? wk.nativeInt : wk.int32) };
  }
  if (tx === 'i64' && ty === 'i64') return { a: x.v, c: y.v, type: 'i64', t: wk.int64 };
  const fx = tx === 'f32' || tx === 'f64';
  const fy = ty === 'f32' || ty === 'f64';
  if (fx && fy) {
    if (tx === 'f32' && ty === 'f32') return { a: x.v, c: y.v, type: 'f32', t: wk.float32 };
    return { a: b.coerce(x, 'f64'), c: b.coerce(y, 'f64'), type: 'f64', t: wk.float64 };
  }
  b.invalid(`${what} on ${x.t.key} and ${y.t.key}`);
}

function binary(op: Op, opts: { intOnly?: boolean } = {}): Handler {
  return (b, ins) => {
    const [x, y] = b.popN(2);
    const { a, c, type, t } = numericPair(b, x!, y!, ins.opCode.name);
    if (opts.intOnly && type !== 'i32' && type !== 'i64') b.invalid(`${ins.opCode.name} on ${type}`);
    b.push(b.emit(op, type, [a, c]), t);
  };
}

function shift(op: Op): Handler {
  return (b, ins) => {
    const [value, amount] = b.popN(2);
    const vt = value!.v.type;
    if ((vt !== 'i32' && vt !== 'i64') || amount!.v.type !== 'i32') b.invalid(`${ins.opCode.name} on ${value!.t.key} by ${amount!.t.key}`);
    b.push(b.emit(op, vt, [value!.v, amount!.v]), value!.t);
  };
}

function compare(b: Builder, cond: Cond, what: string): Inst {
  const [x, y] = b.popN(2);
  const { a, c } = numericPair(b, x!, y!, what);
  return b.emit('cmp', 'i32', [a, c], { cond });
}

function compareOp(cond: Cond): Handler {
  return (b, ins) => b.push(compare(b, cond, ins.opCode.name), b.ctx.wellKnown.int32);
}

/** Ends the block with a two-way branch on `cond`: taken → the operand's block, else the next block. */
function branchOn(b: Builder, ins: Instruction, cond: Inst, negate = false): void {
  const taken = b.passStack(b.blockOf(ins.operand as Instruction));
  const fall = b.passStack(b.nextBlock());
  b.terminate('br', [cond], negate ? [fall, taken] : [taken, fall]);
}

function condBranch(cond: Cond): Handler {
  return (b, ins) => branchOn(b, ins, compare(b, cond, ins.opCode.name));
}

function truth(b: Builder, sv: StackValue): Inst {
  if (sv.v.type === 'i32') return sv.v;
  if (sv.v.type === 'i64') return b.emit('cmp', 'i32', [sv.v, b.zero('i64')], { cond: 'ne' });
  b.invalid(`branch on a ${sv.t.key} value`);
}

const CONVERSIONS: Readonly<Record<string, readonly [NumKind, boolean, boolean]>> = {
  // name: [target, ovf, source read as unsigned]
  'conv.i1': ['i8', false, false], 'conv.i2': ['i16', false, false], 'conv.i4': ['i32', false, false], 'conv.i8': ['i64', false, false],
  'conv.u1': ['u8', false, false], 'conv.u2': ['u16', false, false], 'conv.u4': ['u32', false, false], 'conv.u8': ['u64', false, false],
  'conv.i': ['i32', false, false], 'conv.u': ['u32', false, false],
  'conv.r4': ['f32', false, false], 'conv.r8': ['f64', false, false], 'conv.r.un': ['f64', false, true],
  'conv.ovf.i1': ['i8', true, false], 'conv.ovf.i2': ['i16', true, false], 'conv.ovf.i4': ['i32', true, false], 'conv.ovf.i8': ['i64', true, false],
  'conv.ovf.u1': ['u8', true, false], 'conv.ovf.u2': ['u16', true, false], 'conv.ovf.u4': ['u32', true, false], 'conv.ovf.u8': ['u64', true, false],
  'conv.ovf.i': ['i32', true, false], 'conv.ovf.u': ['u32', true, false],
  'conv.ovf.i1.un': ['i8', true, true], 'conv.ovf.i2.un': ['i16', true, true], 'conv.ovf.i4.un': ['i32', true, true], 'conv.ovf.i8.un': ['i64', true, true],
  'conv.ovf.u1.un': ['u8', true, true], 'conv.ovf.u2.un': ['u16', true, true], 'conv.ovf.u4.un': ['u32', true, true], 'conv.ovf.u8.un': ['u64', true, true],
  'conv.ovf.i.un': ['i32', true, true], 'conv.ovf.u.un': ['u32', true, true],
};

function conversion(name: string, to: NumKind, ovf: boolean, un: boolean): Handler {
  return b => {
    const sv = b.pop();
    const from = sv.v.type;
    if (from === undefined || stackKind(sv.t) === 'struct') b.invalid(`${name} on a ${sv.t.key} value`);
    const wk = b.ctx.wellKnown;
    const native = name === 'conv.i' || name === 'conv.u' || name.startsWith('conv.ovf.i') && name.endsWith('.i') || name === 'conv.ovf.i.un' || name === 'conv.ovf.u' || name === 'conv.ovf.u.un';
    const t = to === 'f32' ? wk.float32 : to === 'f64' ? wk.float64 : to === 'i64' || to === 'u64' ? wk.int64 : native ? wk.nativeInt : wk.int32;
    const isInt = from === 'i32' || from === 'i64';
    // Widening an int32 to unsigned 64 bits zero-extends (ECMA-335 III.3.27).
    const unsignedSource = un || (isInt && from === 'i32' && to === 'u64');
    const same = !ovf && ((from === 'i32' && (to === 'i32' || to === 'u32')) || (from === 'i64' && (to === 'i64' || to === 'u64')) || (from === to));
    if (same) {
      // Pointers converted to native ints keep their pointer type for later ldind/ldobj.
      b.push(sv.v, native && (sv.t.kind === 'pointer' || sv.t.kind === 'byref') ? sv.t : t);
      return;
    }
    b.push(b.convert(sv.v, to, { ovf, un: isInt && unsignedSource }), t);
  };
}

function leave(b: Builder, ins: Instruction): void {
  const target = ins.operand as Instruction;
  b.stack = [];
  for (const { handler, after } of b.finallysBetween(target.offset)) {
    const cont = b.fn.newBlock();
    cont.region = after;
    b.terminate('callfinally', [], [handler.entry!, cont]);
    b.cur = cont;
  }
  b.jumpTo(b.blockOf(target));
}

export const ARITH_HANDLERS: Record<string, Handler> = {
  add: binary('add'),
  sub: binary('sub'),
  mul: binary('mul'),
  div: binary('div'),
  rem: binary('rem'),
  'div.un': binary('divu', { intOnly: true }),
  'rem.un': binary('remu', { intOnly: true }),
  and: binary('and', { intOnly: true }),
  or: binary('or', { intOnly: true }),
  xor: binary('xor', { intOnly: true }),
  'add.ovf': binary('addovf', { intOnly: true }),
  'add.ovf.un': binary('addovfu', { intOnly: true }),
  'sub.ovf': binary('subovf', { intOnly: true }),
  'sub.ovf.un': binary('subovfu', { intOnly: true }),
  'mul.ovf': binary('mulovf', { intOnly: true }),
  'mul.ovf.un': binary('mulovfu', { intOnly: true }),
  shl: shift('shl'),
  shr: shift('sar'),
  'shr.un': shift('shr'),
  neg: b => {
    const v = b.pop();
    if (v.v.type === undefined) b.invalid(`neg on ${v.t.key}`);
    b.push(b.emit('neg', v.v.type, [v.v]), v.t);
  },
  not: b => {
    const v = b.pop();
    if (v.v.type !== 'i32' && v.v.type !== 'i64') b.invalid(`not on ${v.t.key}`);
    b.push(b.emit('not', v.v.type, [v.v]), v.t);
  },
  ckfinite: b => {
    const v = b.pop();
    if (v.v.type !== 'f32' && v.v.type !== 'f64') b.invalid(`ckfinite on ${v.t.key}`);
    b.push(b.emit('ckfinite', v.v.type, [v.v]), v.t);
  },
  ceq: compareOp('eq'),
  cgt: compareOp('gt'),
  'cgt.un': compareOp('gtu'),
  clt: compareOp('lt'),
  'clt.un': compareOp('ltu'),
  ...Object.fromEntries(Object.entries(CONVERSIONS).map(([name, [to, ovf, un]]) => [name, conversion(name, to, ovf, un)])),

  // Branches.
  br: (b, ins) => b.jumpTo(b.blockOf(ins.operand as Instruction)),
  'br.s': (b, ins) => b.jumpTo(b.blockOf(ins.operand as Instruction)),
  brtrue: (b, ins) => branchOn(b, ins, truth(b, b.pop())),
  'brtrue.s': (b, ins) => branchOn(b, ins, truth(b, b.pop())),
  brfalse: (b, ins) => branchOn(b, ins, truth(b, b.pop()), true),
  'brfalse.s': (b, ins) => branchOn(b, ins, truth(b, b.pop()), true),
  ...Object.fromEntries(
    (
      [
        ['beq', 'eq'], ['bne.un', 'ne'], ['bge', 'ge'], ['bge.un', 'geu'], ['bgt', 'gt'], ['bgt.un', 'gtu'],
        ['ble', 'le'], ['ble.un', 'leu'], ['blt', 'lt'], ['blt.un', 'ltu'],
      ] as [string, Cond][]
    ).flatMap(([name, cond]) => [
      [name, condBranch(cond)],
      [name + '.s', condBranch(cond)],
    ]),
  ),
  switch: (b, ins) => {
    const index = b.pop();
    if (index.v.type !== 'i32') b.invalid(`switch on a ${index.t.key} value`);
    const cases = (ins.operand as Instruction[]).map(t => b.passStack(b.blockOf(t)));
    const fall = b.passStack(b.nextBlock());
    b.terminate('switch', [index.v], [fall, ...cases]);
  },
  ret: b => {
    if (b.mi.returnsVoid) {
      if (b.stack.length !== 0) b.invalid('ret with values left on the stack');
      b.terminate('ret', []);
      return;
    }
    const v = b.pop();
    if (b.stack.length !== 0) b.invalid('ret with values left on the stack');
    if (b.retBuf !== undefined) {
      b.storeTo(b.retBuf, b.mi.sig.ret, v);
      b.terminate('ret', []);
      return;
    }
    const { retInRegs } = b.ctx.signatureOf(b.mi);
    if (retInRegs !== undefined) {
      // A small value type travels in eax / edx:eax.
      b.terminate('ret', [b.emit('load', memValueType(retInRegs), [v.v], { mem: retInRegs })]);
      return;
    }
    const kind = stackKind(b.mi.sig.ret);
    b.terminate('ret', [b.narrowForStore(b.coerce(v, kind as Type), b.mi.sig.ret)]);
  },

  // Exception handling.
  leave,
  'leave.s': leave,
  endfinally: b => {
    b.stack = [];
    b.terminate('endfinally', []);
  },
  endfilter: b => {
    const v = b.pop();
    b.terminate('endfilter', [truth(b, v)]);
  },
  throw: b => {
    const exc = b.pop();
    b.terminate('throw', [exc.v]);
  },
  rethrow: b => {
    const slot = b.caughtException();
    b.terminate('rethrow', [b.emit('ldslot', 'i32', [], { slot })]);
  },
};
