// korlib: the integer types. Each holds one field of its own kind, which is the value
// itself (primitives have a fixed layout, engine/types.ts). ToString, Parse, Equals,
// GetHashCode and CompareTo behave as Mono's; the text work is in Number*.cs.

using System.Globalization;

namespace System
{

    public struct SByte : IComparable, IFormattable, IComparable<sbyte>, IEquatable<sbyte>
    {
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;
        private sbyte m_value;

        public override string ToString() { return Number.FormatInt32(m_value); }
        public string ToString(string format) { return ToString(format, null); }
        public string ToString(IFormatProvider provider) { return ToString(null, provider); }
        public string ToString(string format, IFormatProvider provider)
        {
            // Negative values print as the two's complement of their own width in hexadecimal.
            if (m_value < 0 && format != null && format.Length > 0 && (format[0] == 'X' || format[0] == 'x'))
            {
                return Number.FormatUInt32((uint)m_value & 0xFF, format, provider);
            }
            return Number.FormatInt32(m_value, format, provider);
        }

        public static sbyte Parse(string s) { return Parse(s, NumberStyles.Integer, null); }
        public static sbyte Parse(string s, NumberStyles style) { return Parse(s, style, null); }
        public static sbyte Parse(string s, IFormatProvider provider) { return Parse(s, NumberStyles.Integer, provider); }
        public static sbyte Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            Number.ValidateParseStyleInteger(style);
            if (s == null) throw new ArgumentNullException("s");
            long result;
            Number.ParseStatus status = Number.TryParseSigned(s, style, NumberFormatInfo.GetInstance(provider), MinValue, MaxValue, 8, out result);
            if (status != Number.ParseStatus.OK) Number.ThrowParseFailure(status, "Value was either too large or too small for a signed byte.");
            return (sbyte)result;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            Number.ValidateParseStyleInteger(style);
            result = 0;
            long value;
            if (s == null || Number.TryParseSigned(s, style, NumberFormatInfo.GetInstance(provider), MinValue, MaxValue, 8, out value) != Number.ParseStatus.OK) return false;
            result = (sbyte)value;
            return true;
        }

        public static bool TryParse(string s, out sbyte result) { return TryParse(s, NumberStyles.Integer, null, out result); }

