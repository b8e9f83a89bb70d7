// The data part: where values live and how they are passed.
//   arguments   twelve mixed int/long arguments, ten of ten different types (bool and
//               char included), and structs between scalars, each echoed by the callee
//               (argument order) and combined into a result;
//   statics     static fields of every integral type with initialisers (a type
//               initializer), updated in loops and read from another class;
//   structs     small (8 bytes), mixed-width (padding) and large (56 bytes, nested)
//               structs as locals, arguments (the callee's copy is its own), returns,
//               static fields, through ref, with a constructor and instance methods;
//   ref/out     swaps of every type, out results, refs to statics, to struct fields and
//               through two calls;
//   compound    every `x op= y` (COMPOUND_OPERATORS) of every integral type on four kinds
//               of location: through a ref parameter, a local, a field of a static struct
//               and a field of a local struct; and a static field directly. The four
//               results go on one line, so a wrong one stands out.

import { stringLiteral, type CSharpWriter } from './csharp-writer.ts';
import { INT, INT_TYPES, LONG, literal, promote, ULONG, type IntType } from './int-types.ts';
import { pairValues } from './operator-programs.ts';
import type { Printers } from './printers.ts';
import type { ProgramPart } from './program.ts';
import { writeValueSource } from './value-sources.ts';

/** The compound assignment operators, in the order `Apply_<type>` numbers them. */
export const COMPOUND_OPERATORS = ['+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>='] as const;

/** Value sources are named D_<label>; structs Small, Mixed, Large, Holder; class Globals. */
export const dataPart: ProgramPart = {
  generator: 'data-program.ts',
  outside: w => {
    writeStructs(w);
    writeGlobals(w);
  },
  members: (w, printers) => {
    for (const t of INT_TYPES) writeValueSource(w, `D_${t.label}`, t, pairValues(t));
    w.line();
    return [writeArguments(w, printers), writeStatics(w, printers), writeStructUses(w, printers), writeRefs(w, printers), writeCompound(w, printers)];
  },
};

/** A field of every integral type, named F_<label>. */
function fieldsOfEveryType(w: CSharpWriter, modifiers: string): void {
  for (const t of INT_TYPES) w.line(`${modifiers} ${t.name} F_${t.label};`);
}

function writeStructs(w: CSharpWriter): void {
  w.block('struct Small', () => {
    w.line('public int A, B;');
    w.line('public Small(int a, int b) { A = a; B = b; }');
    w.line('public int Sum() { return A + B; }');
    w.line('public void Swap() { int t = A; A = B; B = t; }');
  });
  w.block('struct Mixed', () => {
    w.line('public byte A; public short B; public int C; public long D; public char E; public bool F; public sbyte G; public ulong H;');
  });
  w.block('struct Large', () => {
    w.line('public long A, B, C, D;');
    w.line('public int E, F, G, H;');
    w.line('public Small S;');
    w.line('public long Total() { return A + B + C + D + E + F + G + H + S.Sum(); }');
  });
  w.block('struct Holder', () => fieldsOfEveryType(w, 'public'));
  w.line();
}

function writeGlobals(w: CSharpWriter): void {
  w.block('static class Globals', () => {
    for (const t of INT_TYPES) {
      const v = pairValues(t);
      w.line(`public static ${t.name} F_${t.label} = ${literal(t, v[v.length - 1]!)};`);
    }
    w.line('public static bool Flag = true;');
    w.line('public static Large Big;');
    w.line('public static Holder Fields;');
    w.line('public static long Read() { return F_i64 + F_i32 + F_u16 + (long)F_u64; }');
  });
  w.line();
}

