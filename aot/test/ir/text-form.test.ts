// The IR text form: printing a parsed function gives the same text back, every opcode's
// syntax included, and the parser rejects malformed text with the line number.
import test from 'ava';
import { parseFunc, IrParseError } from '../../src/ir/parser.ts';
import { printFunc } from '../../src/ir/printer.ts';
import { verifyFunc } from '../../src/ir/verifier.ts';

const everyOpcode = `function @"Demo.Program::All(int32,int64)" (i32, i64, byval 8 i32) -> i32 {
  slot s0: size 4 align 4 local i32 "x"
  slot s1: size 12 align 4 temp
  region r0: try
  region r1: catch of r0 type @System.Exception entry bb4
  region r2: finally of r0 entry bb5
  region r3: filter of r0 entry bb7
  region r4: catch of r0 filter r3 entry bb8
bb0:
  v0:i32 = param 0
  v1:i64 = param 1
  v2:i32 = const -7
  v3:i64 = const -9223372036854775808
  v4:f64 = const 1.5e-300
  v5:f32 = const -0.0
  v6:f64 = const nan
  v7:f64 = const -inf
  v8:i32 = symaddr @"Demo.Program::counter"+8
  v9:i32 = slotaddr s1
  stslot s0, v0
  v10:i32 = ldslot s0
  v11:i32 = add v10, v2
  v12:i64 = shl v1, v0
  v13:i32 = cmp.geu v11, v2
  v14:i32 = select v13, v11, v2
  v15:i64 = conv.u64.ovf.un v14
  v16:f64 = conv.f64 v15
  v17:f64 = ckfinite v16
  v18:i32 = load.u8.volatile [v8-4]
  store.i16 [v9+2], v18
  memcpy v9, v8, 12
  memzero v9, 12
  v19:i32 = call @"Demo.Program::F(int32,Demo.S)"(v11, byval 12 v9)
  v20:i32 = calli v19(v11)
  v21:i32 = intrinsic @inb(v18)
  chknull v8
  chkbounds v11, v18
  v22:i32 = neg v21
  v35:f64 = add v17, v4
  v36:f32 = mul v5, v5
  v37:f64 = conv.f64 v36
  v38:i32 = cmp.ne v37, v6
  v39:i32 = cmp.lt v7, v35
  v40:i32 = and v38, v39
  switch v22, bb1 [bb2, bb3]
bb1 [r0]:
  call @"Demo.Program::G()"()
  callfinally bb5, bb6
bb2:
  v23:i32 = phi [bb0: v40]
  br v23, bb3, bb6
bb3:
  v24:i32 = phi [bb0: v11], [bb2: v20]
  ret v24
bb4 [r1]:
  v25:i32 = catchobj
  throw v25
bb5 [r2]:
  endfinally
bb6:
  v26:i32 = const 0
  ret v26
bb7 [r3]:
  v27:i32 = catchobj
  endfilter v27
bb8 [r4]:
  v28:i32 = catchobj
  rethrow v28
}
`;

test('print(parse(text)) reproduces the text for every opcode form', t => {
  const fn = parseFunc(everyOpcode);
  t.is(printFunc(fn), everyOpcode);
});

test('the parsed every-opcode function passes the verifier', t => {
  t.notThrows(() => verifyFunc(parseFunc(everyOpcode)));
});

test('constants keep their exact values', t => {
  const fn = parseFunc(everyOpcode);
  const consts = [...fn.instructions()].filter(i => i.op === 'const');
  t.is(consts[1]!.imm, -(2n ** 63n));
  t.is(consts[2]!.imm, 1.5e-300);
  t.true(Object.is(consts[3]!.imm, -0));
  t.true(Number.isNaN(consts[4]!.imm as number));
  t.is(consts[5]!.imm, -Infinity);
});

test('parse errors name the line', t => {
  const bad = `function @f () -> void {\nbb0:\n  v0:i32 = frobnicate 1\n  ret\n}\n`;
  const e = t.throws(() => parseFunc(bad), { instanceOf: IrParseError });
  t.is(e?.line, 3);
  t.regex(e!.message, /unknown opcode 'frobnicate'/);
  const undef = `function @f () -> i32 {\nbb0:\n  ret v9\n}\n`;
  t.regex(t.throws(() => parseFunc(undef), { instanceOf: IrParseError })!.message, /line 3: undefined value 'v9'/);
  const loadType = `function @f (i32) -> i32 {\nbb0:\n  v0:i32 = param 0\n  v1:i64 = load.u8 [v0]\n  ret v1\n}\n`;
  t.regex(t.throws(() => parseFunc(loadType), { instanceOf: IrParseError })!.message, /line 4: load.u8 must have type i32/);
});
