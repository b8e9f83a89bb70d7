// korlib: System.Char. Categories and case mappings are exact for U+0000..U+017F (Basic
// Latin, Latin-1 and Latin Extended-A, as Mono's invariant culture has them); beyond that
// Greek and Cyrillic letters are letters with their simple case pairs, the Unicode spaces
// are white space, surrogates are surrogates, and everything else is OtherNotAssigned
// (sharpaot carries no full Unicode database).

using System.Globalization;

namespace System
{
    public struct Char : IComparable, IComparable<char>, IEquatable<char>
    {
        public const char MaxValue = (char)0xffff;
        public const char MinValue = (char)0;
        private char m_value;

        /// <summary>UnicodeCategory of U+0000..U+00FF, one character each: 'A' + the category's value.</summary>
        private const string Latin1Categories =
            "OOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOLYYY[YYYUVYZYTYYIIIIIIIIIIYYZZZY" +
            "YAAAAAAAAAAAAAAAAAAAAAAAAAAUYV\\S\\BBBBBBBBBBBBBBBBBBBBBBBBBBUZVZO" +
            "OOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOLY[[[[]]\\]BWZT]\\]ZKK\\B]Y\\KBXKKKY" +
            "AAAAAAAAAAAAAAAAAAAAAAAZAAAAAAABBBBBBBBBBBBBBBBBBBBBBBBZBBBBBBBB";

        public override string ToString() { return new string(m_value, 1); }
        public string ToString(IFormatProvider provider) { return new string(m_value, 1); }
        public static string ToString(char c) { return new string(c, 1); }

        public static char Parse(string s)
        {
            if (s == null) throw new ArgumentNullException("s");
            if (s.Length != 1) throw new FormatException("String must be exactly one character long.");
            return s[0];
        }

        public static bool TryParse(string s, out char result)
        {
            result = '\0';
            if (s == null || s.Length != 1) return false;
            result = s[0];
            return true;
        }

        public override bool Equals(object obj) { return obj is char && (char)obj == m_value; }
        public bool Equals(char obj) { return obj == m_value; }
        public override int GetHashCode() { return (int)m_value | ((int)m_value << 16); }
        public int CompareTo(char value) { return m_value - value; }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (!(value is char)) throw new ArgumentException("Object must be of type Char.");
            return m_value - (char)value;
        }

        // ---- Categories -----------------------------------------------------------------------

        public static UnicodeCategory GetUnicodeCategory(char c)
        {
            if (c < 0x100) return (UnicodeCategory)(Latin1Categories[c] - 'A');
            if (c < 0x180)
            {
                if (c == 0x138 || c == 0x149 || c == 0x17F) return UnicodeCategory.LowercaseLetter;
                bool upperIsOdd = (c >= 0x139 && c <= 0x148) || c >= 0x179;
                if (c == 0x178) return UnicodeCategory.UppercaseLetter;
                return ((c & 1) == 1) == upperIsOdd ? UnicodeCategory.UppercaseLetter : UnicodeCategory.LowercaseLetter;
            }
            if ((c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x400 && c <= 0x42F)) return UnicodeCategory.UppercaseLetter;
            if ((c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F)) return UnicodeCategory.LowercaseLetter;
            if (c >= 0xD800 && c <= 0xDFFF) return UnicodeCategory.Surrogate;
            if (c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000) return UnicodeCategory.SpaceSeparator;
            if (c == 0x2028) return UnicodeCategory.LineSeparator;
            if (c == 0x2029) return UnicodeCategory.ParagraphSeparator;
            if (c >= 0xE000 && c <= 0xF8FF) return UnicodeCategory.PrivateUse;
            return UnicodeCategory.OtherNotAssigned;
        }

        public static UnicodeCategory GetUnicodeCategory(string s, int index) { return GetUnicodeCategory(At(s, index)); }

        private static char At(string s, int index)
        {
            if (s == null) throw new ArgumentNullException("s");
            if ((uint)index >= (uint)s.Length) throw new ArgumentOutOfRangeException("index");
            return s[index];
        }

        public static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

        public static bool IsLetter(char c)
        {
            UnicodeCategory k = GetUnicodeCategory(c);
            return k <= UnicodeCategory.OtherLetter;
        }

        public static bool IsLetterOrDigit(char c) { return IsLetter(c) || IsDigit(c); }
        public static bool IsUpper(char c) { return GetUnicodeCategory(c) == UnicodeCategory.UppercaseLetter; }
        public static bool IsLower(char c) { return GetUnicodeCategory(c) == UnicodeCategory.LowercaseLetter; }

        public static bool IsNumber(char c)
        {
            UnicodeCategory k = GetUnicodeCategory(c);
            return k >= UnicodeCategory.DecimalDigitNumber && k <= UnicodeCategory.OtherNumber;
        }

        public static bool IsPunctuation(char c)
        {
            UnicodeCategory k = GetUnicodeCategory(c);
            return k >= UnicodeCategory.ConnectorPunctuation && k <= UnicodeCategory.OtherPunctuation;
        }

        public static bool IsSymbol(char c)
        {
            UnicodeCategory k = GetUnicodeCategory(c);
            return k >= UnicodeCategory.MathSymbol && k <= UnicodeCategory.OtherSymbol;
        }

        public static bool IsSeparator(char c)
        {
            UnicodeCategory k = GetUnicodeCategory(c);
            return k >= UnicodeCategory.SpaceSeparator && k <= UnicodeCategory.ParagraphSeparator;
        }

        public static bool IsControl(char c) { return GetUnicodeCategory(c) == UnicodeCategory.Control; }

        public static bool IsWhiteSpace(char c)
        {
            if (c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x85) return true;
            return c >= 0x100 && IsSeparator(c);
        }

