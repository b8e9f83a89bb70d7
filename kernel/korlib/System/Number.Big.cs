// korlib: the unsigned big integers of exact double → decimal conversion (Number.Double.cs).
// A value lives in caller-provided storage (stackalloc uint[Big.Words]) as little-endian
// 32-bit words; `length` counts the words in use (no leading zero words, 0 for zero).
// The largest value the conversion needs is about 2^1140 (a subnormal's numerator scaled
// by 10^324, times 10), so 40 words are enough.

namespace System
{
    internal static unsafe partial class Number
    {
        private unsafe struct Big
        {
            public const int Words = 40;

            private uint* words;
            private int length;

            public Big(uint* storage, ulong value)
            {
                words = storage;
                words[0] = (uint)value;
                words[1] = (uint)(value >> 32);
                length = words[1] != 0 ? 2 : words[0] != 0 ? 1 : 0;
            }

            /// <summary>A copy of this value in other storage.</summary>
            public Big CopyTo(uint* storage)
            {
                Big copy = new Big(storage, 0);
                for (int i = 0; i < length; i++) storage[i] = words[i];
                copy.length = length;
                return copy;
            }

            /// <summary>this = 2^exponent.</summary>
            public void SetPowerOfTwo(int exponent)
            {
                int top = exponent >> 5;
                for (int i = 0; i < top; i++) words[i] = 0;
                words[top] = 1u << (exponent & 31);
                length = top + 1;
            }

            public void ShiftLeft(int bits)
            {
                if (length == 0) return;
                int wordShift = bits >> 5;
                int bitShift = bits & 31;
                if (bitShift == 0)
                {
                    for (int i = length - 1; i >= 0; i--) words[i + wordShift] = words[i];
                }
                else
                {
                    words[length + wordShift] = 0;
                    for (int i = length - 1; i >= 0; i--)
                    {
                        words[i + wordShift + 1] |= words[i] >> (32 - bitShift);
                        words[i + wordShift] = words[i] << bitShift;
                    }
                    length++;
                }
                for (int i = 0; i < wordShift; i++) words[i] = 0;
                length += wordShift;
                if (words[length - 1] == 0) length--;
            }

            public void Multiply(uint factor)
            {
                ulong carry = 0;
                for (int i = 0; i < length; i++)
                {
                    ulong p = (ulong)words[i] * factor + carry;
                    words[i] = (uint)p;
                    carry = p >> 32;
                }
                if (carry != 0) words[length++] = (uint)carry;
            }

            public void MultiplyByPowerOfTen(int exponent)
            {
                for (; exponent >= 9; exponent -= 9) Multiply(1000000000);
                uint rest = 1;
                for (; exponent > 0; exponent--) rest *= 10;
                if (rest != 1) Multiply(rest);
            }

            public int CompareTo(ref Big other)
            {
                if (length != other.length) return length < other.length ? -1 : 1;
                for (int i = length - 1; i >= 0; i--)
                {
                    if (words[i] != other.words[i]) return words[i] < other.words[i] ? -1 : 1;
                }
                return 0;
            }

            /// <summary>this -= other; requires this >= other.</summary>
            public void Subtract(ref Big other)
            {
                long borrow = 0;
                for (int i = 0; i < length; i++)
                {
                    long d = (long)words[i] - (i < other.length ? other.words[i] : 0) - borrow;
                    words[i] = (uint)d;
                    borrow = d < 0 ? 1 : 0;
                }
                while (length > 0 && words[length - 1] == 0) length--;
            }

            /// <summary>Compares 2·this with other (for rounding a remainder against a half).</summary>
            public int CompareDoubledTo(ref Big other)
            {
                int top = length;
                // Words of 2·this, computed on the fly from the top.
                int doubledLength = length > 0 && (words[length - 1] & 0x80000000) != 0 ? length + 1 : length;
                if (doubledLength != other.length) return doubledLength < other.length ? -1 : 1;
                for (int i = doubledLength - 1; i >= 0; i--)
                {
                    uint w = (i < top ? words[i] << 1 : 0) | (i > 0 ? words[i - 1] >> 31 : 0);
                    if (w != other.words[i]) return w < other.words[i] ? -1 : 1;
                }
                return 0;
            }
        }
    }
}
