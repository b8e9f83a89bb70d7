// korlib: standard numeric format strings ("D", "X", "F", "N", "E", "G", "C", "P" with an
// optional precision), as Mono 6.8 formats them (its System.Number, from .NET Core 2.1):
// a number is first turned into decimal digits (NumberBuffer), which these routines round
// and lay out. RoundNumber rounds half away from zero on the digit after the last one
// kept and, when nothing is left, also drops the sign (so -0.001 with "F2" is "0.00").

using System.Globalization;
using System.Text;

namespace System
{
    /// <summary>A number as decimal digits: value = 0.d1d2d3... × 10^scale, negated if sign.</summary>
    internal unsafe struct NumberBuffer
    {
        /// <summary>Room for the digits and a terminating '\0'.</summary>
        public const int MaxDigits = 50;

        /// <summary>Significant digits the source type carries (10 for int, 15 for double...).</summary>
        public int precision;
        /// <summary>Position of the decimal point relative to the first digit; for floating point
        /// int.MinValue means NaN and int.MaxValue infinity.</summary>
        public int scale;
        public bool sign;
        /// <summary>ASCII digits, '\0'-terminated, no leading zeros (none at all for zero).</summary>
        public char* digits;
    }

    internal static unsafe partial class Number
    {
        private const string BadFormatSpecifier = "Format specifier was invalid.";

        /// <summary>
        /// Splits a standard format string into its letter and precision ("F2" → 'F', 2; "G" → 'G', -1).
        /// Returns '\0' for a custom format string, 'G' for null or "".
        /// </summary>
        internal static char ParseFormatSpecifier(string format, out int digits)
        {
            char c = '\0';
            int length = format == null ? 0 : format.Length;
            if (length > 0)
            {
                c = format[0];
                if ((uint)(c - 'A') <= 'Z' - 'A' || (uint)(c - 'a') <= 'z' - 'a')
                {
                    int i = 1;
                    int n = 0;
                    // At most two digits of precision are read as such ("F100" is a custom format).
                    while (i < length && (uint)(format[i] - '0') < 10 && n < 10) n = n * 10 + format[i++] - '0';
                    if (i == length || format[i] == '\0')
                    {
                        digits = i == 1 ? -1 : n;
                        return c;
                    }
                }
            }
            digits = -1;
            return length == 0 || c == '\0' ? 'G' : '\0';
        }

        /// <summary>Lays out `number` by a standard format letter and precision (-1: the default).</summary>
        internal static void NumberToString(ref ValueStringBuilder sb, ref NumberBuffer number, char format, int nMaxDigits, NumberFormatInfo info)
        {
            switch (format)
            {
                case 'C':
                case 'c':
                    if (nMaxDigits < 0) nMaxDigits = info.CurrencyDecimalDigits;
                    RoundNumber(ref number, number.scale + nMaxDigits);
                    FormatCurrency(ref sb, ref number, nMaxDigits, info);
                    return;
                case 'F':
                case 'f':
                    if (nMaxDigits < 0) nMaxDigits = info.NumberDecimalDigits;
                    RoundNumber(ref number, number.scale + nMaxDigits);
                    if (number.sign) sb.Append(info.NegativeSign);
                    FormatFixed(ref sb, ref number, nMaxDigits, null, info.NumberDecimalSeparator, null);
                    return;
                case 'N':
                case 'n':
                    if (nMaxDigits < 0) nMaxDigits = info.NumberDecimalDigits;
                    RoundNumber(ref number, number.scale + nMaxDigits);
                    FormatNumber(ref sb, ref number, nMaxDigits, info);
                    return;
                case 'E':
                case 'e':
                    if (nMaxDigits < 0) nMaxDigits = 6;
                    nMaxDigits++;
                    RoundNumber(ref number, nMaxDigits);
                    if (number.sign) sb.Append(info.NegativeSign);
                    FormatScientific(ref sb, ref number, nMaxDigits, info, format);
                    return;
                case 'G':
                case 'g':
                    if (nMaxDigits < 1) nMaxDigits = number.precision;
                    RoundNumber(ref number, nMaxDigits);
                    if (number.sign) sb.Append(info.NegativeSign);
                    FormatGeneral(ref sb, ref number, nMaxDigits, info, (char)(format - ('G' - 'E')));
                    return;
                case 'P':
                case 'p':
                    if (nMaxDigits < 0) nMaxDigits = info.PercentDecimalDigits;
                    number.scale += 2;
                    RoundNumber(ref number, number.scale + nMaxDigits);
                    FormatPercent(ref sb, ref number, nMaxDigits, info);
                    return;
                default:
                    throw new FormatException(BadFormatSpecifier);
            }
        }

