// int64: 64-bit integer arithmetic on a 32-bit target: a 64-bit LCG step, a
// multiply-xorshift mix, unsigned and signed 64-bit division and remainder, shifts.
// Measures the long-arithmetic code (register pairs, helper calls). Twin: int64.c.

static class Benchmark
{
    public const string Name = "int64";
    static int n;
    static ulong seed;

    public static void Setup(int size)
    {
        n = size;
        seed = 0x9E3779B97F4A7C15UL;
    }

    public static long Run()
    {
        ulong x = seed;
        ulong acc = 0;
        long s = 0;
        for (int i = 0; i < n; i++)
        {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
            ulong z = x ^ (x >> 31);
            z *= 0xBF58476D1CE4E5B9UL;
            z ^= z >> 27;
            acc += z / ((x >> 43) | 1);
            acc ^= acc << 7;
            s += (long)z % 1000003L - (long)(z >> 20) / 77L;
        }
        return (long)(acc ^ (ulong)s);
    }
}
