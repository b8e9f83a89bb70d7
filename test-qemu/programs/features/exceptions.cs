// Exceptions: try/catch/finally, nested unwinding through finally blocks, exceptions raised
// by the runtime (division, cast, bounds, null, overflow), filters, rethrow, catch in loops,
// and an unhandled exception at the end (exit status 1).
using System;
class MyEx : Exception { public int Code; public MyEx(int c) : base("my " + c) { Code = c; } }
class P {
  static void Thrower(int n) { if (n == 0) throw new MyEx(7); try { Thrower(n - 1); } finally { Console.WriteLine("unwind " + n); } }
  static int Div(int a, int b) { return a / b; }
  static int Main() {
    try { Console.WriteLine("in try"); throw new InvalidOperationException("boom"); }
    catch (InvalidOperationException e) { Console.WriteLine("caught " + e.Message); }
    finally { Console.WriteLine("finally 1"); }
    try { Thrower(3); } catch (MyEx e) { Console.WriteLine("code " + e.Code + " " + e.Message); }
    try { Div(1, 0); } catch (DivideByZeroException e) { Console.WriteLine(e.Message); }
    try { object o = "s"; int x = (int)o; Console.WriteLine(x); } catch (InvalidCastException e) { Console.WriteLine(e.GetType().Name); }
    try { int[] a = new int[2]; a[5] = 1; } catch (IndexOutOfRangeException e) { Console.WriteLine(e.Message); }
    try { string s = null; Console.WriteLine(s.Length); } catch (NullReferenceException e) { Console.WriteLine("NRE " + (e != null)); }
    try { try { throw new Exception("inner"); } catch (Exception e) when (e.Message == "inner") { Console.WriteLine("filtered"); throw; } }
    catch (Exception e) { Console.WriteLine("rethrown " + e.Message); }
    try { checked { int m = int.MaxValue; m++; Console.WriteLine(m); } } catch (OverflowException e) { Console.WriteLine(e.Message); }
    try { int mn = int.MinValue; int m1 = -1; Console.WriteLine(mn % m1); } catch (OverflowException e) { Console.WriteLine("rem " + e.GetType().FullName); }
    int r = 0;
    for (int i = 0; i < 5; i++) { try { if (i % 2 == 0) throw new Exception(); r += 1; } catch { r += 10; } }
    Console.WriteLine(r);
    Console.WriteLine(new Exception().Message);
    throw new ArgumentException("final");
  }
}
