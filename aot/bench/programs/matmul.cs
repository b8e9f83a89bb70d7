// matmul: n×n int matrix product over flat arrays (row-major, index i*n+k), then a
// checksum of the result. Measures nested loops, index arithmetic, bounds checks and
// multiply-add. Twin: matmul.c.

static class Benchmark
{
    public const string Name = "matmul";
    static int n;
    static int[] a;
    static int[] b;
    static int[] c;

    public static void Setup(int size)
    {
        n = size;
        a = new int[size * size];
        b = new int[size * size];
        c = new int[size * size];
        for (int i = 0; i < size * size; i++)
        {
            a[i] = (i * 7 + 3) % 101 - 50;
            b[i] = (i * 13 + 5) % 97 - 48;
        }
    }

    public static long Run()
    {
        int m = n;
        int[] x = a, y = b, z = c;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                int sum = 0;
                for (int k = 0; k < m; k++) sum += x[i * m + k] * y[k * m + j];
                z[i * m + j] = sum;
            }
        }
        uint h = 0;
        for (int i = 0; i < m * m; i++) h = h * 31 + (uint)z[i];
        return h;
    }
}
