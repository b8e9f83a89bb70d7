// korlib: the elementary functions behind System.Math. Mono calls the C library (glibc),
// whose exp, log, pow, sin, cos, tan, asin, acos, atan and atan2 are correctly rounded or
// within a hair of it; here these are evaluated in double-double arithmetic
// (DoubleDouble.cs) and rounded once, which gives the correctly rounded double. The
// functions glibc computes with fdlibm's formulas (log10 here; expm1, log1p and the
// hyperbolic functions in Libm.Hyperbolic.cs) use the same formulas on top of these.
// This file: helpers, exp, log, log10, pow, cbrt. Trigonometry: Libm.Trig.cs and
// Libm.InverseTrig.cs.

namespace System
{
    internal static partial class Libm
    {
        internal static double Bits(long bits) { return BitConverter.Int64BitsToDouble(bits); }

        private static DoubleDouble Ln2 { get { return new DoubleDouble(Bits(0x3FE62E42FEFA39EF), Bits(0x3C7ABC9E3B39803F)); } }
        private static double InvLn2 { get { return Bits(0x3FF71547652B82FE); } }
        private static double Sqrt2 { get { return Bits(0x3FF6A09E667F3BCD); } }
        /// <summary>The largest x with a finite exp(x).</summary>
        private static double ExpOverflow { get { return Bits(0x40862E42FEFA39EF); } }

        private static int HighWord(double x) { return (int)(BitConverter.DoubleToInt64Bits(x) >> 32); }
        private static uint LowWord(double x) { return (uint)BitConverter.DoubleToInt64Bits(x); }

        private static double WithHighWord(double x, int high)
        {
            return Bits(((long)high << 32) | LowWord(x));
        }

        /// <summary>2^n for -1022 <= n <= 1023.</summary>
        internal static double PowerOfTwo(int n) { return Bits((long)(n + 1023) << 52); }

        /// <summary>v · 2^k rounded once to the nearest double (v positive, about 1), subnormal results included.</summary>
        private static double ScaleRound(DoubleDouble v, int k)
        {
            int e = ((HighWord(v.Hi) >> 20) & 0x7FF) - 1023;
            if (k + e >= -1022)
            {
                double y = v.Value;
                // Two steps keep each factor a normal power of two.
                if (k > 1000) return y * PowerOfTwo(1000) * PowerOfTwo(k - 1000);
                if (k < -1000) return y * PowerOfTwo(-1000) * PowerOfTwo(k + 1000);
                return y * PowerOfTwo(k);
            }
            if (k + e < -1076) return 0;
            // Subnormal: round v · 2^(k+1074) to an integer n (exact scaling), then n · 2^-1074.
            DoubleDouble m = v.Scale(k + 1074);
            double n = Math.Round(m.Hi);
            if (Math.Abs(n - m.Hi) == 0.5 && m.Lo != 0) n = m.Lo > 0 ? Math.Ceiling(m.Hi) : Math.Floor(m.Hi);
            return n * PowerOfTwo(-1022) * PowerOfTwo(-52);
        }

        // ---- exp ------------------------------------------------------------------------------

        /// <summary>e^r - 1 for |r| below about 0.36: Taylor series of r/1024, then ten squarings of 1 + u.</summary>
        private static DoubleDouble ExpMinusOneCore(DoubleDouble r)
        {
            DoubleDouble s = r.Scale(-10);
            DoubleDouble term = s;
            DoubleDouble u = s;
            for (int n = 2; n <= 9; n++)
            {
                term = term * s / n;
                u = u + term;
            }
            // (1 + u)^2 = 1 + (2u + u^2)
            for (int i = 0; i < 10; i++) u = u * 2 + u * u;
            return u;
        }

        /// <summary>e^p for a double-double p: p = k·ln2 + r, e^p = 2^k · e^r.</summary>
        private static double ExpOf(DoubleDouble p)
        {
            if (p.Hi > ExpOverflow + 1) return double.PositiveInfinity;
            if (p.Hi < -746) return 0;
            int k = (int)Math.Round(p.Hi * InvLn2);
            DoubleDouble r = p - DoubleDouble.TwoProduct(k, Ln2.Hi) - DoubleDouble.TwoProduct(k, Ln2.Lo);
            return ScaleRound(ExpMinusOneCore(r) + 1, k);
        }

        public static double Exp(double x)
        {
            if (double.IsNaN(x)) return x;
            if (x > ExpOverflow) return double.PositiveInfinity;
            if (x < -746) return 0;
            if (Math.Abs(x) < PowerOfTwo(-54)) return 1;
            return ExpOf(new DoubleDouble(x));
        }

        // ---- log ------------------------------------------------------------------------------

        /// <summary>ln m for m in [√½, √2]: 2·atanh(s) with s = (m-1)/(m+1), as a series in double-double.</summary>
        private static DoubleDouble LogCore(double m)
        {
            DoubleDouble s = new DoubleDouble(m - 1) / DoubleDouble.TwoSum(m, 1);
            DoubleDouble s2 = s * s;
            DoubleDouble term = s;
            DoubleDouble sum = s;
            for (int n = 1; n <= 22; n++)
            {
                term = term * s2;
                sum = sum + term / (2 * n + 1);
            }
            return sum * 2;
        }

