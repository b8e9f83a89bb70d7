// korlib: sin, cos and tan. Mono's JIT compiles Math.Sin and Math.Cos on x86-64 to the
// x87 fsin and fcos instructions (only a call through a delegate, or one it folds at
// compile time, reaches the C library), so Sin and Cos here reproduce those instructions:
// the argument is reduced exactly by the FPU's 66-bit approximation of π, arguments of 2^63
// and beyond come back unchanged, and the sine or cosine of the remainder is rounded to
// double. Tan goes to the C library, hence is correctly rounded (see Libm.cs): the argument
// is reduced by π/2 in double-double, with π/2 in four parts (Cody-Waite) up to about 8e5,
// beyond that with 2/π's bits (Payne-Hanek). Both end in Taylor series of sin and cos of
// the remainder, the quadrant k mod 4 picking the result.

namespace System
{
    internal static partial class Libm
    {
        private static DoubleDouble Pi { get { return new DoubleDouble(Bits(0x400921FB54442D18), Bits(0x3CA1A62633145C07)); } }
        private static DoubleDouble HalfPi { get { return new DoubleDouble(Bits(0x3FF921FB54442D18), Bits(0x3C91A62633145C07)); } }
        private static double TwoOverPi { get { return Bits(0x3FE45F306DC9C883); } }

        /// <summary>
        /// The fraction of 2/π in 24-bit chunks, hexadecimal (1584 bits): enough for the
        /// reduction of every double.
        /// </summary>
        private const string TwoOverPiBits =
            "A2F9836E4E441529FC2757D1F534DDC0DB6295993C439041FE5163ABDEBBC561B7246E3A424DD2E006492EEA09D1921C" +
            "FE1DEB1CB129A73EE88235F52EBB4484E99C7026B45F7E413991D639835339F49C845F8BBDF9283B1FF897FFDE05980F" +
            "EF2F118B5A0A6D1F6D367ECF27CB09B74F463F669E5FEA2D7527BAC7EBE5F17B3D0739F78A5292EA6BFB5FB11F8D5D08" +
            "56033046FC7B6BABF0CFBC209AF4361DA9E391615EE61B086599855F14A068408DFFD8804D73273106061556CA73A8C9" +
            "60E27BC08C6B";

        /// <summary>Chunk i (from 1) of 2/π: 2/π = Σ chunk(i) · 2^(-24i).</summary>
        private static uint TwoOverPiChunk(int i)
        {
            uint v = 0;
            for (int j = 0; j < 6; j++)
            {
                char c = TwoOverPiBits[(i - 1) * 6 + j];
                v = (v << 4) | (uint)(c <= '9' ? c - '0' : c - 'A' + 10);
            }
            return v;
        }

        /// <summary>x - k·π/2 with |result| about π/4 or less; quadrant = k mod 4.</summary>
        private static unsafe DoubleDouble ReduceHalfPi(double x, out int quadrant)
        {
            if (Math.Abs(x) < 823550)
            {
                double k = Math.Round(x * TwoOverPi);
                // π/2 = P1 + P2 + P3 + P4; P1 and P2 have 32 significant bits, so k·P1 and k·P2 are exact.
                DoubleDouble r = DoubleDouble.TwoSum(x, -k * Bits(0x3FF921FB54400000));
                r = r - k * Bits(0x3DD0B4611A600000);
                r = r - DoubleDouble.TwoProduct(k, Bits(0x3BA3198A2E037073));
                r = r - DoubleDouble.TwoProduct(k, Bits(0x384129024E088A67));
                quadrant = (int)((long)k & 3);
                return r;
            }
            return ReduceLarge(x, out quadrant);
        }

