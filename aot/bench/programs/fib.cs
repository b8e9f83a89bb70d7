// fib: naive recursive Fibonacci. Measures calls: prologue, epilogue, argument passing
// and the return value, with almost no other work. Twin: fib.c.

static class Benchmark
{
    public const string Name = "fib";
    static int n;

    public static void Setup(int size) { n = size; }

    public static long Run() { return Fib(n); }

    static int Fib(int k) { return k < 2 ? k : Fib(k - 1) + Fib(k - 2); }
}
