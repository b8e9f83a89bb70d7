/* spectral: spectral norm of A(i,j) = 1/((i+j)(i+j+1)/2+i+1), ten power-method rounds (twin of spectral.cs). */
#include "bench.h"

const char bench_name[] = "spectral";
static int n;
static double *u, *v, *tmp;

void bench_setup(int size) {
  n = size;
  u = bench_alloc((size_t)size * sizeof *u);
  v = bench_alloc((size_t)size * sizeof *v);
  tmp = bench_alloc((size_t)size * sizeof *tmp);
}

static double A(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void multiply_av(const double *x, double *y) {
  for (int i = 0; i < n; i++) {
    double s = 0;
    for (int j = 0; j < n; j++) s += A(i, j) * x[j];
    y[i] = s;
  }
}

static void multiply_atv(const double *x, double *y) {
  for (int i = 0; i < n; i++) {
    double s = 0;
    for (int j = 0; j < n; j++) s += A(j, i) * x[j];
    y[i] = s;
  }
}

static void multiply_atav(const double *x, double *y) {
  multiply_av(x, tmp);
  multiply_atv(tmp, y);
}

int64_t bench_run(void) {
  for (int i = 0; i < n; i++) u[i] = 1;
  for (int round = 0; round < 10; round++) {
    multiply_atav(u, v);
    multiply_atav(v, u);
  }
  double vBv = 0, vv = 0;
  for (int i = 0; i < n; i++) {
    vBv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  return (int64_t)(vBv / vv * 1e12);
}
