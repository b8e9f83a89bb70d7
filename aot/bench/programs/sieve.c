/* sieve: the sieve of Eratosthenes over a byte array (twin of sieve.cs). */
#include "bench.h"

const char bench_name[] = "sieve";
static int n;
static unsigned char *composite;

void bench_setup(int size) {
  n = size;
  composite = bench_alloc((size_t)size + 1);
}

int64_t bench_run(void) {
  unsigned char *c = composite;
  int limit = n;
  for (int i = 0; i <= limit; i++) c[i] = 0;
  int count = 0;
  for (int i = 2; i <= limit; i++) {
    if (c[i]) continue;
    count++;
    if (i > limit / i) continue;
    for (int j = i * i; j <= limit; j += i) c[j] = 1;
  }
  return count;
}
