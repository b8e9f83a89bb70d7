// korlib: text → numbers, as Mono 6.8 (.NET Core 2.1) parses them. Integers with the
// default NumberStyles.Integer take a direct path ([white][sign]digits[white], then only
// '\0's); hexadecimal styles read the bit pattern; every other style goes through
// ParseNumber into decimal digits (NumberBuffer), as does double.Parse. Digits become a
// double through NumberToDouble, a port of .NET's algorithm with its 64-bit power-of-ten
// tables (not always correctly rounded, so it is reproduced bit for bit rather than
// replaced by an exact conversion). Format errors take precedence over overflow.

using System.Globalization;

namespace System
{
    internal static unsafe partial class Number
    {
        internal const string FormatInvalidString = "Input string was not in a correct format.";
        private const NumberStyles InvalidNumberStyles = ~(NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
            | NumberStyles.AllowLeadingSign | NumberStyles.AllowTrailingSign | NumberStyles.AllowParentheses | NumberStyles.AllowDecimalPoint
            | NumberStyles.AllowThousands | NumberStyles.AllowExponent | NumberStyles.AllowCurrencySymbol | NumberStyles.AllowHexSpecifier);

        /// <summary>The outcome of a parse: success, bad syntax, or a value out of the type's range.</summary>
        internal enum ParseStatus { OK, Format, Overflow }

        internal static void ValidateParseStyleInteger(NumberStyles style)
        {
            if ((style & InvalidNumberStyles) != 0) throw new ArgumentException("An undefined NumberStyles value is being used.", "style");
            if ((style & NumberStyles.AllowHexSpecifier) != 0 && (style & ~NumberStyles.HexNumber) != 0)
            {
                throw new ArgumentException("With the AllowHexSpecifier bit set in the enum bit field, the only other valid bits that can be combined into the enum value must be a subset of those in HexNumber.");
            }
        }

        internal static void ValidateParseStyleFloatingPoint(NumberStyles style)
        {
            if ((style & InvalidNumberStyles) != 0) throw new ArgumentException("An undefined NumberStyles value is being used.", "style");
            if ((style & NumberStyles.AllowHexSpecifier) != 0) throw new ArgumentException("The number style AllowHexSpecifier is not supported on floating point data types.");
        }

        /// <summary>Throws FormatException, or OverflowException with `overflowMessage`.</summary>
        internal static void ThrowParseFailure(ParseStatus status, string overflowMessage)
        {
            if (status == ParseStatus.Overflow) throw new OverflowException(overflowMessage);
            throw new FormatException(FormatInvalidString);
        }

        // ---- Integers ------------------------------------------------------------------------------

        /// <summary>
        /// Parses a signed integer in [min, max]; hexadecimal text is the two's complement
        /// pattern of a `hexBits`-bit number.
        /// </summary>
        internal static ParseStatus TryParseSigned(string s, NumberStyles styles, NumberFormatInfo info, long min, long max, int hexBits, out long result)
        {
            result = 0;
            if ((styles & NumberStyles.AllowHexSpecifier) != 0)
            {
                ulong bits;
                ParseStatus hex = TryParseHex(s, styles, hexBits, out bits);
                if (hex == ParseStatus.OK) result = hexBits == 64 ? (long)bits : (bits & (1UL << (hexBits - 1))) != 0 ? (long)bits - (1L << hexBits) : (long)bits;
                return hex;
            }
            bool negative;
            ulong magnitude;
            ParseStatus status = (styles & ~NumberStyles.Integer) == 0
                ? TryParseIntegerStyle(s, styles, info, out negative, out magnitude)
                : TryParseViaNumber(s, styles, info, out negative, out magnitude);
            if (status != ParseStatus.OK) return status;
            if (negative ? magnitude > (ulong)(-(min + 1)) + 1 : magnitude > (ulong)max) return ParseStatus.Overflow;
            result = negative ? (long)(0 - magnitude) : (long)magnitude;
            return ParseStatus.OK;
        }

