/* int64: 64-bit LCG, multiply-xorshift mix, 64-bit division and remainder (twin of int64.cs). */
#include "bench.h"

const char bench_name[] = "int64";
static int n;
static uint64_t seed;

void bench_setup(int size) {
  n = size;
  seed = 0x9E3779B97F4A7C15ULL;
}

int64_t bench_run(void) {
  uint64_t x = seed;
  uint64_t acc = 0;
  int64_t s = 0;
  for (int i = 0; i < n; i++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    uint64_t z = x ^ (x >> 31);
    z *= 0xBF58476D1CE4E5B9ULL;
    z ^= z >> 27;
    acc += z / ((x >> 43) | 1);
    acc ^= acc << 7;
    s += (int64_t)z % 1000003LL - (int64_t)(z >> 20) / 77LL;
  }
  return (int64_t)(acc ^ (uint64_t)s);
}
