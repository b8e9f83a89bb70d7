// Runtime sources of test values for generated programs. A value written as a literal
// next to its operator is folded by mcs, so the compiler under test would never see the
// operation; instead values come from a switch-returning method (`V_i32(k)`) indexed by
// a loop counter (opaque at every -O level) or by a literal index (which -O2 may inline
// and fold: that checks sharpaot's constant folder against mono). Selections the
// generator makes ahead of time (which operand pairs do not overflow) travel the same
// way, as 64-bit masks returned by a switch.

import type { CSharpWriter } from './csharp-writer.ts';
import { literal, type IntType } from './int-types.ts';

/** `static T name(int k)`: values[k], and the default value for any other k. */
export function writeValueSource(w: CSharpWriter, name: string, t: IntType, values: readonly bigint[]): void {
  w.block(`static ${t.name} ${name}(int k)`, () => {
    w.block('switch (k)', () => {
      values.forEach((v, k) => w.line(`case ${k}: return ${literal(t, v)};`));
    });
    w.line(`return ${literal(t, 0n)};`);
  });
}

/**
 * `static ulong name(int i)`: bit j of the result is set when `select(i, j)`; i and j
 * range over 0..count-1 (at most 64 for j). The generated program tests bit j before an
 * operation that must not throw.
 */
export function writeMaskSource(w: CSharpWriter, name: string, rows: number, columns: number, select: (i: number, j: number) => boolean): void {
  if (columns > 64) throw new RangeError(`a mask holds at most 64 columns, not ${columns}`);
  w.block(`static ulong ${name}(int i)`, () => {
    w.block('switch (i)', () => {
      for (let i = 0; i < rows; i++) {
        let mask = 0n;
        for (let j = 0; j < columns; j++) if (select(i, j)) mask |= 1n << BigInt(j);
        w.line(`case ${i}: return 0x${mask.toString(16)}UL;`);
      }
    });
    w.line('return 0UL;');
  });
}

/** The C# condition "bit j of mask is set". */
export function maskHas(mask: string, j: string): string {
  return `((${mask} >> ${j}) & 1UL) != 0UL`;
}
