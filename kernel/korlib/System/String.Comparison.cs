// korlib: comparing strings. Ordinal comparison subtracts the first differing characters
// (or the lengths). Culture-sensitive comparison (string.Compare, CompareTo, sorting) uses
// the invariant culture's collation as Mono applies it to Latin text: letters compare by
// their base letter first (case and accents ignored), then by accents, then by case
// (lower before upper); digits sort before letters and punctuation before digits; the
// apostrophe and the hyphen are ignored except to break ties. Text with other scripts or
// unusual punctuation may order differently from Mono (sharpaot has no collation tables).

namespace System
{
    public sealed unsafe partial class String
    {
        /// <summary>Primary order of the ASCII characters that are neither letters nor ignorable.</summary>
        private const string SymbolOrder = " !\"#$%&()*,./:;?@[\\]^_`{|}~+<=>0123456789";
        /// <summary>Base letters of U+00C0..U+00FF ('\0' where the character is not a letter).</summary>
        private const string Latin1BaseLetters = "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";

        public static bool operator ==(string a, string b) { return Equals(a, b); }
        public static bool operator !=(string a, string b) { return !Equals(a, b); }

        public override bool Equals(object obj)
        {
            string s = obj as string;
            return s != null && Equals(this, s);
        }

        public bool Equals(string value) { return Equals(this, value); }

        public bool Equals(string value, StringComparison comparisonType) { return Equals(this, value, comparisonType); }

        public static bool Equals(string a, string b)
        {
            if ((object)a == (object)b) return true;
            if ((object)a == null || (object)b == null || a.m_length != b.m_length) return false;
            fixed (char* pa = &a.m_firstChar)
            fixed (char* pb = &b.m_firstChar)
            {
                for (int i = 0; i < a.m_length; i++) if (pa[i] != pb[i]) return false;
            }
            return true;
        }

        public static bool Equals(string a, string b, StringComparison comparisonType)
        {
            bool ignoreCase = IgnoresCase(comparisonType);
            if ((object)a == (object)b) return true;
            if ((object)a == null || (object)b == null) return false;
            if (comparisonType >= StringComparison.Ordinal) return a.m_length == b.m_length && a.MatchesAt(0, b, ignoreCase);
            return Compare(a, b, comparisonType) == 0;
        }

        // ---- Ordinal ------------------------------------------------------------------------------

        public static int CompareOrdinal(string strA, string strB)
        {
            if ((object)strA == (object)strB) return 0;
            if ((object)strA == null) return -1;
            if ((object)strB == null) return 1;
            return CompareOrdinalCore(strA, 0, strA.m_length, strB, 0, strB.m_length, false);
        }

