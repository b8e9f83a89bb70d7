// The verifier rejects each kind of broken invariant (and accepts the fixed version).
import test from 'ava';
import { parseFunc } from '../../src/ir/parser.ts';
import { verifyFunc } from '../../src/ir/verifier.ts';
import { InternalError } from '../../src/util/assert.ts';

const cases: [string, string, RegExp][] = [
  ['use not dominated by its definition', `function @f (i32) -> i32 {
bb0:
  v0:i32 = param 0
  br v0, bb1, bb2
bb1:
  v1:i32 = const 1
  jmp bb2
bb2:
  ret v1
}`, /operand v1 \(bb1\) does not dominate its use in bb2/],
  ['phi blocks differ from predecessors', `function @f (i32) -> i32 {
bb0:
  v0:i32 = param 0
  br v0, bb1, bb2
bb1:
  jmp bb2
bb2:
  v1:i32 = phi [bb1: v0]
  ret v1
}`, /phi blocks \[bb1\] differ from predecessors \[bb0,bb1\]/],
  ['operand types differ', `function @f (i32, i64) -> i32 {
bb0:
  v0:i32 = param 0
  v1:i64 = param 1
  v2:i32 = add v0, v1
  ret v2
}`, /operand types differ: i32 and i64|result type i32 differs/],
  ['return type mismatch', `function @f () -> i32 {
bb0:
  ret
}`, /return does not match the signature \(i32\)/],
  ['terminator in the middle', `function @f () -> void {
bb0:
  ret
  ret
}`, /terminator in the middle of a block/],
  ['entry with predecessors', `function @f () -> void {
bb0:
  jmp bb0
}`, /root bb0 has predecessors bb0/],
  ['float bitwise and', `function @f (f64) -> f64 {
bb0:
  v0:f64 = param 0
  v1:f64 = and v0, v0
  ret v1
}`, /integer operation on f64/],
  ['rethrow outside a catch', `function @f () -> void {
bb0:
  v0:i32 = const 0
  rethrow v0
}`, /rethrow outside a catch handler/],
  ['catchobj outside a handler entry', `function @f () -> i32 {
bb0:
  v0:i32 = catchobj
  ret v0
}`, /catchobj must open a catch or filter entry block/],
];

for (const [name, text, message] of cases) {
  test(`rejects: ${name}`, t => {
    const fn = parseFunc(text + '\n');
    const e = t.throws(() => verifyFunc(fn), { instanceOf: InternalError });
    t.regex(e!.message, message);
  });
}

test('accepts a loop with a phi', t => {
  const fn = parseFunc(`function @sum (i32) -> i32 {
bb0:
  v0:i32 = param 0
  v1:i32 = const 0
  jmp bb1
bb1:
  v2:i32 = phi [bb0: v1], [bb1: v4]
  v3:i32 = phi [bb0: v0], [bb1: v5]
  v4:i32 = add v2, v3
  v6:i32 = const 1
  v5:i32 = sub v3, v6
  br v5, bb1, bb2
bb2:
  ret v4
}
`);
  t.notThrows(() => verifyFunc(fn));
});
