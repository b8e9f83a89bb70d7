// korlib: double and float. ToString prints 15 (double) or 7 (float) significant digits as
// Mono does (Number.Double.cs); Parse reads as Mono does (Number.Parsing.cs); Equals treats
// NaN as equal to itself; GetHashCode gives 0 and -0 (and every NaN) the same hash.

using System.Globalization;

namespace System
{
    public unsafe struct Double : IComparable, IFormattable, IComparable<double>, IEquatable<double>
    {
        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double NaN = 0.0 / 0.0;
        private double m_value;

        public static bool IsNaN(double d) { return d != d; }
        public static bool IsInfinity(double d) { return (BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFF) == 0x7FF0000000000000; }
        public static bool IsPositiveInfinity(double d) { return d == PositiveInfinity; }
        public static bool IsNegativeInfinity(double d) { return d == NegativeInfinity; }
        public static bool IsFinite(double d) { return (BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFF) < 0x7FF0000000000000; }
        public static bool IsNegative(double d) { return BitConverter.DoubleToInt64Bits(d) < 0; }

        public static bool IsNormal(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFF;
            return bits < 0x7FF0000000000000 && bits != 0 && (bits & 0x7FF0000000000000) != 0;
        }

        public static bool IsSubnormal(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFF;
            return bits < 0x7FF0000000000000 && bits != 0 && (bits & 0x7FF0000000000000) == 0;
        }

        public override string ToString() { return Number.FormatDouble(m_value, null, null); }
        public string ToString(string format) { return Number.FormatDouble(m_value, format, null); }
        public string ToString(IFormatProvider provider) { return Number.FormatDouble(m_value, null, provider); }
        public string ToString(string format, IFormatProvider provider) { return Number.FormatDouble(m_value, format, provider); }

        public static double Parse(string s) { return Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, null); }
        public static double Parse(string s, NumberStyles style) { return Parse(s, style, null); }
        public static double Parse(string s, IFormatProvider provider) { return Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider); }

        public static double Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            Number.ValidateParseStyleFloatingPoint(style);
            if (s == null) throw new ArgumentNullException("s");
            double result;
            Number.ParseStatus status = Number.TryParseDouble(s, style, NumberFormatInfo.GetInstance(provider), out result);
            if (status != Number.ParseStatus.OK) Number.ThrowParseFailure(status, "Value was either too large or too small for a Double.");
            return result;
        }

        public static bool TryParse(string s, out double result) { return TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result); }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out double result)
        {
            Number.ValidateParseStyleFloatingPoint(style);
            result = 0;
            double value;
            if (s == null || Number.TryParseDouble(s, style, NumberFormatInfo.GetInstance(provider), out value) != Number.ParseStatus.OK) return false;
            result = value;
            return true;
        }

        public override bool Equals(object obj) { return obj is double && Equals((double)obj); }
        public bool Equals(double obj) { return obj == m_value || (IsNaN(obj) && IsNaN(m_value)); }

        public override int GetHashCode()
        {
            long bits = BitConverter.DoubleToInt64Bits(m_value);
            // NaN or ±0: keep the exponent only.
            if (((bits - 1) & 0x7FFFFFFFFFFFFFFF) >= 0x7FF0000000000000) bits &= 0x7FF0000000000000;
            return (int)bits ^ (int)(bits >> 32);
        }

        /// <summary>NaN sorts before every other value and equals itself.</summary>
        public int CompareTo(double value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            if (IsNaN(m_value)) return IsNaN(value) ? 0 : -1;
            return 1;
        }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (!(value is double)) throw new ArgumentException("Object must be of type Double.");
            return CompareTo((double)value);
        }
    }

    public unsafe struct Single : IComparable, IFormattable, IComparable<float>, IEquatable<float>
    {
        public const float MinValue = -3.40282347E+38f;
        public const float MaxValue = 3.40282347E+38f;
        public const float Epsilon = 1.401298E-45f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float NaN = 0.0f / 0.0f;
        private float m_value;

        private static int Bits(float f) { return *(int*)&f; }

        public static bool IsNaN(float f) { return f != f; }
        public static bool IsInfinity(float f) { return (Bits(f) & 0x7FFFFFFF) == 0x7F800000; }
        public static bool IsPositiveInfinity(float f) { return f == PositiveInfinity; }
        public static bool IsNegativeInfinity(float f) { return f == NegativeInfinity; }
        public static bool IsFinite(float f) { return (Bits(f) & 0x7FFFFFFF) < 0x7F800000; }
        public static bool IsNegative(float f) { return Bits(f) < 0; }

        public static bool IsNormal(float f)
        {
            int bits = Bits(f) & 0x7FFFFFFF;
            return bits < 0x7F800000 && bits != 0 && (bits & 0x7F800000) != 0;
        }

        public static bool IsSubnormal(float f)
        {
            int bits = Bits(f) & 0x7FFFFFFF;
            return bits < 0x7F800000 && bits != 0 && (bits & 0x7F800000) == 0;
        }

        public override string ToString() { return Number.FormatSingle(m_value, null, null); }
        public string ToString(string format) { return Number.FormatSingle(m_value, format, null); }
        public string ToString(IFormatProvider provider) { return Number.FormatSingle(m_value, null, provider); }
        public string ToString(string format, IFormatProvider provider) { return Number.FormatSingle(m_value, format, provider); }

        public static float Parse(string s) { return Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, null); }
        public static float Parse(string s, NumberStyles style) { return Parse(s, style, null); }
        public static float Parse(string s, IFormatProvider provider) { return Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider); }

        public static float Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            Number.ValidateParseStyleFloatingPoint(style);
            if (s == null) throw new ArgumentNullException("s");
            float result;
            Number.ParseStatus status = TryParseCore(s, style, provider, out result);
            if (status != Number.ParseStatus.OK) Number.ThrowParseFailure(status, "Value was either too large or too small for a Single.");
            return result;
        }

        public static bool TryParse(string s, out float result) { return TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result); }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out float result)
        {
            Number.ValidateParseStyleFloatingPoint(style);
            result = 0;
            return s != null && TryParseCore(s, style, provider, out result) == Number.ParseStatus.OK;
        }

        /// <summary>Parsed as a double, then rounded to float; infinity from a finite text is an overflow.</summary>
        private static Number.ParseStatus TryParseCore(string s, NumberStyles style, IFormatProvider provider, out float result)
        {
            double d;
            result = 0;
            Number.ParseStatus status = Number.TryParseDouble(s, style, NumberFormatInfo.GetInstance(provider), out d);
            if (status != Number.ParseStatus.OK) return status;
            float f = (float)d;
            if (IsInfinity(f) && !double.IsInfinity(d)) return Number.ParseStatus.Overflow;
            result = f;
            return Number.ParseStatus.OK;
        }

        public override bool Equals(object obj) { return obj is float && Equals((float)obj); }
        public bool Equals(float obj) { return obj == m_value || (IsNaN(obj) && IsNaN(m_value)); }

        public override int GetHashCode()
        {
            int bits = Bits(m_value);
            if (((bits - 1) & 0x7FFFFFFF) >= 0x7F800000) bits &= 0x7F800000;
            return bits;
        }

        public int CompareTo(float value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            if (IsNaN(m_value)) return IsNaN(value) ? 0 : -1;
            return 1;
        }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (!(value is float)) throw new ArgumentException("Object must be of type Single.");
            return CompareTo((float)value);
        }
    }
}
