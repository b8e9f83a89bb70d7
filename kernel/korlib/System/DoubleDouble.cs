// korlib: double-double arithmetic for the elementary functions (Libm*.cs). A value is
// hi + lo with |lo| <= ulp(hi)/2, about 106 significant bits; the functions evaluate in
// it and round to double once at the end, which gives the correctly rounded result except
// for arguments astronomically close to a rounding boundary. The error-free
// transformations (TwoSum, TwoProduct by Dekker's splitting) need IEEE double arithmetic
// evaluated exactly as written, which SSE2 code gives. Products of values beyond about
// 2^995 overflow in the splitting; callers keep their operands in range.

namespace System
{
    internal struct DoubleDouble
    {
        public double Hi;
        public double Lo;

        public DoubleDouble(double hi, double lo)
        {
            Hi = hi;
            Lo = lo;
        }

        public DoubleDouble(double value)
        {
            Hi = value;
            Lo = 0;
        }

        /// <summary>The double nearest to hi + lo.</summary>
        public double Value { get { return Hi + Lo; } }

        /// <summary>a + b exactly, as a normalised pair.</summary>
        public static DoubleDouble TwoSum(double a, double b)
        {
            double s = a + b;
            double bb = s - a;
            return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
        }

        /// <summary>a + b exactly, for |a| >= |b|.</summary>
        public static DoubleDouble QuickTwoSum(double a, double b)
        {
            double s = a + b;
            return new DoubleDouble(s, b - (s - a));
        }

        private const double Splitter = 134217729.0; // 2^27 + 1

        /// <summary>a · b exactly.</summary>
        public static DoubleDouble TwoProduct(double a, double b)
        {
            double p = a * b;
            double t = Splitter * a;
            double ah = t - (t - a);
            double al = a - ah;
            t = Splitter * b;
            double bh = t - (t - b);
            double bl = b - bh;
            return new DoubleDouble(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl);
        }

        public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
        {
            DoubleDouble s = TwoSum(a.Hi, b.Hi);
            DoubleDouble t = TwoSum(a.Lo, b.Lo);
            s = QuickTwoSum(s.Hi, s.Lo + t.Hi);
            return QuickTwoSum(s.Hi, s.Lo + t.Lo);
        }

        public static DoubleDouble operator +(DoubleDouble a, double b)
        {
            DoubleDouble s = TwoSum(a.Hi, b);
            return QuickTwoSum(s.Hi, s.Lo + a.Lo);
        }

        public static DoubleDouble operator -(DoubleDouble a) { return new DoubleDouble(-a.Hi, -a.Lo); }

        public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) { return a + -b; }

        public static DoubleDouble operator -(DoubleDouble a, double b) { return a + -b; }

        public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
        {
            DoubleDouble p = TwoProduct(a.Hi, b.Hi);
            return QuickTwoSum(p.Hi, p.Lo + (a.Hi * b.Lo + a.Lo * b.Hi));
        }

        public static DoubleDouble operator *(DoubleDouble a, double b)
        {
            DoubleDouble p = TwoProduct(a.Hi, b);
            return QuickTwoSum(p.Hi, p.Lo + a.Lo * b);
        }

        public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
        {
            double q1 = a.Hi / b.Hi;
            DoubleDouble r = a - b * q1;
            double q2 = r.Hi / b.Hi;
            r = r - b * q2;
            double q3 = r.Hi / b.Hi;
            return QuickTwoSum(q1, q2) + q3;
        }

        public static DoubleDouble operator /(DoubleDouble a, double b)
        {
            double q1 = a.Hi / b;
            DoubleDouble r = a - TwoProduct(q1, b);
            double q2 = r.Hi / b;
            r = r - TwoProduct(q2, b);
            double q3 = r.Hi / b;
            return QuickTwoSum(q1, q2) + q3;
        }

        /// <summary>√a for a >= 0 (one Newton step from the double root).</summary>
        public static DoubleDouble Sqrt(DoubleDouble a)
        {
            if (a.Hi <= 0) return new DoubleDouble(0);
            double x = Math.Sqrt(a.Hi);
            DoubleDouble residual = a - TwoProduct(x, x);
            return QuickTwoSum(x, residual.Hi / (2 * x));
        }

        /// <summary>The value times 2^n, exact while the result stays normal.</summary>
        public DoubleDouble Scale(int n)
        {
            double f = Libm.PowerOfTwo(n);
            return new DoubleDouble(Hi * f, Lo * f);
        }
    }
}
