// The control-flow part: switches, loops and recursion.
//   switches   from SWITCHES: dense (a jump table), offset (a table after a subtraction),
//              sparse (a comparison tree), with and without default, grouped labels,
//              `goto case`, and switches on char, byte, uint and long; each probed at
//              every case label, its neighbours and the type's extremes;
//   loops      for/while/do-while, counting up and down, unsigned and long counters that
//              cross 2^32, a byte counter that wraps, break/continue, goto out of nested
//              loops, zero-trip loops, loop-invariant and induction-variable arithmetic;
//   recursion  Fibonacci, Ackermann, mutual recursion, a 1000-deep long accumulation,
//              recursive GCD and power.
// Case bodies return values derived from the label in TypeScript only to make them
// distinct; what the program prints is compared with mono's output.

import { stringLiteral, type CSharpWriter } from './csharp-writer.ts';
import { BYTE, INT, intTypeNamed, literal, LONG, UINT, type IntName, type IntType } from './int-types.ts';
import type { Printers } from './printers.ts';
import type { ProgramPart } from './program.ts';
import { writeValueSource } from './value-sources.ts';

interface SwitchSpec {
  readonly name: string;
  readonly type: IntName;
  /** Groups of case labels sharing a body. */
  readonly groups: readonly (readonly bigint[])[];
  readonly hasDefault: boolean;
  /** Each group's body ends with `goto case` to the next group's first label (the last group falls to default). */
  readonly gotoCase?: boolean;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => BigInt(from + k));
const singles = (labels: readonly bigint[]) => labels.map(l => [l]);
const chars = (s: string) => [...s].map(c => BigInt(c.charCodeAt(0)));

export const SWITCHES: readonly SwitchSpec[] = [
  { name: 'dense', type: 'int', groups: singles(range(0, 15)), hasDefault: true },
  { name: 'offset', type: 'int', groups: [[100n, 101n], [102n], [103n, 104n, 105n], [106n], [107n], [108n, 109n], [110n], [111n]], hasDefault: true },
  { name: 'negative', type: 'int', groups: singles(range(-6, 5)), hasDefault: false },
  { name: 'sparse', type: 'int', groups: singles([-2147483648n, -1000000n, -5n, 0n, 3n, 100n, 1000n, 65536n, 2147483647n]), hasDefault: true },
  { name: 'goto', type: 'int', groups: singles(range(1, 8)), hasDefault: true, gotoCase: true },
  { name: 'char', type: 'char', groups: [...singles(chars('abcdef')), chars('z0'), chars(' '), [0xe9n]], hasDefault: true },
  { name: 'byte', type: 'byte', groups: singles([...range(0, 6), 254n, 255n]), hasDefault: true },
  { name: 'uint', type: 'uint', groups: singles([0n, 1n, 2n, 3n, 4n, 0xfffffffdn, 0xfffffffen, 0xffffffffn]), hasDefault: true },
  { name: 'long', type: 'long', groups: [...singles(range(0, 9)), [1n << 40n], [-(1n << 40n)], [0x100000000n]], hasDefault: true },
];

export const controlPart: ProgramPart = {
  generator: 'control-program.ts',
  members: (w, printers) => [...SWITCHES.map(spec => writeSwitch(w, printers, spec)), writeLoops(w, printers), writeRecursion(w, printers)],
};

/** The value a case group returns: distinct per group, spread over the int range. */
function caseResult(group: number): number {
  return ((group + 1) * 2654435761) % 1000003 - 500000;
}

