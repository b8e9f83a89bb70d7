// korlib: double and float as text, exactly as Mono 6.8 prints them. Mono turns a double
// into digits with the C library's printf("%.40e") — the exact binary value correctly
// rounded to 41 significant digits — and keeps the first 15 (double) or 7 (float; the
// float is widened to double first), rounding half up on the next digit; 17 and 9 digits
// for "R" when 15/7 do not read back, and for "E"/"G" precisions beyond them. Here the
// digits come from exact big-integer arithmetic (Number.Big.cs), so every value gets the
// same digits as on the host, including the rare case where the 41-digit rounding carries
// into the digits kept.

using System.Globalization;

namespace System
{
    internal static unsafe partial class Number
    {
        private const int DoublePrecision = 15;
        private const int SinglePrecision = 7;
        private const int DoubleRoundTripPrecision = 17;
        private const int SingleRoundTripPrecision = 9;
        /// <summary>Significant digits of the printf conversion the digits are taken from.</summary>
        private const int PrintfDigits = 41;

        public static string FormatDouble(double value, string format, IFormatProvider provider)
        {
            return FormatFloatingPoint(value, format, provider, DoublePrecision, DoubleRoundTripPrecision, false);
        }

        public static string FormatSingle(float value, string format, IFormatProvider provider)
        {
            return FormatFloatingPoint(value, format, provider, SinglePrecision, SingleRoundTripPrecision, true);
        }

        private static string FormatFloatingPoint(double value, string format, IFormatProvider provider, int precision, int roundTripPrecision, bool isSingle)
        {
            NumberFormatInfo info = NumberFormatInfo.GetInstance(provider);
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            char* buffer = stackalloc char[NumberBuffer.MaxDigits + 1];
            NumberBuffer number = new NumberBuffer();
            number.digits = buffer;
            switch (fmt)
            {
                case 'R':
                case 'r':
                    {
                        DoubleToNumber(value, precision, ref number);
                        string special = NonFinite(ref number, info);
                        if (special != null) return special;
                        double back = NumberToDouble(ref number);
                        bool exact = isSingle ? (float)back == (float)value : back == value;
                        if (!exact) DoubleToNumber(value, roundTripPrecision, ref number);
                        return NumberToText(ref number, 'G', exact ? precision : roundTripPrecision, format, info);
                    }
                case 'E':
                case 'e':
                    if (digits > precision - 1) precision = roundTripPrecision;
                    break;
                case 'G':
                case 'g':
                    if (digits > precision) precision = roundTripPrecision;
                    break;
            }
            DoubleToNumber(value, precision, ref number);
            string text = NonFinite(ref number, info);
            return text ?? NumberToText(ref number, fmt, digits, format, info);
        }

        private static string NonFinite(ref NumberBuffer number, NumberFormatInfo info)
        {
            if (number.scale == int.MinValue) return info.NaNSymbol;
            if (number.scale == int.MaxValue) return number.sign ? info.NegativeInfinitySymbol : info.PositiveInfinitySymbol;
            return null;
        }

        /// <summary>
        /// The first `precision` significant digits of `value` as Mono computes them (see the
        /// file comment); NaN and infinities are marked in number.scale.
        /// </summary>
        internal static void DoubleToNumber(double value, int precision, ref NumberBuffer number)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            int biasedExponent = (int)(bits >> 52) & 0x7FF;
            ulong fraction = (ulong)bits & 0xFFFFFFFFFFFFF;
            char* dig = number.digits;
            number.precision = precision;
            number.sign = bits < 0;
            if (biasedExponent == 0x7FF)
            {
                number.scale = fraction != 0 ? int.MinValue : int.MaxValue;
                dig[0] = '\0';
                return;
            }
            // Zero: "0.000…e+00", so the scale is 1, except that +0.0 is special-cased by Mono.
            number.scale = bits == 0 ? 0 : 1;
            if ((bits & 0x7FFFFFFFFFFFFFFF) == 0)
            {
                for (int i = 0; i < precision; i++) dig[i] = '0';
                dig[precision] = '\0';
                return;
            }

            // value = f · 2^e
            ulong f = biasedExponent == 0 ? fraction : fraction | (1UL << 52);
            int e = biasedExponent == 0 ? -1074 : biasedExponent - 1075;

            // r / s = value / 10^k, brought into [1, 10).
            uint* rWords = stackalloc uint[Big.Words];
            uint* sWords = stackalloc uint[Big.Words];
            Big r = new Big(rWords, f);
            Big s = new Big(sWords, 1);
            if (e >= 0) r.ShiftLeft(e);
            else s.SetPowerOfTwo(-e);
            // k is floor(log10(value)) or one less (EstimateDecimalExponent).
            int k = EstimateDecimalExponent(f, e);
            if (k >= 0) s.MultiplyByPowerOfTen(k);
            else r.MultiplyByPowerOfTen(-k);
            uint* tenSWords = stackalloc uint[Big.Words];
            Big tenS = s.CopyTo(tenSWords);
            tenS.Multiply(10);
            if (r.CompareTo(ref tenS) >= 0)
            {
                s = tenS;
                k++;
            }
            number.scale = k + 1;

            for (int i = 0; i < precision; i++) dig[i] = (char)('0' + NextDecimalDigit(ref r, ref s));
            dig[precision] = '\0';
            int next = NextDecimalDigit(ref r, ref s);
            bool roundUp = next >= 5;
            if (next == 4)
            {
                // The 41-digit rounding reaches this digit only through a run of nines up to
                // the 41st digit and a remainder of at least a half (ties go to the even
                // neighbour, and 9 is odd).
                int position = precision + 1;
                while (position < PrintfDigits && NextDecimalDigit(ref r, ref s) == 9) position++;
                roundUp = position == PrintfDigits && r.CompareDoubledTo(ref s) >= 0;
            }
            if (!roundUp) return;
            int j = precision - 1;
            while (j > 0 && dig[j] == '9')
            {
                dig[j] = '0';
                j--;
            }
            if (j == 0 && dig[0] == '9')
            {
                dig[0] = '1';
                number.scale++;
            }
            else
            {
                dig[j]++;
            }
        }

        /// <summary>
        /// floor(log10(f · 2^e)) or one less: with 2^E <= f · 2^e < 2^(E+1), it is floor(E · log10 2),
        /// and the constant's error (below 3e-11 · |E|) never moves E · log10 2 across an integer
        /// for |E| <= 1075.
        /// </summary>
        private static int EstimateDecimalExponent(ulong f, int e)
        {
            int bitLength = 0;
            for (ulong v = f; v != 0; v >>= 1) bitLength++;
            // log10(2) ≈ 1292913986 / 2^32, slightly low; the callers correct by one either way.
            return (int)(((long)(e + bitLength - 1) * 1292913986) >> 32);
        }

        /// <summary>The integer part of r/s (below 10), leaving r = 10 · (r mod s) for the next digit.</summary>
        private static int NextDecimalDigit(ref Big r, ref Big s)
        {
            int d = 0;
            while (r.CompareTo(ref s) >= 0)
            {
                r.Subtract(ref s);
                d++;
            }
            r.Multiply(10);
            return d;
        }
    }
}
