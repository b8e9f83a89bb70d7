// korlib: searching in strings. Matching is ordinal (character by character) for every
// StringComparison except the IgnoreCase ones, which compare case-folded characters;
// Mono's culture-sensitive matching gives the same answers for text without characters
// its collation ignores. Argument errors carry Mono's messages.

namespace System
{
    public sealed unsafe partial class String
    {
        private const string IndexMessage = "Index was out of range. Must be non-negative and less than the size of the collection.";
        private const string CountMessage = "Count must be positive and count must refer to a location within the string/array/collection.";

        // ---- Characters ---------------------------------------------------------------------------

        public int IndexOf(char value) { return IndexOf(value, 0, m_length); }

        public int IndexOf(char value, int startIndex)
        {
            if ((uint)startIndex > (uint)m_length) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            return IndexOf(value, startIndex, m_length - startIndex);
        }

        public int IndexOf(char value, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)m_length) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if ((uint)count > (uint)(m_length - startIndex)) throw new ArgumentOutOfRangeException("count", CountMessage);
            fixed (char* p = &m_firstChar)
            {
                for (int i = startIndex; i < startIndex + count; i++) if (p[i] == value) return i;
            }
            return -1;
        }

        public int IndexOfAny(char[] anyOf) { return IndexOfAny(anyOf, 0, m_length); }

        public int IndexOfAny(char[] anyOf, int startIndex)
        {
            if ((uint)startIndex > (uint)m_length) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            return IndexOfAny(anyOf, startIndex, m_length - startIndex);
        }

        public int IndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null) throw new ArgumentNullException("anyOf");
            if ((uint)startIndex > (uint)m_length) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if ((uint)count > (uint)(m_length - startIndex)) throw new ArgumentOutOfRangeException("count", CountMessage);
            for (int i = startIndex; i < startIndex + count; i++) if (Contains(anyOf, this[i])) return i;
            return -1;
        }

        public int LastIndexOf(char value) { return LastIndexOf(value, m_length - 1, m_length); }

        public int LastIndexOf(char value, int startIndex) { return LastIndexOf(value, startIndex, startIndex + 1); }

        public int LastIndexOf(char value, int startIndex, int count)
        {
            if (m_length == 0) return -1;
            if ((uint)startIndex >= (uint)m_length) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if ((uint)count > (uint)startIndex + 1) throw new ArgumentOutOfRangeException("count", CountMessage);
            for (int i = startIndex; i > startIndex - count; i--) if (this[i] == value) return i;
            return -1;
        }

        public int LastIndexOfAny(char[] anyOf) { return LastIndexOfAny(anyOf, m_length - 1, m_length); }

        public int LastIndexOfAny(char[] anyOf, int startIndex) { return LastIndexOfAny(anyOf, startIndex, startIndex + 1); }

        public int LastIndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null) throw new ArgumentNullException("anyOf");
            if (m_length == 0) return -1;
            if ((uint)startIndex >= (uint)m_length) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (count < 0 || count - 1 > startIndex) throw new ArgumentOutOfRangeException("count", CountMessage);
            for (int i = startIndex; i > startIndex - count; i--) if (Contains(anyOf, this[i])) return i;
            return -1;
        }

        private static bool Contains(char[] set, char c)
        {
            for (int k = 0; k < set.Length; k++) if (set[k] == c) return true;
            return false;
        }

        public bool Contains(char value) { return IndexOf(value) >= 0; }

        // ---- Strings ---------------------------------------------------------------------------------

        public bool Contains(string value)
        {
            if (value == null) throw new ArgumentNullException("value");
            return IndexOf(value, 0, m_length, StringComparison.Ordinal) >= 0;
        }

        public int IndexOf(string value) { return IndexOf(value, StringComparison.CurrentCulture); }
        public int IndexOf(string value, int startIndex) { return IndexOf(value, startIndex, StringComparison.CurrentCulture); }
        public int IndexOf(string value, int startIndex, int count) { return IndexOf(value, startIndex, count, StringComparison.CurrentCulture); }

        public int IndexOf(string value, StringComparison comparisonType) { return IndexOf(value, 0, m_length, comparisonType); }

        public int IndexOf(string value, int startIndex, StringComparison comparisonType)
        {
            return IndexOf(value, startIndex, m_length - startIndex, comparisonType);
        }

        public int IndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException("value");
            if (startIndex < 0 || startIndex > m_length) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (count < 0 || startIndex > m_length - count) throw new ArgumentOutOfRangeException("count", CountMessage);
            bool ignoreCase = IgnoresCase(comparisonType);
            for (int i = startIndex; i + value.m_length <= startIndex + count; i++)
            {
                if (MatchesAt(i, value, ignoreCase)) return i;
            }
            return -1;
        }

        public int LastIndexOf(string value) { return LastIndexOf(value, m_length - 1, m_length, StringComparison.CurrentCulture); }
        public int LastIndexOf(string value, int startIndex) { return LastIndexOf(value, startIndex, startIndex + 1, StringComparison.CurrentCulture); }
        public int LastIndexOf(string value, int startIndex, int count) { return LastIndexOf(value, startIndex, count, StringComparison.CurrentCulture); }
        public int LastIndexOf(string value, StringComparison comparisonType) { return LastIndexOf(value, m_length - 1, m_length, comparisonType); }
        public int LastIndexOf(string value, int startIndex, StringComparison comparisonType) { return LastIndexOf(value, startIndex, startIndex + 1, comparisonType); }

        /// <summary>The last match starting in the `count` characters that end at startIndex.</summary>
        public int LastIndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException("value");
            if (m_length == 0 && (startIndex == -1 || startIndex == 0)) return value.m_length == 0 ? 0 : -1;
            if (startIndex < 0 || startIndex > m_length) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (startIndex == m_length)
            {
                startIndex--;
                if (count > 0) count--;
            }
            if (count < 0 || startIndex - count + 1 < 0) throw new ArgumentOutOfRangeException("count", CountMessage);
            if (value.m_length == 0) return startIndex;
            bool ignoreCase = IgnoresCase(comparisonType);
            int first = startIndex - count + 1;
            for (int i = startIndex - value.m_length + 1; i >= first; i--)
            {
                if (MatchesAt(i, value, ignoreCase)) return i;
            }
            return -1;
        }

        public bool StartsWith(string value) { return StartsWith(value, StringComparison.CurrentCulture); }

        public bool StartsWith(string value, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException("value");
            return value.m_length <= m_length && MatchesAt(0, value, IgnoresCase(comparisonType));
        }

        public bool StartsWith(string value, bool ignoreCase, System.Globalization.CultureInfo culture)
        {
            return StartsWith(value, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);
        }

        public bool StartsWith(char value) { return m_length > 0 && this[0] == value; }

        public bool EndsWith(string value) { return EndsWith(value, StringComparison.CurrentCulture); }

        public bool EndsWith(string value, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException("value");
            return value.m_length <= m_length && MatchesAt(m_length - value.m_length, value, IgnoresCase(comparisonType));
        }

        public bool EndsWith(string value, bool ignoreCase, System.Globalization.CultureInfo culture)
        {
            return EndsWith(value, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);
        }

        public bool EndsWith(char value) { return m_length > 0 && this[m_length - 1] == value; }

        private static bool IgnoresCase(StringComparison comparisonType)
        {
            if ((uint)comparisonType > (uint)StringComparison.OrdinalIgnoreCase) throw new ArgumentException("The string comparison type passed in is currently not supported.", "comparisonType");
            return ((int)comparisonType & 1) != 0;
        }

        /// <summary>Does `value` occur at `index` (which leaves room for it)?</summary>
        private bool MatchesAt(int index, string value, bool ignoreCase)
        {
            fixed (char* p = &m_firstChar)
            fixed (char* q = &value.m_firstChar)
            {
                for (int k = 0; k < value.m_length; k++)
                {
                    char a = p[index + k];
                    char b = q[k];
                    if (a != b && (!ignoreCase || Char.ToUpper(a) != Char.ToUpper(b))) return false;
                }
            }
            return true;
        }
    }
}