        public static int CompareOrdinal(string strA, int indexA, string strB, int indexB, int length)
        {
            if ((object)strA == null || (object)strB == null)
            {
                if ((object)strA == (object)strB) return 0;
                return (object)strA == null ? -1 : 1;
            }
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Count cannot be less than zero.");
            if (indexA < 0 || indexB < 0) throw new ArgumentOutOfRangeException(indexA < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            int lengthA = strA.m_length - indexA < length ? strA.m_length - indexA : length;
            int lengthB = strB.m_length - indexB < length ? strB.m_length - indexB : length;
            if (lengthA < 0 || lengthB < 0) throw new ArgumentOutOfRangeException(lengthA < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return CompareOrdinalCore(strA, indexA, lengthA, strB, indexB, lengthB, false);
        }

        private static int CompareOrdinalCore(string a, int indexA, int lengthA, string b, int indexB, int lengthB, bool ignoreCase)
        {
            int n = lengthA < lengthB ? lengthA : lengthB;
            for (int i = 0; i < n; i++)
            {
                int ca = a[indexA + i];
                int cb = b[indexB + i];
                if (ignoreCase)
                {
                    ca = Char.ToUpper((char)ca);
                    cb = Char.ToUpper((char)cb);
                }
                if (ca != cb) return ca - cb;
            }
            return lengthA - lengthB;
        }

        // ---- Culture-sensitive (the invariant culture) -----------------------------------------------

        public static int Compare(string strA, string strB) { return Compare(strA, strB, StringComparison.CurrentCulture); }

        public static int Compare(string strA, string strB, bool ignoreCase)
        {
            return Compare(strA, strB, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);
        }

        public static int Compare(string strA, string strB, bool ignoreCase, System.Globalization.CultureInfo culture) { return Compare(strA, strB, ignoreCase); }

        public static int Compare(string strA, string strB, StringComparison comparisonType)
        {
            bool ignoreCase = IgnoresCase(comparisonType);
            if ((object)strA == (object)strB) return 0;
            if ((object)strA == null) return -1;
            if ((object)strB == null) return 1;
            if (comparisonType >= StringComparison.Ordinal) return CompareOrdinalCore(strA, 0, strA.m_length, strB, 0, strB.m_length, ignoreCase);
            return Collate(strA, 0, strA.m_length, strB, 0, strB.m_length, ignoreCase);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length)
        {
            return Compare(strA, indexA, strB, indexB, length, StringComparison.CurrentCulture);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, bool ignoreCase)
        {
            return Compare(strA, indexA, strB, indexB, length, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, StringComparison comparisonType)
        {
            bool ignoreCase = IgnoresCase(comparisonType);
            if ((object)strA == null || (object)strB == null)
            {
                if ((object)strA == (object)strB) return 0;
                return (object)strA == null ? -1 : 1;
            }
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (indexA < 0 || indexB < 0) throw new ArgumentOutOfRangeException(indexA < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (strA.m_length - indexA < 0 || strB.m_length - indexB < 0) throw new ArgumentOutOfRangeException(strA.m_length - indexA < 0 ? "indexA" : "indexB", "Index was out of range. Must be non-negative and less than the size of the collection.");
            int lengthA = strA.m_length - indexA < length ? strA.m_length - indexA : length;
            int lengthB = strB.m_length - indexB < length ? strB.m_length - indexB : length;
            if (comparisonType >= StringComparison.Ordinal) return CompareOrdinalCore(strA, indexA, lengthA, strB, indexB, lengthB, ignoreCase);
            return Collate(strA, indexA, lengthA, strB, indexB, lengthB, ignoreCase);
        }

        public int CompareTo(string strB) { return Compare(this, strB, StringComparison.CurrentCulture); }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            string s = value as string;
            if (s == null) throw new ArgumentException("Object must be of type String.");
            return CompareTo(s);
        }

        /// <summary>The collation order of the two ranges: -1, 0 or 1.</summary>
        private static int Collate(string a, int ia, int na, string b, int ib, int nb, bool ignoreCase)
        {
            // Level 1: base characters; 2: accents; 3: case.
            for (int level = 1; level <= 3; level++)
            {
                if (level == 3 && ignoreCase) continue;
                int i = 0;
                int j = 0;
                for (;;)
                {
                    while (i < na && IsIgnorable(a[ia + i])) i++;
                    while (j < nb && IsIgnorable(b[ib + j])) j++;
                    if (i == na || j == nb)
                    {
                        if (i == na && j == nb) break;
                        return i == na ? -1 : 1;
                    }
                    int wa = Weight(a[ia + i], level);
                    int wb = Weight(b[ib + j], level);
                    if (wa != wb) return wa < wb ? -1 : 1;
                    i++;
                    j++;
                }
            }
            // Level 4: the ignored characters, fewer first, then apostrophe before hyphen.
            int ca = 0;
            int cb = 0;
            for (int i = 0; i < na; i++) if (IsIgnorable(a[ia + i])) ca++;
            for (int j = 0; j < nb; j++) if (IsIgnorable(b[ib + j])) cb++;
            if (ca != cb) return ca < cb ? -1 : 1;
            for (int i = 0, j = 0; i < na && j < nb; i++, j++)
            {
                while (i < na && !IsIgnorable(a[ia + i])) i++;
                while (j < nb && !IsIgnorable(b[ib + j])) j++;
                if (i == na || j == nb) break;
                if (a[ia + i] != b[ib + j]) return a[ia + i] < b[ib + j] ? -1 : 1;
            }
            return 0;
        }

        private static bool IsIgnorable(char c) { return c == '\'' || c == '-' || c == 0xAD; }

        /// <summary>A character's weight at a collation level (see Collate).</summary>
        private static int Weight(char c, int level)
        {
            char lower = Char.ToLower(c);
            char letter = lower >= 'a' && lower <= 'z' ? lower : '\0';
            int accent = 0;
            if (lower >= 0xC0 && lower <= 0xFF && Latin1BaseLetters[lower - 0xC0] != '\0')
            {
                letter = Latin1BaseLetters[lower - 0xC0];
                accent = lower - 0xBF;
            }
            switch (level)
            {
                case 1:
                    if (letter != '\0') return 0x100 + letter;
                    int symbol = SymbolOrder.IndexOf(c);
                    return symbol >= 0 ? 0x10 + symbol : 0x200 + c;
                case 2:
                    return accent;
                default:
                    return c != lower ? 1 : 0;
            }
        }
    }
}