        /// <summary>
        /// Payne-Hanek: |x| = M·2^E (M a 53-bit integer), |x|·2/π mod 4 from the chunks of 2/π
        /// that matter, as an integer P in base 2^24 with the binary point S bits from the bottom.
        /// </summary>
        private static unsafe DoubleDouble ReduceLarge(double x, out int quadrant)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            bool negative = bits < 0;
            int exponent = (int)(bits >> 52) & 0x7FF;
            ulong mantissa = ((ulong)bits & 0x000FFFFFFFFFFFFF) | (1UL << 52);
            int e = exponent - 1075;
            // Chunks with weight 2^(e-24i) >= 4 only add multiples of 4.
            int first = (e - 2) >= 0 ? (e - 2) / 24 + 1 : 1;
            const int Chunks = 10;
            uint* m = stackalloc uint[3];
            m[0] = (uint)(mantissa & 0xFFFFFF);
            m[1] = (uint)((mantissa >> 24) & 0xFFFFFF);
            m[2] = (uint)(mantissa >> 48);
            ulong* p = stackalloc ulong[Chunks + 4];
            for (int i = 0; i < Chunks + 4; i++) p[i] = 0;
            for (int j = 0; j < Chunks; j++)
            {
                ulong c = TwoOverPiChunk(first + j);
                for (int a = 0; a < 3; a++) p[a + Chunks - 1 - j] += m[a] * c;
            }
            for (int i = 0; i < Chunks + 3; i++)
            {
                p[i + 1] += p[i] >> 24;
                p[i] &= 0xFFFFFF;
            }
            int s = 24 * (first + Chunks - 1) - e;
            quadrant = (int)((p[s / 24] >> (s % 24)) | (p[s / 24 + 1] << (24 - s % 24))) & 3;
            // The fraction: limbs below S, the top one masked.
            p[s / 24] &= (1UL << (s % 24)) - 1;
            for (int i = s / 24 + 1; i < Chunks + 4; i++) p[i] = 0;
            bool negate = (s % 24 == 0 ? p[s / 24 - 1] >> 23 : p[s / 24] >> (s % 24 - 1)) != 0;
            if (negate)
            {
                // Fraction >= 1/2: use fraction - 1, i.e. the next multiple of π/2.
                quadrant = (quadrant + 1) & 3;
                long borrow = 0;
                for (int i = 0; i <= s / 24; i++)
                {
                    long d = -(long)p[i] - borrow;
                    borrow = d < 0 ? 1 : 0;
                    p[i] = (ulong)d & 0xFFFFFF;
                }
                p[s / 24] &= (1UL << (s % 24)) - 1;
                if (s % 24 == 0) p[s / 24] = 0;
            }
            int top = s / 24;
            while (top > 0 && p[top] == 0) top--;
            DoubleDouble f = new DoubleDouble(0);
            for (int i = top; i >= 0 && i > top - 6; i--) f = f + p[i] * PowerOfTwo(24 * i - s);
            DoubleDouble r = f * HalfPi;
            if (negate) r = -r;
            // -x = (-k)·π/2 - r
            if (negative)
            {
                quadrant = (4 - quadrant) & 3;
                r = -r;
            }
            return r;
        }

        /// <summary>sin r and cos r for |r| <= about π/4 (Taylor series in double-double).</summary>
        private static void SinCosCore(DoubleDouble r, out DoubleDouble sin, out DoubleDouble cos)
        {
            DoubleDouble minusR2 = -(r * r);
            DoubleDouble term = r;
            sin = r;
            for (int n = 1; n <= 14; n++)
            {
                term = term * minusR2 / ((2 * n) * (2 * n + 1));
                sin = sin + term;
            }
            term = new DoubleDouble(1);
            cos = term;
            for (int n = 1; n <= 14; n++)
            {
                term = term * minusR2 / ((2 * n - 1) * (2 * n));
                cos = cos + term;
            }
        }

        private const double TinyAngle = 7.450580596923828E-09; // 2^-27
        private const double X87Limit = 9223372036854775808.0; // 2^63

        /// <summary>
        /// x - k·(π₆₆/2), exact, with |result| about π/4 or less; quadrant = k mod 4. π₆₆ is the
        /// x87 FPU's π, 0x3.243F6A8885A308D3: with x = M·2^E, the remainder is
        /// (M·2^(E+65) - k·P)·2^-65 for the 66-bit integer P = π₆₆·2^64, formed in 32-bit limbs.
        /// </summary>
        private static unsafe DoubleDouble ReduceX87(double x, out int quadrant)
        {
            double a = Math.Abs(x);
            if (a < 0.78)
            {
                quadrant = 0;
                return new DoubleDouble(x);
            }
            long bits = BitConverter.DoubleToInt64Bits(a);
            ulong mantissa = ((ulong)bits & 0x000FFFFFFFFFFFFF) | (1UL << 52);
            int shift = ((int)(bits >> 52) & 0x7FF) - 1075 + 65;
            // k from a double-double estimate of a·2/π, corrected below if the remainder is too big.
            DoubleDouble estimate = DoubleDouble.TwoProduct(a, TwoOverPi) + a * Bits(unchecked((long)0xBC86B01EC5417056));
            double nearest = Math.Round(estimate.Hi);
            if (Math.Abs(estimate.Hi - nearest) == 0.5) nearest = estimate.Lo < 0 ? Math.Floor(estimate.Hi) : Math.Ceiling(estimate.Hi);
            ulong k = (ulong)nearest;
            uint* n = stackalloc uint[6];
            uint* p = stackalloc uint[3];
            p[0] = 0x85A308D3;
            p[1] = 0x243F6A88;
            p[2] = 0x3;
            bool negative;
            DoubleDouble r;
            for (;;)
            {
                // n = mantissa·2^shift - k·P
                for (int i = 0; i < 6; i++) n[i] = 0;
                AddShifted(n, mantissa & 0xFFFFFFFF, shift);
                AddShifted(n, mantissa >> 32, shift + 32);
                negative = SubtractProduct(n, k, p);
                r = LimbsToDouble(n, -65);
                if (Math.Abs(r.Hi) <= 0.7853981633974484) break;
                // The estimate of k was one off: step towards the remainder.
                if (negative) k--;
                else k++;
            }
            if (negative) r = -r;
            quadrant = (int)(k & 3);
            if (x < 0)
            {
                r = -r;
                quadrant = (4 - quadrant) & 3;
            }
            return r;
        }

