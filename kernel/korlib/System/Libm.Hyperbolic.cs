// korlib: expm1, log1p and the hyperbolic functions with fdlibm's algorithms (Sun
// Microsystems, freely redistributable), which is what glibc computes them with; written
// here from those algorithms, on top of this library's exp and log, with glibc's order of
// evaluation where it differs from fdlibm's (the polynomials of expm1 and log1p, the
// scaling at the end of expm1), since a different order rounds differently. Constants are
// given by their bit patterns so that they are exactly fdlibm's.

namespace System
{
    internal static partial class Libm
    {
        private static double Ln2Hi { get { return Bits(0x3FE62E42FEE00000); } }
        private static double Ln2Lo { get { return Bits(0x3DEA39EF35793C76); } }

        /// <summary>e^x - 1, accurate near 0 (fdlibm s_expm1.c).</summary>
        public static double Expm1(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            uint hx = (uint)(bits >> 32) & 0x7FFFFFFF;
            bool negative = bits < 0;
            // Rational approximation coefficients (scaled by 2^n) of R1(r^2).
            double q1 = Bits(unchecked((long)0xBFA11111111110F4));
            double q2 = Bits(0x3F5A01A019FE5585);
            double q3 = Bits(unchecked((long)0xBF14CE199EAADBB7));
            double q4 = Bits(0x3ED0CFCA86E65239);
            double q5 = Bits(unchecked((long)0xBE8AFDB76E09C32D));

            if (hx >= 0x4043687A)
            {
                // |x| >= 56·ln2
                if (double.IsNaN(x)) return x;
                if (negative) return -1;
                if (x > ExpOverflow) return double.PositiveInfinity;
            }

            double hi, lo, c = 0;
            int k;
            if (hx > 0x3FD62E42)
            {
                // |x| > ln2/2: x = k·ln2 + r
                if (hx < 0x3FF0A2B2)
                {
                    if (!negative)
                    {
                        hi = x - Ln2Hi;
                        lo = Ln2Lo;
                        k = 1;
                    }
                    else
                    {
                        hi = x + Ln2Hi;
                        lo = -Ln2Lo;
                        k = -1;
                    }
                }
                else
                {
                    k = (int)(InvLn2 * x + (negative ? -0.5 : 0.5));
                    double t = k;
                    hi = x - t * Ln2Hi;
                    lo = t * Ln2Lo;
                }
                x = hi - lo;
                c = (hi - x) - lo;
            }
            else if (hx < 0x3C900000)
            {
                return x;
            }
            else
            {
                k = 0;
            }

            double hfx = 0.5 * x;
            double hxs = x * hfx;
            // 1 + q1·h + q2·h² + ... + q5·h^5, evaluated in pairs (h = hxs).
            double h2 = hxs * hxs;
            double h4 = h2 * h2;
            double r1 = (1.0 + hxs * q1) + h2 * (q2 + hxs * q3) + h4 * (q4 + hxs * q5);
            double tt = 3.0 - r1 * hfx;
            double e = hxs * ((r1 - tt) / (6.0 - x * tt));
            if (k == 0) return x - (x * e - hxs);
            e = x * (e - c) - c;
            e -= hxs;
            if (k == -1) return 0.5 * (x - e) - 0.5;
            if (k == 1)
            {
                if (x < -0.25) return -2.0 * (e - (x + 0.5));
                return 1.0 + 2.0 * (x - e);
            }
            // 2^k · (1 + r - e) - 1, arranged by the size of k; scaling by 2^k adds k to the exponent.
            if (k <= -2 || k > 56) return AddToExponent(1.0 - (e - x), k) - 1.0;
            if (k < 20) return AddToExponent((1 - PowerOfTwo(-k)) - (e - x), k);
            return AddToExponent((x - (e + PowerOfTwo(-k))) + 1.0, k);
        }

