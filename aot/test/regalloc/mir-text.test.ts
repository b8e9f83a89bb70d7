// The MIR text form: random functions and every operand form survive print → parse
// (compared structurally with the generator's objects), and bad text is reported with
// its line number.
import test from 'ava';
import type { MFunc } from '../../src/regalloc/mir.ts';
import { parseMFunc, printMFunc } from '../../src/regalloc/mir-text.ts';
import { randomMFunc } from '../../src/regalloc/random-mir.ts';
import { InternalError } from '../../src/util/assert.ts';

/** The function as plain data, without undefined fields, for structural comparison. */
const plain = (fn: MFunc) => JSON.parse(JSON.stringify(fn));

test('random functions round-trip through the text form', t => {
  for (let seed = 1; seed <= 200; seed++) {
    const fn = randomMFunc(seed, { instructions: 40 });
    const text = printMFunc(fn);
    t.deepEqual(plain(parseMFunc(text)), plain(fn), text);
  }
});

test('every operand form round-trips', t => {
  const text = `func forms
vregs gpr gpr8 xmm
slots 4:4 8:8
block 0 root depth 2 -> 0 1
  mov %0.d, dword [%1 + eax*4 - 8]
  mov byte [$sym + %0*2 + 3], %1.s1
  movsd %2.ud.m.s8, qword [slot 1]
  lea %0.d, [arg 8]
  mov dword [out 4], offset table+12
  mov cr0, %0
  push offset msg
  call $f ; clobbers eax ecx edx xmm0 xmm1 xmm2 xmm3 xmm4 xmm5 xmm6 xmm7 ; defs eax
  cpuid ; uses eax ; defs eax ebx ecx edx
  jne @1 ; branch
  jmp @0 ; branch
block 1
  ret ; branch ; uses eax
`;
  const fn = parseMFunc(text);
  t.is(printMFunc(fn), text);
  t.deepEqual(fn.blocks[1].preds, [0]);
  t.deepEqual(fn.blocks[0].preds, [0]);
  const mem = fn.blocks[0].insts[0].ops[1];
  t.deepEqual(mem, { k: 'mem', size: 4, disp: -8, base: { vreg: 1 }, index: { preg: 'eax' }, scale: 4 });
});

test('bad text names the line', t => {
  const cases: [string, RegExp][] = [
    ['func f\nvregs gpr quux', /line 2: unknown register class 'quux'/],
    ['func f\nblock 0\n  mov %0.q, 1', /line 3: unknown register attribute '\.q'/],
    ['func f\n  ret', /line 2: instruction outside a block/],
    ['func f\nblock 0 -> 9\n  ret', /block 0 branches to missing block 9/],
    ['func f\nblock 0\n  ret ; sometimes', /line 3: unknown instruction flag 'sometimes'/],
    ['func f\nblock 0\n  mov %0, [%1 + %2 + %3]', /line 3: too many registers in address/],
  ];
  for (const [text, message] of cases) t.throws(() => parseMFunc(text), { instanceOf: InternalError, message });
});
