// Host-side check of korlib's number formatting and parsing (kernel/korlib/System/Number*.cs,
// compiled unchanged with this file by plain mcs against Mono's corlib): over a large
// seeded sample of doubles, floats and integers, every standard and many custom format
// strings, and number texts to parse, korlib's result must equal Mono's own. Prints one
// summary line "checked N mismatches M" and the first mismatches; exits 1 on a mismatch.
// Arguments (optional): <seed> <count>; by default two fixed seeds.

using System;
using System.Globalization;

static class NumberCheck
{
    static ulong state;
    static long checkedCount;
    static long mismatches;
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    static ulong Next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }

    static int NextInt(int n) { return (int)(Next() % (ulong)n); }

    static void Same(string what, string expected, string actual)
    {
        checkedCount++;
        if (expected == actual) return;
        mismatches++;
        if (mismatches <= 20) Console.WriteLine("MISMATCH " + what + ": mono [" + expected + "] korlib [" + actual + "]");
    }

    static string Run(Func<string> f)
    {
        try { return f(); }
        catch (Exception e) { return e.GetType().Name + ": " + e.Message; }
    }

    static readonly string[] DoubleFormats = {
        null, "", "R", "r", "G", "g", "G1", "G2", "G5", "G7", "G10", "G14", "G15", "G16", "G17", "G20", "g3",
        "F", "F0", "F1", "F2", "F3", "F5", "F10", "F15", "F20", "F99", "f4",
        "E", "E0", "E1", "E3", "E6", "E10", "E14", "E15", "E16", "E20", "e2",
        "N", "N0", "N1", "N3", "n2", "P", "P0", "P2", "p1", "C", "C0", "C3", "c",
        "0", "0.0", "0.00", "#.##", "#,##0.00", "#,#", "0.###E+000", "0.0e-0", "00.00%", "#‰", "0;(0);zero",
        "'x'0.0'y'", "\\#0", "#,##0,", "0,,.0", "000.000", "#", ".##", "0.0#;-0.0#", "E+0", "##E-00", "0.00E0",
        "D", "X", "Q", "F100", "G100", "0.#####################",
    };

    static readonly string[] IntFormats = {
        null, "", "G", "G0", "G1", "G3", "G10", "G20", "D", "D0", "D1", "D5", "D12", "D25", "d3", "X", "X1", "X4", "X8", "X16", "x", "x10",
        "N", "N0", "N2", "n1", "F", "F0", "F3", "E", "E0", "E3", "e10", "P", "P1", "C", "C0",
        "0", "0.00", "#,##0", "#,#", "000000", "0.##E+00", "#,##0,", "0;(0);zero", "'n='#", "%#", "R", "Q", "F100",
    };

    static double RandomDouble()
    {
        switch (NextInt(8))
        {
            case 0: return BitConverter.Int64BitsToDouble((long)Next());
            case 1: return (double)(long)Next() / Math.Pow(10, NextInt(30));
            case 2: return (NextInt(2000000) - 1000000) / Math.Pow(10, NextInt(12));
            case 3: return Math.Pow(10, NextInt(600) - 300) * (1 + NextInt(9)) * (NextInt(2) == 0 ? 1 : -1);
            case 4:
                {
                    // Near a tie: digits ending in 5 at a random position.
                    long m = (long)(Next() % 100000000000000000UL);
                    m = m - m % 10 + 5;
                    return m / Math.Pow(10, NextInt(40) - 10);
                }
            case 5: return BitConverter.Int64BitsToDouble((long)(Next() & 0x000FFFFFFFFFFFFF));
            case 6: return (double)NextInt(100000) / (1 + NextInt(1000));
            default: return (double)(long)Next();
        }
    }

    static void CheckDoubles(int count)
    {
        for (int i = 0; i < count; i++)
        {
            double d = RandomDouble();
            if (i < 12) d = new[] { 0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon, 1e-5, 1e15, 0.1 + 0.2, 1.0 / 3 }[i];
            string fmt = DoubleFormats[i % DoubleFormats.Length];
            string f2 = DoubleFormats[NextInt(DoubleFormats.Length)];
            Same("double " + d.ToString("R", Inv) + " " + fmt, Run(() => d.ToString(fmt, Inv)), Run(() => System.Number.FormatDouble(d, fmt, Inv)));
            Same("double " + d.ToString("R", Inv) + " " + f2, Run(() => d.ToString(f2, Inv)), Run(() => System.Number.FormatDouble(d, f2, Inv)));
            float f = (float)d;
            if (NextInt(3) == 0) f = BitConverter.ToSingle(BitConverter.GetBytes((uint)Next()), 0);
            Same("float " + f.ToString("R", Inv) + " " + fmt, Run(() => f.ToString(fmt, Inv)), Run(() => System.Number.FormatSingle(f, fmt, Inv)));
        }
    }

    static void CheckIntegers(int count)
    {
        for (int i = 0; i < count; i++)
        {
            ulong bits = Next() >> NextInt(64);
            string fmt = IntFormats[i % IntFormats.Length];
            int v32 = (int)bits;
            if (i % 7 == 0) v32 = -v32;
            long v64 = (long)bits;
            if (i % 5 == 0) v64 = -v64;
            uint u32 = (uint)bits;
            Same("int " + v32 + " " + fmt, Run(() => v32.ToString(fmt, Inv)), Run(() => System.Number.FormatInt32(v32, fmt, Inv)));
            Same("long " + v64 + " " + fmt, Run(() => v64.ToString(fmt, Inv)), Run(() => System.Number.FormatInt64(v64, fmt, Inv)));
            Same("uint " + u32 + " " + fmt, Run(() => u32.ToString(fmt, Inv)), Run(() => System.Number.FormatUInt32(u32, fmt, Inv)));
            Same("ulong " + bits + " " + fmt, Run(() => bits.ToString(fmt, Inv)), Run(() => System.Number.FormatUInt64(bits, fmt, Inv)));
        }
        Same("int default", int.MinValue.ToString(), System.Number.FormatInt32(int.MinValue));
        Same("long default", long.MinValue.ToString(), System.Number.FormatInt64(long.MinValue));
        Same("ulong default", ulong.MaxValue.ToString(), System.Number.FormatUInt64(ulong.MaxValue));
    }

    static readonly string[] Pieces = { "0", "1", "2", "5", "9", "12", "007", "3.5", ".", ",", "-", "+", " ", "e", "E", "e-", "E+", "(", ")", "\u00A4", "x", "1e400", "1e-400", "Infinity", "NaN", "-Infinity", "\0", "\t", "99999999999", "4294967296", "9223372036854775808" };

    static string RandomText()
    {
        int n = 1 + NextInt(5);
        string s = "";
        for (int k = 0; k < n; k++) s += Pieces[NextInt(Pieces.Length)];
        return s;
    }

    static readonly NumberStyles[] Styles = {
        NumberStyles.Integer, NumberStyles.Float | NumberStyles.AllowThousands, NumberStyles.Number, NumberStyles.Any, NumberStyles.HexNumber,
        NumberStyles.Currency, NumberStyles.None, NumberStyles.AllowParentheses | NumberStyles.AllowTrailingSign, NumberStyles.Float,
    };

    static string Status(System.Number.ParseStatus s) { return s.ToString(); }

    static string MonoStatus(Action parse)
    {
        try { parse(); return "OK"; }
        catch (FormatException) { return "Format"; }
        catch (OverflowException) { return "Overflow"; }
    }

    static void CheckParsing(int count)
    {
        NumberFormatInfo info = NumberFormatInfo.InvariantInfo;
        for (int i = 0; i < count; i++)
        {
            string s;
            switch (NextInt(4))
            {
                case 0: s = RandomDouble().ToString(new[] { "R", "G17", "E20", "F5", "N3", "G" }[NextInt(6)], Inv); break;
                case 1:
                    {
                        string digits = Next().ToString(Inv);
                        s = digits.Substring(0, 1 + NextInt(digits.Length)) + "." + Next().ToString(Inv) + "e" + (NextInt(700) - 350);
                        break;
                    }
                default: s = RandomText(); break;
            }
            NumberStyles style = Styles[NextInt(Styles.Length)];
            bool hex = (style & NumberStyles.AllowHexSpecifier) != 0;
            if (!hex)
            {
                double mine;
                System.Number.ParseStatus status = System.Number.TryParseDouble(s, style, info, out mine);
                double theirs = 0;
                string monoStatus = MonoStatus(() => theirs = double.Parse(s, style, Inv));
                Same("double.Parse \"" + s + "\" " + style, monoStatus + " " + BitConverter.DoubleToInt64Bits(theirs), Status(status) + " " + BitConverter.DoubleToInt64Bits(status == System.Number.ParseStatus.OK ? mine : 0));
            }
            long l;
            System.Number.ParseStatus ls = System.Number.TryParseSigned(s, style, info, int.MinValue, int.MaxValue, 32, out l);
            int theirInt = 0;
            string intStatus = MonoStatus(() => theirInt = int.Parse(s, style, Inv));
            Same("int.Parse \"" + s + "\" " + style, intStatus + " " + theirInt, Status(ls) + " " + (ls == System.Number.ParseStatus.OK ? l : 0));
            ulong ul;
            System.Number.ParseStatus us = System.Number.TryParseUnsigned(s, style, info, ulong.MaxValue, 64, out ul);
            ulong theirULong = 0;
            string ulongStatus = MonoStatus(() => theirULong = ulong.Parse(s, style, Inv));
            Same("ulong.Parse \"" + s + "\" " + style, ulongStatus + " " + theirULong, Status(us) + " " + (us == System.Number.ParseStatus.OK ? ul : 0));
        }
    }

    static int Main(string[] args)
    {
        ulong[] seeds = args.Length > 0 ? new[] { ulong.Parse(args[0]) } : new ulong[] { 0x9E3779B97F4A7C15, 20240601 };
        int count = args.Length > 1 ? int.Parse(args[1]) : 150000;
        foreach (ulong seed in seeds)
        {
            state = seed | 1;
            CheckDoubles(count);
            CheckIntegers(count / 4);
            CheckParsing(count / 2);
        }
        Console.WriteLine("checked " + checkedCount + " mismatches " + mismatches);
        return mismatches == 0 ? 0 : 1;
    }
}