        /// <summary>ln(1 + x), accurate near 0 (fdlibm s_log1p.c).</summary>
        public static double Log1p(double x)
        {
            double lp1 = Bits(0x3FE5555555555593);
            double lp2 = Bits(0x3FD999999997FA04);
            double lp3 = Bits(0x3FD2492494229359);
            double lp4 = Bits(0x3FCC71C51D8E78AF);
            double lp5 = Bits(0x3FC7466496CB03DE);
            double lp6 = Bits(0x3FC39A09D078C69F);
            double lp7 = Bits(0x3FC2F112DF3E5244);

            int hx = HighWord(x);
            int ax = hx & 0x7FFFFFFF;
            int k = 1;
            int hu = 0;
            double f = 0, c = 0;
            if (hx < 0x3FDA827A)
            {
                // 1 + x < √2
                if (ax >= 0x3FF00000)
                {
                    // x <= -1
                    if (x == -1.0) return double.NegativeInfinity;
                    return double.NaN;
                }
                if (ax < 0x3E200000)
                {
                    // |x| < 2^-29
                    if (ax < 0x3C900000) return x;
                    return x - x * x * 0.5;
                }
                if (hx > 0 || hx <= unchecked((int)0xBFD2BEC3))
                {
                    // √2/2 <= 1 + x < √2
                    k = 0;
                    f = x;
                    hu = 1;
                }
            }
            if (hx >= 0x7FF00000) return x + x;
            if (k != 0)
            {
                double u;
                if (hx < 0x43400000)
                {
                    u = 1.0 + x;
                    hu = HighWord(u);
                    k = (hu >> 20) - 1023;
                    c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
                    c /= u;
                }
                else
                {
                    u = x;
                    hu = HighWord(u);
                    k = (hu >> 20) - 1023;
                    c = 0;
                }
                hu &= 0x000FFFFF;
                if (hu < 0x6A09E)
                {
                    u = WithHighWord(u, hu | 0x3FF00000);
                }
                else
                {
                    k += 1;
                    u = WithHighWord(u, hu | 0x3FE00000);
                    hu = (0x00100000 - hu) >> 2;
                }
                f = u - 1.0;
            }
            double hfsq = 0.5 * f * f;
            double r;
            if (hu == 0)
            {
                // |f| < 2^-20
                if (f == 0.0)
                {
                    if (k == 0) return 0.0;
                    c += k * Ln2Lo;
                    return k * Ln2Hi + c;
                }
                r = hfsq * (1.0 - 0.66666666666666666 * f);
                if (k == 0) return f - r;
                return k * Ln2Hi - ((r - (k * Ln2Lo + c)) - f);
            }
            double s = f / (2.0 + f);
            double z = s * s;
            // lp1·z + lp2·z² + ... + lp7·z^7, evaluated in pairs.
            double z2 = z * z;
            double z4 = z2 * z2;
            double z6 = z4 * z2;
            r = z * lp1 + z2 * (lp2 + z * lp3) + z4 * (lp4 + z * lp5) + z6 * (lp6 + z * lp7);
            if (k == 0) return f - (hfsq - s * (hfsq + r));
            return k * Ln2Hi - ((hfsq - (s * (hfsq + r) + (k * Ln2Lo + c))) - f);
        }

        /// <summary>x with k added to its exponent field (x·2^k while the result stays normal, k up to 1024).</summary>
        private static double AddToExponent(double x, int k)
        {
            return Bits(BitConverter.DoubleToInt64Bits(x) + ((long)k << 52));
        }

        public static double Sinh(double x)
        {
            int jx = HighWord(x);
            int ix = jx & 0x7FFFFFFF;
            if (ix >= 0x7FF00000) return x + x;
            double h = jx < 0 ? -0.5 : 0.5;
            if (ix < 0x40360000)
            {
                // |x| < 22
                if (ix < 0x3E300000) return x;
                double t = Expm1(Math.Abs(x));
                if (ix < 0x3FF00000) return h * (2.0 * t - t * t / (t + 1.0));
                return h * (t + t / (t + 1.0));
            }
            if (ix < 0x40862E42) return h * Exp(Math.Abs(x));
            uint lx = LowWord(x);
            if (ix < 0x408633CE || (ix == 0x408633CE && lx <= 0x8FB9F87D))
            {
                double w = Exp(0.5 * Math.Abs(x));
                double t = h * w;
                return t * w;
            }
            return x * double.PositiveInfinity;
        }

