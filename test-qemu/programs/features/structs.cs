// Value types as locals, arguments and results of every size class (1, 2, 4 and 8 bytes
// travel in registers; others through a hidden buffer), methods on structs, arrays of
// structs, delegates returning structs.
using System;
struct B1 { public byte V; }
struct S2 { public short A; }
struct P4 { public short X, Y; }
struct P8 { public int X, Y; public P8(int x, int y) { X = x; Y = y; } public P8 Add(P8 o) { return new P8(X + o.X, Y + o.Y); } public override string ToString() { return "(" + X + "," + Y + ")"; } }
struct D8 { public double D; }
struct L12 { public int A, B, C; }
struct Odd3 { public byte A, B, C; }
struct Big { public long A, B, C, D; public Big(long a) { A = a; B = a * 2; C = a * 3; D = a * 4; } }
class P {
  static B1 MkB(byte v) { B1 b; b.V = v; return b; }
  static S2 MkS(short a) { S2 s; s.A = a; return s; }
  static P4 MkP4(short x, short y) { P4 p; p.X = x; p.Y = y; return p; }
  static D8 MkD(double d) { D8 x; x.D = d; return x; }
  static L12 MkL(int a) { L12 l; l.A = a; l.B = a + 1; l.C = a + 2; return l; }
  static Odd3 MkO() { Odd3 o; o.A = 1; o.B = 2; o.C = 3; return o; }
  static Big Twice(Big b) { b.A *= 2; return b; }
  static int Main() {
    Console.WriteLine(MkB(200).V + " " + MkS(-5).A + " " + MkP4(3, -4).Y + " " + (int)(MkD(2.5).D * 10));
    P8 a = new P8(1, 2), b = new P8(10, 20); Console.WriteLine(a.Add(b).ToString() + a.Add(b).Add(a));
    L12 l = MkL(7); Console.WriteLine(l.A + l.B + l.C); Odd3 o = MkO(); Console.WriteLine(o.A + o.B * 10 + o.C * 100);
    Big g = Twice(new Big(5)); Console.WriteLine(g.A + " " + g.B + " " + g.D);
    P8[] arr = new P8[3]; arr[1] = a.Add(b); Console.WriteLine(arr[1].X);
    Func<P8> f = () => new P8(7, 8); Console.WriteLine(f().Y);
    return MkP4(1, 2).X;
  }
}
delegate T Func<T>();