/** Returns the probe method's name. */
function writeSwitch(w: CSharpWriter, printers: Printers, spec: SwitchSpec): string {
  const t = intTypeNamed(spec.type);
  const fn = `Switch_${spec.name}`;
  w.block(`static int ${fn}(${t.name} x)`, () => {
    w.line('int r = -7;');
    w.block('switch (x)', () => {
      spec.groups.forEach((group, g) => {
        for (const label of group) w.line(`case ${literal(t, label)}:`);
        const next = spec.groups[g + 1];
        const exit = spec.gotoCase ? (next ? `goto case ${literal(t, next[0]!)};` : 'goto default;') : 'break;';
        w.line(spec.gotoCase ? `    r += ${caseResult(g)}; ${exit}` : `    r = ${caseResult(g)}; ${exit}`);
      });
      if (spec.hasDefault || spec.gotoCase) w.line('default:').line('    r ^= 0x5a5a; break;');
    });
    w.line('return r;');
  });
  // Probes: every label, its neighbours, and the type's extremes.
  const probes = new Set<bigint>([t.min, t.max, 0n]);
  for (const label of spec.groups.flat()) for (const d of [-1n, 0n, 1n]) if (label + d >= t.min && label + d <= t.max) probes.add(label + d);
  const values = [...probes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  writeValueSource(w, `Probe_${spec.name}_value`, t, values);
  w.block(`static void Probe_${spec.name}()`, () => {
    w.block(`for (int k = 0; k < ${values.length}; k++)`, () => {
      w.line(`${t.name} x = Probe_${spec.name}_value(k);`);
      w.line(`${printers.unary(t, INT)}(${stringLiteral(`switch ${spec.name}`)}, x, ${fn}(x));`);
    });
  });
  w.line();
  return `Probe_${spec.name}`;
}

/** Loop kernels: each a C# statement list computing `r` (declared by the caller) from n, a runtime int. */
const LOOPS: readonly { readonly name: string; readonly result: IntType; readonly body: readonly string[] }[] = [
  { name: 'for-step', result: INT, body: ['for (int i = 0; i < n * 10; i += 3) r += i;'] },
  { name: 'count-down', result: INT, body: ['for (int i = n * 7; i > -n; i--) r = r * 3 + i;'] },
  { name: 'while', result: INT, body: ['int i = n; while (i != 1 && r < 1000) { i = (i & 1) == 0 ? i / 2 : 3 * i + 1; r++; }'] },
  { name: 'do-once', result: INT, body: ['int i = 100; do { r += i; i++; } while (i < n);'] },
  { name: 'zero-trip', result: INT, body: ['for (int i = n; i < n; i++) r += 1000;', 'while (r > 1000) r--;'] },
  { name: 'uint-down', result: UINT, body: ['for (uint u = (uint)n + 3u; u-- > 0u; ) r = r * 5u + u;'] },
  { name: 'long-2^32', result: LONG, body: ['for (long l = 0xFFFFFFF0L; l < 0x100000000L + n; l++) r += l ^ (r << 1);'] },
  { name: 'byte-wrap', result: BYTE, body: ['byte b = 250; int trips = 0; do { r = (byte)(r + b); b++; trips++; } while (b != (byte)n && trips < 300);'] },
  { name: 'break-continue', result: INT, body: ['for (int i = 0; ; i++) { if (i % 3 == 0) continue; if (i > n * 4) break; r += i * i; }'] },
  { name: 'goto-out', result: INT, body: ['for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) for (int k = 0; k < 10; k++) { r += i * 100 + j * 10 + k; if (i * j * k > n * 20) goto done; }', 'done: r = -r;'] },
  { name: 'invariant', result: INT, body: ['int a = n * 7, b = n - 3; for (int i = 0; i < 50; i++) r += (a * b) ^ i;'] },
  { name: 'induction', result: LONG, body: ['for (int i = 0; i < 40; i++) r += (long)i * 12 + (long)(i * n) * 1000000007L;'] },
  { name: 'char-range', result: INT, body: ["for (char c = 'a'; c <= 'z'; c++) if (c % n == 0) r = r * 31 + c;"] },
  { name: 'nested-while', result: INT, body: ['int i = 0; while (i < n) { int j = i; while (j > 0) { r += j; j -= 2; } i++; }'] },
];

function writeLoops(w: CSharpWriter, printers: Printers): string {
  w.block('static int N(int k)', () => w.line('return k + 1;'));
  LOOPS.forEach((loop, k) => {
    w.block(`static ${loop.result.name} Loop${k}(int n)`, () => {
      w.line(`${loop.result.name} r = 0;`);
      for (const line of loop.body) w.line(line);
      w.line('return r;');
    });
  });
  w.block('static void Loops()', () => {
    w.block('for (int k = 0; k < 6; k++)', () => {
      w.line('int n = N(k);');
      LOOPS.forEach((loop, k) => w.line(`${printers.unary(INT, loop.result)}(${stringLiteral(`loop ${loop.name}`)}, n, Loop${k}(n));`));
    });
  });
  w.line();
  return 'Loops';
}

function writeRecursion(w: CSharpWriter, printers: Printers): string {
  w.line('static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }');
  w.line('static int Ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? Ack(m - 1, 1) : Ack(m - 1, Ack(m, n - 1)); }');
  w.line('static bool IsEven(uint n) { return n == 0 ? true : IsOdd(n - 1); }');
  w.line('static bool IsOdd(uint n) { return n == 0 ? false : IsEven(n - 1); }');
  w.line('static long SumTo(int n) { return n == 0 ? 0L : SumTo(n - 1) + (long)n * n * n; }');
  w.line('static ulong Gcd(ulong a, ulong b) { return b == 0 ? a : Gcd(b, a % b); }');
  w.line('static long Power(long b, int e) { if (e == 0) return 1; long h = Power(b, e / 2); return (e & 1) == 0 ? h * h : h * h * b; }');
  w.block('static void Recursion()', () => {
    w.line(`for (int n = 0; n <= 20; n++) ${printers.unary(INT, INT)}("rec fib", n, Fib(n));`);
    w.line(`for (int n = 0; n <= 4; n++) ${printers.binary(INT, INT, INT)}("rec ack", 2, n, Ack(2, n));`);
    w.line(`${printers.binary(INT, INT, INT)}("rec ack", 3, 3, Ack(3, 3));`);
    w.line(`for (uint n = 0; n < 30; n += 7) ${printers.unary(UINT, 'bool')}("rec even", n, IsEven(n));`);
    w.line(`${printers.unary(INT, LONG)}("rec sum-cubes", 1000, SumTo(1000));`);
    w.line(`${printers.binary(intTypeNamed('ulong'), intTypeNamed('ulong'), intTypeNamed('ulong'))}("rec gcd", 0xFFFFFFFF00000000UL, 0x0000FFFFFFFF0000UL, Gcd(0xFFFFFFFF00000000UL, 0x0000FFFFFFFF0000UL));`);
    w.line(`for (int e = 0; e < 64; e += 9) ${printers.binary(LONG, INT, LONG)}("rec power", 3L, e, Power(3L, e));`);
    w.line(`${printers.binary(LONG, INT, LONG)}("rec power", -7L, 21, Power(-7L, 21));`);
  });
  w.line();
  return 'Recursion';
}