        internal static ParseStatus TryParseUnsigned(string s, NumberStyles styles, NumberFormatInfo info, ulong max, int hexBits, out ulong result)
        {
            result = 0;
            if ((styles & NumberStyles.AllowHexSpecifier) != 0) return TryParseHex(s, styles, hexBits, out result);
            bool negative;
            ulong magnitude;
            bool integerStyle = (styles & ~NumberStyles.Integer) == 0;
            ParseStatus status = integerStyle
                ? TryParseIntegerStyle(s, styles, info, out negative, out magnitude)
                : TryParseViaNumber(s, styles, info, out negative, out magnitude);
            if (status != ParseStatus.OK) return status;
            // "-0" is 0, but through the general path any sign is out of range (as in .NET).
            if (magnitude > max || (negative && (magnitude != 0 || !integerStyle))) return ParseStatus.Overflow;
            result = magnitude;
            return ParseStatus.OK;
        }

        /// <summary>[white][sign]digits[white]['\0'...]; the magnitude saturates past 2^64 (overflow for every type).</summary>
        private static ParseStatus TryParseIntegerStyle(string s, NumberStyles styles, NumberFormatInfo info, out bool negative, out ulong magnitude)
        {
            negative = false;
            magnitude = 0;
            int length = s.Length;
            int i = 0;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0) while (i < length && IsWhite(s[i])) i++;
            if ((styles & NumberStyles.AllowLeadingSign) != 0 && i < length)
            {
                int after;
                if ((after = MatchAt(s, i, info.PositiveSign)) >= 0) i = after;
                else if ((after = MatchAt(s, i, info.NegativeSign)) >= 0)
                {
                    i = after;
                    negative = true;
                }
            }
            if (i >= length || !IsDigit(s[i])) return ParseStatus.Format;
            bool overflow = false;
            for (; i < length && IsDigit(s[i]); i++)
            {
                uint d = (uint)(s[i] - '0');
                if (magnitude > (ulong.MaxValue - d) / 10) overflow = true;
                else magnitude = magnitude * 10 + d;
            }
            if (!TrailingWhiteAndZeros(s, i, styles)) return ParseStatus.Format;
            return overflow ? ParseStatus.Overflow : ParseStatus.OK;
        }