        /// <summary>Keeps the first `pos` digits, rounding half away from zero; drops trailing zeros.</summary>
        internal static void RoundNumber(ref NumberBuffer number, int pos)
        {
            char* dig = number.digits;
            int i = 0;
            while (i < pos && dig[i] != '\0') i++;
            if (i == pos && dig[i] >= '5')
            {
                while (i > 0 && dig[i - 1] == '9') i--;
                if (i > 0)
                {
                    dig[i - 1]++;
                }
                else
                {
                    number.scale++;
                    dig[0] = '1';
                    i = 1;
                }
            }
            else
            {
                while (i > 0 && dig[i - 1] == '0') i--;
            }
            if (i == 0)
            {
                number.scale = 0;
                number.sign = false;
            }
            dig[i] = '\0';
        }

        /// <summary>The next digit, or '0' past the end (the pointer stays on the terminator).</summary>
        private static char NextDigit(ref char* dig)
        {
            char c = *dig;
            if (c == '\0') return '0';
            dig++;
            return c;
        }

        /// <summary>Integer part (grouped when groupDigits is given), then exactly nMaxDigits decimals.</summary>
        private static void FormatFixed(ref ValueStringBuilder sb, ref NumberBuffer number, int nMaxDigits, int[] groupDigits, string sDecimal, string sGroup)
        {
            int digPos = number.scale;
            char* dig = number.digits;
            if (digPos > 0)
            {
                if (groupDigits != null && groupDigits.Length > 0 && groupDigits[0] > 0)
                {
                    AppendGrouped(ref sb, dig, digPos, groupDigits, sGroup);
                    int available = 0;
                    while (available < digPos && dig[available] != '\0') available++;
                    dig += available;
                }
                else
                {
                    do
                    {
                        sb.Append(NextDigit(ref dig));
                    } while (--digPos > 0);
                }
            }
            else
            {
                sb.Append('0');
            }

            if (nMaxDigits > 0)
            {
                sb.Append(sDecimal);
                if (digPos < 0)
                {
                    int zeroes = -digPos < nMaxDigits ? -digPos : nMaxDigits;
                    sb.Append('0', zeroes);
                    nMaxDigits -= zeroes;
                }
                while (nMaxDigits > 0)
                {
                    sb.Append(NextDigit(ref dig));
                    nMaxDigits--;
                }
            }
        }

        /// <summary>
        /// The first `count` digits (zeros past the end) with a separator before each group,
        /// counted from the right: groupDigits[0] digits, then the next sizes, the last one
        /// repeating; a size of 0 ends grouping.
        /// </summary>
        private static void AppendGrouped(ref ValueStringBuilder sb, char* dig, int count, int[] groupDigits, string sGroup)
        {
            // Number of separators, as .NET counts them.
            int separators = 0;
            int index = 0;
            int covered = groupDigits[0];
            while (count > covered)
            {
                if (groupDigits[index] == 0) break;
                separators++;
                if (index < groupDigits.Length - 1) index++;
                covered += groupDigits[index];
                if (covered < 0) throw new ArgumentOutOfRangeException();
            }
            int available = 0;
            while (available < count && dig[available] != '\0') available++;

            int start = sb.Length;
            int total = count + separators * sGroup.Length;
            sb.Append('\0', total);
            int p = start + total - 1;
            int groupSize = groupDigits[0];
            index = 0;
            int inGroup = 0;
            for (int i = count - 1; i >= 0; i--)
            {
                sb[p--] = i < available ? dig[i] : '0';
                if (groupSize > 0)
                {
                    inGroup++;
                    if (inGroup == groupSize && i != 0)
                    {
                        for (int j = sGroup.Length - 1; j >= 0; j--) sb[p--] = sGroup[j];
                        if (index < groupDigits.Length - 1)
                        {
                            index++;
                            groupSize = groupDigits[index];
                        }
                        inGroup = 0;
                    }
                }
            }
        }

        private static void FormatNumber(ref ValueStringBuilder sb, ref NumberBuffer number, int nMaxDigits, NumberFormatInfo info)
        {
            string pattern = number.sign ? NegativeNumberPattern(info.NumberNegativePattern) : "#";
            for (int i = 0; i < pattern.Length; i++)
            {
                char ch = pattern[i];
                if (ch == '#') FormatFixed(ref sb, ref number, nMaxDigits, info.NumberGroupSizes, info.NumberDecimalSeparator, info.NumberGroupSeparator);
                else if (ch == '-') sb.Append(info.NegativeSign);
                else sb.Append(ch);
            }
        }

        private static void FormatCurrency(ref ValueStringBuilder sb, ref NumberBuffer number, int nMaxDigits, NumberFormatInfo info)
        {
            string pattern = number.sign ? NegativeCurrencyPattern(info.CurrencyNegativePattern) : PositiveCurrencyPattern(info.CurrencyPositivePattern);
            for (int i = 0; i < pattern.Length; i++)
            {
                char ch = pattern[i];
                if (ch == '#') FormatFixed(ref sb, ref number, nMaxDigits, info.CurrencyGroupSizes, info.CurrencyDecimalSeparator, info.CurrencyGroupSeparator);
                else if (ch == '-') sb.Append(info.NegativeSign);
                else if (ch == '$') sb.Append(info.CurrencySymbol);
                else sb.Append(ch);
            }
        }

