// korlib: the primitive value types. Each holds one field of its own kind, which is the
// value itself (primitives have a fixed layout, engine/types.ts). ToString, Equals,
// GetHashCode and CompareTo behave as Mono's.

namespace System
{
    public struct Boolean
    {
        private bool m_value;
        public static readonly string TrueString = "True";
        public static readonly string FalseString = "False";
        public override string ToString() { return m_value ? "True" : "False"; }
        public override bool Equals(object obj) { return obj is bool && (bool)obj == m_value; }
        public bool Equals(bool obj) { return obj == m_value; }
        public override int GetHashCode() { return m_value ? 1 : 0; }
        public int CompareTo(bool value) { return m_value == value ? 0 : m_value ? 1 : -1; }
    }

    public struct Char
    {
        public const char MaxValue = (char)0xffff;
        public const char MinValue = (char)0;
        private char m_value;
        public override string ToString() { return new string(m_value, 1); }
        public static string ToString(char c) { return new string(c, 1); }
        public override bool Equals(object obj) { return obj is char && (char)obj == m_value; }
        public bool Equals(char obj) { return obj == m_value; }
        public override int GetHashCode() { return (int)m_value | ((int)m_value << 16); }
        public int CompareTo(char value) { return m_value - value; }
        public static bool IsDigit(char c) { return c >= '0' && c <= '9'; }
        public static bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c <= 0x24F); }
        public static bool IsLetterOrDigit(char c) { return IsLetter(c) || IsDigit(c); }
        public static bool IsUpper(char c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
        public static bool IsLower(char c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
        public static bool IsWhiteSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x85; }
        public static char ToUpper(char c)
        {
            if (c >= 'a' && c <= 'z') return (char)(c - 32);
            if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return (char)(c - 32);
            return c;
        }
        public static char ToLower(char c)
        {
            if (c >= 'A' && c <= 'Z') return (char)(c + 32);
            if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return (char)(c + 32);
            return c;
        }
    }

    public struct SByte
    {
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;
        private sbyte m_value;
        public override string ToString() { return Number.FormatInt32(m_value); }
        public override bool Equals(object obj) { return obj is sbyte && (sbyte)obj == m_value; }
        public override int GetHashCode() { return (int)m_value ^ ((int)m_value << 8); }
        public int CompareTo(sbyte value) { return m_value - value; }
    }

    public struct Byte
    {
        public const byte MaxValue = 255;
        public const byte MinValue = 0;
        private byte m_value;
        public override string ToString() { return Number.FormatInt32(m_value); }
        public override bool Equals(object obj) { return obj is byte && (byte)obj == m_value; }
        public override int GetHashCode() { return m_value; }
        public int CompareTo(byte value) { return m_value - value; }
    }

    public struct Int16
    {
        public const short MaxValue = 32767;
        public const short MinValue = -32768;
        private short m_value;
        public override string ToString() { return Number.FormatInt32(m_value); }
        public override bool Equals(object obj) { return obj is short && (short)obj == m_value; }
        public override int GetHashCode() { return (int)(ushort)m_value | ((int)m_value << 16); }
        public int CompareTo(short value) { return m_value - value; }
    }

    public struct UInt16
    {
        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;
        private ushort m_value;
        public override string ToString() { return Number.FormatInt32(m_value); }
        public override bool Equals(object obj) { return obj is ushort && (ushort)obj == m_value; }
        public override int GetHashCode() { return m_value; }
        public int CompareTo(ushort value) { return m_value - value; }
    }

    public struct Int32
    {
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
        private int m_value;
        public override string ToString() { return Number.FormatInt32(m_value); }
        public override bool Equals(object obj) { return obj is int && (int)obj == m_value; }
        public bool Equals(int obj) { return obj == m_value; }
        public override int GetHashCode() { return m_value; }
        public int CompareTo(int value) { return m_value < value ? -1 : m_value > value ? 1 : 0; }
    }

    public struct UInt32
    {
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0;
        private uint m_value;
        public override string ToString() { return Number.FormatUInt64(m_value); }
        public override bool Equals(object obj) { return obj is uint && (uint)obj == m_value; }
        public override int GetHashCode() { return (int)m_value; }
        public int CompareTo(uint value) { return m_value < value ? -1 : m_value > value ? 1 : 0; }
    }

    public struct Int64
    {
        public const long MaxValue = 0x7fffffffffffffff;
        public const long MinValue = unchecked((long)0x8000000000000000);
        private long m_value;
        public override string ToString() { return Number.FormatInt64(m_value); }
        public override bool Equals(object obj) { return obj is long && (long)obj == m_value; }
        public override int GetHashCode() { return (int)m_value ^ (int)(m_value >> 32); }
        public int CompareTo(long value) { return m_value < value ? -1 : m_value > value ? 1 : 0; }
    }

    public struct UInt64
    {
        public const ulong MaxValue = 0xffffffffffffffff;
        public const ulong MinValue = 0;
        private ulong m_value;
        public override string ToString() { return Number.FormatUInt64(m_value); }
        public override bool Equals(object obj) { return obj is ulong && (ulong)obj == m_value; }
        public override int GetHashCode() { return (int)m_value ^ (int)(m_value >> 32); }
        public int CompareTo(ulong value) { return m_value < value ? -1 : m_value > value ? 1 : 0; }
    }

    public struct Single
    {
        public const float MinValue = -3.40282347E+38f;
        public const float MaxValue = 3.40282347E+38f;
        public const float Epsilon = 1.401298E-45f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float NaN = 0.0f / 0.0f;
        private float m_value;
    }

    public struct Double
    {
        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double NaN = 0.0 / 0.0;
        private double m_value;
    }

    public struct Decimal
    {
        private int flags;
        private int hi;
        private int lo;
        private int mid;
    }

    public unsafe struct IntPtr
    {
        private void* m_value;
        public static readonly IntPtr Zero;
        public IntPtr(int value) { m_value = (void*)value; }
        public IntPtr(void* value) { m_value = value; }
        public int ToInt32() { return (int)m_value; }
        public void* ToPointer() { return m_value; }
        public static int Size { get { return 4; } }
        public override string ToString() { return Number.FormatInt32((int)m_value); }
        public override int GetHashCode() { return (int)m_value; }
        public static explicit operator IntPtr(int value) { return new IntPtr(value); }
        public static explicit operator int(IntPtr value) { return (int)value.m_value; }
        public static explicit operator void*(IntPtr value) { return value.m_value; }
        public static explicit operator IntPtr(void* value) { return new IntPtr(value); }
        public static bool operator ==(IntPtr a, IntPtr b) { return a.m_value == b.m_value; }
        public static bool operator !=(IntPtr a, IntPtr b) { return a.m_value != b.m_value; }
        public override bool Equals(object obj) { return obj is IntPtr && ((IntPtr)obj).m_value == m_value; }
    }

    public unsafe struct UIntPtr
    {
        private void* m_value;
        public UIntPtr(uint value) { m_value = (void*)value; }
        public uint ToUInt32() { return (uint)m_value; }
    }
}