        /// <summary>[white]hexdigits[white]['\0'...], as the bit pattern of a `bits`-bit number.</summary>
        private static ParseStatus TryParseHex(string s, NumberStyles styles, int bits, out ulong result)
        {
            result = 0;
            int length = s.Length;
            int i = 0;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0) while (i < length && IsWhite(s[i])) i++;
            if (i >= length || HexValue(s[i]) < 0) return ParseStatus.Format;
            int significant = 0;
            for (; i < length && HexValue(s[i]) >= 0; i++)
            {
                int d = HexValue(s[i]);
                if (significant == 0 && d == 0) continue;
                significant++;
                if (significant <= bits / 4) result = (result << 4) | (uint)d;
            }
            if (!TrailingWhiteAndZeros(s, i, styles)) return ParseStatus.Format;
            return significant > bits / 4 ? ParseStatus.Overflow : ParseStatus.OK;
        }

        /// <summary>The general path: decimal digits, then an integer (fraction digits are an overflow, as in .NET).</summary>
        private static ParseStatus TryParseViaNumber(string s, NumberStyles styles, NumberFormatInfo info, out bool negative, out ulong magnitude)
        {
            negative = false;
            magnitude = 0;
            char* buffer = stackalloc char[NumberBuffer.MaxDigits + 1];
            NumberBuffer number = new NumberBuffer();
            number.digits = buffer;
            if (!TryStringToNumber(s, styles, ref number, info)) return ParseStatus.Format;
            negative = number.sign;
            int i = number.scale;
            if (i > 20 || i < number.precision) return ParseStatus.Overflow;
            char* p = number.digits;
            for (; i > 0; i--)
            {
                uint d = *p != '\0' ? (uint)(*p++ - '0') : 0;
                if (magnitude > (ulong.MaxValue - d) / 10) return ParseStatus.Overflow;
                magnitude = magnitude * 10 + d;
            }
            return ParseStatus.OK;
        }

        private static bool TrailingWhiteAndZeros(string s, int i, NumberStyles styles)
        {
            int length = s.Length;
            if ((styles & NumberStyles.AllowTrailingWhite) != 0) while (i < length && IsWhite(s[i])) i++;
            for (; i < length; i++) if (s[i] != '\0') return false;
            return true;
        }

        private static bool IsWhite(char ch) { return ch == 0x20 || (ch >= 0x09 && ch <= 0x0D); }

        private static bool IsDigit(char ch) { return (uint)(ch - '0') <= 9; }

        private static int HexValue(char ch)
        {
            if (ch >= '0' && ch <= '9') return ch - '0';
            if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
            if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
            return -1;
        }

        /// <summary>The index after `value` if s continues with it at `at` (never for an empty value), else -1.</summary>
        private static int MatchAt(string s, int at, string value)
        {
            if (value.Length == 0 || at + value.Length > s.Length) return -1;
            for (int k = 0; k < value.Length; k++) if (s[at + k] != value[k]) return -1;
            return at + value.Length;
        }

        // ---- Floating point ---------------------------------------------------------------------

        internal static ParseStatus TryParseDouble(string s, NumberStyles styles, NumberFormatInfo info, out double result)
        {
            char* buffer = stackalloc char[NumberBuffer.MaxDigits + 1];
            NumberBuffer number = new NumberBuffer();
            number.digits = buffer;
            result = 0;
            if (!TryStringToNumber(s, styles, ref number, info))
            {
                string trimmed = s.Trim();
                if (trimmed == info.PositiveInfinitySymbol) result = double.PositiveInfinity;
                else if (trimmed == info.NegativeInfinitySymbol) result = double.NegativeInfinity;
                else if (trimmed == info.NaNSymbol) result = double.NaN;
                else return ParseStatus.Format;
                return ParseStatus.OK;
            }
            double d = NumberToDouble(ref number);
            if (double.IsInfinity(d)) return ParseStatus.Overflow;
            // -0 reads as +0.
            result = d == 0 ? 0 : d;
            return ParseStatus.OK;
        }

        /// <summary>ParseNumber over the whole string; only '\0's may follow what it accepts.</summary>
        private static bool TryStringToNumber(string s, NumberStyles styles, ref NumberBuffer number, NumberFormatInfo info)
        {
            int end = ParseNumber(s, styles, ref number, info);
            if (end < 0) return false;
            for (int i = end; i < s.Length; i++) if (s[i] != '\0') return false;
            return true;
        }

        /// <summary>
        /// Reads [white][sign|'('][currency]digits[.digits][e[sign]digits][white][sign|')'][currency]
        /// as the styles allow into `number`; returns the index after it, or -1.
        /// </summary>
        private static int ParseNumber(string s, NumberStyles styles, ref NumberBuffer number, NumberFormatInfo info)
        {
            const int StateSign = 0x0001;
            const int StateParens = 0x0002;
            const int StateDigits = 0x0004;
            const int StateNonZero = 0x0008;
            const int StateDecimal = 0x0010;
            const int StateCurrency = 0x0020;

            number.scale = 0;
            number.sign = false;
            string decSep;
            string groupSep;
            string currSymbol = null;
            bool parsingCurrency = false;
            if ((styles & NumberStyles.AllowCurrencySymbol) != 0)
            {
                currSymbol = info.CurrencySymbol;
                decSep = info.CurrencyDecimalSeparator;
                groupSep = info.CurrencyGroupSeparator;
                parsingCurrency = true;
            }
            else
            {
                decSep = info.NumberDecimalSeparator;
                groupSep = info.NumberGroupSeparator;
            }

            int length = s.Length;
            int state = 0;
            int p = 0;
            char ch = p < length ? s[p] : '\0';
            int next;
            for (;;)
            {
                // White space is skipped unless it follows a sign without a currency symbol ("- 1" is not a number).
                if (!IsWhite(ch) || (styles & NumberStyles.AllowLeadingWhite) == 0 || ((state & StateSign) != 0 && (state & StateCurrency) == 0 && info.NumberNegativePattern != 2))
                {
                    if ((styles & NumberStyles.AllowLeadingSign) != 0 && (state & StateSign) == 0 && ((next = MatchAt(s, p, info.PositiveSign)) >= 0 || ((next = MatchAt(s, p, info.NegativeSign)) >= 0 && (number.sign = true))))
                    {
                        state |= StateSign;
                        p = next - 1;
                    }
                    else if (ch == '(' && (styles & NumberStyles.AllowParentheses) != 0 && (state & StateSign) == 0)
                    {
                        state |= StateSign | StateParens;
                        number.sign = true;
                    }
                    else if (currSymbol != null && (next = MatchAt(s, p, currSymbol)) >= 0)
                    {
                        state |= StateCurrency;
                        currSymbol = null;
                        p = next - 1;
                    }
                    else
                    {
                        break;
                    }
                }
                ch = ++p < length ? s[p] : '\0';
            }

            int digCount = 0;
            int digEnd = 0;
            for (;;)
            {
                if (ch >= '0' && ch <= '9')
                {
                    state |= StateDigits;
                    if (ch != '0' || (state & StateNonZero) != 0)
                    {
                        if (digCount < NumberBuffer.MaxDigits)
                        {
                            number.digits[digCount++] = ch;
                            if (ch != '0') digEnd = digCount;
                        }
                        if ((state & StateDecimal) == 0) number.scale++;
                        state |= StateNonZero;
                    }
                    else if ((state & StateDecimal) != 0)
                    {
                        number.scale--;
                    }
                }
                else if ((styles & NumberStyles.AllowDecimalPoint) != 0 && (state & StateDecimal) == 0 &&
                    ((next = MatchAt(s, p, decSep)) >= 0 || (parsingCurrency && (state & StateCurrency) == 0 && (next = MatchAt(s, p, info.NumberDecimalSeparator)) >= 0)))
                {
                    state |= StateDecimal;
                    p = next - 1;
                }
                else if ((styles & NumberStyles.AllowThousands) != 0 && (state & StateDigits) != 0 && (state & StateDecimal) == 0 &&
                    ((next = MatchAt(s, p, groupSep)) >= 0 || (parsingCurrency && (state & StateCurrency) == 0 && (next = MatchAt(s, p, info.NumberGroupSeparator)) >= 0)))
                {
                    p = next - 1;
                }
                else
                {
                    break;
                }
                ch = ++p < length ? s[p] : '\0';
            }

            number.precision = digEnd;
            number.digits[digEnd] = '\0';
            if ((state & StateDigits) == 0) return -1;

            if ((ch == 'E' || ch == 'e') && (styles & NumberStyles.AllowExponent) != 0)
            {
                int mark = p;
                bool negExp = false;
                ch = ++p < length ? s[p] : '\0';
                if ((next = MatchAt(s, p, info.PositiveSign)) >= 0)
                {
                    p = next;
                    ch = p < length ? s[p] : '\0';
                }
                else if ((next = MatchAt(s, p, info.NegativeSign)) >= 0)
                {
                    p = next;
                    ch = p < length ? s[p] : '\0';
                    negExp = true;
                }
                if (ch >= '0' && ch <= '9')
                {
                    int exp = 0;
                    do
                    {
                        exp = exp * 10 + (ch - '0');
                        ch = ++p < length ? s[p] : '\0';
                        if (exp > 1000)
                        {
                            exp = 9999;
                            while (ch >= '0' && ch <= '9') ch = ++p < length ? s[p] : '\0';
                        }
                    } while (ch >= '0' && ch <= '9');
                    number.scale += negExp ? -exp : exp;
                }
                else
                {
                    p = mark;
                    ch = p < length ? s[p] : '\0';
                }
            }

            for (;;)
            {
                if (!IsWhite(ch) || (styles & NumberStyles.AllowTrailingWhite) == 0)
                {
                    if ((styles & NumberStyles.AllowTrailingSign) != 0 && (state & StateSign) == 0 && ((next = MatchAt(s, p, info.PositiveSign)) >= 0 || ((next = MatchAt(s, p, info.NegativeSign)) >= 0 && (number.sign = true))))
                    {
                        state |= StateSign;
                        p = next - 1;
                    }
                    else if (ch == ')' && (state & StateParens) != 0)
                    {
                        state &= ~StateParens;
                    }
                    else if (currSymbol != null && (next = MatchAt(s, p, currSymbol)) >= 0)
                    {
                        currSymbol = null;
                        p = next - 1;
                    }
                    else
                    {
                        break;
                    }
                }
                ch = ++p < length ? s[p] : '\0';
            }
            if ((state & StateParens) != 0) return -1;
            if ((state & StateNonZero) == 0)
            {
                number.scale = 0;
                if ((state & StateDecimal) == 0) number.sign = false;
            }
            return p;
        }

        /// <summary>.NET's conversion of decimal digits to the nearest double, with its lossy 64-bit steps.</summary>
        internal static double NumberToDouble(ref NumberBuffer number)
        {
            char* src = number.digits;
            int total = 0;
            while (src[total] != '\0') total++;
            int remaining = total;
            while (*src == '0')
            {
                remaining--;
                src++;
            }
            if (remaining == 0) return 0;

            int count = remaining < 9 ? remaining : 9;
            remaining -= count;
            ulong val = DigitsToInt(src, count);
            if (remaining > 0)
            {
                count = remaining < 9 ? remaining : 9;
                remaining -= count;
                uint mult = (uint)(Power10Mantissa(count - 1) >> ((64 - Power10Exponent(count - 1)) & 63));
                val = (ulong)(uint)val * mult + DigitsToInt(src + 9, count);
            }

            int scale = number.scale - (total - remaining);
            int absScale = scale < 0 ? -scale : scale;
            if (absScale >= 22 * 16)
            {
                ulong limit = scale > 0 ? 0x7FF0000000000000UL : 0UL;
                if (number.sign) limit |= 0x8000000000000000;
                return BitConverter.Int64BitsToDouble((long)limit);
            }

            int exp = 64;
            if ((val & 0xFFFFFFFF00000000) == 0) { val <<= 32; exp -= 32; }
            if ((val & 0xFFFF000000000000) == 0) { val <<= 16; exp -= 16; }
            if ((val & 0xFF00000000000000) == 0) { val <<= 8; exp -= 8; }
            if ((val & 0xF000000000000000) == 0) { val <<= 4; exp -= 4; }
            if ((val & 0xC000000000000000) == 0) { val <<= 2; exp -= 2; }
            if ((val & 0x8000000000000000) == 0) { val <<= 1; exp -= 1; }

            int index = absScale & 15;
            if (index != 0)
            {
                int multExp = Power10Exponent(index - 1);
                exp += scale < 0 ? -multExp + 1 : multExp;
                val = Mul64Lossy(val, Power10Mantissa(index + (scale < 0 ? 15 : 0) - 1), ref exp);
            }
            index = absScale >> 4;
            if (index != 0)
            {
                int multExp = Power10By16Exponent(index - 1);
                exp += scale < 0 ? -multExp + 1 : multExp;
                val = Mul64Lossy(val, Power10By16Mantissa(index + (scale < 0 ? 21 : 0) - 1), ref exp);
            }

            // Round to 53 bits, ties to even.
            if (((uint)val & (1 << 10)) != 0)
            {
                ulong tmp = val + ((1 << 10) - 1) + (((uint)val >> 11) & 1);
                if (tmp < val)
                {
                    tmp = (tmp >> 1) | 0x8000000000000000;
                    exp++;
                }
                val = tmp;
            }

            exp += 0x3FE;
            if (exp <= 0)
            {
                if (exp == -52 && val >= 0x8000000000000058) val = 1;
                else if (exp <= -52) val = 0;
                else val >>= (-exp + 11 + 1) & 63;
            }
            else if (exp >= 0x7FF)
            {
                val = 0x7FF0000000000000;
            }
            else
            {
                val = ((ulong)exp << 52) + ((val >> 11) & 0x000FFFFFFFFFFFFF);
            }
            if (number.sign) val |= 0x8000000000000000;
            return BitConverter.Int64BitsToDouble((long)val);
        }

        private static uint DigitsToInt(char* p, int count)
        {
            char* end = p + count;
            uint res = (uint)(*p - '0');
            for (p++; p < end; p++) res = 10 * res + *p - '0';
            return res;
        }

        /// <summary>The high 64 bits of a·b (truncated), normalised to bit 63 with `exp` adjusted.</summary>
        private static ulong Mul64Lossy(ulong a, ulong b, ref int exp)
        {
            ulong val = (a >> 32) * (b >> 32) + (((a >> 32) * (uint)b) >> 32) + (((uint)a * (b >> 32)) >> 32);
            if ((val & 0x8000000000000000) == 0)
            {
                val <<= 1;
                exp--;
            }
            return val;
        }

        // .NET's tables for NumberToDouble: 64-bit mantissas of 10^1..10^15 then 10^-1..10^-15,
        // and of 10^16, 10^32, ..., 10^336 then their inverses, with the binary exponents of
        // the positive powers. They are not all correctly rounded; the parser must use
        // exactly these values to read the same doubles as Mono.

        private static ulong Power10Mantissa(int index)
        {
            switch (index)
            {
                case 0: return 0xA000000000000000; case 1: return 0xC800000000000000; case 2: return 0xFA00000000000000;
                case 3: return 0x9C40000000000000; case 4: return 0xC350000000000000; case 5: return 0xF424000000000000;
                case 6: return 0x9896800000000000; case 7: return 0xBEBC200000000000; case 8: return 0xEE6B280000000000;
                case 9: return 0x9502F90000000000; case 10: return 0xBA43B74000000000; case 11: return 0xE8D4A51000000000;
                case 12: return 0x9184E72A00000000; case 13: return 0xB5E620F480000000; case 14: return 0xE35FA931A0000000;
                case 15: return 0xCCCCCCCCCCCCCCCD; case 16: return 0xA3D70A3D70A3D70B; case 17: return 0x83126E978D4FDF3C;
                case 18: return 0xD1B71758E219652E; case 19: return 0xA7C5AC471B478425; case 20: return 0x8637BD05AF6C69B7;
                case 21: return 0xD6BF94D5E57A42BE; case 22: return 0xABCC77118461CEFF; case 23: return 0x89705F4136B4A599;
                case 24: return 0xDBE6FECEBDEDD5C2; case 25: return 0xAFEBFF0BCB24AB02; case 26: return 0x8CBCCC096F5088CF;
                case 27: return 0xE12E13424BB40E18; case 28: return 0xB424DC35095CD813; default: return 0x901D7CF73AB0ACDC;
            }
        }

        private static int Power10Exponent(int index)
        {
            // 4 7 10 14 17 20 24 27 30 34 37 40 44 47 50: floor(n · log2 10) + 1 for 10^n, n = index + 1.
            int n = index + 1;
            return (int)(((long)n * 14267572527) >> 32) + 1;
        }

        private static ulong Power10By16Mantissa(int index)
        {
            switch (index)
            {
                case 0: return 0x8E1BC9BF04000000; case 1: return 0x9DC5ADA82B70B59E; case 2: return 0xAF298D050E4395D6;
                case 3: return 0xC2781F49FFCFA6D4; case 4: return 0xD7E77A8F87DAF7FA; case 5: return 0xEFB3AB16C59B14A0;
                case 6: return 0x850FADC09923329C; case 7: return 0x93BA47C980E98CDE; case 8: return 0xA402B9C5A8D3A6E6;
                case 9: return 0xB616A12B7FE617A8; case 10: return 0xCA28A291859BBF90; case 11: return 0xE070F78D39275566;
                case 12: return 0xF92E0C3537826140; case 13: return 0x8A5296FFE33CC92C; case 14: return 0x9991A6F3D6BF1762;
                case 15: return 0xAA7EEBFB9DF9DE8A; case 16: return 0xBD49D14AA79DBC7E; case 17: return 0xD226FC195C6A2F88;
                case 18: return 0xE950DF20247C83F8; case 19: return 0x81842F29F2CCE373; case 20: return 0x8FCAC257558EE4E2;
                case 21: return 0xE69594BEC44DE160; case 22: return 0xCFB11EAD453994C3; case 23: return 0xBB127C53B17EC165;
                case 24: return 0xA87FEA27A539E9B3; case 25: return 0x97C560BA6B0919B5; case 26: return 0x88B402F7FD7553AB;
                case 27: return 0xF64335BCF065D3A0; case 28: return 0xDDD0467C64BCE4C4; case 29: return 0xC7CABA6E7C5382ED;
                case 30: return 0xB3F4E093DB73A0B7; case 31: return 0xA21727DB38CB0053; case 32: return 0x91FF83775423CC29;
                case 33: return 0x8380DEA93DA4BC82; case 34: return 0xECE53CEC4A314F00; case 35: return 0xD5605FCDCF32E217;
                case 36: return 0xC0314325637A1978; case 37: return 0xAD1C8EAB5EE43BA2; case 38: return 0x9BECCE62836AC5B0;
                case 39: return 0x8C71DCD9BA0B495C; case 40: return 0xFD00B89747823938; default: return 0xE3E27A444D8D991A;
            }
        }

        private static int Power10By16Exponent(int index)
        {
            // 54 107 160 ... 1117: floor(16n · log2 10) + 1 for 10^(16n), n = index + 1.
            int n = 16 * (index + 1);
            return (int)(((long)n * 14267572527) >> 32) + 1;
        }
    }
}
