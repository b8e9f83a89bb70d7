// korlib: integers as text, as Mono 6.8 prints them: ToString() (decimal), and
// ToString(format) with "D"/"X" handled directly and every other standard or custom
// format through decimal digits (NumberBuffer) and Number.Formatting.cs.

using System.Globalization;
using System.Text;

namespace System
{
    internal static unsafe partial class Number
    {
        private const int Int32Precision = 10;
        private const int UInt32Precision = 10;
        private const int Int64Precision = 19;
        private const int UInt64Precision = 20;

        // ---- Default format: plain decimal --------------------------------------------------

        public static string FormatInt32(int value)
        {
            return value >= 0 ? UInt32ToDecStr((uint)value, -1) : NegativeInt64ToDecStr(value, -1, "-");
        }

        public static string FormatUInt32(uint value)
        {
            return UInt32ToDecStr(value, -1);
        }

        public static string FormatInt64(long value)
        {
            return value >= 0 ? UInt64ToDecStr((ulong)value, -1) : NegativeInt64ToDecStr(value, -1, "-");
        }

        public static string FormatUInt64(ulong value)
        {
            return UInt64ToDecStr(value, -1);
        }

        // ---- Format strings --------------------------------------------------------------------

        public static string FormatInt32(int value, string format, IFormatProvider provider)
        {
            return FormatInt64Core(value, format, provider, Int32Precision, 0xFFFFFFFF);
        }

        public static string FormatUInt32(uint value, string format, IFormatProvider provider)
        {
            return FormatUInt64Core(value, format, provider, UInt32Precision);
        }

        public static string FormatInt64(long value, string format, IFormatProvider provider)
        {
            return FormatInt64Core(value, format, provider, Int64Precision, 0xFFFFFFFFFFFFFFFF);
        }

        public static string FormatUInt64(ulong value, string format, IFormatProvider provider)
        {
            return FormatUInt64Core(value, format, provider, UInt64Precision);
        }

        /// <summary>A signed value; hexadecimal prints its two's complement within `hexMask`.</summary>
        private static string FormatInt64Core(long value, string format, IFormatProvider provider, int precision, ulong hexMask)
        {
            if (value >= 0 && (format == null || format.Length == 0)) return UInt64ToDecStr((ulong)value, -1);
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            NumberFormatInfo info = NumberFormatInfo.GetInstance(provider);
            char upper = (char)(fmt & 0xFFDF);
            if ((upper == 'G' && digits < 1) || upper == 'D')
            {
                return value >= 0 ? UInt64ToDecStr((ulong)value, digits) : NegativeInt64ToDecStr(value, digits, info.NegativeSign);
            }
            if (upper == 'X') return UInt64ToHexStr((ulong)value & hexMask, (char)(fmt - ('X' - 'A' + 10)), digits);
            char* buffer = stackalloc char[NumberBuffer.MaxDigits + 1];
            NumberBuffer number = new NumberBuffer();
            number.digits = buffer;
            number.precision = precision;
            number.sign = value < 0;
            SetDigits(ref number, value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value);
            return NumberToText(ref number, fmt, digits, format, info);
        }

        private static string FormatUInt64Core(ulong value, string format, IFormatProvider provider, int precision)
        {
            if (format == null || format.Length == 0) return UInt64ToDecStr(value, -1);
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            NumberFormatInfo info = NumberFormatInfo.GetInstance(provider);
            char upper = (char)(fmt & 0xFFDF);
            if ((upper == 'G' && digits < 1) || upper == 'D') return UInt64ToDecStr(value, digits);
            if (upper == 'X') return UInt64ToHexStr(value, (char)(fmt - ('X' - 'A' + 10)), digits);
            char* buffer = stackalloc char[NumberBuffer.MaxDigits + 1];
            NumberBuffer number = new NumberBuffer();
            number.digits = buffer;
            number.precision = precision;
            SetDigits(ref number, value);
            return NumberToText(ref number, fmt, digits, format, info);
        }

