// stackalloc of constant and run-time sizes, in loops (fresh memory each time), with an
// exception caught in the same method (the stack stays valid after the catch).
using System;
unsafe class P {
  static int Sum(int n) { int* a = stackalloc int[n]; for (int i = 0; i < n; i++) a[i] = i * i; int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
  static int Main() {
    int*[] keep = new int*[3];
    for (int k = 0; k < 3; k++) { int* p = stackalloc int[4]; p[0] = k + 10; keep[k] = p; }
    Console.WriteLine(keep[0][0] + " " + keep[1][0] + " " + keep[2][0]);
    Console.WriteLine(Sum(10) + " " + Sum(100));
    byte* buf = stackalloc byte[32]; buf[31] = 7;
    try { int* q = stackalloc int[Sum(3)]; q[0] = 1; throw new Exception("x"); } catch (Exception e) { Console.WriteLine(e.Message + buf[31]); }
    Console.WriteLine(buf[31] + buf[0]);
    return 0;
  }
}
