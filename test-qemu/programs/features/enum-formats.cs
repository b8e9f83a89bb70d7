// Enum format strings (G, F, D, X) also through string.Format, and Clone of a
// multi-dimensional array.
using System;
enum Color : short { Red = 1, Green = 2, Blue = 4 }
class P { static int Main() {
  Color c = Color.Green | Color.Blue;
  Console.WriteLine(c.ToString("D") + " " + c.ToString("X") + " " + c.ToString("F") + " " + c + " " + string.Format("{0:D} {0:X} {0}", Color.Red));
  int[,] m = { { 1, 2 }, { 3, 4 } }; int[,] k = (int[,])m.Clone(); k[1, 1] = 9; Console.WriteLine(m[1, 1] + " " + k[1, 1] + " " + k[0, 1]);
  return 0; } }