        /// <summary>A standard format letter, or a custom format string when fmt is '\0'.</summary>
        private static string NumberToText(ref NumberBuffer number, char fmt, int digits, string format, NumberFormatInfo info)
        {
            char* chars = stackalloc char[64];
            ValueStringBuilder sb = new ValueStringBuilder(chars, 64);
            if (fmt != '\0') NumberToString(ref sb, ref number, fmt, digits, info);
            else NumberToStringFormat(ref sb, ref number, format, info);
            return sb.ToString();
        }

        /// <summary>The decimal digits of a magnitude into number.digits; scale = their count.</summary>
        private static void SetDigits(ref NumberBuffer number, ulong magnitude)
        {
            char* buffer = stackalloc char[20];
            char* p = UInt64ToDecChars(buffer + 20, magnitude, 0);
            int n = (int)(buffer + 20 - p);
            number.scale = n;
            char* dst = number.digits;
            for (int i = 0; i < n; i++) dst[i] = p[i];
            dst[n] = '\0';
        }

        // ---- Decimal and hexadecimal digits ----------------------------------------------------------

        /// <summary>Writes the digits of `value`, at least `digits` of them, backwards ending at bufferEnd.</summary>
        internal static char* UInt32ToDecChars(char* bufferEnd, uint value, int digits)
        {
            while (--digits >= 0 || value != 0)
            {
                *(--bufferEnd) = (char)('0' + value % 10);
                value /= 10;
            }
            return bufferEnd;
        }

        internal static char* UInt64ToDecChars(char* bufferEnd, ulong value, int digits)
        {
            // 64-bit division is a helper call; peel off nine digits at a time with one.
            while (value > 0xFFFFFFFF)
            {
                ulong high = value / 1000000000;
                bufferEnd = UInt32ToDecChars(bufferEnd, (uint)(value - high * 1000000000), 9);
                digits -= 9;
                value = high;
            }
            return UInt32ToDecChars(bufferEnd, (uint)value, digits);
        }

        private static string UInt32ToDecStr(uint value, int digits)
        {
            return DecStr(value, digits, "");
        }

        private static string UInt64ToDecStr(ulong value, int digits)
        {
            return DecStr(value, digits, "");
        }

        private static string NegativeInt64ToDecStr(long value, int digits, string negativeSign)
        {
            return DecStr((ulong)(-(value + 1)) + 1, digits, negativeSign);
        }

        /// <summary>`prefix`, then the decimal digits of `magnitude` left-padded with zeros to `digits`.</summary>
        private static string DecStr(ulong magnitude, int digits, string prefix)
        {
            char* buffer = stackalloc char[20];
            char* p = UInt64ToDecChars(buffer + 20, magnitude, 1);
            int n = (int)(buffer + 20 - p);
            if (prefix.Length == 0 && digits <= n) return new string(p, 0, n);
            char* chars = stackalloc char[64];
            ValueStringBuilder sb = new ValueStringBuilder(chars, 64);
            sb.Append(prefix);
            if (digits > n) sb.Append('0', digits - n);
            sb.Append(p, n);
            return sb.ToString();
        }

        /// <summary>Hexadecimal digits, at least `digits` of them; hexBase + 10 is the digit for ten ('A' or 'a').</summary>
        private static string UInt64ToHexStr(ulong value, char hexBase, int digits)
        {
            if (digits < 1) digits = 1;
            char* chars = stackalloc char[64];
            ValueStringBuilder sb = new ValueStringBuilder(chars, 64);
            int count = 0;
            for (ulong v = value; v != 0; v >>= 4) count++;
            if (digits > count) sb.Append('0', digits - count);
            for (int i = count - 1; i >= 0; i--)
            {
                int d = (int)(value >> (4 * i)) & 0xF;
                sb.Append((char)(d < 10 ? '0' + d : hexBase + d));
            }
            return sb.ToString();
        }
    }
}