function writeArguments(w: CSharpWriter, printers: Printers): string {
  const twelve = Array.from({ length: 12 }, (_, k) => [k % 2 === 0 ? 'int' : 'long', `p${k}`] as const);
  w.block(`static long Many12(${twelve.map(([t, n]) => `${t} ${n}`).join(', ')})`, () => {
    w.line('Console.Write("args12");');
    for (const [, n] of twelve) w.line(`Console.Write(' '); Console.Write(${n});`);
    w.line('Console.WriteLine();');
    w.line(`return ${twelve.map(([, n], k) => `${k === 0 ? '' : k % 2 === 1 ? ' - ' : ' + '}${n} * ${2 * k + 1}`).join('')};`);
  });
  const ten: [string, string][] = [...INT_TYPES.map((t): [string, string] => [t.name, `q_${t.label}`]), ['bool', 'q_b']];
  w.block(`static ulong Mixed10(${ten.map(([t, n]) => `${t} ${n}`).join(', ')})`, () => {
    w.line('Console.Write("args10");');
    for (const [t, n] of ten) w.line(`Console.Write(' '); Console.Write(${t === 'char' ? `(int)${n}` : n});`);
    w.line('Console.WriteLine();');
    w.line('ulong r = q_u64 ^ (ulong)q_i64;');
    w.line('r = r * 31 + q_u32; r = r * 31 + (ulong)q_i32; r = r * 31 + q_u16; r = r * 31 + (ulong)q_i16;');
    w.line('r = r * 31 + q_u8; r = r * 31 + (ulong)q_i8; r = r * 31 + q_ch; if (q_b) r = ~r;');
    w.line('return r;');
  });
  w.block('static long StructArgs(int a, Small s, long b, Large l, int c, Mixed m)', () => {
    w.line('long r = a + s.A * 3 + s.B * 5 + b * 7 + l.Total() * 11 + c * 13 + m.A + m.B + m.C + m.D + m.E + m.G + (long)m.H;');
    w.line('s.A = 0; l.A = 0; m.D = 0;');
    w.line('return m.F ? r : -r;');
  });
  w.block('static void Arguments()', () => {
    w.block('for (int k = 0; k < 5; k++)', () => {
      w.line(`long r12 = Many12(${twelve.map(([t], j) => `D_${t === 'int' ? 'i32' : 'i64'}(k + ${j})`).join(', ')});`);
      w.line(`${printers.unary(INT, LONG)}("many12", k, r12);`);
      w.line(`ulong r10 = Mixed10(${INT_TYPES.map((t, j) => `D_${t.label}(k + ${j})`).join(', ')}, (k & 1) == 0);`);
      w.line(`${printers.unary(INT, ULONG)}("mixed10", k, r10);`);
      w.line('Small s = new Small(D_i32(k), D_i32(k + 1)); Large l = MakeLarge(D_i64(k)); Mixed m = MakeMixed(k);');
      w.line(`${printers.unary(INT, LONG)}("struct-args", k, StructArgs(D_i32(k + 2), s, D_i64(k + 3), l, D_i32(k + 4), m));`);
      w.line(`${printers.unary(INT, LONG)}("struct-args-unchanged", k, (long)s.A + l.A + m.D);`);
    });
  });
  w.line();
  return 'Arguments';
}

function writeStatics(w: CSharpWriter, printers: Printers): string {
  w.block('static void Statics()', () => {
    for (const t of INT_TYPES) w.line(`${printers.unary(INT, t)}(${stringLiteral(`static initial ${t.label}`)}, 0, Globals.F_${t.label});`);
    w.block('for (int k = 0; k < 37; k++)', () => {
      for (const t of INT_TYPES) {
        const p = promote(t, t)!;
        w.line(`Globals.F_${t.label} = (${t.name})(Globals.F_${t.label} * ${literal(p, 3n)} + (${t.name})k);`);
      }
      w.line('Globals.Flag = !Globals.Flag;');
    });
    for (const t of INT_TYPES) w.line(`${printers.unary(INT, t)}(${stringLiteral(`static after ${t.label}`)}, 37, Globals.F_${t.label});`);
    w.line(`${printers.unary(INT, 'bool')}("static flag", 37, Globals.Flag);`);
    w.line(`${printers.unary(INT, LONG)}("static read", 0, Globals.Read());`);
  });
  w.line();
  return 'Statics';
}

