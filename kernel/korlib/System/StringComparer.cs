// korlib: System.StringComparer: string equality, hashing and ordering, ordinal or
// culture-sensitive (the invariant culture), with or without case.

using System.Collections;
using System.Collections.Generic;

namespace System
{
    public abstract class StringComparer : IComparer, IEqualityComparer, IComparer<string>, IEqualityComparer<string>
    {
        private static StringComparer ordinal, ordinalIgnoreCase, culture, cultureIgnoreCase;

        public static StringComparer Ordinal { get { return ordinal ?? (ordinal = new StringComparisonComparer(StringComparison.Ordinal)); } }
        public static StringComparer OrdinalIgnoreCase { get { return ordinalIgnoreCase ?? (ordinalIgnoreCase = new StringComparisonComparer(StringComparison.OrdinalIgnoreCase)); } }
        public static StringComparer CurrentCulture { get { return culture ?? (culture = new StringComparisonComparer(StringComparison.CurrentCulture)); } }
        public static StringComparer CurrentCultureIgnoreCase { get { return cultureIgnoreCase ?? (cultureIgnoreCase = new StringComparisonComparer(StringComparison.CurrentCultureIgnoreCase)); } }
        public static StringComparer InvariantCulture { get { return CurrentCulture; } }
        public static StringComparer InvariantCultureIgnoreCase { get { return CurrentCultureIgnoreCase; } }

        public static StringComparer Create(System.Globalization.CultureInfo culture, bool ignoreCase)
        {
            if (culture == null) throw new ArgumentNullException("culture");
            return ignoreCase ? CurrentCultureIgnoreCase : CurrentCulture;
        }

        public static StringComparer FromComparison(StringComparison comparisonType)
        {
            switch (comparisonType)
            {
                case StringComparison.CurrentCulture:
                case StringComparison.InvariantCulture: return CurrentCulture;
                case StringComparison.CurrentCultureIgnoreCase:
                case StringComparison.InvariantCultureIgnoreCase: return CurrentCultureIgnoreCase;
                case StringComparison.Ordinal: return Ordinal;
                case StringComparison.OrdinalIgnoreCase: return OrdinalIgnoreCase;
                default: throw new ArgumentException("The string comparison type passed in is currently not supported.", "comparisonType");
            }
        }

        public int Compare(object x, object y)
        {
            if (x == y) return 0;
            if (x == null) return -1;
            if (y == null) return 1;
            string sa = x as string;
            string sb = y as string;
            if (sa != null && sb != null) return Compare(sa, sb);
            IComparable ia = x as IComparable;
            if (ia != null) return ia.CompareTo(y);
            throw new ArgumentException("At least one object must implement IComparable.");
        }

        public new bool Equals(object x, object y)
        {
            if (x == y) return true;
            if (x == null || y == null) return false;
            string sa = x as string;
            string sb = y as string;
            if (sa != null && sb != null) return Equals(sa, sb);
            return x.Equals(y);
        }

        public int GetHashCode(object obj)
        {
            if (obj == null) throw new ArgumentNullException("obj");
            string s = obj as string;
            return s != null ? GetHashCode(s) : obj.GetHashCode();
        }

        public abstract int Compare(string x, string y);
        public abstract bool Equals(string x, string y);
        public abstract int GetHashCode(string obj);
    }

    internal sealed class StringComparisonComparer : StringComparer
    {
        private readonly StringComparison comparison;

        public StringComparisonComparer(StringComparison comparison) { this.comparison = comparison; }

        public override int Compare(string x, string y) { return string.Compare(x, y, comparison); }

        public override bool Equals(string x, string y) { return string.Equals(x, y, comparison); }

        public override int GetHashCode(string obj)
        {
            if (obj == null) throw new ArgumentNullException("obj");
            return ((int)comparison & 1) != 0 ? obj.ToUpperInvariant().GetHashCode() : obj.GetHashCode();
        }

        public override bool Equals(object obj)
        {
            StringComparisonComparer other = obj as StringComparisonComparer;
            return other != null && other.comparison == comparison;
        }

        public override int GetHashCode() { return (int)comparison; }
    }
}
