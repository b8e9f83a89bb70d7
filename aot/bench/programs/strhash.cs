// strhash: FNV-1a hashes of n strings (about half of them repeats) and their insertion
// into an open-addressing hash set (linear probing, strings compared character by
// character); returns the number of distinct strings and the sum of the hashes. Measures
// string length and indexer, array loads, multiplications, a data-dependent loop.
// Twin: strhash.c (strings as length + UTF-16 code units).

static class Benchmark
{
    public const string Name = "strhash";
    static string[] words;
    static int[] slots;

    public static void Setup(int size)
    {
        words = new string[size];
        uint x = 7;
        for (int i = 0; i < size; i++)
        {
            x = x * 1664525u + 1013904223u;
            words[i] = Word((int)((x >> 8) % (uint)(size / 2 + 1)));
        }
        int capacity = 1;
        while (capacity < 2 * size) capacity <<= 1;
        slots = new int[capacity];
    }

    /// <summary>A word of 3 to 15 lower-case letters determined by key.</summary>
    static string Word(int key)
    {
        char[] cs = new char[3 + key % 13];
        uint h = (uint)key * 2654435761u;
        for (int k = 0; k < cs.Length; k++)
        {
            cs[k] = (char)('a' + h % 26);
            h = h / 26 + (uint)k * 40503u;
        }
        return new string(cs);
    }

    static bool Same(string p, string q)
    {
        if (p.Length != q.Length) return false;
        for (int k = 0; k < p.Length; k++)
            if (p[k] != q[k]) return false;
        return true;
    }

    public static long Run()
    {
        string[] w = words;
        int[] t = slots;
        int mask = t.Length - 1;
        for (int i = 0; i < t.Length; i++) t[i] = -1;
        int distinct = 0;
        uint sum = 0;
        for (int i = 0; i < w.Length; i++)
        {
            string s = w[i];
            uint h = 2166136261u;
            for (int k = 0; k < s.Length; k++)
            {
                h ^= s[k];
                h *= 16777619u;
            }
            sum += h;
            int slot = (int)(h & (uint)mask);
            while (true)
            {
                int found = t[slot];
                if (found < 0)
                {
                    t[slot] = i;
                    distinct++;
                    break;
                }
                if (Same(w[found], s)) break;
                slot = (slot + 1) & mask;
            }
        }
        return ((long)distinct << 32) | sum;
    }
}