function writeStructUses(w: CSharpWriter, printers: Printers): string {
  w.block('static Large MakeLarge(long seed)', () => {
    w.line('Large l;');
    w.line('l.A = seed; l.B = seed * 3; l.C = ~seed; l.D = seed >> 7;');
    w.line('l.E = (int)seed; l.F = (int)(seed >> 32); l.G = -l.E; l.H = l.E ^ 0x5555;');
    w.line('l.S = new Small(l.F, l.G);');
    w.line('return l;');
  });
  w.block('static Mixed MakeMixed(int k)', () => {
    w.line('Mixed m;');
    w.line('m.A = D_u8(k); m.B = D_i16(k); m.C = D_i32(k); m.D = D_i64(k); m.E = D_ch(k); m.F = (k & 1) != 0; m.G = D_i8(k); m.H = D_u64(k);');
    w.line('return m;');
  });
  w.line('static void Clobber(Large l) { l.A = 0; l.S.B = 0; l.H = 0; }');
  w.line('static void Bump(ref Large l, int by) { l.A += by; l.S.B -= by; l.H *= by; }');
  w.line('static Mixed Twiddle(Mixed m) { m.A++; m.B--; m.C ^= -1; m.D <<= 3; m.E++; m.F = !m.F; m.G--; m.H >>= 1; return m; }');
  w.block('static void ShowLarge(string what, Large l)', () => {
    w.line('Console.Write(what);');
    w.line("Console.Write(' '); Console.Write(l.A); Console.Write(' '); Console.Write(l.B); Console.Write(' '); Console.Write(l.C); Console.Write(' '); Console.Write(l.D);");
    w.line("Console.Write(' '); Console.Write(l.E); Console.Write(' '); Console.Write(l.F); Console.Write(' '); Console.Write(l.G); Console.Write(' '); Console.Write(l.H);");
    w.line("Console.Write(' '); Console.Write(l.S.A); Console.Write(' '); Console.WriteLine(l.S.B);");
  });
  w.block('static void ShowMixed(string what, Mixed m)', () => {
    w.line('Console.Write(what);');
    w.line("Console.Write(' '); Console.Write(m.A); Console.Write(' '); Console.Write(m.B); Console.Write(' '); Console.Write(m.C); Console.Write(' '); Console.Write(m.D);");
    w.line("Console.Write(' '); Console.Write((int)m.E); Console.Write(' '); Console.Write(m.F); Console.Write(' '); Console.Write(m.G); Console.Write(' '); Console.WriteLine(m.H);");
  });
  w.block('static void Structs()', () => {
    w.block('for (int k = 0; k < 6; k++)', () => {
      w.line('Large l = MakeLarge(D_i64(k));');
      w.line('ShowLarge("struct large", l);');
      w.line('Large copy = l; copy.A = 1; copy.S.A = 2;');
      w.line('ShowLarge("struct original-after-copy", l);');
      w.line('ShowLarge("struct copy", copy);');
      w.line('Clobber(l); ShowLarge("struct after-clobber", l);');
      w.line('Bump(ref l, k + 2); ShowLarge("struct after-bump", l);');
      w.line('Globals.Big = l; Globals.Big.S.Swap(); Globals.Big.D--; ShowLarge("struct static", Globals.Big);');
      w.line(`${printers.unary(INT, LONG)}("struct total", k, Globals.Big.Total());`);
      w.line('Mixed m = MakeMixed(k); ShowMixed("struct mixed", m);');
      w.line('Mixed t = Twiddle(m); ShowMixed("struct twiddled", t); ShowMixed("struct mixed-after", m);');
      w.line('Small s = new Small(D_i32(k), D_i32(k + 3)); s.Swap();');
      w.line(`${printers.binary(INT, INT, INT)}("struct small", s.A, s.B, s.Sum());`);
      w.line(`${printers.unary(INT, INT)}("struct temporary", k, new Small(k, k * 7).Sum());`);
    });
  });
  w.line();
  return 'Structs';
}

/** Types whose swap helpers the ref section checks (bool too). */
const SWAPPED = [...INT_TYPES.map(t => t.name), 'bool'];

