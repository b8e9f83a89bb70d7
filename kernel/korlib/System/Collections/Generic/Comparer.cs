// korlib: the default orderings. Comparer<T>.Default compares the primitive types and
// string directly (string by the culture-sensitive order, as Mono's does), other types by
// IComparable<T>.CompareTo when they implement it, else by System.Collections.Comparer's
// rule: IComparable.CompareTo, null first, and an ArgumentException when neither value is
// comparable.

namespace System.Collections.Generic
{
    public abstract class Comparer<T> : IComparer<T>, IComparer
    {
        private static Comparer<T> defaultComparer;

        public static Comparer<T> Default
        {
            get
            {
                if (defaultComparer == null) defaultComparer = Create();
                return defaultComparer;
            }
        }

        /// <summary>A comparer from a comparison delegate.</summary>
        public static Comparer<T> Create(Comparison<T> comparison)
        {
            if (comparison == null) throw new ArgumentNullException("comparison");
            return new ComparisonComparer<T>(comparison);
        }

        private static Comparer<T> Create()
        {
            Type t = typeof(T);
            if (t == typeof(int)) return (Comparer<T>)(object)new Int32Comparer();
            if (t == typeof(string)) return (Comparer<T>)(object)new DefaultStringComparer();
            if (t == typeof(long)) return (Comparer<T>)(object)new Int64Comparer();
            if (t == typeof(double)) return (Comparer<T>)(object)new DoubleComparer();
            if (t == typeof(char)) return (Comparer<T>)(object)new CharComparer();
            if (typeof(IComparable<T>).IsAssignableFrom(t)) return new ComparableComparer<T>();
            return new ObjectComparer<T>();
        }

        public abstract int Compare(T x, T y);

        int IComparer.Compare(object x, object y)
        {
            if (x == null) return y == null ? 0 : -1;
            if (y == null) return 1;
            if (x is T && y is T) return Compare((T)x, (T)y);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }

    /// <summary>IComparable&lt;T&gt;.CompareTo, null before everything.</summary>
    internal sealed class ComparableComparer<T> : Comparer<T>
    {
        public override int Compare(T x, T y)
        {
            if (x != null)
            {
                if (y != null) return ((IComparable<T>)x).CompareTo(y);
                return 1;
            }
            return y != null ? -1 : 0;
        }

        public override bool Equals(object obj) { return obj is ComparableComparer<T>; }
        public override int GetHashCode() { return GetType().Name.GetHashCode(); }
    }

    internal sealed class ObjectComparer<T> : Comparer<T>
    {
        public override int Compare(T x, T y) { return System.Collections.Comparer.Default.Compare(x, y); }

        public override bool Equals(object obj) { return obj is ObjectComparer<T>; }
        public override int GetHashCode() { return GetType().Name.GetHashCode(); }
    }

    internal sealed class ComparisonComparer<T> : Comparer<T>
    {
        private readonly Comparison<T> comparison;

        public ComparisonComparer(Comparison<T> comparison) { this.comparison = comparison; }

        public override int Compare(T x, T y) { return comparison(x, y); }
    }

    internal sealed class Int32Comparer : Comparer<int>
    {
        public override int Compare(int x, int y) { return x.CompareTo(y); }
    }

    internal sealed class Int64Comparer : Comparer<long>
    {
        public override int Compare(long x, long y) { return x.CompareTo(y); }
    }

    internal sealed class DoubleComparer : Comparer<double>
    {
        public override int Compare(double x, double y) { return x.CompareTo(y); }
    }

    internal sealed class CharComparer : Comparer<char>
    {
        public override int Compare(char x, char y) { return x.CompareTo(y); }
    }

    internal sealed class DefaultStringComparer : Comparer<string>
    {
        public override int Compare(string x, string y) { return string.Compare(x, y); }
    }

    /// <summary>A non-generic comparer as a Comparer&lt;object&gt; (Array.Sort(Array)).</summary>
    internal sealed class ObjectComparerAdapter : Comparer<object>
    {
        private readonly IComparer comparer;

        public ObjectComparerAdapter(IComparer comparer) { this.comparer = comparer; }

        public override int Compare(object x, object y) { return comparer.Compare(x, y); }
    }
}

namespace System.Collections
{
    /// <summary>The non-generic default order (Comparer.Default): strings culture-sensitively, else IComparable.</summary>
    public sealed class Comparer : IComparer
    {
        private static Comparer defaultComparer;

        public static Comparer Default
        {
            get
            {
                if (defaultComparer == null) defaultComparer = new Comparer();
                return defaultComparer;
            }
        }

        public static Comparer DefaultInvariant { get { return Default; } }

        public int Compare(object a, object b)
        {
            if (a == b) return 0;
            if (a == null) return -1;
            if (b == null) return 1;
            string sa = a as string;
            string sb = b as string;
            if (sa != null && sb != null) return string.Compare(sa, sb);
            IComparable ia = a as IComparable;
            if (ia != null) return ia.CompareTo(b);
            IComparable ib = b as IComparable;
            if (ib != null) return -ib.CompareTo(a);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }
}
