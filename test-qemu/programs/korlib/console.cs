// Console (every Write/WriteLine overload, format strings, Console.Out, Console.Error and
// SetOut), the exception hierarchy's messages and ToString, the primitive types'
// ToString/Equals/GetHashCode/CompareTo/Parse and interfaces, BitConverter, Environment,
// and the exit code of Environment.Exit.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

class Thing
{
    public override string ToString() { return "a thing"; }
}

struct Money : IFormattable
{
    public int Cents;
    public string ToString(string format, IFormatProvider provider) { return "$" + (Cents / 100.0).ToString(format ?? "F2", provider); }
}

static class ConsoleProgram
{
    static void Try(string label, Func<object> f)
    {
        try { Console.WriteLine(label + " = " + f()); }
        catch (Exception e) { Console.WriteLine(label + " ! " + e.GetType().Name + ": " + e.Message); }
    }

    static void Writes()
    {
        Console.Write(true); Console.Write(' '); Console.Write('c'); Console.Write(' '); Console.Write(-12); Console.Write(' ');
        Console.Write(4000000000u); Console.Write(' '); Console.Write(-9000000000L); Console.Write(' '); Console.Write(18000000000000000000UL); Console.Write(' ');
        Console.Write(1.25f); Console.Write(' '); Console.Write(1.0 / 3); Console.Write(' '); Console.Write("str"); Console.Write(' ');
        Console.Write(new Thing()); Console.Write(' '); Console.Write((object)null); Console.Write(new[] { 'x', 'y', 'z' }); Console.Write(' ');
        Console.Write(new[] { 'a', 'b', 'c', 'd' }, 1, 2); Console.Write(' '); Console.Write((string)null); Console.Write(new Money { Cents = 12345 });
        Console.WriteLine();
        Console.WriteLine(true); Console.WriteLine('c'); Console.WriteLine(-12); Console.WriteLine(4000000000u); Console.WriteLine(-9000000000L);
        Console.WriteLine(18000000000000000000UL); Console.WriteLine(1.25f); Console.WriteLine(2.0 / 3); Console.WriteLine("str"); Console.WriteLine(new Thing());
        Console.WriteLine((object)null); Console.WriteLine(new[] { 'x', 'y' }); Console.WriteLine(new[] { 'a', 'b', 'c' }, 0, 2); Console.WriteLine((string)null);
        Console.WriteLine((object)3.5); Console.WriteLine((object)7L); Console.WriteLine(new Money { Cents = 5 });
        Console.WriteLine("{0} and {1}", 1, "two");
        Console.WriteLine("{0} {1} {2}", 1.5, 'c', true);
        Console.WriteLine("{0} {1} {2} {3} {4}", 1, 2, 3, 4, 5);
        Console.WriteLine("{0,5}|{0,-5}|{0:000}|{1:N1}|{2:P0}", 42, 1234.56, 0.5);
        Console.Write("{0}-", 1); Console.Write("{0}{1}-", 1, 2); Console.Write("{0}{1}{2}-", 1, 2, 3); Console.Write("{0}{1}{2}{3}", 1, 2, 3, 4);
        Console.WriteLine();
        Console.Out.Write("out "); Console.Out.WriteLine(42); Console.Out.WriteLine("{0:X}", 255); Console.Out.Write(1.5); Console.Out.WriteLine();
        Console.Error.WriteLine("to stderr");
        Console.WriteLine(Console.Out.NewLine == "\n");
        StringWriter sw = new StringWriter();
        TextWriter original = Console.Out;
        Console.SetOut(sw);
        Console.Write("captured ");
        Console.WriteLine(123);
        Console.SetOut(original);
        Console.WriteLine("[" + sw.ToString().Replace("\n", "\\n") + "]");
        Console.WriteLine(Console.ReadLine() == null);
        Console.ForegroundColor = ConsoleColor.Red;
        Console.WriteLine(Console.ForegroundColor + " " + Console.BackgroundColor + " " + Console.CursorLeft);
        Console.ResetColor();
        Try("format error", () => { Console.WriteLine("{1}", 1); return 0; });
        Try("null format", () => { Console.WriteLine((string)null, 1); return 0; });
    }