        public static double Cosh(double x)
        {
            int ix = HighWord(x) & 0x7FFFFFFF;
            if (ix < 0x40360000)
            {
                // |x| < 22
                if (ix < 0x3FD62E43)
                {
                    // |x| < ln2/2
                    if (ix < 0x3C800000) return 1.0;
                    double t = Expm1(Math.Abs(x));
                    double w = 1.0 + t;
                    return 1.0 + (t * t) / (w + w);
                }
                double e = Exp(Math.Abs(x));
                return 0.5 * e + 0.5 / e;
            }
            if (ix < 0x40862E42) return 0.5 * Exp(Math.Abs(x));
            uint lx = LowWord(x);
            if (ix < 0x408633CE || (ix == 0x408633CE && lx <= 0x8FB9F87D))
            {
                double w = Exp(0.5 * Math.Abs(x));
                double t = 0.5 * w;
                return t * w;
            }
            if (ix >= 0x7FF00000) return x * x;
            return double.PositiveInfinity;
        }

        public static double Tanh(double x)
        {
            int jx = HighWord(x);
            int ix = jx & 0x7FFFFFFF;
            if (ix >= 0x7FF00000)
            {
                // tanh(±inf) = ±1, tanh(NaN) = NaN
                if (jx >= 0) return 1.0 / x + 1.0;
                return 1.0 / x - 1.0;
            }
            double z;
            if (ix < 0x40360000)
            {
                // |x| < 22
                if (x == 0) return x;
                if (ix < 0x3C800000) return x * (1.0 + x);
                if (ix >= 0x3FF00000)
                {
                    double t = Expm1(2.0 * Math.Abs(x));
                    z = 1.0 - 2.0 / (t + 2.0);
                }
                else
                {
                    double t = Expm1(-2.0 * Math.Abs(x));
                    z = -t / (t + 2.0);
                }
            }
            else
            {
                z = 1.0;
            }
            return jx >= 0 ? z : -z;
        }

        public static double Asinh(double x)
        {
            int hx = HighWord(x);
            int ix = hx & 0x7FFFFFFF;
            if (ix < 0x3E300000) return x;
            double w;
            if (ix > 0x41B00000)
            {
                // |x| > 2^28
                if (ix >= 0x7FF00000) return x + x;
                w = Log(Math.Abs(x)) + Ln2.Hi;
            }
            else
            {
                double xa = Math.Abs(x);
                if (ix > 0x40000000)
                {
                    w = Log(2.0 * xa + 1.0 / (Math.Sqrt(xa * xa + 1.0) + xa));
                }
                else
                {
                    double t = xa * xa;
                    w = Log1p(xa + t / (1.0 + Math.Sqrt(1.0 + t)));
                }
            }
            return hx < 0 ? -w : w;
        }

        public static double Acosh(double x)
        {
            int hx = HighWord(x);
            uint lx = LowWord(x);
            if (hx < 0x3FF00000) return double.NaN;
            if (hx >= 0x41B00000)
            {
                // x > 2^28
                if (hx >= 0x7FF00000) return x + x;
                return Log(x) + Ln2.Hi;
            }
            if (((hx - 0x3FF00000) | (int)lx) == 0) return 0.0;
            if (hx > 0x40000000)
            {
                double t = x * x;
                return Log(2.0 * x - 1.0 / (x + Math.Sqrt(t - 1.0)));
            }
            double u = x - 1.0;
            return Log1p(u + Math.Sqrt(2.0 * u + u * u));
        }

        public static double Atanh(double x)
        {
            double xa = Math.Abs(x);
            double t;
            if (xa < 0.5)
            {
                if (xa < PowerOfTwo(-28)) return x;
                t = xa + xa;
                t = 0.5 * Log1p(t + t * xa / (1.0 - xa));
            }
            else if (xa < 1.0)
            {
                t = 0.5 * Log1p((xa + xa) / (1.0 - xa));
            }
            else if (xa > 1.0 || double.IsNaN(x))
            {
                return double.NaN;
            }
            else
            {
                return x / 0.0;
            }
            return x < 0 ? -t : t;
        }
    }
}
