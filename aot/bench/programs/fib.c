/* fib: naive recursive Fibonacci (twin of fib.cs). */
#include "bench.h"

const char bench_name[] = "fib";
static int n;

void bench_setup(int size) { n = size; }

static int fib(int k) { return k < 2 ? k : fib(k - 1) + fib(k - 2); }

int64_t bench_run(void) { return fib(n); }