        /// <summary>n += value·2^shift (value below 2^32, n six 32-bit limbs, no carry out of the limbs it touches).</summary>
        private static unsafe void AddShifted(uint* n, ulong value, int shift)
        {
            ulong part = value << (shift & 31);
            n[shift >> 5] |= (uint)part;
            if ((shift >> 5) + 1 < 6) n[(shift >> 5) + 1] |= (uint)(part >> 32);
        }

        /// <summary>n -= k·p (n six 32-bit limbs, p three); n becomes |difference|; true if it went negative.</summary>
        private static unsafe bool SubtractProduct(uint* n, ulong k, uint* p)
        {
            uint* prod = stackalloc uint[6];
            for (int i = 0; i < 6; i++) prod[i] = 0;
            uint* kk = stackalloc uint[2];
            kk[0] = (uint)k;
            kk[1] = (uint)(k >> 32);
            for (int i = 0; i < 2; i++)
            {
                ulong carry = 0;
                for (int j = 0; j < 3; j++)
                {
                    ulong t = (ulong)kk[i] * p[j] + prod[i + j] + carry;
                    prod[i + j] = (uint)t;
                    carry = t >> 32;
                }
                for (int j = i + 3; carry != 0 && j < 6; j++)
                {
                    ulong t = (ulong)prod[j] + carry;
                    prod[j] = (uint)t;
                    carry = t >> 32;
                }
            }
            int cmp = 0;
            for (int i = 5; i >= 0 && cmp == 0; i--) if (n[i] != prod[i]) cmp = n[i] > prod[i] ? 1 : -1;
            uint* big = cmp >= 0 ? n : prod;
            uint* small = cmp >= 0 ? prod : n;
            long borrow = 0;
            for (int i = 0; i < 6; i++)
            {
                long d = (long)big[i] - small[i] - borrow;
                borrow = d < 0 ? 1 : 0;
                n[i] = (uint)d;
            }
            return cmp < 0;
        }

        /// <summary>The six-limb integer n times 2^scale, as a double-double (exact for up to 106 significant bits).</summary>
        private static unsafe DoubleDouble LimbsToDouble(uint* n, int scale)
        {
            DoubleDouble v = new DoubleDouble(0);
            for (int i = 5; i >= 0; i--) if (n[i] != 0) v = v + n[i] * PowerOfTwo(32 * i + scale);
            return v;
        }

        /// <summary>The x87 fsin instruction's sine, rounded to double (see the file comment).</summary>
        public static double Sin(double x)
        {
            if (double.IsNaN(x) || double.IsInfinity(x)) return double.NaN;
            if (Math.Abs(x) >= X87Limit || Math.Abs(x) < TinyAngle) return x;
            int q;
            DoubleDouble r = ReduceX87(x, out q);
            DoubleDouble s, c;
            SinCosCore(r, out s, out c);
            switch (q)
            {
                case 0: return s.Value;
                case 1: return c.Value;
                case 2: return -s.Value;
                default: return -c.Value;
            }
        }

        /// <summary>The x87 fcos instruction's cosine, rounded to double (see the file comment).</summary>
        public static double Cos(double x)
        {
            if (double.IsNaN(x) || double.IsInfinity(x)) return double.NaN;
            if (Math.Abs(x) >= X87Limit) return x;
            if (Math.Abs(x) < TinyAngle) return 1;
            int q;
            DoubleDouble r = ReduceX87(x, out q);
            DoubleDouble s, c;
            SinCosCore(r, out s, out c);
            switch (q)
            {
                case 0: return c.Value;
                case 1: return -s.Value;
                case 2: return -c.Value;
                default: return s.Value;
            }
        }

        public static double Tan(double x)
        {
            if (double.IsNaN(x) || double.IsInfinity(x)) return double.NaN;
            if (Math.Abs(x) < TinyAngle) return x;
            int q;
            DoubleDouble r = ReduceHalfPi(x, out q);
            DoubleDouble s, c;
            SinCosCore(r, out s, out c);
            return (q & 1) == 0 ? (s / c).Value : -(c / s).Value;
        }
    }
}