        public static bool IsSurrogate(char c) { return c >= 0xD800 && c <= 0xDFFF; }
        public static bool IsHighSurrogate(char c) { return c >= 0xD800 && c <= 0xDBFF; }
        public static bool IsLowSurrogate(char c) { return c >= 0xDC00 && c <= 0xDFFF; }
        public static bool IsSurrogatePair(char highSurrogate, char lowSurrogate) { return IsHighSurrogate(highSurrogate) && IsLowSurrogate(lowSurrogate); }

        public static bool IsDigit(string s, int index) { return IsDigit(At(s, index)); }
        public static bool IsLetter(string s, int index) { return IsLetter(At(s, index)); }
        public static bool IsLetterOrDigit(string s, int index) { return IsLetterOrDigit(At(s, index)); }
        public static bool IsUpper(string s, int index) { return IsUpper(At(s, index)); }
        public static bool IsLower(string s, int index) { return IsLower(At(s, index)); }
        public static bool IsNumber(string s, int index) { return IsNumber(At(s, index)); }
        public static bool IsPunctuation(string s, int index) { return IsPunctuation(At(s, index)); }
        public static bool IsSymbol(string s, int index) { return IsSymbol(At(s, index)); }
        public static bool IsSeparator(string s, int index) { return IsSeparator(At(s, index)); }
        public static bool IsControl(string s, int index) { return IsControl(At(s, index)); }
        public static bool IsWhiteSpace(string s, int index) { return IsWhiteSpace(At(s, index)); }
        public static bool IsSurrogate(string s, int index) { return IsSurrogate(At(s, index)); }

        /// <summary>The value of a digit or number character ('7' → 7, '½' → 0.5), else -1.</summary>
        public static double GetNumericValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            switch ((int)c)
            {
                case 0xB2: return 2;
                case 0xB3: return 3;
                case 0xB9: return 1;
                case 0xBC: return 0.25;
                case 0xBD: return 0.5;
                case 0xBE: return 0.75;
                default: return -1;
            }
        }

        public static double GetNumericValue(string s, int index) { return GetNumericValue(At(s, index)); }

        // ---- Case ---------------------------------------------------------------------------------

        public static char ToUpper(char c)
        {
            if (c < 0x80) return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
            if (c < 0x100)
            {
                if (c == 0xFF) return (char)0x178;
                return c >= 0xE0 && c != 0xF7 ? (char)(c - 32) : c;
            }
            // Latin Extended-A pairs an upper case letter with the lower case one after it.
            if (c < 0x180) return GetUnicodeCategory(c) == UnicodeCategory.LowercaseLetter && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F ? (char)(c - 1) : c;
            if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return (char)(c - 32);
            if (c >= 0x430 && c <= 0x44F) return (char)(c - 32);
            if (c >= 0x450 && c <= 0x45F) return (char)(c - 80);
            return c;
        }

        public static char ToLower(char c)
        {
            if (c < 0x80) return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
            if (c < 0x100) return c >= 0xC0 && c <= 0xDE && c != 0xD7 ? (char)(c + 32) : c;
            if (c < 0x180)
            {
                if (c == 0x178) return (char)0xFF;
                return GetUnicodeCategory(c) == UnicodeCategory.UppercaseLetter && c != 0x130 ? (char)(c + 1) : c;
            }
            if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return (char)(c + 32);
            if (c >= 0x410 && c <= 0x42F) return (char)(c + 32);
            if (c >= 0x400 && c <= 0x40F) return (char)(c + 80);
            return c;
        }

        public static char ToUpper(char c, CultureInfo culture) { return ToUpper(c); }
        public static char ToLower(char c, CultureInfo culture) { return ToLower(c); }
        public static char ToUpperInvariant(char c) { return ToUpper(c); }
        public static char ToLowerInvariant(char c) { return ToLower(c); }

        // ---- UTF-32 ------------------------------------------------------------------------------------

        public static string ConvertFromUtf32(int utf32)
        {
            if (utf32 < 0 || utf32 > 0x10FFFF || (utf32 >= 0xD800 && utf32 <= 0xDFFF))
            {
                throw new ArgumentOutOfRangeException("utf32", "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff).");
            }
            if (utf32 < 0x10000) return new string((char)utf32, 1);
            utf32 -= 0x10000;
            char[] pair = new char[2];
            pair[0] = (char)((utf32 >> 10) + 0xD800);
            pair[1] = (char)((utf32 & 0x3FF) + 0xDC00);
            return new string(pair);
        }

        public static int ConvertToUtf32(char highSurrogate, char lowSurrogate)
        {
            if (!IsHighSurrogate(highSurrogate)) throw new ArgumentOutOfRangeException("highSurrogate", "A valid high surrogate character is between 0xd800 and 0xdbff, inclusive.");
            if (!IsLowSurrogate(lowSurrogate)) throw new ArgumentOutOfRangeException("lowSurrogate", "A valid low surrogate character is between 0xdc00 and 0xdfff, inclusive.");
            return ((highSurrogate - 0xD800) << 10) + (lowSurrogate - 0xDC00) + 0x10000;
        }

        public static int ConvertToUtf32(string s, int index)
        {
            char c = At(s, index);
            if (!IsSurrogate(c)) return c;
            if (IsHighSurrogate(c) && index + 1 < s.Length && IsLowSurrogate(s[index + 1])) return ConvertToUtf32(c, s[index + 1]);
            throw new ArgumentException("Found a high surrogate char without a following low surrogate at index: " + index + ". The input may not be in this encoding, or may not contain valid Unicode (UTF-16) characters.", "s");
        }
    }
}
