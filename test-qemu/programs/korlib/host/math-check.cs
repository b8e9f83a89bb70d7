// Host-side check of korlib's elementary functions (kernel/korlib/System/Libm*.cs and
// DoubleDouble.cs, compiled unchanged with this file by plain mcs against Mono's corlib):
// over a large seeded sample per function, korlib's result is compared with Mono's Math.*
// bit for bit and as printed by ToString (15 significant digits). Math.Sin and Math.Cos
// are called directly, where Mono's JIT emits x87 fsin/fcos; the others reach glibc. Output: per
// function "name: n checked, b bits differ, p prints differ", and for every printed
// difference a line "MISMATCH name x y mono korlib" (bit patterns in hexadecimal, y = 0
// for functions of one argument) for an independent judge of which result is closer.
// Argument (optional): the sample size per function.

using System;

static class MathCheck
{
    static ulong state = 0x1234567887654321;

    static ulong Next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }

    static double Uniform(double lo, double hi) { return lo + (hi - lo) * ((Next() >> 11) * (1.0 / 9007199254740992.0)); }

    /// <summary>Random doubles: uniform over [lo, hi], log-uniform magnitudes, small values, random bit patterns in range.</summary>
    static double Sample(double lo, double hi, int i)
    {
        switch (i % 4)
        {
            case 0: return Uniform(lo, hi);
            case 1:
                {
                    double m = Math.Max(Math.Abs(lo), Math.Abs(hi));
                    double v = Math.Exp(Uniform(-40, Math.Log(m)));
                    return (lo < 0 && (Next() & 1) != 0) ? -v : v;
                }
            case 2: return Uniform(lo, hi) * 1e-3;
            default:
                {
                    double v = BitConverter.Int64BitsToDouble((long)Next());
                    return (v >= lo && v <= hi) ? v : Uniform(lo, hi);
                }
        }
    }

    static string Hex(double d) { return BitConverter.DoubleToInt64Bits(d).ToString("X16"); }

    static void Compare(string name, double x, double y, double a, double b, ref long bits, ref long prints)
    {
        if (BitConverter.DoubleToInt64Bits(a) != BitConverter.DoubleToInt64Bits(b) && !(double.IsNaN(a) && double.IsNaN(b))) bits++;
        if (a.ToString() != b.ToString())
        {
            prints++;
            Console.WriteLine("MISMATCH " + name + " " + Hex(x) + " " + Hex(y) + " " + Hex(a) + " " + Hex(b));
        }
    }

    static void Check(string name, Func<double, double> mono, Func<double, double> mine, double lo, double hi, int count, double[] special)
    {
        long bits = 0, prints = 0;
        int n = count + special.Length;
        for (int i = 0; i < n; i++)
        {
            double x = i < special.Length ? special[i] : Sample(lo, hi, i);
            Compare(name, x, 0, mono(x), mine(x), ref bits, ref prints);
        }
        Console.WriteLine(name + ": " + n + " checked, " + bits + " bits differ, " + prints + " prints differ");
    }

    static void Check2(string name, Func<double, double, double> mono, Func<double, double, double> mine, double lo1, double hi1, double lo2, double hi2, int count, double[] special)
    {
        long bits = 0, prints = 0;
        int n = count + special.Length * special.Length;
        for (int i = 0; i < n; i++)
        {
            double x, y;
            if (i < special.Length * special.Length)
            {
                x = special[i / special.Length];
                y = special[i % special.Length];
            }
            else
            {
                x = Sample(lo1, hi1, i);
                y = Sample(lo2, hi2, i / 4);
            }
            Compare(name, x, y, mono(x, y), mine(x, y), ref bits, ref prints);
        }
        Console.WriteLine(name + ": " + n + " checked, " + bits + " bits differ, " + prints + " prints differ");
    }

    static int Main(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0]) : 25000;
        double inf = double.PositiveInfinity, nan = double.NaN;
        double[] sp = { 0.0, -0.0, 1, -1, 0.5, -0.5, 2, -2, 3, 10, 0.1, 1e-300, -1e-300, 1e300, -1e300, double.Epsilon, double.MaxValue, inf, -inf, nan, Math.PI, -Math.PI, Math.PI / 2, Math.PI / 4, 1e22, 710, -745, 709.78, -708, 1e-8, 22, 0.3465 };
        Check("Exp", Math.Exp, System.Libm.Exp, -750, 710, count, sp);
        Check("Log", Math.Log, System.Libm.Log, 0, 1e300, count, sp);
        Check("Log10", Math.Log10, System.Libm.Log10, 0, 1e300, count, sp);
        Check("Cbrt", Math.Cbrt, System.Libm.Cbrt, -1e300, 1e300, count, sp);
        Check("Sin", x => Math.Sin(x), System.Libm.Sin, -1e6, 1e6, count, sp);
        Check("Sin", x => Math.Sin(x), System.Libm.Sin, -1e300, 1e300, count / 4, sp);
        Check("Cos", x => Math.Cos(x), System.Libm.Cos, -1e6, 1e6, count, sp);
        Check("Cos", x => Math.Cos(x), System.Libm.Cos, -1e300, 1e300, count / 4, sp);
        Check("Tan", Math.Tan, System.Libm.Tan, -1e6, 1e6, count, sp);
        Check("Asin", Math.Asin, System.Libm.Asin, -1, 1, count, sp);
        Check("Acos", Math.Acos, System.Libm.Acos, -1, 1, count, sp);
        Check("Atan", Math.Atan, System.Libm.Atan, -1e10, 1e10, count, sp);
        Check("Sinh", Math.Sinh, System.Libm.Sinh, -720, 720, count, sp);
        Check("Cosh", Math.Cosh, System.Libm.Cosh, -720, 720, count, sp);
        Check("Tanh", Math.Tanh, System.Libm.Tanh, -30, 30, count, sp);
        Check("Asinh", Math.Asinh, System.Libm.Asinh, -1e300, 1e300, count, sp);
        Check("Acosh", Math.Acosh, System.Libm.Acosh, 1, 1e300, count, sp);
        Check("Atanh", Math.Atanh, System.Libm.Atanh, -1, 1, count, sp);
        Check2("Atan2", Math.Atan2, System.Libm.Atan2, -1e6, 1e6, -1e6, 1e6, count, sp);
        Check2("Pow", Math.Pow, System.Libm.Pow, 0, 100, -50, 50, count, sp);
        Check2("Pow", Math.Pow, System.Libm.Pow, -1e10, 1e10, -300, 300, count, sp);
        return 0;
    }
}
