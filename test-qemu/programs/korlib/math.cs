// System.Math and System.Random: Abs/Min/Max/Sign over every type (with the overflow and
// NaN errors), rounding (Floor, Ceiling, Truncate, banker's Round, Round with digits and
// MidpointRounding), the integer helpers, the elementary functions over a broad sample of
// arguments printed with ToString's 15 digits, and seeded Randoms. Arguments come from arrays and a
// fixed xorshift sequence: Mono folds Math.Round of a literal at JIT time differently from
// its run-time Math.Round, so no literal is passed to Math directly. Sin and Cos are called
// directly (in lambdas), as programs call them: Mono's JIT turns those calls into x87
// fsin/fcos, which korlib reproduces (a delegate bound to Math.Sin itself reaches glibc).
using System;

static class MathProgram
{
    static ulong state = 0x9E3779B97F4A7C15;

    static double Next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return (state >> 11) * (1.0 / 9007199254740992.0);
    }

    static double In(double lo, double hi) { return lo + (hi - lo) * Next(); }

    /// <summary>Log-uniform magnitude between 10^lo and 10^hi, random sign when signed.</summary>
    static double Magnitude(int lo, int hi, bool signed)
    {
        double v = Math.Pow(10, In(lo, hi));
        return signed && Next() < 0.5 ? -v : v;
    }

    static void Try(string label, Func<object> f)
    {
        try { Console.WriteLine(label + " = " + f()); }
        catch (Exception e) { Console.WriteLine(label + " ! " + e.GetType().Name + ": " + e.Message); }
    }

    static void Simple()
    {
        int[] ints = { 0, 1, -1, 7, -7, int.MaxValue, int.MinValue };
        foreach (int i in ints) Try("int " + i, () => Math.Abs(i == int.MinValue ? 0 : i) + " " + Math.Sign(i) + " " + Math.Max(i, 3) + " " + Math.Min(i, 3));
        Try("abs int min", () => Math.Abs(ints[6]));
        Try("abs long min", () => Math.Abs(long.MinValue + ints[0]));
        Try("abs short min", () => Math.Abs((short)(short.MinValue + ints[0])));
        Try("abs sbyte min", () => Math.Abs((sbyte)(sbyte.MinValue + ints[0])));
        Try("small", () => Math.Abs((short)-5) + " " + Math.Abs((sbyte)-5) + " " + Math.Abs(-5L) + " " + Math.Max((byte)3, (byte)9) + " " + Math.Min((ushort)3, (ushort)9) + " " + Math.Max(3u, 9u) + " " + Math.Min(3UL, 9UL) + " " + Math.Sign((sbyte)-3) + " " + Math.Sign(-3L));
        double[] ds = { 0.0, -0.0, 1.5, -1.5, 2.5, -2.5, 0.5, -0.5, 0.49999999999999994, 3.7, -3.7, 1e16, 4503599627370495.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, 123.456, -0.3 };
        foreach (double d in ds)
        {
            Console.WriteLine(d.ToString("R") + ": " + Math.Abs(d) + " " + 1 / Math.Abs(d) + " floor " + Math.Floor(d) + " ceil " + Math.Ceiling(d) + " " + 1 / Math.Ceiling(d) + " trunc " + Math.Truncate(d)
                + " round " + Math.Round(d) + " " + 1 / Math.Round(d) + " " + Math.Round(d, 1) + " " + Math.Round(d, MidpointRounding.AwayFromZero) + " " + Math.Round(d, 2, MidpointRounding.AwayFromZero)
                + " max " + Math.Max(d, 0.0) + " " + Math.Min(d, 0.0) + " " + 1 / Math.Max(d, -0.0));
            Try("sign " + d, () => Math.Sign(d));
        }
        double[] money = { 2.345, 2.355, 1.005, 0.125, 0.135, 10.5, 11.5, -0.125, 123.4567891234, 0.1 + 0.2 };
        foreach (double m in money) Console.WriteLine(m + ": " + Math.Round(m, 2) + " " + Math.Round(m, 2, MidpointRounding.AwayFromZero) + " " + Math.Round(m, 0) + " " + Math.Round(m, 5) + " " + Math.Round(m, 15));
        Try("round digits", () => Math.Round(ds[2], 16));
        Try("round mode", () => Math.Round(ds[2], 1, (MidpointRounding)7));
        float[] fs = { 1.5f, -2.5f, 3.25f, float.NaN };
        foreach (float f in fs) Console.WriteLine(f + ": " + Math.Abs(f) + " " + Math.Max(f, 0f) + " " + Math.Min(f, 0f));
        long rem;
        int irem;
        Console.WriteLine(Math.BigMul(ints[5], ints[5]) + " " + Math.DivRem(17, 5, out irem) + " " + irem + " " + Math.DivRem(-17L, 5L, out rem) + " " + rem + " " + Math.Clamp(15, 0, 10) + " " + Math.Clamp(-1.5, 0.0, 1.0));
        Try("clamp", () => Math.Clamp(1, 5, 2));
        Console.WriteLine(Math.PI + " " + Math.E + " " + Math.IEEERemainder(ds[3] * 7, 3) + " " + Math.IEEERemainder(11, 3) + " " + Math.IEEERemainder(10, 4) + " " + Math.Log(8, 2) + " " + Math.Log(100, 10) + " " + Math.Log(2, 1));
    }

    delegate double F1(double x);

    static void Sample(string name, F1 f, double lo, double hi, int count, bool logScale)
    {
        Console.Write(name + ":");
        for (int i = 0; i < count; i++)
        {
            double x = logScale ? Magnitude((int)lo, (int)hi, true) : In(lo, hi);
            Console.Write(" " + f(x));
        }
        Console.WriteLine();
    }

    static void Elementary()
    {
        double[] special = { 0, -0.0, 1, -1, 0.5, 2, 10, 1e-300, 1e300, double.NaN, double.PositiveInfinity, double.NegativeInfinity, Math.PI, Math.PI / 2, 710, -745, 1e22 };
        foreach (double x in special)
        {
            Console.WriteLine(x + ": " + Math.Sqrt(x) + " " + Math.Exp(x) + " " + Math.Log(x) + " " + Math.Log10(x) + " " + Math.Sin(x) + " " + Math.Cos(x) + " " + Math.Tan(x) + " " + Math.Atan(x)
                + " " + Math.Sinh(x) + " " + Math.Cosh(x) + " " + Math.Tanh(x) + " " + Math.Asinh(x) + " " + Math.Acosh(x) + " " + Math.Atanh(x) + " " + Math.Asin(x) + " " + Math.Acos(x));
            Console.WriteLine("  " + Math.Pow(x, 2) + " " + Math.Pow(2, x) + " " + Math.Pow(x, 0.5) + " " + Math.Pow(-x, 3) + " " + Math.Pow(x, -1) + " " + Math.Atan2(x, 1) + " " + Math.Atan2(1, x) + " " + Math.Atan2(-x, -1));
        }
        Sample("Sqrt", Math.Sqrt, -10, 10, 100, true);
        Sample("Exp", Math.Exp, -700, 700, 150, false);
        Sample("Exp small", Math.Exp, -2, 2, 100, false);
        Sample("Log", Math.Log, -300, 300, 150, true);
        Sample("Log near 1", x => Math.Log(1 + x), -0.5, 0.5, 100, false);
        Sample("Log10", Math.Log10, -300, 300, 150, true);
        Sample("Sin", x => Math.Sin(x), -10, 10, 150, false);
        Sample("Sin large", x => Math.Sin(x), 0, 20, 60, true);
        Sample("Cos", x => Math.Cos(x), -10, 10, 150, false);
        Sample("Tan", Math.Tan, -1.6, 1.6, 150, false);
        Sample("Asin", Math.Asin, -1, 1, 150, false);
        Sample("Acos", Math.Acos, -1, 1, 150, false);
        Sample("Atan", Math.Atan, -10, 10, 100, true);
        Sample("Sinh", Math.Sinh, -30, 30, 100, false);
        Sample("Cosh", Math.Cosh, -30, 30, 100, false);
        Sample("Tanh", Math.Tanh, -5, 5, 100, false);
        Sample("Asinh", Math.Asinh, -10, 10, 100, true);
        Sample("Acosh", x => Math.Acosh(1 + x), 0, 10, 100, false);
        Sample("Atanh", Math.Atanh, -1, 1, 100, false);
        Console.Write("Pow:");
        for (int i = 0; i < 150; i++) Console.Write(" " + Math.Pow(In(0, 20), In(-20, 20)));
        Console.WriteLine();
        Console.Write("Pow integers:");
        for (int i = 0; i < 60; i++) Console.Write(" " + Math.Pow(Math.Floor(In(-12, 12)), Math.Floor(In(-8, 12))));
        Console.WriteLine();
        Console.Write("Atan2:");
        for (int i = 0; i < 150; i++) Console.Write(" " + Math.Atan2(In(-5, 5), In(-5, 5)));
        Console.WriteLine();
    }

    static void Randoms()
    {
        foreach (int seed in new[] { 0, 42, -7, int.MinValue, 123456789 })
        {
            Random r = new Random(seed);
            Console.Write(seed + ":");
            for (int i = 0; i < 10; i++) Console.Write(" " + r.Next() + "," + r.Next(100) + "," + r.Next(-50, 50) + "," + r.NextDouble() + "," + r.Next(int.MinValue, int.MaxValue));
            byte[] bytes = new byte[8];
            r.NextBytes(bytes);
            Console.WriteLine(" " + BitConverter.ToString(bytes));
        }
        Try("Next negative", () => new Random(1).Next(-1));
        Try("Next range", () => new Random(1).Next(5, 1));
    }

    static int Main()
    {
        Simple();
        Elementary();
        Randoms();
        return 0;
    }
}
