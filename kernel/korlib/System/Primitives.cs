// korlib: Boolean, Decimal (a placeholder mcs requires; sharpaot has no decimal
// arithmetic), IntPtr and UIntPtr. The integer types are in Integers.cs, double and float
// in Floating.cs, char in Char.cs.

namespace System
{
    public struct Boolean : IComparable, IComparable<bool>, IEquatable<bool>
    {
        private bool m_value;
        public static readonly string TrueString = "True";
        public static readonly string FalseString = "False";

        public override string ToString() { return m_value ? "True" : "False"; }
        public string ToString(IFormatProvider provider) { return ToString(); }

        public static bool Parse(string value)
        {
            if (value == null) throw new ArgumentNullException("value");
            bool result;
            if (!TryParse(value, out result)) throw new FormatException("String was not recognized as a valid Boolean.");
            return result;
        }

        /// <summary>"True" or "False" in any case, with white space and '\0's around it.</summary>
        public static bool TryParse(string value, out bool result)
        {
            result = false;
            if (value == null) return false;
            int start = 0;
            int end = value.Length;
            while (start < end && (char.IsWhiteSpace(value[start]) || value[start] == '\0')) start++;
            while (end > start && (char.IsWhiteSpace(value[end - 1]) || value[end - 1] == '\0')) end--;
            string word = value.Substring(start, end - start);
            if (string.Compare(word, "True", StringComparison.OrdinalIgnoreCase) == 0)
            {
                result = true;
                return true;
            }
            return string.Compare(word, "False", StringComparison.OrdinalIgnoreCase) == 0;
        }

        public override bool Equals(object obj) { return obj is bool && (bool)obj == m_value; }
        public bool Equals(bool obj) { return obj == m_value; }
        public override int GetHashCode() { return m_value ? 1 : 0; }
        public int CompareTo(bool value) { return m_value == value ? 0 : m_value ? 1 : -1; }

        public int CompareTo(object obj)
        {
            if (obj == null) return 1;
            if (!(obj is bool)) throw new ArgumentException("Object must be of type Boolean.");
            return CompareTo((bool)obj);
        }
    }

    public struct Decimal
    {
        private int flags;
        private int hi;
        private int lo;
        private int mid;
    }

    public unsafe struct IntPtr : IEquatable<IntPtr>
    {
        private void* m_value;
        public static readonly IntPtr Zero;

        public IntPtr(int value) { m_value = (void*)value; }
        public IntPtr(long value) { m_value = (void*)checked((int)value); }
        public IntPtr(void* value) { m_value = value; }

        public static int Size { get { return 4; } }

        public int ToInt32() { return (int)m_value; }
        public long ToInt64() { return (int)m_value; }
        public void* ToPointer() { return m_value; }

        public override string ToString() { return Number.FormatInt32((int)m_value); }
        public string ToString(string format) { return Number.FormatInt32((int)m_value, format, null); }
        public override int GetHashCode() { return (int)m_value; }
        public override bool Equals(object obj) { return obj is IntPtr && ((IntPtr)obj).m_value == m_value; }
        public bool Equals(IntPtr other) { return other.m_value == m_value; }

        public static IntPtr Add(IntPtr pointer, int offset) { return new IntPtr((byte*)pointer.m_value + offset); }
        public static IntPtr Subtract(IntPtr pointer, int offset) { return new IntPtr((byte*)pointer.m_value - offset); }

        public static explicit operator IntPtr(int value) { return new IntPtr(value); }
        public static explicit operator IntPtr(long value) { return new IntPtr(value); }
        public static explicit operator int(IntPtr value) { return (int)value.m_value; }
        public static explicit operator long(IntPtr value) { return (int)value.m_value; }
        public static explicit operator void*(IntPtr value) { return value.m_value; }
        public static explicit operator IntPtr(void* value) { return new IntPtr(value); }
        public static IntPtr operator +(IntPtr pointer, int offset) { return Add(pointer, offset); }
        public static IntPtr operator -(IntPtr pointer, int offset) { return Subtract(pointer, offset); }
        public static bool operator ==(IntPtr a, IntPtr b) { return a.m_value == b.m_value; }
        public static bool operator !=(IntPtr a, IntPtr b) { return a.m_value != b.m_value; }
    }

    public unsafe struct UIntPtr : IEquatable<UIntPtr>
    {
        private void* m_value;
        public static readonly UIntPtr Zero;

        public UIntPtr(uint value) { m_value = (void*)value; }
        public UIntPtr(ulong value) { m_value = (void*)checked((uint)value); }
        public UIntPtr(void* value) { m_value = value; }

        public static int Size { get { return 4; } }

        public uint ToUInt32() { return (uint)m_value; }
        public ulong ToUInt64() { return (uint)m_value; }
        public void* ToPointer() { return m_value; }

        public override string ToString() { return Number.FormatUInt32((uint)m_value); }
        public override int GetHashCode() { return (int)m_value; }
        public override bool Equals(object obj) { return obj is UIntPtr && ((UIntPtr)obj).m_value == m_value; }
        public bool Equals(UIntPtr other) { return other.m_value == m_value; }

        public static explicit operator UIntPtr(uint value) { return new UIntPtr(value); }
        public static explicit operator UIntPtr(ulong value) { return new UIntPtr(value); }
        public static explicit operator uint(UIntPtr value) { return (uint)value.m_value; }
        public static explicit operator ulong(UIntPtr value) { return (uint)value.m_value; }
        public static explicit operator void*(UIntPtr value) { return value.m_value; }
        public static explicit operator UIntPtr(void* value) { return new UIntPtr(value); }
        public static bool operator ==(UIntPtr a, UIntPtr b) { return a.m_value == b.m_value; }
        public static bool operator !=(UIntPtr a, UIntPtr b) { return a.m_value != b.m_value; }
    }
}
