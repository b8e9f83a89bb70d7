// Multi-dimensional arrays (constructors, element access, initialisers, bounds checks,
// foreach, Rank/GetLength, casts) and jagged arrays.
using System;
class P {
  static int Main() {
    int[,] g = new int[3, 4];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) g[i, j] = i * 10 + j;
    int s = 0; foreach (int v in g) s += v; 
    Console.WriteLine(g[2, 3] + " " + g.Length + " " + g.Rank + " " + g.GetLength(0) + " " + g.GetLength(1) + " " + s);
    double[,,] cube = new double[2, 2, 2]; cube[1, 1, 1] = 2.5; cube[0, 1, 0] += 1; Console.WriteLine((int)(cube[1, 1, 1] * 10) + (int)cube[0, 1, 0]);
    string[,] names = { { "a", "b" }, { "c", "d" } }; Console.WriteLine(names[1, 0] + names[0, 1]);
    try { g[3, 0] = 1; } catch (IndexOutOfRangeException) { Console.WriteLine("oob"); }
    int[][] jag = new int[2][]; jag[0] = new int[] { 1, 2 }; jag[1] = new int[3]; jag[1][2] = 9; Console.WriteLine(jag[0][1] + jag[1][2] + jag[1].Length);
    object o = g; Console.WriteLine(o is int[,]); Console.WriteLine(o is int[]);
    int[,] m = { { 1, 2, 3 }, { 4, 5, 6 } }; Console.WriteLine(m[1, 2] + " " + m[0, 1]); long[,] lm = { { 1L << 40, 2 } }; Console.WriteLine(lm[0, 0]);
    return g[1, 2];
  }
}
