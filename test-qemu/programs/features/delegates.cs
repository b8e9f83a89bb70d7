// Delegates: static and instance targets, virtual targets, struct targets, multicast
// (+=, -=, Combine), lambdas with captured variables.
using System;
delegate int BinOp(int a, int b);
delegate void Notify(string s);
delegate long Big(long a, double d);
struct Counter { public int N; public int Get() { return N * 2; } }
class Acc { int total; public void Add(string s) { total += s.Length; Console.WriteLine("acc " + s + " " + total); } public virtual int Twice(int a, int b) { return 2 * (a + b); } }
class Acc2 : Acc { public override int Twice(int a, int b) { return 3 * (a + b); } }
class P {
  static int Add(int a, int b) { return a + b; }
  static int Mul(int a, int b) { return a * b; }
  static void Log(string s) { Console.WriteLine("log " + s); }
  static long Mix(long a, double d) { return a + (long)d; }
  static int Apply(BinOp op, int x, int y) { return op(x, y); }
  static int Main() {
    BinOp add = Add; BinOp mul = new BinOp(Mul);
    Console.WriteLine(add(3, 4) + " " + mul(3, 4) + " " + Apply(Add, 10, 20));
    Acc acc = new Acc(); Notify n = Log; n += acc.Add; n += Log; n("hi"); n -= Log; n("yo");
    Acc a2 = new Acc2(); BinOp tw = a2.Twice; Console.WriteLine(tw(1, 2));
    Big b = Mix; Console.WriteLine(b(1L << 40, 2.5));
    Counter c = new Counter(); c.N = 21; Func0 f = c.Get; Console.WriteLine(f());
    BinOp comb = (BinOp)Delegate.Combine(add, mul); Console.WriteLine(comb(5, 6));
    Console.WriteLine(n == null);
    int k = 7; BinOp lam = (x, y) => x * k + y; Console.WriteLine(lam(2, 3));
    return 0;
  }
}
delegate int Func0();
