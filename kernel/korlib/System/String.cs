// korlib: System.String. The compiler lays strings out as [type info][length][chars]
// (runtime/layout.ts) and preallocates literals in that shape, so the two fields below
// must stay first and in this order. String constructors are special in .NET (the
// constructor allocates): sharpaot compiles `new string(args)` as a call to the static
// Ctor method with the same parameters. Searching is in String.Searching.cs, building new
// strings in String.Manipulation.cs, comparison in String.Comparison.cs.

using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Sharpaot.Runtime;

namespace System
{
    public sealed unsafe partial class String : IComparable, IEnumerable<char>, IComparable<string>, IEquatable<string>, ICloneable
    {
        private int m_length;
        private char m_firstChar;

        public static readonly string Empty = "";

        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char[] value);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char[] value, int startIndex, int length);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char c, int count);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char* value);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char* value, int startIndex, int length);

        private static string Ctor(char[] value)
        {
            if (value == null || value.Length == 0) return Empty;
            return Ctor(value, 0, value.Length);
        }

        private static string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null) throw new ArgumentNullException("value");
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex > value.Length - length) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length == 0) return Empty;
            string s = FastAllocate(length);
            fixed (char* dst = &s.m_firstChar) for (int i = 0; i < length; i++) dst[i] = value[startIndex + i];
            return s;
        }

        private static string Ctor(char c, int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (count == 0) return Empty;
            string s = FastAllocate(count);
            fixed (char* dst = &s.m_firstChar) for (int i = 0; i < count; i++) dst[i] = c;
            return s;
        }

        private static string Ctor(char* value)
        {
            if (value == null) return Empty;
            int length = 0;
            while (value[length] != '\0') length++;
            return Ctor(value, 0, length);
        }

        private static string Ctor(char* value, int startIndex, int length)
        {
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (length == 0) return Empty;
            string s = FastAllocate(length);
            fixed (char* dst = &s.m_firstChar) for (int i = 0; i < length; i++) dst[i] = value[startIndex + i];
            return s;
        }

        /// <summary>An uninitialised string of `length` chars (plus a terminating zero).</summary>
        internal static string FastAllocate(int length)
        {
            // Every string shares the type information of the literal "".
            void* typeInfo = *(void**)Unsafe.AsPointer(Empty);
            string s = (string)Memory.Alloc(typeInfo, 8 + 2 * length + 2);
            s.m_length = length;
            return s;
        }

        public int Length { get { return m_length; } }

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)m_length) throw new IndexOutOfRangeException();
                fixed (char* p = &m_firstChar) return p[index];
            }
        }

        public static bool IsNullOrEmpty(string value) { return value == null || value.m_length == 0; }

        public static bool IsNullOrWhiteSpace(string value)
        {
            if (value == null) return true;
            for (int i = 0; i < value.m_length; i++) if (!Char.IsWhiteSpace(value[i])) return false;
            return true;
        }

        public override string ToString() { return this; }
        public string ToString(IFormatProvider provider) { return this; }
        public object Clone() { return this; }

        public override int GetHashCode()
        {
            int h = 5381;
            fixed (char* p = &m_firstChar) for (int i = 0; i < m_length; i++) h = (h * 33) ^ p[i];
            return h;
        }

        public CharEnumerator GetEnumerator() { return new CharEnumerator(this); }
        IEnumerator<char> IEnumerable<char>.GetEnumerator() { return new CharEnumerator(this); }
        IEnumerator IEnumerable.GetEnumerator() { return new CharEnumerator(this); }

        // ---- Concatenation (what `+` on strings compiles to) --------------------------------

        public static string Concat(object a) { return a == null ? Empty : a.ToString(); }
        public static string Concat(object a, object b) { return Concat(Concat(a), Concat(b)); }
        public static string Concat(object a, object b, object c) { return Concat(Concat(a), Concat(b), Concat(c)); }
        public static string Concat(object a, object b, object c, object d) { return Concat(Concat(a), Concat(b), Concat(c), Concat(d)); }

        public static string Concat(params object[] args)
        {
            if (args == null) throw new ArgumentNullException("args");
            string[] parts = new string[args.Length];
            for (int i = 0; i < args.Length; i++) parts[i] = Concat(args[i]);
            return Concat(parts);
        }

        public static string Concat(string a, string b)
        {
            if (IsNullOrEmpty(a)) return b == null ? Empty : b;
            if (IsNullOrEmpty(b)) return a;
            string s = FastAllocate(a.m_length + b.m_length);
            Fill(s, 0, a);
            Fill(s, a.m_length, b);
            return s;
        }

        public static string Concat(string a, string b, string c)
        {
            string[] parts = new string[3];
            parts[0] = a; parts[1] = b; parts[2] = c;
            return Concat(parts);
        }

        public static string Concat(string a, string b, string c, string d)
        {
            string[] parts = new string[4];
            parts[0] = a; parts[1] = b; parts[2] = c; parts[3] = d;
            return Concat(parts);
        }

        public static string Concat(params string[] values)
        {
            if (values == null) throw new ArgumentNullException("values");
            int length = 0;
            for (int i = 0; i < values.Length; i++) if (values[i] != null) length += values[i].m_length;
            if (length == 0) return Empty;
            string s = FastAllocate(length);
            int at = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == null) continue;
                Fill(s, at, values[i]);
                at += values[i].m_length;
            }
            return s;
        }

        public static string Concat(IEnumerable<string> values)
        {
            if (values == null) throw new ArgumentNullException("values");
            System.Text.StringBuilder sb = new System.Text.StringBuilder();
            foreach (string v in values) sb.Append(v);
            return sb.ToString();
        }

        public static string Concat<T>(IEnumerable<T> values)
        {
            if (values == null) throw new ArgumentNullException("values");
            System.Text.StringBuilder sb = new System.Text.StringBuilder();
            foreach (T v in values)
            {
                if (v != null) sb.Append(v.ToString());
            }
            return sb.ToString();
        }

        private static void Fill(string dest, int at, string src)
        {
            fixed (char* d = &dest.m_firstChar)
            fixed (char* p = &src.m_firstChar)
            {
                for (int i = 0; i < src.m_length; i++) d[at + i] = p[i];
            }
        }

        // ---- Composite formatting -------------------------------------------------------------------

        public static string Format(string format, object arg0) { return FormatHelper(null, format, new object[] { arg0 }); }
        public static string Format(string format, object arg0, object arg1) { return FormatHelper(null, format, new object[] { arg0, arg1 }); }
        public static string Format(string format, object arg0, object arg1, object arg2) { return FormatHelper(null, format, new object[] { arg0, arg1, arg2 }); }

        public static string Format(string format, params object[] args)
        {
            if (args == null) throw new ArgumentNullException(format == null ? "format" : "args");
            return FormatHelper(null, format, args);
        }

        public static string Format(IFormatProvider provider, string format, object arg0) { return FormatHelper(provider, format, new object[] { arg0 }); }
        public static string Format(IFormatProvider provider, string format, object arg0, object arg1) { return FormatHelper(provider, format, new object[] { arg0, arg1 }); }
        public static string Format(IFormatProvider provider, string format, object arg0, object arg1, object arg2) { return FormatHelper(provider, format, new object[] { arg0, arg1, arg2 }); }

        public static string Format(IFormatProvider provider, string format, params object[] args)
        {
            if (args == null) throw new ArgumentNullException(format == null ? "format" : "args");
            return FormatHelper(provider, format, args);
        }

        private static string FormatHelper(IFormatProvider provider, string format, object[] args)
        {
            if (format == null) throw new ArgumentNullException("format");
            return new System.Text.StringBuilder(format.Length + args.Length * 8).AppendFormatHelper(provider, format, args).ToString();
        }
    }

    /// <summary>Enumerates the characters of a string (foreach over a string as IEnumerable&lt;char&gt;).</summary>
    public sealed class CharEnumerator : IEnumerator<char>, ICloneable
    {
        private string str;
        private int index;
        private char current;

        internal CharEnumerator(string str)
        {
            this.str = str;
            index = -1;
        }

        public object Clone() { return MemberwiseClone(); }

        public bool MoveNext()
        {
            if (index < str.Length - 1)
            {
                index++;
                current = str[index];
                return true;
            }
            index = str.Length;
            return false;
        }

        public void Dispose() { }

        object IEnumerator.Current { get { return Current; } }

        public char Current
        {
            get
            {
                if (index == -1) throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                if (index >= str.Length) throw new InvalidOperationException("Enumeration already finished.");
                return current;
            }
        }

        public void Reset()
        {
            current = '\0';
            index = -1;
        }
    }

    public enum StringComparison
    {
        CurrentCulture = 0,
        CurrentCultureIgnoreCase = 1,
        InvariantCulture = 2,
        InvariantCultureIgnoreCase = 3,
        Ordinal = 4,
        OrdinalIgnoreCase = 5,
    }

    [Flags]
    public enum StringSplitOptions
    {
        None = 0,
        RemoveEmptyEntries = 1,
    }
}
