// 64-bit arithmetic through the compiler-emitted helpers: division, remainder, shifts,
// multiplication, comparisons, at boundary values.
using System;
class L {

  static void P(long a, long b) {
    Console.Write(a); Console.Write(" "); Console.Write(b); Console.Write(": ");
    if (b != 0 && !(a == long.MinValue && b == -1)) { Console.Write(a / b); Console.Write(" "); Console.Write(a % b); Console.Write(" "); Console.Write((ulong)a / (ulong)b); Console.Write(" "); Console.Write((ulong)a % (ulong)b); }
    Console.Write(" "); Console.Write(a * b); Console.Write(" "); Console.Write(a + b); Console.Write(" "); Console.Write(a - b);
    Console.Write(" "); Console.Write(a << (int)b); Console.Write(" "); Console.Write(a >> (int)b); Console.Write(" "); Console.Write((ulong)a >> (int)b);
    Console.Write(" "); Console.WriteLine(a < b);
  }
  static int Main() {

    long x = 1;
    P(100, 7); P(-100, 7); P(100, -7); P(long.MaxValue, 3); P(long.MinValue, 3); P(long.MinValue, 1); P(12345678901234L, 987654321L);
    P(-1, 1); P(0x7fffffff, 0x100000000L); P(long.MaxValue, long.MaxValue); P(1L<<40, 33); P(-5, 63); P(3, 0);
    for (int i = 0; i < 64; i += 7) { x = x * 3 + i; Console.WriteLine(x); }
    Console.WriteLine(ulong.MaxValue); Console.WriteLine(uint.MaxValue);
    return (int)(x % 100);
  }
}