    static void Exceptions()
    {
        Exception[] es = {
            new Exception(), new Exception("msg"), new SystemException(), new ApplicationException(), new ArgumentException(),
            new ArgumentException("m", "p"), new ArgumentNullException(), new ArgumentNullException("p"), new ArgumentNullException("p", "m"),
            new ArgumentOutOfRangeException(), new ArgumentOutOfRangeException("p"), new ArgumentOutOfRangeException("p", "m"), new ArgumentOutOfRangeException("p", 42, "m"),
            new ArithmeticException(), new DivideByZeroException(), new OverflowException(), new FormatException(), new IndexOutOfRangeException(),
            new InvalidCastException(), new InvalidOperationException(), new NotSupportedException(), new NotImplementedException(), new NullReferenceException(),
            new KeyNotFoundException(), new ObjectDisposedException("obj"), new ObjectDisposedException("o", "m"), new OutOfMemoryException(),
            new ArrayTypeMismatchException(), new RankException(), new TimeoutException(), new PlatformNotSupportedException(), new UnauthorizedAccessException(),
            new IOException(), new EndOfStreamException(), new OperationCanceledException(), new Exception("outer", new InvalidOperationException("inner")),
            new Exception(""), new ArgumentException("", "p"),
        };
        foreach (Exception e in es)
        {
            Console.WriteLine(e.GetType().FullName + " [" + e.Message + "] {" + e.ToString() + "} " + (e.InnerException != null) + " " + e.GetBaseException().GetType().Name + " " + (e.StackTrace == null));
        }
        try
        {
            int zero = es.Length - es.Length;
            Console.WriteLine(10 / zero);
        }
        catch (DivideByZeroException e)
        {
            Console.WriteLine("caught " + e.Message);
        }
        try
        {
            object o = "s";
            Console.WriteLine((int)o);
        }
        catch (InvalidCastException e)
        {
            Console.WriteLine("caught " + e.Message);
        }
        try
        {
            checked { int big = int.MaxValue; big += es.Length; Console.WriteLine(big); }
        }
        catch (OverflowException e)
        {
            Console.WriteLine("caught " + e.Message);
        }
    }

    static void Primitives()
    {
        object[] values = { true, 'q', (sbyte)-7, (byte)7, (short)-700, (ushort)700, -70000, 70000u, -7000000000L, 7000000000UL, 1.5f, -2.25, 0.0, -0.0, double.NaN, float.NaN };
        foreach (object v in values)
        {
            Console.WriteLine(v.GetType().Name + " " + v + " " + v.GetHashCode() + " " + v.Equals(v) + " " + v.Equals(null) + " " + (v is IComparable ? ((IComparable)v).CompareTo(v) : 9) + " " + (v is IFormattable));
        }
        Console.WriteLine(1.CompareTo(2) + " " + 5.CompareTo(5) + " " + ((short)3).CompareTo((short)9) + " " + ((byte)9).CompareTo((byte)3) + " " + 'a'.CompareTo('d') + " " + true.CompareTo(false) + " " + 2.5.CompareTo(double.NaN) + " " + double.NaN.CompareTo(double.NaN) + " " + 1L.CompareTo(-1L) + " " + 3u.CompareTo(2u));
        Console.WriteLine(1.Equals(1) + " " + 1.Equals(1L) + " " + double.NaN.Equals(double.NaN) + " " + 0.0.Equals(-0.0) + " " + (0.0).GetHashCode() + " " + (-0.0).GetHashCode() + " " + 'a'.Equals((object)'a') + " " + "x".GetHashCode().Equals("x".GetHashCode()));
        Try("CompareTo wrong", () => 1.CompareTo("x"));
        Try("CompareTo double", () => 1.5.CompareTo(2));
        Console.WriteLine(int.MaxValue + " " + int.MinValue + " " + long.MaxValue + " " + short.MinValue + " " + byte.MaxValue + " " + sbyte.MinValue + " " + ushort.MaxValue + " " + uint.MaxValue + " " + ulong.MaxValue + " " + char.MaxValue.GetHashCode());
        Console.WriteLine(double.MaxValue + " " + double.MinValue + " " + double.Epsilon + " " + float.MaxValue + " " + float.Epsilon + " " + double.IsNaN(0.0 / 0.0) + " " + double.IsInfinity(1 / 0.0) + " " + float.IsNegativeInfinity(-1f / 0f));
        Console.WriteLine(bool.Parse(" true ") + " " + bool.Parse("FALSE") + " " + bool.TrueString + bool.FalseString);
        Try("bool parse", () => bool.Parse("yes"));
        bool b;
        Console.WriteLine(bool.TryParse("True", out b) + " " + b + " " + bool.TryParse("x", out b) + " " + b);
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(0x12345678)) + " " + BitConverter.ToInt32(new byte[] { 1, 2, 3, 4 }, 0) + " " + BitConverter.DoubleToInt64Bits(1.0).ToString("X") + " " + BitConverter.Int64BitsToDouble(0x4000000000000000) + " " + BitConverter.IsLittleEndian + " " + BitConverter.ToString(BitConverter.GetBytes(2.5)));
        Console.WriteLine(Environment.NewLine == "\n");
        Console.WriteLine(CultureInfo.InvariantCulture.Name + "|" + CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator + "|" + NumberFormatInfo.InvariantInfo.NegativeSign + "|" + 1234.5.ToString("N1", CultureInfo.InvariantCulture));
        NumberFormatInfo custom = new NumberFormatInfo();
        custom.NumberDecimalSeparator = ",";
        custom.NumberGroupSeparator = ".";
        Console.WriteLine(1234567.891.ToString("N2", custom) + " " + 3.5.ToString(custom) + " " + double.Parse("2,5", custom));
        Try("read-only", () => { NumberFormatInfo.InvariantInfo.NegativeSign = "~"; return 0; });
        Nullable<int> n = 5;
        int? none = null;
        Console.WriteLine(n + " " + none + " " + (n.HasValue ? n.Value : -1) + " " + none.GetValueOrDefault(9));
    }

    static int Main()
    {
        Writes();
        Exceptions();
        Primitives();
        Console.Out.Flush();
        Environment.Exit(7);
        return 0;
    }
}
