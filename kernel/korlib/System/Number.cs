// korlib: integer → decimal text, as ToString() with no format prints it.

namespace System
{
    internal static unsafe class Number
    {
        public static string FormatInt32(int value)
        {
            return FormatInt64(value);
        }

        public static string FormatInt64(long value)
        {
            if (value >= 0) return FormatUInt64((ulong)value);
            // Digits of the magnitude; -MinValue is representable as ulong.
            return FormatUnsigned((ulong)(-(value + 1)) + 1, true);
        }

        public static string FormatUInt64(ulong value)
        {
            return FormatUnsigned(value, false);
        }

        private static string FormatUnsigned(ulong value, bool negative)
        {
            char* digits = stackalloc char[21];
            int n = 0;
            if (value <= 0xffffffff)
            {
                // 32-bit division is much cheaper than the 64-bit helper.
                uint v = (uint)value;
                do
                {
                    digits[n++] = (char)('0' + v % 10);
                    v /= 10;
                } while (v != 0);
            }
            else
            {
                do
                {
                    digits[n++] = (char)('0' + (int)(value % 10));
                    value /= 10;
                } while (value != 0);
            }
            if (negative) digits[n++] = '-';
            string s = String.FastAllocate(n);
            fixed (char* p = s) for (int i = 0; i < n; i++) p[i] = digits[n - 1 - i];
            return s;
        }
    }
}
