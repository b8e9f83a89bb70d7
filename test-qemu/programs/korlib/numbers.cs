// Number formatting and parsing: thousands of doubles, floats and integers through
// ToString() and standard and custom format strings, composite formatting, and
// Parse/TryParse of generated texts. The values come from a fixed xorshift sequence, so
// the program prints the same under mono and under sharpaot.
using System;
using System.Globalization;

static class Numbers
{
    static ulong state = 0x2545F4914F6CDD1D;

    static ulong Next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }

    static int NextInt(int n) { return (int)(Next() % (ulong)n); }

    static double Pow10(int n)
    {
        double r = 1;
        for (int i = 0; i < (n < 0 ? -n : n); i++) r *= 10;
        return n < 0 ? 1 / r : r;
    }

    static double RandomDouble()
    {
        switch (NextInt(6))
        {
            case 0: return BitConverter.Int64BitsToDouble((long)Next());
            case 1: return (double)(long)Next() / Pow10(NextInt(25));
            case 2: return (NextInt(2000000) - 1000000) / Pow10(NextInt(10));
            case 3: return Pow10(NextInt(600) - 300) * (1 + NextInt(9));
            case 4: return BitConverter.Int64BitsToDouble((long)(Next() & 0x000FFFFFFFFFFFFF));
            default: return (double)NextInt(100000) / (1 + NextInt(1000));
        }
    }

    static readonly string[] DoubleFormats = { "R", "G", "G3", "G17", "F2", "F0", "E", "E3", "N2", "P1", "C", "0.00", "#,##0.###", "0.###E+00" };
    static readonly string[] IntFormats = { "D", "D8", "X", "x8", "N0", "G3", "E2", "F1", "P0", "C2", "0000", "#,##0", "00.00" };

    static string Safe(Func<string> f)
    {
        try { return f(); }
        catch (Exception e) { return e.GetType().Name + ": " + e.Message; }
    }

    static void Doubles()
    {
        double[] special = { 0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon, 1e-5, 1e15, 1e16, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 123456789012345678.0, 0.5, 1.5, 2.5, -2.5, 1e20, 1e-20, 100, 1234.5678 };
        foreach (double d in special)
        {
            Console.Write(d);
            Console.Write(" | ");
            Console.WriteLine(d.ToString("R") + " " + d.ToString("F3") + " " + d.ToString("E2") + " " + d.ToString("N") + " " + d.ToString("0.00"));
        }
        for (int i = 0; i < 1500; i++)
        {
            double d = RandomDouble();
            Console.Write(i);
            Console.Write(": ");
            Console.Write(d);
            Console.Write(' ');
            Console.Write((float)d);
            Console.Write(' ');
            Console.WriteLine(Safe(() => d.ToString(DoubleFormats[i % DoubleFormats.Length], CultureInfo.InvariantCulture)));
        }
    }

    static void Integers()
    {
        Console.WriteLine(int.MinValue + " " + int.MaxValue + " " + long.MinValue + " " + long.MaxValue + " " + ulong.MaxValue + " " + uint.MaxValue);
        Console.WriteLine(((sbyte)-5).ToString("X") + " " + ((short)-2).ToString("x") + " " + ((byte)200).ToString("X4") + " " + ((ushort)65535).ToString("N0"));
        for (int i = 0; i < 600; i++)
        {
            ulong bits = Next() >> NextInt(64);
            string f = IntFormats[i % IntFormats.Length];
            int v = (int)bits;
            if (i % 3 == 0) v = -v;
            long l = (long)bits;
            if (i % 4 == 0) l = -l;
            Console.WriteLine(f + ": " + v.ToString(f) + " " + l.ToString(f) + " " + bits.ToString(f) + " " + ((uint)bits).ToString(f) + " " + ((short)bits).ToString(f) + " " + ((byte)bits).ToString(f));
        }
    }

    static void Composite()
    {
        Console.WriteLine("{0,8}|{1,-8}|{2:F2}|{3:X4}|{{literal}}|{4}", 42, "left", Math.PI, 255, null);
        Console.WriteLine(string.Format("{0:0.0%} {1:E1} {2,10:N3} {3,-10:G2}|", 0.256, 123456.0, -9876.54321, 0.000123));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} {3}", 1.5f, 2.25, 'c', true));
        Console.WriteLine(Safe(() => string.Format("{0} {1}", 1)));
        Console.WriteLine(Safe(() => string.Format("{0", 1)));
        Console.WriteLine(Safe(() => string.Format("}", 1)));
        Console.WriteLine(Safe(() => 1.5.ToString("Q")));
        Console.WriteLine(Safe(() => 15.ToString("R")));
    }

    static readonly string[] Pieces = { "0", "1", "7", "42", "3.25", ".", ",", "-", "+", " ", "e", "E-", "(", ")", "x", "1e400", "Infinity", "NaN", "99999999999", "2147483648" };

    static void Parsing()
    {
        for (int i = 0; i < 400; i++)
        {
            string s;
            if (i % 3 == 0)
            {
                s = RandomDouble().ToString(i % 2 == 0 ? "R" : "E10", CultureInfo.InvariantCulture);
            }
            else
            {
                s = "";
                int n = 1 + NextInt(4);
                for (int k = 0; k < n; k++) s += Pieces[NextInt(Pieces.Length)];
            }
            int iv;
            double dv;
            long lv;
            Console.WriteLine("\"" + s + "\": " + int.TryParse(s, out iv) + " " + iv + " " + double.TryParse(s, out dv) + " " + dv.ToString("R") + " " + long.TryParse(s, NumberStyles.Any, null, out lv) + " " + lv
                + " " + Safe(() => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture).ToString()) + " " + Safe(() => uint.Parse(s).ToString()) + " " + Safe(() => short.Parse(s, NumberStyles.Number).ToString()));
        }
        Console.WriteLine(Safe(() => int.Parse(null).ToString()));
        Console.WriteLine(Safe(() => int.Parse("FF", NumberStyles.HexNumber).ToString()));
        Console.WriteLine(Safe(() => byte.Parse("1FF", NumberStyles.HexNumber).ToString()));
        Console.WriteLine(Safe(() => float.Parse("1e39").ToString()));
    }

    static int Main()
    {
        Doubles();
        Integers();
        Composite();
        Parsing();
        return 0;
    }
}
