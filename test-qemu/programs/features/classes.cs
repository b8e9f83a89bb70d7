// Classes, abstract and virtual methods, interfaces, casts (is/as), arrays of objects,
// value and reference arrays, boxing and unboxing, foreach over arrays.
using System;
interface IShape { int Area(); string Name(); }
abstract class Shape : IShape {
  public abstract int Area();
  public virtual string Name() { return "shape"; }
  public override string ToString() { return Name(); }
}
class Rect : Shape { int w, h; public Rect(int w, int h) { this.w = w; this.h = h; } public override int Area() { return w * h; } public override string Name() { return "rect"; } }
sealed class Square : Rect { public Square(int s) : base(s, s) { } public override string Name() { return "square"; } }
class Circle : Shape { int r; public Circle(int r) { this.r = r; } public override int Area() { return 3 * r * r; } }
struct P { public int X, Y; public P(int x, int y) { X = x; Y = y; } public override string ToString() { return "P"; } }
class Program {
  static int Main() {
    Shape[] shapes = new Shape[] { new Rect(2, 3), new Square(4), new Circle(5) };
    int total = 0;
    for (int i = 0; i < shapes.Length; i++) { total += shapes[i].Area(); Console.WriteLine(shapes[i].Name()); Console.WriteLine(shapes[i].ToString()); }
    foreach (IShape s in shapes) Console.WriteLine(s.Area());
    Console.WriteLine(total);
    object o = shapes[1];
    Console.WriteLine(o is Rect); Console.WriteLine(o is Circle); Console.WriteLine(o is IShape);
    Rect r = o as Rect; Console.WriteLine(r != null);
    Circle c = o as Circle; Console.WriteLine(c == null);
    int[] nums = { 5, 3, 9, 1 };
    int sum = 0; foreach (int n in nums) sum += n;
    Console.WriteLine(sum);
    long[] big = new long[3]; big[1] = 1L << 40; Console.WriteLine(big[1] + big.Length);
    object boxed = 42; int unboxed = (int)boxed; Console.WriteLine(unboxed + 1);
    object bp = new P(1, 2); Console.WriteLine(((P)bp).Y); Console.WriteLine(bp.ToString());
    P[] ps = new P[2]; ps[1].X = 7; Console.WriteLine(ps[1].X);
    string[] strs = { "a", "bc" }; Console.WriteLine(strs[1]);
    char[] cs = new char[] { 'x', 'y' }; Console.WriteLine(cs[1]);
    return shapes.Length;
  }
}
