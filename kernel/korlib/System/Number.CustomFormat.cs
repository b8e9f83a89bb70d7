// korlib: custom numeric format strings ("0.00", "#,##0", "0.###E+00", "0%", "'x'0;(0);zero")
// as Mono 6.8 (.NET Core 2.1) lays them out. Placeholders: '0' (digit or zero), '#' (digit
// if significant), '.', ',' (group separator between placeholders; right before the decimal
// point it divides by 1000), '%' and '‰' (scale by 100 and 1000), "E0"/"E+0"/"E-0"
// (scientific), quoted literals, '\' escapes, and up to three ';' sections (positive,
// negative, zero).

using System.Globalization;
using System.Text;

namespace System
{
    internal static unsafe partial class Number
    {
        internal static void NumberToStringFormat(ref ValueStringBuilder sb, ref NumberBuffer number, string format, NumberFormatInfo info)
        {
            char* dig = number.digits;
            int length = format.Length;
            int section = FindSection(format, dig[0] == '\0' ? 2 : number.sign ? 1 : 0);

            // First pass over the section: where the digits, the decimal point and the separators are.
            int digitCount, decimalPos, firstDigit, lastDigit, thousandPos, thousandCount = 0, scaleAdjust;
            bool scientific, thousandSeps;
            for (;;)
            {
                digitCount = 0;
                decimalPos = -1;
                firstDigit = 0x7FFFFFFF;
                lastDigit = 0;
                scientific = false;
                thousandPos = -1;
                thousandSeps = false;
                scaleAdjust = 0;
                int src = section;
                char ch;
                while (src < length && (ch = format[src++]) != '\0' && ch != ';')
                {
                    switch (ch)
                    {
                        case '#':
                            digitCount++;
                            break;
                        case '0':
                            if (firstDigit == 0x7FFFFFFF) firstDigit = digitCount;
                            digitCount++;
                            lastDigit = digitCount;
                            break;
                        case '.':
                            if (decimalPos < 0) decimalPos = digitCount;
                            break;
                        case ',':
                            if (digitCount > 0 && decimalPos < 0)
                            {
                                if (thousandPos >= 0)
                                {
                                    if (thousandPos == digitCount)
                                    {
                                        thousandCount++;
                                        break;
                                    }
                                    thousandSeps = true;
                                }
                                thousandPos = digitCount;
                                thousandCount = 1;
                            }
                            break;
                        case '%':
                            scaleAdjust += 2;
                            break;
                        case '\x2030':
                            scaleAdjust += 3;
                            break;
                        case '\'':
                        case '"':
                            while (src < length && format[src] != '\0' && format[src++] != ch) { }
                            break;
                        case '\\':
                            if (src < length && format[src] != '\0') src++;
                            break;
                        case 'E':
                        case 'e':
                            if ((src < length && format[src] == '0') ||
                                (src + 1 < length && (format[src] == '+' || format[src] == '-') && format[src + 1] == '0'))
                            {
                                while (++src < length && format[src] == '0') { }
                                scientific = true;
                            }
                            break;
                    }
                }

                if (decimalPos < 0) decimalPos = digitCount;
                if (thousandPos >= 0)
                {
                    if (thousandPos == decimalPos) scaleAdjust -= thousandCount * 3;
                    else thousandSeps = true;
                }

                if (dig[0] != '\0')
                {
                    number.scale += scaleAdjust;
                    int pos = scientific ? digitCount : number.scale + digitCount - decimalPos;
                    RoundNumber(ref number, pos);
                    if (dig[0] == '\0')
                    {
                        // Rounded to zero: use the zero section if there is one.
                        src = FindSection(format, 2);
                        if (src != section)
                        {
                            section = src;
                            continue;
                        }
                    }
                }
                else
                {
                    number.sign = false;
                    number.scale = 0;
                }
                break;
            }

            firstDigit = firstDigit < decimalPos ? decimalPos - firstDigit : 0;
            lastDigit = lastDigit > decimalPos ? decimalPos - lastDigit : 0;
            int digPos;
            int adjust;
            if (scientific)
            {
                digPos = decimalPos;
                adjust = 0;
            }
            else
            {
                digPos = number.scale > decimalPos ? number.scale : decimalPos;
                adjust = number.scale - decimalPos;
            }

            // Positions (counted in digits left of the decimal point) after which a group separator goes.
            int[] separatorPositions = null;
            int separatorIndex = -1;
            if (thousandSeps && info.NumberGroupSeparator.Length > 0)
            {
                int[] groupDigits = info.NumberGroupSizes;
                int groupIndex = 0;
                int groupTotal = groupDigits.Length != 0 ? groupDigits[0] : 0;
                int groupSize = groupTotal;
                int totalDigits = digPos + (adjust < 0 ? adjust : 0);
                int numDigits = firstDigit > totalDigits ? firstDigit : totalDigits;
                separatorPositions = new int[numDigits + 1];
                while (numDigits > groupTotal && groupSize != 0)
                {
                    separatorPositions[++separatorIndex] = groupTotal;
                    if (groupIndex < groupDigits.Length - 1)
                    {
                        groupIndex++;
                        groupSize = groupDigits[groupIndex];
                    }
                    groupTotal += groupSize;
                }
            }

            if (number.sign && section == 0) sb.Append(info.NegativeSign);

            // Second pass: write the section.
            bool decimalWritten = false;
            char* cur = dig;
            int at = section;
            char c;
            while (at < length && (c = format[at++]) != '\0' && c != ';')
            {
                if (adjust > 0 && (c == '#' || c == '0' || c == '.'))
                {
                    // Integer digits beyond the placeholders go before the first one.
                    while (adjust > 0)
                    {
                        sb.Append(NextDigit(ref cur));
                        AppendSeparatorIfDue(ref sb, thousandSeps, digPos, separatorPositions, ref separatorIndex, info);
                        digPos--;
                        adjust--;
                    }
                }

                switch (c)
                {
                    case '#':
                    case '0':
                        {
                            char d;
                            if (adjust < 0)
                            {
                                adjust++;
                                d = digPos <= firstDigit ? '0' : '\0';
                            }
                            else
                            {
                                d = *cur != '\0' ? *cur++ : digPos > lastDigit ? '0' : '\0';
                            }
                            if (d != '\0')
                            {
                                sb.Append(d);
                                AppendSeparatorIfDue(ref sb, thousandSeps, digPos, separatorPositions, ref separatorIndex, info);
                            }
                            digPos--;
                            break;
                        }
                    case '.':
                        if (digPos != 0 || decimalWritten) break;
                        // Only with zeros to show or digits left to write.
                        if (lastDigit < 0 || (decimalPos < digitCount && *cur != '\0'))
                        {
                            sb.Append(info.NumberDecimalSeparator);
                            decimalWritten = true;
                        }
                        break;
                    case '\x2030':
                        sb.Append(info.PerMilleSymbol);
                        break;
                    case '%':
                        sb.Append(info.PercentSymbol);
                        break;
                    case ',':
                        break;
                    case '\'':
                    case '"':
                        while (at < length && format[at] != '\0' && format[at] != c) sb.Append(format[at++]);
                        if (at < length && format[at] != '\0') at++;
                        break;
                    case '\\':
                        if (at < length && format[at] != '\0') sb.Append(format[at++]);
                        break;
                    case 'E':
                    case 'e':
                        {
                            bool positiveSign = false;
                            int minDigits = 0;
                            if (scientific)
                            {
                                if (at < length && format[at] == '0') minDigits++;
                                else if (at + 1 < length && format[at] == '+' && format[at + 1] == '0') positiveSign = true;
                                else if (!(at + 1 < length && format[at] == '-' && format[at + 1] == '0'))
                                {
                                    sb.Append(c);
                                    break;
                                }
                                while (++at < length && format[at] == '0') minDigits++;
                                if (minDigits > 10) minDigits = 10;
                                int exponent = dig[0] == '\0' ? 0 : number.scale - decimalPos;
                                FormatExponent(ref sb, info, exponent, c, minDigits, positiveSign);
                                scientific = false;
                            }
                            else
                            {
                                sb.Append(c);
                                if (at < length)
                                {
                                    if (format[at] == '+' || format[at] == '-') sb.Append(format[at++]);
                                    while (at < length && format[at] == '0') sb.Append(format[at++]);
                                }
                            }
                            break;
                        }
                    default:
                        sb.Append(c);
                        break;
                }
            }
        }

        private static void AppendSeparatorIfDue(ref ValueStringBuilder sb, bool thousandSeps, int digPos, int[] separatorPositions, ref int separatorIndex, NumberFormatInfo info)
        {
            if (thousandSeps && digPos > 1 && separatorIndex >= 0 && digPos == separatorPositions[separatorIndex] + 1)
            {
                sb.Append(info.NumberGroupSeparator);
                separatorIndex--;
            }
        }

        /// <summary>Start of section 0 (positive), 1 (negative) or 2 (zero); 0 when the format has no such section.</summary>
        private static int FindSection(string format, int section)
        {
            if (section == 0) return 0;
            int src = 0;
            int length = format.Length;
            for (;;)
            {
                if (src >= length) return 0;
                char ch = format[src++];
                switch (ch)
                {
                    case '\'':
                    case '"':
                        while (src < length && format[src] != '\0' && format[src++] != ch) { }
                        break;
                    case '\\':
                        if (src < length && format[src] != '\0') src++;
                        break;
                    case ';':
                        if (--section != 0) break;
                        if (src < length && format[src] != '\0' && format[src] != ';') return src;
                        return 0;
                    case '\0':
                        return 0;
                }
            }
        }
    }
}
