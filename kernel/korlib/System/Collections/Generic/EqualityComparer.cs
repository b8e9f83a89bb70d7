// korlib: EqualityComparer<T>.Default, the equality the collections use: the primitive
// types and string compare directly; other types use IEquatable<T>.Equals when they
// implement it, else Equals(object); hash codes come from GetHashCode. sharpaot has no
// reflection to build .NET's specialised comparers, so the choice is made once per type from
// its type information (a value type's IEquatable<T> is then called on a box).

namespace System.Collections.Generic
{
    public abstract class EqualityComparer<T> : IEqualityComparer<T>, IEqualityComparer
    {
        private static EqualityComparer<T> defaultComparer;

        public static EqualityComparer<T> Default
        {
            get
            {
                if (defaultComparer == null) defaultComparer = Create();
                return defaultComparer;
            }
        }

        private static EqualityComparer<T> Create()
        {
            Type t = typeof(T);
            if (t == typeof(int)) return (EqualityComparer<T>)(object)new Int32EqualityComparer();
            if (t == typeof(string)) return (EqualityComparer<T>)(object)new StringEqualityComparer();
            if (t == typeof(long)) return (EqualityComparer<T>)(object)new Int64EqualityComparer();
            if (t == typeof(char)) return (EqualityComparer<T>)(object)new CharEqualityComparer();
            if (t == typeof(uint)) return (EqualityComparer<T>)(object)new UInt32EqualityComparer();
            if (t == typeof(byte)) return (EqualityComparer<T>)(object)new ByteEqualityComparer();
            if (t == typeof(double)) return (EqualityComparer<T>)(object)new DoubleEqualityComparer();
            if (typeof(IEquatable<T>).IsAssignableFrom(t)) return new EquatableEqualityComparer<T>();
            return new ObjectEqualityComparer<T>();
        }

        public abstract bool Equals(T x, T y);

        public abstract int GetHashCode(T obj);

        bool IEqualityComparer.Equals(object x, object y)
        {
            if (x == y) return true;
            if (x == null || y == null) return false;
            if (x is T && y is T) return Equals((T)x, (T)y);
            throw new ArgumentException("Type of argument is not compatible with the generic comparer.");
        }

        int IEqualityComparer.GetHashCode(object obj)
        {
            if (obj == null) return 0;
            if (obj is T) return GetHashCode((T)obj);
            throw new ArgumentException("Type of argument is not compatible with the generic comparer.");
        }
    }

    /// <summary>Equals(object) and GetHashCode(), with nulls equal to each other.</summary>
    internal sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x != null) return y != null && x.Equals(y);
            return y == null;
        }

        public override int GetHashCode(T obj) { return obj == null ? 0 : obj.GetHashCode(); }

        public override bool Equals(object obj) { return obj is ObjectEqualityComparer<T>; }
        public override int GetHashCode() { return GetType().Name.GetHashCode(); }
    }

    /// <summary>IEquatable&lt;T&gt;.Equals, with nulls equal to each other.</summary>
    internal sealed class EquatableEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x != null) return y != null && ((IEquatable<T>)x).Equals(y);
            return y == null;
        }

        public override int GetHashCode(T obj) { return obj == null ? 0 : obj.GetHashCode(); }

        public override bool Equals(object obj) { return obj is EquatableEqualityComparer<T>; }
        public override int GetHashCode() { return GetType().Name.GetHashCode(); }
    }

    internal sealed class Int32EqualityComparer : EqualityComparer<int>
    {
        public override bool Equals(int x, int y) { return x == y; }
        public override int GetHashCode(int obj) { return obj; }
    }

    internal sealed class Int64EqualityComparer : EqualityComparer<long>
    {
        public override bool Equals(long x, long y) { return x == y; }
        public override int GetHashCode(long obj) { return obj.GetHashCode(); }
    }

    internal sealed class UInt32EqualityComparer : EqualityComparer<uint>
    {
        public override bool Equals(uint x, uint y) { return x == y; }
        public override int GetHashCode(uint obj) { return (int)obj; }
    }

    internal sealed class CharEqualityComparer : EqualityComparer<char>
    {
        public override bool Equals(char x, char y) { return x == y; }
        public override int GetHashCode(char obj) { return obj.GetHashCode(); }
    }

    internal sealed class ByteEqualityComparer : EqualityComparer<byte>
    {
        public override bool Equals(byte x, byte y) { return x == y; }
        public override int GetHashCode(byte obj) { return obj; }
    }

    internal sealed class DoubleEqualityComparer : EqualityComparer<double>
    {
        public override bool Equals(double x, double y) { return x.Equals(y); }
        public override int GetHashCode(double obj) { return obj.GetHashCode(); }
    }

    internal sealed class StringEqualityComparer : EqualityComparer<string>
    {
        public override bool Equals(string x, string y) { return string.Equals(x, y); }
        public override int GetHashCode(string obj) { return obj == null ? 0 : obj.GetHashCode(); }
    }
}
