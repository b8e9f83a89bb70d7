// String concatenation of every primitive (boxing, Concat overloads), String methods,
// ToString/Equals/GetHashCode of boxed values.
using System;
class C {
  static int Main() {
    int n = 42; long l = -1234567890123; uint u = 4000000000; char c = 'z'; bool b = true; short s = -5; byte by = 200;
    Console.WriteLine("x = " + n);
    Console.WriteLine("l=" + l + " u=" + u + " c=" + c + " b=" + b);
    Console.WriteLine(s + "|" + by + "|" + int.MinValue + "|" + long.MinValue + "|" + ulong.MaxValue);
    string t = "Hello, World";
    Console.WriteLine(t.Substring(7) + t.IndexOf('W') + t.IndexOf("World") + t.ToUpper() + t.ToLower());
    Console.WriteLine(t == "Hello, World"); Console.WriteLine(t.Equals((object)"x")); Console.WriteLine("  pad ".Trim() + "!");
    Console.WriteLine(new string('*', 5) + new string(new char[] {'a','b'}));
    object o = 3; Console.WriteLine(o.ToString() + o.Equals(3) + o.GetHashCode());
    Console.WriteLine(12.ToString() + 'q'.ToString() + true.ToString());
    Console.WriteLine(t.Contains("lo,") + " " + t.StartsWith("Hell") + " " + t.EndsWith("ld") + " " + t.Replace('l', 'L'));
    return t.Length;
  }
}
