// float and double arithmetic, comparisons with NaN, conversions to and from every
// integer type (checked and unchecked), printed through integer conversions.
using System;
class F {
  static double Sq(double x) { return x * x; }
  static float Half(float f) { return f / 2; }
  static int Main() {
    double a = 1.5, b = -0.25; float f = 3.75f;

    Console.WriteLine((long)(a * 1000)); Console.WriteLine((int)(a + b) ); Console.WriteLine((int)(Sq(a) * 100));
    Console.WriteLine((int)(Half(f) * 1000)); Console.WriteLine(a > b); Console.WriteLine(a == 1.5); Console.WriteLine(double.NaN == double.NaN);
    double n = 0.0 / 0.0; Console.WriteLine(n != n); Console.WriteLine(n < 1.0); Console.WriteLine(!(n >= 1.0));
    Console.WriteLine((int)(-7.9)); Console.WriteLine((uint)3e9); Console.WriteLine((long)-1e15); Console.WriteLine((ulong)1.8e19);
    Console.WriteLine((int)(7.5 % 2.0 * 10)); Console.WriteLine((int)((double)(int.MaxValue - 1))); Console.WriteLine((int)(float)16777217);
    Console.WriteLine((long)(double)(1L << 62)); double um = uint.MaxValue; Console.WriteLine((int)(um / 2)); 
    double s = 0; for (int i = 1; i <= 100; i++) s += 1.0 / i; Console.WriteLine((long)(s * 1e12));
    float fs = 0; for (int i = 1; i <= 100; i++) fs += 1.0f / i; Console.WriteLine((long)(fs * 1e6));
    Console.WriteLine((long)(ulong.MaxValue / 3.0)); Console.WriteLine((long)(float)(-5L));
    try { checked { double big = 1e10; int z = (int)big; Console.WriteLine(z); } } catch (OverflowException) { Console.WriteLine("ovf"); }
    return (int)(a * 2);
  }
}
