// korlib: strings made from strings: slicing, inserting, removing, replacing, padding,
// trimming, splitting, joining and case mapping, with .NET Core 2.1's (Mono 6.8's) rules
// for edge cases (a separator at the end gives an empty last piece) and its argument
// errors.

using System.Collections.Generic;

namespace System
{
    public sealed unsafe partial class String
    {
        public string Substring(int startIndex) { return Substring(startIndex, m_length - startIndex); }

        public string Substring(int startIndex, int length)
        {
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (startIndex > m_length) throw new ArgumentOutOfRangeException("startIndex", "startIndex cannot be larger than length of string.");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex > m_length - length) throw new ArgumentOutOfRangeException("length", "Index and length must refer to a location within the string.");
            if (length == 0) return Empty;
            if (startIndex == 0 && length == m_length) return this;
            fixed (char* p = &m_firstChar) return Ctor(p, startIndex, length);
        }

        public string Insert(int startIndex, string value)
        {
            if (value == null) throw new ArgumentNullException("value");
            if ((uint)startIndex > (uint)m_length) throw new ArgumentOutOfRangeException("startIndex");
            if (value.m_length == 0) return this;
            if (m_length == 0) return value;
            string s = FastAllocate(m_length + value.m_length);
            fixed (char* d = &s.m_firstChar)
            {
                for (int i = 0; i < startIndex; i++) d[i] = this[i];
                for (int i = 0; i < value.m_length; i++) d[startIndex + i] = value[i];
                for (int i = startIndex; i < m_length; i++) d[value.m_length + i] = this[i];
            }
            return s;
        }

        public string Remove(int startIndex)
        {
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (startIndex >= m_length) throw new ArgumentOutOfRangeException("startIndex", "startIndex must be less than length of string.");
            return Substring(0, startIndex);
        }

        public string Remove(int startIndex, int count)
        {
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (count > m_length - startIndex) throw new ArgumentOutOfRangeException("count", "Index and count must refer to a location within the string.");
            if (count == 0) return this;
            if (count == m_length) return Empty;
            return Concat(Substring(0, startIndex), Substring(startIndex + count));
        }

        public string Replace(char oldChar, char newChar)
        {
            if (IndexOf(oldChar) < 0) return this;
            char[] chars = ToCharArray();
            for (int i = 0; i < chars.Length; i++) if (chars[i] == oldChar) chars[i] = newChar;
            return new string(chars);
        }

        public string Replace(string oldValue, string newValue)
        {
            if (oldValue == null) throw new ArgumentNullException("oldValue");
            if (oldValue.m_length == 0) throw new ArgumentException("String cannot be of zero length.", "oldValue");
            if (newValue == null) newValue = Empty;
            int at = IndexOf(oldValue, 0, m_length, StringComparison.Ordinal);
            if (at < 0) return this;
            System.Text.StringBuilder sb = new System.Text.StringBuilder(m_length);
            int from = 0;
            while (at >= 0)
            {
                sb.Append(this, from, at - from);
                sb.Append(newValue);
                from = at + oldValue.m_length;
                at = IndexOf(oldValue, from, m_length - from, StringComparison.Ordinal);
            }
            sb.Append(this, from, m_length - from);
            return sb.ToString();
        }

        public string PadLeft(int totalWidth) { return PadLeft(totalWidth, ' '); }

