// Type initializers: precise (explicit static constructor) and beforefieldinit timing,
// instance creation triggering them, circular initialisation; the order must equal Mono's.
using System;
class A { static A() { Console.WriteLine("A cctor"); } public static int X = Log("A.X"); public static void M() { Console.WriteLine("A.M"); } static int Log(string s) { Console.WriteLine(s); return 1; } }
class B { public static int Y = Log("B init"); static int Log(string s) { Console.WriteLine(s); return 2; } }
class C { public static int Z = Log("C init"); static int Log(string s) { Console.WriteLine(s); return 3; } public static void Touch() { Console.WriteLine("C.Touch"); } }
class D { static D() { Console.WriteLine("D cctor"); } public int v = 4; }
class E { static E() { Console.WriteLine("E cctor " + F.W); } public static int V = 5; }
class F { static F() { Console.WriteLine("F cctor " + E.V); } public static int W = 6; }
class G { public static int U = Log("G init"); static int Log(string s) { Console.WriteLine(s); return 7; } }
class Program {
  static void Other() { Console.WriteLine("other " + G.U); }
  static void Main() {
    Console.WriteLine("start");
    A.M();
    Console.WriteLine("between");
    Console.WriteLine(B.Y);
    C.Touch();
    Console.WriteLine("new D");
    new D();
    Console.WriteLine(E.V);
    Console.WriteLine("before other");
    Other();
  }
}
