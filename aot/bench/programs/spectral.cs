// spectral: the spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1)
// truncated to n×n, by ten rounds of the power method on AᵀA (as in the Computer Language
// Benchmarks Game); returns vBv/vv scaled by 1e12 (the norm squared). Measures double
// arithmetic (SSE2), int→double conversion, division, calls with array arguments.
// Twin: spectral.c.

static class Benchmark
{
    public const string Name = "spectral";
    static int n;
    static double[] u, v, tmp;

    public static void Setup(int size)
    {
        n = size;
        u = new double[size];
        v = new double[size];
        tmp = new double[size];
    }

    static double A(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

    static void MultiplyAv(double[] x, double[] y)
    {
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += A(i, j) * x[j];
            y[i] = s;
        }
    }

    static void MultiplyAtv(double[] x, double[] y)
    {
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += A(j, i) * x[j];
            y[i] = s;
        }
    }

    static void MultiplyAtAv(double[] x, double[] y)
    {
        MultiplyAv(x, tmp);
        MultiplyAtv(tmp, y);
    }

    public static long Run()
    {
        for (int i = 0; i < n; i++) u[i] = 1;
        for (int round = 0; round < 10; round++)
        {
            MultiplyAtAv(u, v);
            MultiplyAtAv(v, u);
        }
        double vBv = 0, vv = 0;
        for (int i = 0; i < n; i++)
        {
            vBv += u[i] * v[i];
            vv += v[i] * v[i];
        }
        return (long)(vBv / vv * 1e12);
    }
}
