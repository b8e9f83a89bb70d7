/* qsort: quicksort of n pseudo-random ints, sortedness check and checksum (twin of qsort.cs). */
#include "bench.h"

const char bench_name[] = "qsort";
static int *a;
static int length;

void bench_setup(int size) {
  a = bench_alloc((size_t)size * sizeof *a);
  length = size;
}

static void sort(int *v, int lo, int hi) {
  while (lo < hi) {
    int pivot = v[lo + (hi - lo) / 2];
    int i = lo, j = hi;
    while (i <= j) {
      while (v[i] < pivot) i++;
      while (v[j] > pivot) j--;
      if (i <= j) {
        int t = v[i];
        v[i] = v[j];
        v[j] = t;
        i++;
        j--;
      }
    }
    if (j - lo < hi - i) {
      sort(v, lo, j);
      lo = i;
    } else {
      sort(v, i, hi);
      hi = j;
    }
  }
}

int64_t bench_run(void) {
  int *v = a;
  uint32_t x = 42;
  for (int i = 0; i < length; i++) {
    x = x * 1664525u + 1013904223u;
    v[i] = (int)(x >> 1);
  }
  sort(v, 0, length - 1);
  uint64_t check = 0;
  for (int i = 0; i < length; i++) {
    if (i > 0 && v[i - 1] > v[i]) return -1;
    check = check * 31 + (uint64_t)v[i];
  }
  return (int64_t)(check >> 1);
}
