// korlib: primitive values ↔ their bytes (little endian, as on x86) and bit patterns.

namespace System
{
    public static unsafe class BitConverter
    {
        public static readonly bool IsLittleEndian = true;

        public static long DoubleToInt64Bits(double value) { return *(long*)&value; }
        public static double Int64BitsToDouble(long value) { return *(double*)&value; }
        public static int SingleToInt32Bits(float value) { return *(int*)&value; }
        public static float Int32BitsToSingle(int value) { return *(float*)&value; }

        public static byte[] GetBytes(bool value) { byte[] r = new byte[1]; r[0] = value ? (byte)1 : (byte)0; return r; }
        public static byte[] GetBytes(char value) { return GetBytes((short)value); }
        public static byte[] GetBytes(short value) { return Bytes(&value, 2); }
        public static byte[] GetBytes(ushort value) { return Bytes(&value, 2); }
        public static byte[] GetBytes(int value) { return Bytes(&value, 4); }
        public static byte[] GetBytes(uint value) { return Bytes(&value, 4); }
        public static byte[] GetBytes(long value) { return Bytes(&value, 8); }
        public static byte[] GetBytes(ulong value) { return Bytes(&value, 8); }
        public static byte[] GetBytes(float value) { return Bytes(&value, 4); }
        public static byte[] GetBytes(double value) { return Bytes(&value, 8); }

        private static byte[] Bytes(void* value, int count)
        {
            byte[] result = new byte[count];
            for (int i = 0; i < count; i++) result[i] = ((byte*)value)[i];
            return result;
        }

        /// <summary>The address of value[startIndex] after checking `size` bytes are there.</summary>
        private static ulong Read(byte[] value, int startIndex, int size)
        {
            if (value == null) throw new ArgumentNullException("value");
            if ((uint)startIndex >= (uint)value.Length) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (startIndex > value.Length - size) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.", "value");
            ulong bits = 0;
            for (int i = size - 1; i >= 0; i--) bits = (bits << 8) | value[startIndex + i];
            return bits;
        }

        public static bool ToBoolean(byte[] value, int startIndex) { return Read(value, startIndex, 1) != 0; }
        public static char ToChar(byte[] value, int startIndex) { return (char)Read(value, startIndex, 2); }
        public static short ToInt16(byte[] value, int startIndex) { return (short)Read(value, startIndex, 2); }
        public static ushort ToUInt16(byte[] value, int startIndex) { return (ushort)Read(value, startIndex, 2); }
        public static int ToInt32(byte[] value, int startIndex) { return (int)Read(value, startIndex, 4); }
        public static uint ToUInt32(byte[] value, int startIndex) { return (uint)Read(value, startIndex, 4); }
        public static long ToInt64(byte[] value, int startIndex) { return (long)Read(value, startIndex, 8); }
        public static ulong ToUInt64(byte[] value, int startIndex) { return Read(value, startIndex, 8); }
        public static float ToSingle(byte[] value, int startIndex) { return Int32BitsToSingle((int)Read(value, startIndex, 4)); }
        public static double ToDouble(byte[] value, int startIndex) { return Int64BitsToDouble((long)Read(value, startIndex, 8)); }

        /// <summary>"0A-FF-10": the bytes in hexadecimal, separated by hyphens.</summary>
        public static string ToString(byte[] value)
        {
            if (value == null) throw new ArgumentNullException("value");
            return ToString(value, 0, value.Length);
        }

        public static string ToString(byte[] value, int startIndex)
        {
            if (value == null) throw new ArgumentNullException("value");
            return ToString(value, startIndex, value.Length - startIndex);
        }

        public static string ToString(byte[] value, int startIndex, int length)
        {
            if (value == null) throw new ArgumentNullException("value");
            if (startIndex < 0 || (startIndex >= value.Length && startIndex > 0)) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Value must be positive.");
            if (startIndex > value.Length - length) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            if (length == 0) return string.Empty;
            char[] chars = new char[length * 3 - 1];
            for (int i = 0; i < length; i++)
            {
                byte b = value[startIndex + i];
                chars[3 * i] = HexDigit(b >> 4);
                chars[3 * i + 1] = HexDigit(b & 0xF);
                if (i + 1 < length) chars[3 * i + 2] = '-';
            }
            return new string(chars);
        }

        private static char HexDigit(int d) { return (char)(d < 10 ? '0' + d : 'A' + d - 10); }
    }
}
