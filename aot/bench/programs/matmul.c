/* matmul: n×n int matrix product over flat row-major arrays, then a checksum (twin of matmul.cs). */
#include "bench.h"

const char bench_name[] = "matmul";
static int n;
static int *a, *b, *c;

void bench_setup(int size) {
  n = size;
  a = bench_alloc((size_t)size * size * sizeof *a);
  b = bench_alloc((size_t)size * size * sizeof *b);
  c = bench_alloc((size_t)size * size * sizeof *c);
  for (int i = 0; i < size * size; i++) {
    a[i] = (i * 7 + 3) % 101 - 50;
    b[i] = (i * 13 + 5) % 97 - 48;
  }
}

int64_t bench_run(void) {
  int m = n;
  const int *x = a, *y = b;
  int *z = c;
  for (int i = 0; i < m; i++) {
    for (int j = 0; j < m; j++) {
      int sum = 0;
      for (int k = 0; k < m; k++) sum += x[i * m + k] * y[k * m + j];
      z[i * m + j] = sum;
    }
  }
  uint32_t h = 0;
  for (int i = 0; i < m * m; i++) h = h * 31 + (uint32_t)z[i];
  return h;
}