        public override bool Equals(object obj) { return obj is sbyte && (sbyte)obj == m_value; }
        public bool Equals(sbyte obj) { return obj == m_value; }
        public override int GetHashCode() { return (int)m_value ^ ((int)m_value << 8); }
        public int CompareTo(sbyte value) { return m_value - value; }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (!(value is sbyte)) throw new ArgumentException("Object must be of type SByte.");
            return CompareTo((sbyte)value);
        }
    }

    public struct Byte : IComparable, IFormattable, IComparable<byte>, IEquatable<byte>
    {
        public const byte MaxValue = 255;
        public const byte MinValue = 0;
        private byte m_value;

        public override string ToString() { return Number.FormatUInt32(m_value); }
        public string ToString(string format) { return ToString(format, null); }
        public string ToString(IFormatProvider provider) { return ToString(null, provider); }
        public string ToString(string format, IFormatProvider provider) { return Number.FormatUInt32(m_value, format, provider); }

        public static byte Parse(string s) { return Parse(s, NumberStyles.Integer, null); }
        public static byte Parse(string s, NumberStyles style) { return Parse(s, style, null); }
        public static byte Parse(string s, IFormatProvider provider) { return Parse(s, NumberStyles.Integer, provider); }
        public static byte Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            Number.ValidateParseStyleInteger(style);
            if (s == null) throw new ArgumentNullException("s");
            ulong result;
            Number.ParseStatus status = Number.TryParseUnsigned(s, style, NumberFormatInfo.GetInstance(provider), MaxValue, 8, out result);
            if (status != Number.ParseStatus.OK) Number.ThrowParseFailure(status, "Value was either too large or too small for an unsigned byte.");
            return (byte)result;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out byte result)
        {
            Number.ValidateParseStyleInteger(style);
            result = 0;
            ulong value;
            if (s == null || Number.TryParseUnsigned(s, style, NumberFormatInfo.GetInstance(provider), MaxValue, 8, out value) != Number.ParseStatus.OK) return false;
            result = (byte)value;
            return true;
        }

        public static bool TryParse(string s, out byte result) { return TryParse(s, NumberStyles.Integer, null, out result); }

        public override bool Equals(object obj) { return obj is byte && (byte)obj == m_value; }
        public bool Equals(byte obj) { return obj == m_value; }
        public override int GetHashCode() { return m_value; }
        public int CompareTo(byte value) { return m_value - value; }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (!(value is byte)) throw new ArgumentException("Object must be of type Byte.");
            return CompareTo((byte)value);
        }
    }

    public struct Int16 : IComparable, IFormattable, IComparable<short>, IEquatable<short>
    {
        public const short MaxValue = 32767;
        public const short MinValue = -32768;
        private short m_value;

        public override string ToString() { return Number.FormatInt32(m_value); }
        public string ToString(string format) { return ToString(format, null); }
        public string ToString(IFormatProvider provider) { return ToString(null, provider); }
        public string ToString(string format, IFormatProvider provider)
        {
            // Negative values print as the two's complement of their own width in hexadecimal.
            if (m_value < 0 && format != null && format.Length > 0 && (format[0] == 'X' || format[0] == 'x'))
            {
                return Number.FormatUInt32((uint)m_value & 0xFFFF, format, provider);
            }
            return Number.FormatInt32(m_value, format, provider);
        }

        public static short Parse(string s) { return Parse(s, NumberStyles.Integer, null); }
        public static short Parse(string s, NumberStyles style) { return Parse(s, style, null); }
        public static short Parse(string s, IFormatProvider provider) { return Parse(s, NumberStyles.Integer, provider); }
        public static short Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            Number.ValidateParseStyleInteger(style);
            if (s == null) throw new ArgumentNullException("s");
            long result;
            Number.ParseStatus status = Number.TryParseSigned(s, style, NumberFormatInfo.GetInstance(provider), MinValue, MaxValue, 16, out result);
            if (status != Number.ParseStatus.OK) Number.ThrowParseFailure(status, "Value was either too large or too small for an Int16.");
            return (short)result;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out short result)
        {
            Number.ValidateParseStyleInteger(style);
            result = 0;
            long value;
            if (s == null || Number.TryParseSigned(s, style, NumberFormatInfo.GetInstance(provider), MinValue, MaxValue, 16, out value) != Number.ParseStatus.OK) return false;
            result = (short)value;
            return true;
        }

        public static bool TryParse(string s, out short result) { return TryParse(s, NumberStyles.Integer, null, out result); }

        public override bool Equals(object obj) { return obj is short && (short)obj == m_value; }
        public bool Equals(short obj) { return obj == m_value; }
        public override int GetHashCode() { return (int)(ushort)m_value | ((int)m_value << 16); }
        public int CompareTo(short value) { return m_value - value; }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (!(value is short)) throw new ArgumentException("Object must be of type Int16.");
            return CompareTo((short)value);
        }
    }

    public struct UInt16 : IComparable, IFormattable, IComparable<ushort>, IEquatable<ushort>
    {
        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;
        private ushort m_value;

        public override string ToString() { return Number.FormatUInt32(m_value); }
        public string ToString(string format) { return ToString(format, null); }
        public string ToString(IFormatProvider provider) { return ToString(null, provider); }
        public string ToString(string format, IFormatProvider provider) { return Number.FormatUInt32(m_value, format, provider); }

        public static ushort Parse(string s) { return Parse(s, NumberStyles.Integer, null); }
        public static ushort Parse(string s, NumberStyles style) { return Parse(s, style, null); }
        public static ushort Parse(string s, IFormatProvider provider) { return Parse(s, NumberStyles.Integer, provider); }
        public static ushort Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            Number.ValidateParseStyleInteger(style);
            if (s == null) throw new ArgumentNullException("s");
            ulong result;
            Number.ParseStatus status = Number.TryParseUnsigned(s, style, NumberFormatInfo.GetInstance(provider), MaxValue, 16, out result);
            if (status != Number.ParseStatus.OK) Number.ThrowParseFailure(status, "Value was either too large or too small for a UInt16.");
            return (ushort)result;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ushort result)
        {
            Number.ValidateParseStyleInteger(style);
            result = 0;
            ulong value;
            if (s == null || Number.TryParseUnsigned(s, style, NumberFormatInfo.GetInstance(provider), MaxValue, 16, out value) != Number.ParseStatus.OK) return false;
            result = (ushort)value;
            return true;
        }

        public static bool TryParse(string s, out ushort result) { return TryParse(s, NumberStyles.Integer, null, out result); }

        public override bool Equals(object obj) { return obj is ushort && (ushort)obj == m_value; }
        public bool Equals(ushort obj) { return obj == m_value; }
        public override int GetHashCode() { return m_value; }
        public int CompareTo(ushort value) { return m_value - value; }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (!(value is ushort)) throw new ArgumentException("Object must be of type UInt16.");
            return CompareTo((ushort)value);
        }
    }

    public struct Int32 : IComparable, IFormattable, IComparable<int>, IEquatable<int>
    {
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
        private int m_value;

        public override string ToString() { return Number.FormatInt32(m_value); }
        public string ToString(string format) { return ToString(format, null); }
        public string ToString(IFormatProvider provider) { return ToString(null, provider); }
        public string ToString(string format, IFormatProvider provider) { return Number.FormatInt32(m_value, format, provider); }

        public static int Parse(string s) { return Parse(s, NumberStyles.Integer, null); }
        public static int Parse(string s, NumberStyles style) { return Parse(s, style, null); }
        public static int Parse(string s, IFormatProvider provider) { return Parse(s, NumberStyles.Integer, provider); }
        public static int Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            Number.ValidateParseStyleInteger(style);
            if (s == null) throw new ArgumentNullException("s");
            long result;
            Number.ParseStatus status = Number.TryParseSigned(s, style, NumberFormatInfo.GetInstance(provider), MinValue, MaxValue, 32, out result);
            if (status != Number.ParseStatus.OK) Number.ThrowParseFailure(status, "Value was either too large or too small for an Int32.");
            return (int)result;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out int result)
        {
            Number.ValidateParseStyleInteger(style);
            result = 0;
            long value;
            if (s == null || Number.TryParseSigned(s, style, NumberFormatInfo.GetInstance(provider), MinValue, MaxValue, 32, out value) != Number.ParseStatus.OK) return false;
            result = (int)value;
            return true;
        }

        public static bool TryParse(string s, out int result) { return TryParse(s, NumberStyles.Integer, null, out result); }

        public override bool Equals(object obj) { return obj is int && (int)obj == m_value; }
        public bool Equals(int obj) { return obj == m_value; }
        public override int GetHashCode() { return m_value; }
        public int CompareTo(int value) { return m_value < value ? -1 : m_value > value ? 1 : 0; }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (!(value is int)) throw new ArgumentException("Object must be of type Int32.");
            return CompareTo((int)value);
        }
    }

    public struct UInt32 : IComparable, IFormattable, IComparable<uint>, IEquatable<uint>
    {
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0;
        private uint m_value;

        public override string ToString() { return Number.FormatUInt32(m_value); }
        public string ToString(string format) { return ToString(format, null); }
        public string ToString(IFormatProvider provider) { return ToString(null, provider); }
        public string ToString(string format, IFormatProvider provider) { return Number.FormatUInt32(m_value, format, provider); }

        public static uint Parse(string s) { return Parse(s, NumberStyles.Integer, null); }
        public static uint Parse(string s, NumberStyles style) { return Parse(s, style, null); }
        public static uint Parse(string s, IFormatProvider provider) { return Parse(s, NumberStyles.Integer, provider); }
        public static uint Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            Number.ValidateParseStyleInteger(style);
            if (s == null) throw new ArgumentNullException("s");
            ulong result;
            Number.ParseStatus status = Number.TryParseUnsigned(s, style, NumberFormatInfo.GetInstance(provider), MaxValue, 32, out result);
            if (status != Number.ParseStatus.OK) Number.ThrowParseFailure(status, "Value was either too large or too small for a UInt32.");
            return (uint)result;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out uint result)
        {
            Number.ValidateParseStyleInteger(style);
            result = 0;
            ulong value;
            if (s == null || Number.TryParseUnsigned(s, style, NumberFormatInfo.GetInstance(provider), MaxValue, 32, out value) != Number.ParseStatus.OK) return false;
            result = (uint)value;
            return true;
        }

        public static bool TryParse(string s, out uint result) { return TryParse(s, NumberStyles.Integer, null, out result); }

        public override bool Equals(object obj) { return obj is uint && (uint)obj == m_value; }
        public bool Equals(uint obj) { return obj == m_value; }
        public override int GetHashCode() { return (int)m_value; }
        public int CompareTo(uint value) { return m_value < value ? -1 : m_value > value ? 1 : 0; }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (!(value is uint)) throw new ArgumentException("Object must be of type UInt32.");
            return CompareTo((uint)value);
        }
    }

    public struct Int64 : IComparable, IFormattable, IComparable<long>, IEquatable<long>
    {
        public const long MaxValue = 0x7fffffffffffffff;
        public const long MinValue = unchecked((long)0x8000000000000000);
        private long m_value;

        public override string ToString() { return Number.FormatInt64(m_value); }
        public string ToString(string format) { return ToString(format, null); }
        public string ToString(IFormatProvider provider) { return ToString(null, provider); }
        public string ToString(string format, IFormatProvider provider) { return Number.FormatInt64(m_value, format, provider); }

        public static long Parse(string s) { return Parse(s, NumberStyles.Integer, null); }
        public static long Parse(string s, NumberStyles style) { return Parse(s, style, null); }
        public static long Parse(string s, IFormatProvider provider) { return Parse(s, NumberStyles.Integer, provider); }
        public static long Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            Number.ValidateParseStyleInteger(style);
            if (s == null) throw new ArgumentNullException("s");
            long result;
            Number.ParseStatus status = Number.TryParseSigned(s, style, NumberFormatInfo.GetInstance(provider), MinValue, MaxValue, 64, out result);
            if (status != Number.ParseStatus.OK) Number.ThrowParseFailure(status, "Value was either too large or too small for an Int64.");
            return (long)result;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out long result)
        {
            Number.ValidateParseStyleInteger(style);
            result = 0;
            long value;
            if (s == null || Number.TryParseSigned(s, style, NumberFormatInfo.GetInstance(provider), MinValue, MaxValue, 64, out value) != Number.ParseStatus.OK) return false;
            result = (long)value;
            return true;
        }

        public static bool TryParse(string s, out long result) { return TryParse(s, NumberStyles.Integer, null, out result); }

        public override bool Equals(object obj) { return obj is long && (long)obj == m_value; }
        public bool Equals(long obj) { return obj == m_value; }
        public override int GetHashCode() { return (int)m_value ^ (int)(m_value >> 32); }
        public int CompareTo(long value) { return m_value < value ? -1 : m_value > value ? 1 : 0; }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (!(value is long)) throw new ArgumentException("Object must be of type Int64.");
            return CompareTo((long)value);
        }
    }

    public struct UInt64 : IComparable, IFormattable, IComparable<ulong>, IEquatable<ulong>
    {
        public const ulong MaxValue = 0xffffffffffffffff;
        public const ulong MinValue = 0;
        private ulong m_value;

        public override string ToString() { return Number.FormatUInt64(m_value); }
        public string ToString(string format) { return ToString(format, null); }
        public string ToString(IFormatProvider provider) { return ToString(null, provider); }
        public string ToString(string format, IFormatProvider provider) { return Number.FormatUInt64(m_value, format, provider); }

        public static ulong Parse(string s) { return Parse(s, NumberStyles.Integer, null); }
        public static ulong Parse(string s, NumberStyles style) { return Parse(s, style, null); }
        public static ulong Parse(string s, IFormatProvider provider) { return Parse(s, NumberStyles.Integer, provider); }
        public static ulong Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            Number.ValidateParseStyleInteger(style);
            if (s == null) throw new ArgumentNullException("s");
            ulong result;
            Number.ParseStatus status = Number.TryParseUnsigned(s, style, NumberFormatInfo.GetInstance(provider), MaxValue, 64, out result);
            if (status != Number.ParseStatus.OK) Number.ThrowParseFailure(status, "Value was either too large or too small for a UInt64.");
            return (ulong)result;
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ulong result)
        {
            Number.ValidateParseStyleInteger(style);
            result = 0;
            ulong value;
            if (s == null || Number.TryParseUnsigned(s, style, NumberFormatInfo.GetInstance(provider), MaxValue, 64, out value) != Number.ParseStatus.OK) return false;
            result = (ulong)value;
            return true;
        }

        public static bool TryParse(string s, out ulong result) { return TryParse(s, NumberStyles.Integer, null, out result); }

        public override bool Equals(object obj) { return obj is ulong && (ulong)obj == m_value; }
        public bool Equals(ulong obj) { return obj == m_value; }
        public override int GetHashCode() { return (int)m_value ^ (int)(m_value >> 32); }
        public int CompareTo(ulong value) { return m_value < value ? -1 : m_value > value ? 1 : 0; }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (!(value is ulong)) throw new ArgumentException("Object must be of type UInt64.");
            return CompareTo((ulong)value);
        }
    }
}