function writeRefs(w: CSharpWriter, printers: Printers): string {
  for (const t of SWAPPED) w.line(`static void Swap(ref ${t} a, ref ${t} b) { ${t} x = a; a = b; b = x; }`);
  w.line('static void Split(long v, out int lo, out int hi) { lo = (int)v; hi = (int)(v >> 32); }');
  w.line('static bool TryDivide(int a, int b, out int q, out int r) { if (b == 0) { q = r = 0; return false; } q = a / b; r = a % b; return true; }');
  w.line('static void Inner(ref int x) { x += 5; }');
  w.line('static void Outer(ref int x) { Inner(ref x); x *= 3; Inner(ref x); }');
  w.line('static void AddTo(ref long acc, int x) { acc += x; acc ^= acc << 13; }');
  w.line('static void MakeSmall(out Small s, int k) { s = new Small(k, -k); s.Swap(); }');
  w.block('static void Refs()', () => {
    w.block('for (int k = 0; k < 5; k++)', () => {
      for (const t of INT_TYPES) {
        w.line(`{ ${t.name} a = D_${t.label}(k), b = D_${t.label}(k + 1); Swap(ref a, ref b); ${printers.binary(t, t, INT)}(${stringLiteral(`ref swap ${t.label}`)}, a, b, k); }`);
      }
      w.line(`{ bool a = (k & 1) == 0, b = k > 2; Swap(ref a, ref b); ${printers.binary('bool', 'bool', INT)}("ref swap b", a, b, k); }`);
      w.line(`{ int lo, hi; Split(D_i64(k), out lo, out hi); ${printers.binary(INT, INT, LONG)}("out split", lo, hi, D_i64(k)); }`);
      w.line(`{ int q, r; bool ok = TryDivide(D_i32(k), k - 2, out q, out r); ${printers.binary(INT, INT, 'bool')}("out divide", q, r, ok); }`);
      w.line(`{ int x = D_i32(k); Outer(ref x); ${printers.unary(INT, INT)}("ref two-levels", D_i32(k), x); }`);
      w.line(`{ Globals.F_i32 = D_i32(k); Outer(ref Globals.F_i32); ${printers.unary(INT, INT)}("ref static", D_i32(k), Globals.F_i32); }`);
      w.line(`{ Large l = MakeLarge(k); int e = l.E; Outer(ref l.E); Outer(ref l.S.B); ${printers.binary(INT, INT, INT)}("ref struct-field", e, l.E, l.S.B); }`);
      w.line(`{ long acc = D_i64(k); for (int i = 0; i < 5; i++) AddTo(ref acc, i); ${printers.unary(LONG, LONG)}("ref accumulate", D_i64(k), acc); }`);
      w.line(`{ Small s; MakeSmall(out s, k); ${printers.binary(INT, INT, INT)}("out struct", s.A, s.B, k); }`);
    });
  });
  w.line();
  return 'Refs';
}

function writeCompound(w: CSharpWriter, printers: Printers): string {
  for (const t of INT_TYPES) {
    const p = promote(t, t)!;
    // Division by 0 and MinValue / -1 (in Int32 and Int64) throw: leave x as it is then.
    const divisible = p === INT || p === LONG ? `y != 0 && !(x == ${literal(p, p.min)} && y == -1)` : 'y != 0';
    w.block(`static void Apply_${t.label}(ref ${t.name} x, ${t.name} y, int op)`, () => {
      w.block('switch (op)', () => {
        COMPOUND_OPERATORS.forEach((o, k) => {
          const statement = o === '<<=' || o === '>>=' ? `x ${o} (int)y;` : o === '/=' || o === '%=' ? `if (${divisible}) x ${o} y;` : `x ${o} y;`;
          w.line(`case ${k}: ${statement} break;`);
        });
      });
    });
  }
  w.block('static void Compound()', () => {
    w.line('Holder h = new Holder();');
    for (const t of INT_TYPES) {
      const n = pairValues(t).length;
      const T = t.name;
      const L = t.label;
      const print = printers.several(t, t, t, 4);
      w.block(`for (int i = 0; i < ${n}; i++)`, () => {
        w.line(`${T} a = D_${L}(i);`);
        w.block(`for (int j = i % 3; j < ${n}; j += 3)`, () => {
          w.line(`${T} b = D_${L}(j);`);
          COMPOUND_OPERATORS.forEach((o, k) => {
            const direct = compoundStatement(t, `Globals.F_${L}`, o, 'b');
            w.line(
              `{ ${T} x = a; Apply_${L}(ref x, b, ${k}); Globals.Fields.F_${L} = a; Apply_${L}(ref Globals.Fields.F_${L}, b, ${k}); ` +
                `h.F_${L} = a; Apply_${L}(ref h.F_${L}, b, ${k}); Globals.F_${L} = a; ${direct} ` +
                `${print}(${stringLiteral(`${L} ${o}`)}, a, b, x, Globals.Fields.F_${L}, h.F_${L}, Globals.F_${L}); }`,
            );
          });
        });
      });
    }
  });
  w.line();
  return 'Compound';
}

/** `target op= y` written out, guarded like Apply_<type> for division. */
function compoundStatement(t: IntType, target: string, o: (typeof COMPOUND_OPERATORS)[number], y: string): string {
  const p = promote(t, t)!;
  if (o === '<<=' || o === '>>=') return `${target} ${o} (int)${y};`;
  if (o !== '/=' && o !== '%=') return `${target} ${o} ${y};`;
  const overflow = p === INT || p === LONG ? ` && !(${target} == ${literal(p, p.min)} && ${y} == -1)` : '';
  return `if (${y} != 0${overflow}) ${target} ${o} ${y};`;
}
