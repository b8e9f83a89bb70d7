// korlib: atan, atan2, asin and acos, correctly rounded (see Libm.cs). atan of a
// double-double t >= 0: t > 1 becomes π/2 - atan(1/t), three halvings
// (atan t = 2·atan(t / (1 + √(1 + t²)))) bring t below tan(π/32), then the Taylor series.
// asin and acos are atan of x/√(1-x²) with 1 - x² computed exactly.

namespace System
{
    internal static partial class Libm
    {
        private static DoubleDouble AtanCore(DoubleDouble t)
        {
            bool invert = t.Hi > 1;
            if (invert) t = new DoubleDouble(1) / t;
            DoubleDouble result;
            if (t.Hi < TinyAngle)
            {
                result = t - t * t * t / 3;
            }
            else
            {
                for (int i = 0; i < 3; i++) t = t / (DoubleDouble.Sqrt(t * t + 1) + 1);
                DoubleDouble minusT2 = -(t * t);
                DoubleDouble term = t;
                DoubleDouble sum = t;
                for (int n = 1; n <= 17; n++)
                {
                    term = term * minusT2;
                    sum = sum + term / (2 * n + 1);
                }
                result = sum * 8;
            }
            return invert ? HalfPi - result : result;
        }

        public static double Atan(double x)
        {
            if (double.IsNaN(x)) return x;
            if (double.IsInfinity(x)) return x > 0 ? HalfPi.Hi : -HalfPi.Hi;
            double a = Math.Abs(x);
            if (a < TinyAngle) return x;
            double r = a > PowerOfTwo(60) ? (HalfPi - 1 / a).Value : AtanCore(new DoubleDouble(a)).Value;
            return x < 0 ? -r : r;
        }

        /// <summary>The angle of (x, y), with C99's rules for zeros (their signs count) and infinities.</summary>
        public static double Atan2(double y, double x)
        {
            if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
            bool yNegative = double.IsNegative(y);
            bool xNegative = double.IsNegative(x);
            double angle;
            if (y == 0)
            {
                angle = xNegative ? Pi.Hi : 0;
            }
            else if (x == 0)
            {
                angle = HalfPi.Hi;
            }
            else if (double.IsInfinity(y))
            {
                angle = double.IsInfinity(x) ? (xNegative ? (Pi * 0.75).Value : (Pi * 0.25).Value) : HalfPi.Hi;
            }
            else if (double.IsInfinity(x))
            {
                angle = xNegative ? Pi.Hi : 0;
            }
            else
            {
                double ay = Math.Abs(y);
                double ax = Math.Abs(x);
                int ey = ((HighWord(ay) >> 20) & 0x7FF) - (ay < PowerOfTwo(-1022) ? 1075 : 1023);
                int ex = ((HighWord(ax) >> 20) & 0x7FF) - (ax < PowerOfTwo(-1022) ? 1075 : 1023);
                if (ey - ex > 900)
                {
                    angle = HalfPi.Hi;
                }
                else if (ex - ey > 900)
                {
                    // atan(y/x) is y/x itself.
                    if (!xNegative) return y / x;
                    angle = Pi.Hi;
                }
                else
                {
                    // Scale both into the normal range (atan2 only depends on the ratio).
                    int shift = -(ex > ey ? ex : ey);
                    ay = ay * PowerOfTwo(shift / 2) * PowerOfTwo(shift - shift / 2);
                    ax = ax * PowerOfTwo(shift / 2) * PowerOfTwo(shift - shift / 2);
                    DoubleDouble a = AtanCore(new DoubleDouble(ay) / ax);
                    angle = xNegative ? (Pi - a).Value : a.Value;
                }
            }
            return yNegative ? -angle : angle;
        }

        /// <summary>√(1 - x²) for |x| <= 1, the difference formed exactly.</summary>
        private static DoubleDouble Cofactor(double x)
        {
            DoubleDouble x2 = DoubleDouble.TwoProduct(x, x);
            return DoubleDouble.Sqrt(DoubleDouble.TwoSum(1, -x2.Hi) - x2.Lo);
        }

        public static double Asin(double x)
        {
            if (double.IsNaN(x)) return x;
            double a = Math.Abs(x);
            if (a > 1) return double.NaN;
            if (a < TinyAngle) return x;
            double r = a == 1 ? HalfPi.Hi : AtanCore(new DoubleDouble(a) / Cofactor(a)).Value;
            return x < 0 ? -r : r;
        }

        public static double Acos(double x)
        {
            if (double.IsNaN(x)) return x;
            double a = Math.Abs(x);
            if (a > 1) return double.NaN;
            if (x == 1) return 0;
            if (x == -1) return Pi.Hi;
            if (a < TinyAngle) return (HalfPi - x).Value;
            DoubleDouble t = AtanCore(Cofactor(a) / a);
            return x > 0 ? t.Value : (Pi - t).Value;
        }
    }
}