        public string PadLeft(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) throw new ArgumentOutOfRangeException("totalWidth", "Non-negative number required.");
            if (totalWidth <= m_length) return this;
            return Concat(new string(paddingChar, totalWidth - m_length), this);
        }

        public string PadRight(int totalWidth) { return PadRight(totalWidth, ' '); }

        public string PadRight(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) throw new ArgumentOutOfRangeException("totalWidth", "Non-negative number required.");
            if (totalWidth <= m_length) return this;
            return Concat(this, new string(paddingChar, totalWidth - m_length));
        }

        public char[] ToCharArray()
        {
            char[] chars = new char[m_length];
            for (int i = 0; i < m_length; i++) chars[i] = this[i];
            return chars;
        }

        public char[] ToCharArray(int startIndex, int length)
        {
            if (startIndex < 0 || startIndex > m_length || startIndex > m_length - length) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (length < 0) throw new ArgumentOutOfRangeException("length", IndexMessage);
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = this[startIndex + i];
            return chars;
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null) throw new ArgumentNullException("destination");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (sourceIndex < 0) throw new ArgumentOutOfRangeException("sourceIndex", IndexMessage);
            if (count > m_length - sourceIndex) throw new ArgumentOutOfRangeException("sourceIndex", "Index and count must refer to a location within the string.");
            if (destinationIndex > destination.Length - count || destinationIndex < 0) throw new ArgumentOutOfRangeException("destinationIndex", "Index and count must refer to a location within the string.");
            for (int i = 0; i < count; i++) destination[destinationIndex + i] = this[sourceIndex + i];
        }

        // ---- Case -----------------------------------------------------------------------------------------

        public string ToUpper()
        {
            char[] chars = ToCharArray();
            for (int i = 0; i < chars.Length; i++) chars[i] = Char.ToUpper(chars[i]);
            return new string(chars);
        }

        public string ToLower()
        {
            char[] chars = ToCharArray();
            for (int i = 0; i < chars.Length; i++) chars[i] = Char.ToLower(chars[i]);
            return new string(chars);
        }

        public string ToUpper(System.Globalization.CultureInfo culture) { return ToUpper(); }
        public string ToLower(System.Globalization.CultureInfo culture) { return ToLower(); }
        public string ToUpperInvariant() { return ToUpper(); }
        public string ToLowerInvariant() { return ToLower(); }

        // ---- Trimming -------------------------------------------------------------------------------------

        public string Trim() { return TrimCore(null, true, true); }
        public string Trim(char trimChar) { return TrimCore(new char[] { trimChar }, true, true); }
        public string Trim(params char[] trimChars) { return TrimCore(trimChars, true, true); }
        public string TrimStart() { return TrimCore(null, true, false); }
        public string TrimStart(char trimChar) { return TrimCore(new char[] { trimChar }, true, false); }
        public string TrimStart(params char[] trimChars) { return TrimCore(trimChars, true, false); }
        public string TrimEnd() { return TrimCore(null, false, true); }
        public string TrimEnd(char trimChar) { return TrimCore(new char[] { trimChar }, false, true); }
        public string TrimEnd(params char[] trimChars) { return TrimCore(trimChars, false, true); }

        /// <summary>Removes the characters of `trimChars` (white space when null or empty) from the chosen ends.</summary>
        private string TrimCore(char[] trimChars, bool start, bool end)
        {
            bool whiteSpace = trimChars == null || trimChars.Length == 0;
            int first = 0;
            int last = m_length;
            if (start) while (first < last && (whiteSpace ? Char.IsWhiteSpace(this[first]) : Contains(trimChars, this[first]))) first++;
            if (end) while (last > first && (whiteSpace ? Char.IsWhiteSpace(this[last - 1]) : Contains(trimChars, this[last - 1]))) last--;
            return Substring(first, last - first);
        }

        // ---- Splitting ---------------------------------------------------------------------------------------

        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None) { return SplitByChars(new char[] { separator }, int.MaxValue, options); }
        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None) { return SplitByChars(new char[] { separator }, count, options); }
        public string[] Split(params char[] separator) { return SplitByChars(separator, int.MaxValue, StringSplitOptions.None); }
        public string[] Split(char[] separator, int count) { return SplitByChars(separator, count, StringSplitOptions.None); }
        public string[] Split(char[] separator, StringSplitOptions options) { return SplitByChars(separator, int.MaxValue, options); }
        public string[] Split(char[] separator, int count, StringSplitOptions options) { return SplitByChars(separator, count, options); }
        public string[] Split(string separator, StringSplitOptions options = StringSplitOptions.None) { return SplitByStrings(separator, null, int.MaxValue, options); }
        public string[] Split(string separator, int count, StringSplitOptions options = StringSplitOptions.None) { return SplitByStrings(separator, null, count, options); }
        public string[] Split(string[] separator, StringSplitOptions options) { return SplitByStrings(null, separator, int.MaxValue, options); }
        public string[] Split(string[] separator, int count, StringSplitOptions options) { return SplitByStrings(null, separator, count, options); }

        private static void CheckSplitArguments(int count, StringSplitOptions options)
        {
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (options < StringSplitOptions.None || options > StringSplitOptions.RemoveEmptyEntries) throw new ArgumentException("Illegal enum value: " + options.ToString() + ".");
        }

        private string[] SplitByChars(char[] separators, int count, StringSplitOptions options)
        {
            CheckSplitArguments(count, options);
            bool omitEmpty = options == StringSplitOptions.RemoveEmptyEntries;
            if (count == 0 || (omitEmpty && m_length == 0)) return new string[0];
            if (count == 1) return new string[] { this };
            bool whiteSpace = separators == null || separators.Length == 0;
            int found = 0;
            for (int i = 0; i < m_length; i++) if (whiteSpace ? Char.IsWhiteSpace(this[i]) : Contains(separators, this[i])) found++;
            if (found == 0) return new string[] { this };
            int[] positions = new int[found];
            int[] lengths = new int[found];
            found = 0;
            for (int i = 0; i < m_length; i++)
            {
                if (whiteSpace ? Char.IsWhiteSpace(this[i]) : Contains(separators, this[i]))
                {
                    positions[found] = i;
                    lengths[found++] = 1;
                }
            }
            return omitEmpty ? SplitOmitEmptyEntries(positions, lengths, found, count) : SplitKeepEmptyEntries(positions, lengths, found, count);
        }

        private string[] SplitByStrings(string separator, string[] separators, int count, StringSplitOptions options)
        {
            CheckSplitArguments(count, options);
            bool omitEmpty = options == StringSplitOptions.RemoveEmptyEntries;
            bool single = separator != null;
            if (!single && (separators == null || separators.Length == 0)) return SplitByChars(null, count, options);
            if (count == 0 || (omitEmpty && m_length == 0)) return new string[0];
            if (count == 1 || (single && separator.m_length == 0)) return new string[] { this };
            if (single) separators = new string[] { separator };
            // Each position takes the first separator (in array order) that matches there.
            int[] positions = new int[m_length];
            int[] lengths = new int[m_length];
            int found = 0;
            for (int i = 0; i < m_length; i++)
            {
                for (int j = 0; j < separators.Length; j++)
                {
                    string sep = separators[j];
                    if (IsNullOrEmpty(sep)) continue;
                    if (sep.m_length <= m_length - i && MatchesAt(i, sep, false))
                    {
                        positions[found] = i;
                        lengths[found++] = sep.m_length;
                        i += sep.m_length - 1;
                        break;
                    }
                }
            }
            if (found == 0) return new string[] { this };
            return omitEmpty ? SplitOmitEmptyEntries(positions, lengths, found, count) : SplitKeepEmptyEntries(positions, lengths, found, count);
        }

        private string[] SplitKeepEmptyEntries(int[] positions, int[] lengths, int found, int count)
        {
            int currIndex = 0;
            int arrIndex = 0;
            count--;
            int numActualReplaces = found < count ? found : count;
            string[] pieces = new string[numActualReplaces + 1];
            for (int i = 0; i < numActualReplaces && currIndex < m_length; i++)
            {
                pieces[arrIndex++] = Substring(currIndex, positions[i] - currIndex);
                currIndex = positions[i] + lengths[i];
            }
            if (currIndex < m_length && numActualReplaces >= 0) pieces[arrIndex] = Substring(currIndex);
            else if (arrIndex == numActualReplaces) pieces[arrIndex] = Empty;
            return pieces;
        }

        private string[] SplitOmitEmptyEntries(int[] positions, int[] lengths, int found, int count)
        {
            int maxItems = found < count ? found + 1 : count;
            string[] pieces = new string[maxItems];
            int currIndex = 0;
            int arrIndex = 0;
            for (int i = 0; i < found && currIndex < m_length; i++)
            {
                if (positions[i] - currIndex > 0) pieces[arrIndex++] = Substring(currIndex, positions[i] - currIndex);
                currIndex = positions[i] + lengths[i];
                if (arrIndex == count - 1)
                {
                    // The last piece takes the rest, without the empty entries at its start.
                    while (i < found - 1 && currIndex == positions[++i]) currIndex += lengths[i];
                    break;
                }
            }
            if (currIndex < m_length) pieces[arrIndex++] = Substring(currIndex);
            if (arrIndex == maxItems) return pieces;
            string[] result = new string[arrIndex];
            for (int j = 0; j < arrIndex; j++) result[j] = pieces[j];
            return result;
        }

        // ---- Joining --------------------------------------------------------------------------------------------

        public static string Join(string separator, params string[] value)
        {
            if (value == null) throw new ArgumentNullException("value");
            return Join(separator, value, 0, value.Length);
        }

        public static string Join(string separator, string[] value, int startIndex, int count)
        {
            if (value == null) throw new ArgumentNullException("value");
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (startIndex > value.Length - count) throw new ArgumentOutOfRangeException("startIndex", "Index and count must refer to a location within the buffer.");
            if (count == 0) return Empty;
            System.Text.StringBuilder sb = new System.Text.StringBuilder();
            for (int i = 0; i < count; i++)
            {
                if (i > 0) sb.Append(separator);
                sb.Append(value[startIndex + i]);
            }
            return sb.ToString();
        }

        public static string Join(string separator, params object[] values)
        {
            if (values == null) throw new ArgumentNullException("values");
            System.Text.StringBuilder sb = new System.Text.StringBuilder();
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) sb.Append(separator);
                if (values[i] != null) sb.Append(values[i].ToString());
            }
            return sb.ToString();
        }

        public static string Join(string separator, IEnumerable<string> values)
        {
            if (values == null) throw new ArgumentNullException("values");
            System.Text.StringBuilder sb = new System.Text.StringBuilder();
            bool first = true;
            foreach (string v in values)
            {
                if (!first) sb.Append(separator);
                sb.Append(v);
                first = false;
            }
            return sb.ToString();
        }

        public static string Join<T>(string separator, IEnumerable<T> values)
        {
            if (values == null) throw new ArgumentNullException("values");
            System.Text.StringBuilder sb = new System.Text.StringBuilder();
            bool first = true;
            foreach (T v in values)
            {
                if (!first) sb.Append(separator);
                if (v != null) sb.Append(v.ToString());
                first = false;
            }
            return sb.ToString();
        }

        public static string Join(char separator, params string[] value) { return Join(new string(separator, 1), value); }
        public static string Join(char separator, params object[] values) { return Join(new string(separator, 1), values); }
    }
}
