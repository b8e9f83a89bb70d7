// Generic classes, structs, interfaces and methods; static fields per instantiation;
// ref parameters of generic type.
using System;
interface IBox<T> { T Get(); }
class Box<T> : IBox<T> { T v; public static int Count; public Box(T v) { this.v = v; Count++; } public T Get() { return v; } public virtual string Describe() { return "box"; } }
class IntBox : Box<int> { public IntBox(int v) : base(v) { } public override string Describe() { return "intbox " + Get(); } }
struct Pair<A, B> { public A First; public B Second; public Pair(A a, B b) { First = a; Second = b; } }
static class Util {
  
  public static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }
  public static int Len<T>(T[] xs) { return xs.Length; }
}
class Program {
  static int Main() {
    Box<int> a = new Box<int>(5); Box<string> s = new Box<string>("str"); new Box<int>(6);
    Console.WriteLine(a.Get() + s.Get());
    Console.WriteLine(Box<int>.Count + " " + Box<string>.Count);
    IBox<string> ib = s; Console.WriteLine(ib.Get());
    Box<int> x = new IntBox(9); Console.WriteLine(x.Describe());
    Pair<int, long> p = new Pair<int, long>(1, 2L); Console.WriteLine(p.First + p.Second);
    int i1 = 3, i2 = 4; Util.Swap(ref i1, ref i2); Console.WriteLine(i1 + "," + i2);
    string s1 = "a", s2 = "b"; Util.Swap(ref s1, ref s2); Console.WriteLine(s1 + s2);
    Console.WriteLine(Util.Len(new string[3]));
    return 0;
  }
}
