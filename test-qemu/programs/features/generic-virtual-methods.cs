// Generic virtual and interface methods: overrides at several levels, instantiations
// with value and reference types, a delegate to a generic virtual method.
using System;
interface IVisitor { T Visit<T>(T value); }
class Echo : IVisitor { public T Visit<T>(T value) { Console.WriteLine("echo " + value); return value; } }
class Base { public virtual string Show<T>(T x) { return "base " + x; } public virtual int Count<T>() { return 1; } }
class Mid : Base { public override string Show<T>(T x) { return "mid " + x; } }
class Leaf : Mid { public override int Count<T>() { return 3; } }
class P {
  static int Main() {
    Base[] bs = { new Base(), new Mid(), new Leaf() };
    foreach (Base b in bs) Console.WriteLine(b.Show(42) + " " + b.Show("s") + " " + b.Count<long>());
    IVisitor v = new Echo(); Console.WriteLine(v.Visit(7) + v.Visit("ab").Length);
    Func<int, string> f = bs[2].Show<int>; Console.WriteLine(f(9));
    return bs[2].Count<int>();
  }
}
delegate R Func<A, R>(A a);
