// The conversions, Boolean and Char program:
//   conversions  every integral type (Char included) to every other, unchecked, over the
//                source type's full boundary set; and checked (conv.ovf.*) where the
//                generator knows the value fits the target (a mask per source value, bit
//                k for target k), so nothing throws;
//   Boolean      &, |, ^, ==, !=, !, && and || (whose right side must run only when
//                needed: it counts its evaluations), ?:, and bools kept in static fields;
//   Char         characters printed as text (ASCII, and two- and three-byte UTF-8), ++ and
//                -- on chars, and char comparisons against literals.

import { stringLiteral, type CSharpWriter } from './csharp-writer.ts';
import { CHAR, INT, INT_TYPES, inRange, literal } from './int-types.ts';
import { operatorValues } from './operator-programs.ts';
import type { Printers } from './printers.ts';
import type { ProgramPart } from './program.ts';
import { maskHas, writeMaskSource, writeValueSource } from './value-sources.ts';

/** Characters printed as text: ASCII boundaries and multi-byte UTF-8 (no surrogates: a lone one has no UTF-8 form). */
const PRINTED_CHARS = [0x20, 0x30, 0x41, 0x5a, 0x61, 0x7a, 0x7e, 0xe9, 0xdf, 0x3a9, 0x7ff, 0x800, 0x20ac, 0x2713, 0xfffd];

/** Member names start with Cv_. */
export const conversionPart: ProgramPart = {
  generator: 'conversion-program.ts',
  members: (w, printers) => [...writeConversions(w, printers), writeBooleans(w, printers), writeChars(w, printers)],
};

function writeConversions(w: CSharpWriter, printers: Printers): string[] {
  return INT_TYPES.map(from => {
    const values = operatorValues(from);
    const source = `Cv_V_${from.label}`;
    writeValueSource(w, source, from, values);
    writeMaskSource(w, `Cv_Fits_${from.label}`, values.length, INT_TYPES.length, (i, k) => inRange(INT_TYPES[k]!, values[i]!));
    const section = `Cv_Convert_${from.label}`;
    w.block(`static void ${section}()`, () => {
      w.block(`for (int i = 0; i < ${values.length}; i++)`, () => {
        w.line(`${from.name} a = ${source}(i);`);
        w.line(`ulong fits = Cv_Fits_${from.label}(i);`);
        INT_TYPES.forEach((to, k) => {
          const print = printers.unary(from, to);
          w.line(`${print}(${stringLiteral(`conv ${from.label}->${to.label}`)}, a, (${to.name})a);`);
          w.line(`if (${maskHas('fits', `${k}`)}) ${print}(${stringLiteral(`conv.ovf ${from.label}->${to.label}`)}, a, checked((${to.name})a));`);
        });
      });
    });
    w.line();
    return section;
  });
}

function writeBooleans(w: CSharpWriter, printers: Printers): string {
  w.line('static int Cv_evaluations;');
  w.block('static bool Cv_B(int k)', () => w.line('return k == 1;'));
  w.block('static bool Cv_Counted(bool x)', () => w.line('Cv_evaluations++; return x;'));
  w.line('static bool Cv_sa, Cv_sb;');
  w.block('static void Cv_Booleans()', () => {
    w.block('for (int i = 0; i < 2; i++)', () => {
      w.line('bool a = Cv_B(i);');
      w.line(`${printers.unary('bool', 'bool')}("b not", a, !a);`);
      w.block('for (int j = 0; j < 2; j++)', () => {
        w.line('bool b = Cv_B(j);');
        const print = printers.binary('bool', 'bool', 'bool');
        for (const [label, token] of [['and', '&'], ['or', '|'], ['xor', '^'], ['eq', '=='], ['ne', '!=']]) {
          w.line(`${print}("b ${label}", a, b, a ${token} b);`);
        }
        w.line('Cv_evaluations = 0;');
        w.line(`${print}("b andalso", a, b, Cv_Counted(a) && Cv_Counted(b));`);
        w.line(`${print}("b orelse", a, b, Cv_Counted(a) || Cv_Counted(b));`);
        w.line(`${printers.binary('bool', 'bool', INT)}("b evaluations", a, b, Cv_evaluations);`);
        w.line(`${print}("b cond", a, b, a ? b : !b);`);
        w.line(`Cv_sa = a; Cv_sb = b; ${print}("b xor.mem", a, b, Cv_sa ^ Cv_sb);`);
        w.line(`int m = 0; if (a && !b) m |= 1; if (a || b) m |= 2; if (!(a == b)) m |= 4; if (Cv_sa & Cv_sb) m |= 8;`);
        w.line(`${printers.binary('bool', 'bool', INT)}("b branch", a, b, m);`);
      });
    });
  });
  w.line();
  return 'Cv_Booleans';
}

function writeChars(w: CSharpWriter, printers: Printers): string {
  const chars = PRINTED_CHARS.map(c => BigInt(c));
  writeValueSource(w, 'Cv_Text', CHAR, chars);
  w.block('static void Cv_Chars()', () => {
    w.block(`for (int i = 0; i < ${chars.length}; i++)`, () => {
      w.line('char c = Cv_Text(i);');
      w.line(`Console.Write("ch text "); Console.Write((int)c); Console.Write(" = "); Console.Write(c); Console.Write('|'); Console.WriteLine(c);`);
      w.line(`char d = c; d++; ${printers.unary(CHAR, CHAR)}("ch inc", c, d); d--; d--; ${printers.unary(CHAR, CHAR)}("ch dec", c, d);`);
      w.line(`int m = 0; if (c < 'a') m |= 1; if (c >= 'A' && c <= 'Z') m |= 2; if (c == ' ') m |= 4; if (c > ${literal(CHAR, 0x7fn)}) m |= 8;`);
      w.line(`${printers.unary(CHAR, INT)}("ch classes", c, m);`);
    });
  });
  w.line();
  return 'Cv_Chars';
}
