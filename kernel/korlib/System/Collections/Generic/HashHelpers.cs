// korlib: .NET's hash table sizes: primes growing by about 1.2, then doubling (ExpandPrime).

namespace System.Collections.Generic
{
    internal static class HashHelpers
    {
        private const int HashPrime = 101;
        private const int MaxPrimeArrayLength = 0x7FEFFFFD;

        private const int PrimeCount = 72;

        /// <summary>The table sizes .NET uses (a function, not an array: no allocation, no static data).</summary>
        private static int Prime(int index)
        {
            switch (index)
            {
                case 0: return 3; case 1: return 7; case 2: return 11; case 3: return 17; case 4: return 23; case 5: return 29;
                case 6: return 37; case 7: return 47; case 8: return 59; case 9: return 71; case 10: return 89; case 11: return 107;
                case 12: return 131; case 13: return 163; case 14: return 197; case 15: return 239; case 16: return 293; case 17: return 353;
                case 18: return 431; case 19: return 521; case 20: return 631; case 21: return 761; case 22: return 919; case 23: return 1103;
                case 24: return 1327; case 25: return 1597; case 26: return 1931; case 27: return 2333; case 28: return 2801; case 29: return 3371;
                case 30: return 4049; case 31: return 4861; case 32: return 5839; case 33: return 7013; case 34: return 8419; case 35: return 10103;
                case 36: return 12143; case 37: return 14591; case 38: return 17519; case 39: return 21023; case 40: return 25229; case 41: return 30293;
                case 42: return 36353; case 43: return 43627; case 44: return 52361; case 45: return 62851; case 46: return 75431; case 47: return 90523;
                case 48: return 108631; case 49: return 130363; case 50: return 156437; case 51: return 187751; case 52: return 225307; case 53: return 270371;
                case 54: return 324449; case 55: return 389357; case 56: return 467237; case 57: return 560689; case 58: return 672827; case 59: return 807403;
                case 60: return 968897; case 61: return 1162687; case 62: return 1395263; case 63: return 1674319; case 64: return 2009191; case 65: return 2411033;
                case 66: return 2893249; case 67: return 3471899; case 68: return 4166287; case 69: return 4999559; case 70: return 5999471; case 71: return 7199369;
                default: return 0;
            }
        }

        private static bool IsPrime(int candidate)
        {
            if ((candidate & 1) == 0) return candidate == 2;
            for (int divisor = 3; divisor * divisor <= candidate; divisor += 2)
            {
                if (candidate % divisor == 0) return false;
            }
            return true;
        }

        /// <summary>The table size for at least `min` entries.</summary>
        public static int GetPrime(int min)
        {
            if (min < 0) throw new ArgumentException("Hashtable's capacity overflowed and went negative. Check load factor, capacity and the current size of the table.");
            for (int i = 0; i < PrimeCount; i++) if (Prime(i) >= min) return Prime(i);
            for (int i = min | 1; i < int.MaxValue; i += 2)
            {
                if (IsPrime(i) && (i - 1) % HashPrime != 0) return i;
            }
            return min;
        }

        /// <summary>The next size when a table of oldSize is full.</summary>
        public static int ExpandPrime(int oldSize)
        {
            int newSize = 2 * oldSize;
            if ((uint)newSize > MaxPrimeArrayLength && MaxPrimeArrayLength > oldSize) return MaxPrimeArrayLength;
            return GetPrime(newSize);
        }
    }
}