        /// <summary>ln x for finite x > 0, as a double-double.</summary>
        private static DoubleDouble LogOf(double x)
        {
            int k = 0;
            if (x < PowerOfTwo(-1022))
            {
                x *= PowerOfTwo(54);
                k = -54;
            }
            int high = HighWord(x);
            k += ((high >> 20) & 0x7FF) - 1023;
            double m = WithHighWord(x, (high & 0x000FFFFF) | 0x3FF00000);
            if (m > Sqrt2)
            {
                m *= 0.5;
                k++;
            }
            DoubleDouble l = LogCore(m);
            if (k == 0) return l;
            return DoubleDouble.TwoProduct(k, Ln2.Hi) + (DoubleDouble.TwoProduct(k, Ln2.Lo) + l);
        }

        public static double Log(double x)
        {
            if (double.IsNaN(x)) return x;
            if (x < 0) return double.NaN;
            if (x == 0) return double.NegativeInfinity;
            if (double.IsPositiveInfinity(x)) return x;
            return LogOf(x).Value;
        }

        /// <summary>fdlibm's log10 (as glibc computes it): n·log10(2) + log(x')/ln(10), x = x'·2^n.</summary>
        public static double Log10(double x)
        {
            double two54 = PowerOfTwo(54);
            double ivln10 = Bits(0x3FDBCB7B1526E50E);
            double log10_2hi = Bits(0x3FD34413509F6000);
            double log10_2lo = Bits(0x3D59FEF311F12B36);
            int hx = HighWord(x);
            uint lx = LowWord(x);
            int k = 0;
            if (hx < 0x00100000)
            {
                if (((hx & 0x7FFFFFFF) | (int)lx) == 0) return double.NegativeInfinity;
                if (hx < 0) return double.NaN;
                k -= 54;
                x *= two54;
                hx = HighWord(x);
            }
            if (hx >= 0x7FF00000) return x + x;
            k += (hx >> 20) - 1023;
            int i = (int)(((uint)k & 0x80000000) >> 31);
            hx = (hx & 0x000FFFFF) | ((0x3FF - i) << 20);
            double y = k + i;
            x = WithHighWord(x, hx);
            double z = y * log10_2lo + ivln10 * Log(x);
            return z + y * log10_2hi;
        }

        // ---- pow ------------------------------------------------------------------------------

        /// <summary>Is y an odd integer?</summary>
        private static bool IsOddInteger(double y)
        {
            if (Math.Abs(y) >= PowerOfTwo(53) || Math.Truncate(y) != y) return false;
            return Math.Truncate(y * 0.5) * 2 != y;
        }

        /// <summary>x^y with C99's special cases (pow(1, NaN) = 1, pow(-1, ±inf) = 1, pow(x, ±0) = 1, ...).</summary>
        public static double Pow(double x, double y)
        {
            if (y == 0 || x == 1) return 1;
            if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
            bool yOdd = IsOddInteger(y);
            if (x == 0)
            {
                if (y < 0) return yOdd ? 1 / x : double.PositiveInfinity;
                return yOdd ? x : 0;
            }
            if (double.IsInfinity(y))
            {
                double ax = Math.Abs(x);
                if (ax == 1) return 1;
                return (ax < 1) == (y < 0) ? double.PositiveInfinity : 0;
            }
            if (double.IsInfinity(x))
            {
                if (x < 0)
                {
                    if (y < 0) return yOdd ? -0.0 : 0;
                    return yOdd ? double.NegativeInfinity : double.PositiveInfinity;
                }
                return y < 0 ? 0 : double.PositiveInfinity;
            }
            double sign = 1;
            if (x < 0)
            {
                if (Math.Truncate(y) != y) return double.NaN;
                if (yOdd) sign = -1;
                x = -x;
                if (x == 1) return sign;
            }
            if (y == 1) return sign * x;
            DoubleDouble l = LogOf(x);
            // Far out of range the product could overflow in the double-double multiplication.
            double estimate = l.Hi * y;
            if (estimate > ExpOverflow + 1) return sign * double.PositiveInfinity;
            if (estimate < -746) return sign * 0.0;
            return sign * ExpOf(l * y);
        }

        // ---- cbrt ------------------------------------------------------------------------------

        /// <summary>The real cube root, correctly rounded (Newton steps, the last in double-double).</summary>
        public static double Cbrt(double x)
        {
            if (x == 0 || double.IsNaN(x) || double.IsInfinity(x)) return x;
            double a = Math.Abs(x);
            int scale = 0;
            if (a < PowerOfTwo(-1000))
            {
                a *= PowerOfTwo(108);
                scale = -36;
            }
            else if (a > PowerOfTwo(1000))
            {
                a *= PowerOfTwo(-108);
                scale = 36;
            }
            // Initial guess from the exponent, then Newton in double.
            int e = ((HighWord(a) >> 20) & 0x7FF) - 1023;
            int third = e >= 0 ? e / 3 : -((-e + 2) / 3);
            double y = PowerOfTwo(third) * 1.26;
            for (int i = 0; i < 8; i++) y -= (y * y * y - a) / (3 * y * y);
            DoubleDouble cube = DoubleDouble.TwoProduct(y, y) * y;
            DoubleDouble residual = cube - a;
            DoubleDouble root = new DoubleDouble(y) - residual / (3 * y * y);
            double result = root.Value * PowerOfTwo(scale);
            return x < 0 ? -result : result;
        }
    }
}
