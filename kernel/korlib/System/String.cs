// korlib: System.String. The compiler lays strings out as [type info][length][chars]
// (runtime/layout.ts) and preallocates literals in that shape, so the two fields below
// must stay first and in this order. String constructors are special in .NET (the
// constructor allocates): sharpaot compiles `new string(args)` as a call to the static
// Ctor method with the same parameters.

using System.Runtime.CompilerServices;
using Sharpaot.Runtime;

namespace System
{
    public sealed unsafe class String
    {
        private int m_length;
        private char m_firstChar;

        public static readonly string Empty = "";

        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char[] value);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char[] value, int startIndex, int length);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char c, int count);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char* value, int startIndex, int length);

        private static string Ctor(char[] value)
        {
            if (value == null) return Empty;
            return Ctor(value, 0, value.Length);
        }

        private static string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null) throw new ArgumentNullException("value");
            if (startIndex < 0 || length < 0 || startIndex > value.Length - length) throw new ArgumentOutOfRangeException("startIndex");
            string s = FastAllocate(length);
            fixed (char* dst = &s.m_firstChar) for (int i = 0; i < length; i++) dst[i] = value[startIndex + i];
            return s;
        }

        private static string Ctor(char c, int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException("count");
            string s = FastAllocate(count);
            fixed (char* dst = &s.m_firstChar) for (int i = 0; i < count; i++) dst[i] = c;
            return s;
        }

        private static string Ctor(char* value, int startIndex, int length)
        {
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

        public override string ToString() { return this; }

        public override bool Equals(object obj)
        {
            string s = obj as string;
            return s != null && Equals(this, s);
        }

        public bool Equals(string value) { return Equals(this, value); }

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

        public static bool operator ==(string a, string b) { return Equals(a, b); }
        public static bool operator !=(string a, string b) { return !Equals(a, b); }

        public override int GetHashCode()
        {
            int h = 5381;
            fixed (char* p = &m_firstChar) for (int i = 0; i < m_length; i++) h = (h * 33) ^ p[i];
            return h;
        }

        public static int CompareOrdinal(string a, string b)
        {
            if ((object)a == (object)b) return 0;
            if ((object)a == null) return -1;
            if ((object)b == null) return 1;
            int n = a.m_length < b.m_length ? a.m_length : b.m_length;
            for (int i = 0; i < n; i++)
            {
                int d = a[i] - b[i];
                if (d != 0) return d;
            }
            return a.m_length - b.m_length;
        }

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

        private static void Fill(string dest, int at, string src)
        {
            fixed (char* d = &dest.m_firstChar)
            fixed (char* p = &src.m_firstChar)
            {
                for (int i = 0; i < src.m_length; i++) d[at + i] = p[i];
            }
        }

        // ---- Searching and slicing -----------------------------------------------------------------

        public string Substring(int startIndex) { return Substring(startIndex, m_length - startIndex); }

        public string Substring(int startIndex, int length)
        {
            if (startIndex < 0 || startIndex > m_length) throw new ArgumentOutOfRangeException("startIndex");
            if (length < 0 || startIndex > m_length - length) throw new ArgumentOutOfRangeException("length");
            if (startIndex == 0 && length == m_length) return this;
            fixed (char* p = &m_firstChar) return Ctor(p, startIndex, length);
        }

        public int IndexOf(char value) { return IndexOf(value, 0); }

        public int IndexOf(char value, int startIndex)
        {
            if (startIndex < 0 || startIndex > m_length) throw new ArgumentOutOfRangeException("startIndex");
            for (int i = startIndex; i < m_length; i++) if (this[i] == value) return i;
            return -1;
        }

        public int IndexOf(string value) { return IndexOf(value, 0); }

        public int IndexOf(string value, int startIndex)
        {
            if (value == null) throw new ArgumentNullException("value");
            if (startIndex < 0 || startIndex > m_length) throw new ArgumentOutOfRangeException("startIndex");
            for (int i = startIndex; i + value.m_length <= m_length; i++)
            {
                int k = 0;
                while (k < value.m_length && this[i + k] == value[k]) k++;
                if (k == value.m_length) return i;
            }
            return -1;
        }

        public int LastIndexOf(char value)
        {
            for (int i = m_length - 1; i >= 0; i--) if (this[i] == value) return i;
            return -1;
        }

        public bool Contains(string value) { return IndexOf(value) >= 0; }

        public bool StartsWith(string value)
        {
            if (value == null) throw new ArgumentNullException("value");
            return value.m_length <= m_length && IndexOf(value) == 0 || value.m_length == 0;
        }

        public bool EndsWith(string value)
        {
            if (value == null) throw new ArgumentNullException("value");
            if (value.m_length > m_length) return false;
            int offset = m_length - value.m_length;
            for (int i = 0; i < value.m_length; i++) if (this[offset + i] != value[i]) return false;
            return true;
        }

        public char[] ToCharArray()
        {
            char[] chars = new char[m_length];
            for (int i = 0; i < m_length; i++) chars[i] = this[i];
            return chars;
        }

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

        public string Trim()
        {
            int start = 0;
            int end = m_length;
            while (start < end && Char.IsWhiteSpace(this[start])) start++;
            while (end > start && Char.IsWhiteSpace(this[end - 1])) end--;
            return Substring(start, end - start);
        }

        public string Replace(char oldChar, char newChar)
        {
            char[] chars = ToCharArray();
            for (int i = 0; i < chars.Length; i++) if (chars[i] == oldChar) chars[i] = newChar;
            return new string(chars);
        }
    }
}
