// sieve: the sieve of Eratosthenes over a bool array; returns the number of primes <= n.
// Measures array stores and loads with bounds checks in tight loops. Twin: sieve.c.

static class Benchmark
{
    public const string Name = "sieve";
    static int n;
    static bool[] composite;

    public static void Setup(int size)
    {
        n = size;
        composite = new bool[size + 1];
    }

    public static long Run()
    {
        bool[] c = composite;
        int limit = n;
        for (int i = 0; i <= limit; i++) c[i] = false;
        int count = 0;
        for (int i = 2; i <= limit; i++)
        {
            if (c[i]) continue;
            count++;
            if (i > limit / i) continue;
            for (int j = i * i; j <= limit; j += i) c[j] = true;
        }
        return count;
    }
}
