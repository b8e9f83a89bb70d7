// StringBuilder: Append of every primitive, object, char, string, substring and char[],
// AppendLine, AppendFormat, Insert, Remove, Replace, Clear, Length and Capacity (which
// grow as .NET's chunked builder grows them), the indexer, ToString, and the errors.
using System;
using System.Text;

static class StringBuilders
{
    static void Try(string label, Func<object> f)
    {
        try { Console.WriteLine(label + " = [" + f() + "]"); }
        catch (Exception e) { Console.WriteLine(label + " ! " + e.GetType().Name + ": " + e.Message); }
    }

    static string State(StringBuilder sb) { return sb.Length + "/" + sb.Capacity + " [" + sb.ToString() + "]"; }

    static int Main()
    {
        StringBuilder sb = new StringBuilder();
        Console.WriteLine(State(sb));
        sb.Append(true).Append(' ').Append((byte)200).Append((sbyte)-5).Append((short)-300).Append((ushort)65000);
        sb.Append(-42).Append(42u).Append(-1234567890123L).Append(ulong.MaxValue).Append(1.5f).Append(0.1 + 0.2);
        sb.Append('c').Append("str").Append((object)null).Append(new object()).Append(new[] { 'x', 'y' }).Append("abcdef", 2, 3).Append(new[] { 'p', 'q', 'r' }, 1, 2).Append('-', 5);
        Console.WriteLine(State(sb));
        sb.AppendLine().AppendLine("line").AppendFormat("{0:X}-{1,4}-{2:F1}", 255, "ab", 2.25);
        Console.WriteLine(State(sb));

        StringBuilder grow = new StringBuilder();
        for (int i = 0; i < 40; i++)
        {
            grow.Append("0123456789");
            Console.Write(grow.Capacity + " ");
        }
        Console.WriteLine();
        grow.Length = 15;
        Console.WriteLine(State(grow));
        grow.Length = 20;
        Console.WriteLine(grow.Length + " " + grow.Capacity + " " + (int)grow[17]);
        grow.Clear();
        Console.WriteLine(State(grow));
        grow.Capacity = 10;
        Console.WriteLine(State(grow));
        Console.WriteLine(grow.EnsureCapacity(100) + " " + new StringBuilder(5).Capacity + " " + new StringBuilder("abc").Capacity + " " + new StringBuilder("abc", 50).Capacity + " " + new StringBuilder(0).Capacity);

        StringBuilder edit = new StringBuilder("Hello World");
        edit.Insert(5, ",").Insert(0, '>').Insert(edit.Length, 3.5).Insert(1, "ab", 3);
        Console.WriteLine(State(edit));
        edit.Remove(1, 6);
        Console.WriteLine(State(edit));
        edit.Replace("o", "0").Replace('l', 'L').Replace("World", "There");
        Console.WriteLine(State(edit));
        edit[0] = '<';
        Console.WriteLine(State(edit) + " " + edit[2] + " " + edit.ToString(2, 4));

        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 30; i++) big.Append("chunk").Append(i).Append(';');
        for (int i = 0; i < 10; i++)
        {
            big.Insert(i * 17 % big.Length, "INS" + i);
            Console.Write(big.Length + "/" + big.Capacity + " ");
        }
        Console.WriteLine();
        big.Replace("chunk", "c").Replace(";", ";;");
        Console.WriteLine(State(big));
        big.Remove(10, 100).Remove(0, 5);
        Console.WriteLine(State(big));
        big.Replace("c1", "XYZ", 0, 40);
        Console.WriteLine(State(big));

        Try("index", () => new StringBuilder("ab")[5]);
        Try("set index", () => { StringBuilder b = new StringBuilder("ab"); b[5] = 'x'; return b; });
        Try("remove", () => new StringBuilder("abc").Remove(2, 5));
        Try("insert", () => new StringBuilder("abc").Insert(9, "x"));
        Try("append", () => new StringBuilder().Append("abc", 2, 5));
        Try("capacity", () => { StringBuilder b = new StringBuilder("abcdef"); b.Capacity = 2; return b; });
        Try("length", () => { StringBuilder b = new StringBuilder(); b.Length = -1; return b; });
        Try("replace", () => new StringBuilder("abc").Replace("", "x"));
        Try("format", () => new StringBuilder().AppendFormat("{1}", 1));
        Try("tostring", () => new StringBuilder("abc").ToString(1, 5));
        Try("equals", () => new StringBuilder("x").Equals(new StringBuilder("x")) + " " + new StringBuilder("x").Equals(new StringBuilder("y")));
        return 0;
    }
}
