// korlib: floating-point operations the compiler calls: the remainder of IL `rem` on
// floats (C fmod: exact, with the sign of the dividend), computed on the bit patterns
// as in musl's fmod.

namespace Sharpaot.Runtime
{
    public static unsafe class FloatSupport
    {
        private static bool IsNaN(double d)
        {
            ulong bits = *(ulong*)&d;
            return (bits & 0x7fffffffffffffff) > 0x7ff0000000000000;
        }

        public static float Rem32(float x, float y)
        {
            return (float)Rem64(x, y);
        }

        public static double Rem64(double x, double y)
        {
            ulong uxi = *(ulong*)&x;
            ulong uyi = *(ulong*)&y;
            int ex = (int)(uxi >> 52) & 0x7ff;
            int ey = (int)(uyi >> 52) & 0x7ff;
            ulong sx = uxi >> 63;
            ulong i;
            if (uyi << 1 == 0 || IsNaN(y) || ex == 0x7ff) return (x * y) / (x * y);
            if (uxi << 1 <= uyi << 1)
            {
                if (uxi << 1 == uyi << 1) return 0 * x;
                return x;
            }
            // Normalise both significands to 53 bits with the implicit one.
            if (ex == 0)
            {
                for (i = uxi << 12; i >> 63 == 0; ex--, i <<= 1) { }
                uxi <<= -ex + 1;
            }
            else
            {
                uxi &= ulong.MaxValue >> 12;
                uxi |= 1UL << 52;
            }
            if (ey == 0)
            {
                for (i = uyi << 12; i >> 63 == 0; ey--, i <<= 1) { }
                uyi <<= -ey + 1;
            }
            else
            {
                uyi &= ulong.MaxValue >> 12;
                uyi |= 1UL << 52;
            }
            // Long division by repeated subtraction, one bit per exponent step.
            for (; ex > ey; ex--)
            {
                i = uxi - uyi;
                if (i >> 63 == 0)
                {
                    if (i == 0) return 0 * x;
                    uxi = i;
                }
                uxi <<= 1;
            }
            i = uxi - uyi;
            if (i >> 63 == 0)
            {
                if (i == 0) return 0 * x;
                uxi = i;
            }
            for (; uxi >> 52 == 0; uxi <<= 1, ex--) { }
            if (ex > 0)
            {
                uxi -= 1UL << 52;
                uxi |= (ulong)ex << 52;
            }
            else
            {
                uxi >>= -ex + 1;
            }
            uxi |= sx << 63;
            return *(double*)&uxi;
        }
    }
}
