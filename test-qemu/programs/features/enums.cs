// Enums: ToString of plain and [Flags] enums of several underlying types, casts, switch.
using System;
enum Color { Red, Green = 5, Blue }
[Flags] enum Perm { None = 0, Read = 1, Write = 2, Exec = 4, All = 7 }
enum Big : long { Small = -1, Huge = 1L << 40 }
enum Tiny : byte { A = 200, B }
class P {
  static int Main() {
    Color c = Color.Green;
    Console.WriteLine("" + c); Console.WriteLine(Color.Blue + " " + (Color)6 + " " + (Color)42 + " " + (int)c);
    Perm p = Perm.Read | Perm.Exec; Console.WriteLine("" + p); Console.WriteLine(Perm.All + " " + Perm.None + " " + (Perm)8 + " " + (Perm)3);
    Console.WriteLine(Big.Huge + " " + Big.Small + " " + (Big)5); Console.WriteLine(Tiny.B + " " + (Tiny)7);
    object o = c; Console.WriteLine(o.Equals(Color.Green) + " " + o.Equals(Color.Red) + " " + p.HasFlag(Perm.Read));
    switch (c) { case Color.Red: Console.WriteLine("r"); break; case Color.Green: Console.WriteLine("g"); break; default: Console.WriteLine("?"); break; }
    return (int)Color.Blue;
  }
}
