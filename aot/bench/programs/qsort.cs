// qsort: quicksort (Hoare partition around the middle element; recursion on the smaller
// part, a loop on the larger) of n pseudo-random ints, then a check that the array is
// sorted and a checksum. Measures array loads and stores, compares and branches,
// recursion. Twin: qsort.c.

static class Benchmark
{
    public const string Name = "qsort";
    static int[] a;

    public static void Setup(int size) { a = new int[size]; }

    public static long Run()
    {
        int[] v = a;
        uint x = 42;
        for (int i = 0; i < v.Length; i++)
        {
            x = x * 1664525u + 1013904223u;
            v[i] = (int)(x >> 1);
        }
        Sort(v, 0, v.Length - 1);
        ulong check = 0;
        for (int i = 0; i < v.Length; i++)
        {
            if (i > 0 && v[i - 1] > v[i]) return -1;
            check = check * 31 + (ulong)v[i];
        }
        return (long)(check >> 1);
    }

    static void Sort(int[] v, int lo, int hi)
    {
        while (lo < hi)
        {
            int pivot = v[lo + (hi - lo) / 2];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (v[i] < pivot) i++;
                while (v[j] > pivot) j--;
                if (i <= j)
                {
                    int t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i)
            {
                Sort(v, lo, j);
                lo = i;
            }
            else
            {
                Sort(v, i, hi);
                hi = j;
            }
        }
    }
}