        private static void FormatPercent(ref ValueStringBuilder sb, ref NumberBuffer number, int nMaxDigits, NumberFormatInfo info)
        {
            string pattern = number.sign ? NegativePercentPattern(info.PercentNegativePattern) : PositivePercentPattern(info.PercentPositivePattern);
            for (int i = 0; i < pattern.Length; i++)
            {
                char ch = pattern[i];
                if (ch == '#') FormatFixed(ref sb, ref number, nMaxDigits, info.PercentGroupSizes, info.PercentDecimalSeparator, info.PercentGroupSeparator);
                else if (ch == '-') sb.Append(info.NegativeSign);
                else if (ch == '%') sb.Append(info.PercentSymbol);
                else sb.Append(ch);
            }
        }

        /// <summary>d.ddd…E+ddd with nMaxDigits significant digits (no decimal point for one).</summary>
        private static void FormatScientific(ref ValueStringBuilder sb, ref NumberBuffer number, int nMaxDigits, NumberFormatInfo info, char expChar)
        {
            char* dig = number.digits;
            sb.Append(NextDigit(ref dig));
            if (nMaxDigits != 1) sb.Append(info.NumberDecimalSeparator);
            while (--nMaxDigits > 0) sb.Append(NextDigit(ref dig));
            int e = number.digits[0] == '\0' ? 0 : number.scale - 1;
            FormatExponent(ref sb, info, e, expChar, 3, true);
        }

        /// <summary>Fixed notation, or scientific when the exponent is below -5 or not below the precision.</summary>
        private static void FormatGeneral(ref ValueStringBuilder sb, ref NumberBuffer number, int nMaxDigits, NumberFormatInfo info, char expChar)
        {
            int digPos = number.scale;
            bool scientific = false;
            if (digPos > nMaxDigits || digPos < -3)
            {
                digPos = 1;
                scientific = true;
            }
            char* dig = number.digits;
            if (digPos > 0)
            {
                do
                {
                    sb.Append(NextDigit(ref dig));
                } while (--digPos > 0);
            }
            else
            {
                sb.Append('0');
            }
            if (*dig != '\0' || digPos < 0)
            {
                sb.Append(info.NumberDecimalSeparator);
                while (digPos < 0)
                {
                    sb.Append('0');
                    digPos++;
                }
                while (*dig != '\0') sb.Append(*dig++);
            }
            if (scientific) FormatExponent(ref sb, info, number.scale - 1, expChar, 2, true);
        }

        private static void FormatExponent(ref ValueStringBuilder sb, NumberFormatInfo info, int value, char expChar, int minDigits, bool positiveSign)
        {
            sb.Append(expChar);
            if (value < 0)
            {
                sb.Append(info.NegativeSign);
                value = -value;
            }
            else if (positiveSign)
            {
                sb.Append(info.PositiveSign);
            }
            char* buffer = stackalloc char[10];
            char* p = UInt32ToDecChars(buffer + 10, (uint)value, minDigits);
            sb.Append(p, (int)(buffer + 10 - p));
        }

        // Patterns of NumberFormatInfo's *Pattern properties: '#' the number, '-' the negative
        // sign, '$' the currency symbol, '%' the percent symbol.

        private static string NegativeNumberPattern(int pattern)
        {
            switch (pattern)
            {
                case 0: return "(#)";
                case 1: return "-#";
                case 2: return "- #";
                case 3: return "#-";
                default: return "# -";
            }
        }

        private static string PositiveCurrencyPattern(int pattern)
        {
            switch (pattern)
            {
                case 0: return "$#";
                case 1: return "#$";
                case 2: return "$ #";
                default: return "# $";
            }
        }

        private static string NegativeCurrencyPattern(int pattern)
        {
            switch (pattern)
            {
                case 0: return "($#)";
                case 1: return "-$#";
                case 2: return "$-#";
                case 3: return "$#-";
                case 4: return "(#$)";
                case 5: return "-#$";
                case 6: return "#-$";
                case 7: return "#$-";
                case 8: return "-# $";
                case 9: return "-$ #";
                case 10: return "# $-";
                case 11: return "$ #-";
                case 12: return "$ -#";
                case 13: return "#- $";
                case 14: return "($ #)";
                default: return "(# $)";
            }
        }

        private static string PositivePercentPattern(int pattern)
        {
            switch (pattern)
            {
                case 0: return "# %";
                case 1: return "#%";
                case 2: return "%#";
                default: return "% #";
            }
        }

        private static string NegativePercentPattern(int pattern)
        {
            switch (pattern)
            {
                case 0: return "-# %";
                case 1: return "-#%";
                case 2: return "-%#";
                case 3: return "%-#";
                case 4: return "%#-";
                case 5: return "#-%";
                case 6: return "#%-";
                case 7: return "-% #";
                case 8: return "# %-";
                case 9: return "% #-";
                case 10: return "% -#";
                default: return "#- %";
            }
        }
    }
}
