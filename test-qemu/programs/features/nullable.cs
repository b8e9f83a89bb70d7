// Nullable<T>: lifted operators, boxing to null or T, unboxing, ??, Value of an empty one.
using System;
class P {
  static int? Find(int x) { if (x > 0) return x * 2; return null; }
  static int Main() {
    int? a = 5; int? b = null; int? c = a + 1; int? d = a + b;
    Console.WriteLine(a.HasValue + " " + b.HasValue + " " + c.Value + " " + d.HasValue);
    Console.WriteLine(Find(3).GetValueOrDefault() + " " + Find(-1).GetValueOrDefault(-7));
    object boxed = a; object boxedNull = b; Console.WriteLine(boxed + " " + (boxedNull == null) + " " + boxed.GetType().Name);
    int? back = (int?)boxed; int? back2 = (int?)boxedNull; Console.WriteLine(back.Value + " " + back2.HasValue);
    long? l = 1L << 40; Console.WriteLine(l ?? 0);
    Console.WriteLine((b ?? 99) + " " + (a == 5) + " " + (b == null));
    try { int z = b.Value; Console.WriteLine(z); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
    return 0;
  }
}
