/*
 * Reference semantics of single IR operations, computed by C on the host's x86-64 SSE
 * hardware: the independent oracle for the IR interpreter (aot/src/ir/interp.ts), which
 * in turn is the oracle for the passes. Built with gcc -O1 -ffp-contract=off.
 *
 * stdin, one case per line:
 *   bin  <op> <type> <a> <b>          add sub mul and or xor shl shr sar div rem divu remu
 *                                     mulhi mulhiu addovf addovfu subovf subovfu mulovf mulovfu
 *   un   <op> <type> <a>              neg not ckfinite
 *   cmp  <cond> <type> <a> <b>
 *   conv <to> <ovf 0|1> <un 0|1> <type> <a>
 *   mem  <store-mem> <load-mem> <offset> <a>   store at offset 0 of a zeroed buffer, load at offset
 * Values: i32/i64 in decimal, f32/f64 as hexadecimal bit patterns (%08x / %016llx); shift
 * counts are i32. stdout, one line per case: the result in the same notation (NaN as
 * "nan"), "trap <Kind>", or "skip" for target-defined results (float → int of NaN or out
 * of range without .ovf).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef __int128 i128;

static float f32_of(const char *s) { uint32_t u = (uint32_t)strtoull(s, 0, 16); float f; memcpy(&f, &u, 4); return f; }
static double f64_of(const char *s) { uint64_t u = strtoull(s, 0, 16); double d; memcpy(&d, &u, 8); return d; }

static void put_f32(float f) {
  if (isnan(f)) { puts("nan"); return; }
  uint32_t u; memcpy(&u, &f, 4); printf("%08x\n", u);
}
static void put_f64(double d) {
  if (isnan(d)) { puts("nan"); return; }
  uint64_t u; memcpy(&u, &d, 8); printf("%016llx\n", (unsigned long long)u);
}
static void put_i32(int32_t v) { printf("%d\n", v); }
static void put_i64(int64_t v) { printf("%lld\n", (long long)v); }
static void trap(const char *kind) { printf("trap %s\n", kind); }

static void bin32(const char *op, int32_t a, int32_t b) {
  uint32_t ua = (uint32_t)a, ub = (uint32_t)b;
  int32_t r;
  uint32_t ur;
  if (!strcmp(op, "add")) put_i32((int32_t)(ua + ub));
  else if (!strcmp(op, "sub")) put_i32((int32_t)(ua - ub));
  else if (!strcmp(op, "mul")) put_i32((int32_t)(ua * ub));
  else if (!strcmp(op, "and")) put_i32(a & b);
  else if (!strcmp(op, "or")) put_i32(a | b);
  else if (!strcmp(op, "xor")) put_i32(a ^ b);
  else if (!strcmp(op, "shl")) put_i32((int32_t)(ua << (b & 31)));
  else if (!strcmp(op, "shr")) put_i32((int32_t)(ua >> (b & 31)));
  else if (!strcmp(op, "sar")) put_i32(a >> (b & 31));
  else if (!strcmp(op, "mulhi")) put_i32((int32_t)(((int64_t)a * b) >> 32));
  else if (!strcmp(op, "mulhiu")) put_i32((int32_t)(((uint64_t)ua * ub) >> 32));
  else if (!strcmp(op, "div") || !strcmp(op, "rem")) {
    if (b == 0) trap("DivideByZero");
    else if (a == INT32_MIN && b == -1) trap("Overflow");
    else put_i32(op[0] == 'd' ? a / b : a % b);
  } else if (!strcmp(op, "divu") || !strcmp(op, "remu")) {
    if (b == 0) trap("DivideByZero");
    else put_i32((int32_t)(op[0] == 'd' ? ua / ub : ua % ub));
  }
  else if (!strcmp(op, "addovf")) { if (__builtin_add_overflow(a, b, &r)) trap("Overflow"); else put_i32(r); }
  else if (!strcmp(op, "subovf")) { if (__builtin_sub_overflow(a, b, &r)) trap("Overflow"); else put_i32(r); }
  else if (!strcmp(op, "mulovf")) { if (__builtin_mul_overflow(a, b, &r)) trap("Overflow"); else put_i32(r); }
  else if (!strcmp(op, "addovfu")) { if (__builtin_add_overflow(ua, ub, &ur)) trap("Overflow"); else put_i32((int32_t)ur); }
  else if (!strcmp(op, "subovfu")) { if (__builtin_sub_overflow(ua, ub, &ur)) trap("Overflow"); else put_i32((int32_t)ur); }
  else if (!strcmp(op, "mulovfu")) { if (__builtin_mul_overflow(ua, ub, &ur)) trap("Overflow"); else put_i32((int32_t)ur); }
  else { fprintf(stderr, "unknown i32 op %s\n", op); exit(2); }
}

static void bin64(const char *op, int64_t a, int64_t b) {
  uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
  int64_t r;
  uint64_t ur;
  if (!strcmp(op, "add")) put_i64((int64_t)(ua + ub));
  else if (!strcmp(op, "sub")) put_i64((int64_t)(ua - ub));
  else if (!strcmp(op, "mul")) put_i64((int64_t)(ua * ub));
  else if (!strcmp(op, "and")) put_i64(a & b);
  else if (!strcmp(op, "or")) put_i64(a | b);
  else if (!strcmp(op, "xor")) put_i64(a ^ b);
  else if (!strcmp(op, "shl")) put_i64((int64_t)(ua << (b & 63)));
  else if (!strcmp(op, "shr")) put_i64((int64_t)(ua >> (b & 63)));
  else if (!strcmp(op, "sar")) put_i64(a >> (b & 63));
  else if (!strcmp(op, "div") || !strcmp(op, "rem")) {
    if (b == 0) trap("DivideByZero");
    else if (a == INT64_MIN && b == -1) trap("Overflow");
    else put_i64(op[0] == 'd' ? a / b : a % b);
  } else if (!strcmp(op, "divu") || !strcmp(op, "remu")) {
    if (b == 0) trap("DivideByZero");
    else put_i64((int64_t)(op[0] == 'd' ? ua / ub : ua % ub));
  }
  else if (!strcmp(op, "addovf")) { if (__builtin_add_overflow(a, b, &r)) trap("Overflow"); else put_i64(r); }
  else if (!strcmp(op, "subovf")) { if (__builtin_sub_overflow(a, b, &r)) trap("Overflow"); else put_i64(r); }
  else if (!strcmp(op, "mulovf")) { if (__builtin_mul_overflow(a, b, &r)) trap("Overflow"); else put_i64(r); }
  else if (!strcmp(op, "addovfu")) { if (__builtin_add_overflow(ua, ub, &ur)) trap("Overflow"); else put_i64((int64_t)ur); }
  else if (!strcmp(op, "subovfu")) { if (__builtin_sub_overflow(ua, ub, &ur)) trap("Overflow"); else put_i64((int64_t)ur); }
  else if (!strcmp(op, "mulovfu")) { if (__builtin_mul_overflow(ua, ub, &ur)) trap("Overflow"); else put_i64((int64_t)ur); }
  else { fprintf(stderr, "unknown i64 op %s\n", op); exit(2); }
}

static void binf(const char *op, int single, double a, double b) {
  if (single) {
    float x = (float)a, y = (float)b;
    if (!strcmp(op, "add")) put_f32(x + y);
    else if (!strcmp(op, "sub")) put_f32(x - y);
    else if (!strcmp(op, "mul")) put_f32(x * y);
    else if (!strcmp(op, "div")) put_f32(x / y);
    else if (!strcmp(op, "rem")) put_f32(fmodf(x, y));
    else { fprintf(stderr, "unknown f32 op %s\n", op); exit(2); }
  } else {
    if (!strcmp(op, "add")) put_f64(a + b);
    else if (!strcmp(op, "sub")) put_f64(a - b);
    else if (!strcmp(op, "mul")) put_f64(a * b);
    else if (!strcmp(op, "div")) put_f64(a / b);
    else if (!strcmp(op, "rem")) put_f64(fmod(a, b));
    else { fprintf(stderr, "unknown f64 op %s\n", op); exit(2); }
  }
}

static int compare(const char *c, int is_float, int is64, i128 a, i128 b, double x, double y) {
  if (is_float) {
    if (!strcmp(c, "eq")) return x == y;
    if (!strcmp(c, "ne")) return !(x == y);
    if (!strcmp(c, "lt")) return x < y;
    if (!strcmp(c, "le")) return x <= y;
    if (!strcmp(c, "gt")) return x > y;
    if (!strcmp(c, "ge")) return x >= y;
    if (!strcmp(c, "ltu")) return isunordered(x, y) || x < y;
    if (!strcmp(c, "leu")) return isunordered(x, y) || x <= y;
    if (!strcmp(c, "gtu")) return isunordered(x, y) || x > y;
    if (!strcmp(c, "geu")) return isunordered(x, y) || x >= y;
  } else {
    i128 ua = is64 ? (i128)(uint64_t)a : (i128)(uint32_t)a, ub = is64 ? (i128)(uint64_t)b : (i128)(uint32_t)b;
    if (!strcmp(c, "eq")) return a == b;
    if (!strcmp(c, "ne")) return a != b;
    if (!strcmp(c, "lt")) return a < b;
    if (!strcmp(c, "le")) return a <= b;
    if (!strcmp(c, "gt")) return a > b;
    if (!strcmp(c, "ge")) return a >= b;
    if (!strcmp(c, "ltu")) return ua < ub;
    if (!strcmp(c, "leu")) return ua <= ub;
    if (!strcmp(c, "gtu")) return ua > ub;
    if (!strcmp(c, "geu")) return ua >= ub;
  }
  fprintf(stderr, "unknown condition %s\n", c);
  exit(2);
}

/* Range of an integer conversion target; returns 0 for float targets. */
static int range_of(const char *to, i128 *lo, i128 *hi) {
  static const struct { const char *name; int bits; int is_unsigned; } kinds[] = {
    {"i8", 8, 0}, {"u8", 8, 1}, {"i16", 16, 0}, {"u16", 16, 1},
    {"i32", 32, 0}, {"u32", 32, 1}, {"i64", 64, 0}, {"u64", 64, 1},
  };
  for (unsigned i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
    if (strcmp(to, kinds[i].name)) continue;
    int n = kinds[i].bits;
    *lo = kinds[i].is_unsigned ? 0 : -((i128)1 << (n - 1));
    *hi = kinds[i].is_unsigned ? ((i128)1 << n) - 1 : ((i128)1 << (n - 1)) - 1;
    return 1;
  }
  return 0;
}

/* The integer n (in range or wrapped) as the IR value of target `to`. */
static void put_int_kind(const char *to, i128 n) {
  if (!strcmp(to, "i8")) put_i32((int8_t)n);
  else if (!strcmp(to, "u8")) put_i32((uint8_t)n);
  else if (!strcmp(to, "i16")) put_i32((int16_t)n);
  else if (!strcmp(to, "u16")) put_i32((uint16_t)n);
  else if (!strcmp(to, "i32") || !strcmp(to, "u32")) put_i32((int32_t)(uint32_t)n);
  else put_i64((int64_t)(uint64_t)n);
}

static void conv(const char *to, int ovf, int un, const char *type, const char *text) {
  i128 lo, hi;
  int int_target = range_of(to, &lo, &hi);
  if (!strcmp(type, "i32") || !strcmp(type, "i64")) {
    int64_t v = strtoll(text, 0, 10);
    i128 n = !strcmp(type, "i32") ? (un ? (i128)(uint32_t)(int32_t)v : (i128)(int32_t)v) : (un ? (i128)(uint64_t)v : (i128)v);
    if (!int_target) {
      /* int -> float: one rounding, done by cvtsi2ss/cvtsi2sd (gcc's sequence for uint64). */
      int single = !strcmp(to, "f32");
      if (n < 0) single ? put_f32((float)(int64_t)n) : put_f64((double)(int64_t)n);
      else single ? put_f32((float)(uint64_t)n) : put_f64((double)(uint64_t)n);
      return;
    }
    if (ovf && (n < lo || n > hi)) { trap("Overflow"); return; }
    put_int_kind(to, n);
    return;
  }
  double x = !strcmp(type, "f32") ? (double)f32_of(text) : f64_of(text);
  if (!int_target) { !strcmp(to, "f32") ? put_f32((float)x) : put_f64(x); return; }
  double t = trunc(x);
  /* lo and hi are exactly representable as doubles except 2^63 - 1 and 2^64 - 1. */
  int in_range = !isnan(x) && t >= (double)lo && (hi > ((i128)1 << 53) ? t < (double)(hi + 1) : t <= (double)hi);
  if (!in_range) { if (ovf) trap("Overflow"); else puts("skip"); return; }
  i128 n = t < 0 ? (i128)(int64_t)t : (i128)(uint64_t)t;
  put_int_kind(to, n);
}

static int mem_size(const char *m) {
  if (!strcmp(m, "i8") || !strcmp(m, "u8")) return 1;
  if (!strcmp(m, "i16") || !strcmp(m, "u16")) return 2;
  if (!strcmp(m, "i64") || !strcmp(m, "f64")) return 8;
  return 4;
}

static void mem(const char *st, const char *ld, int offset, const char *text) {
  unsigned char buf[32] = {0};
  if (!strcmp(st, "f32")) { float f = f32_of(text); memcpy(buf, &f, 4); }
  else if (!strcmp(st, "f64")) { double d = f64_of(text); memcpy(buf, &d, 8); }
  else { int64_t v = strtoll(text, 0, 10); memcpy(buf, &v, mem_size(st)); /* little endian: the low bytes */ }
  unsigned char *p = buf + offset;
  if (!strcmp(ld, "i8")) put_i32(*(int8_t *)p);
  else if (!strcmp(ld, "u8")) put_i32(*(uint8_t *)p);
  else if (!strcmp(ld, "i16")) { int16_t v; memcpy(&v, p, 2); put_i32(v); }
  else if (!strcmp(ld, "u16")) { uint16_t v; memcpy(&v, p, 2); put_i32(v); }
  else if (!strcmp(ld, "i32")) { int32_t v; memcpy(&v, p, 4); put_i32(v); }
  else if (!strcmp(ld, "i64")) { int64_t v; memcpy(&v, p, 8); put_i64(v); }
  else if (!strcmp(ld, "f32")) { float v; memcpy(&v, p, 4); put_f32(v); }
  else { double v; memcpy(&v, p, 8); put_f64(v); }
}

int main(void) {
  char line[512], k[16], a1[64], a2[64], a3[64], a4[64], a5[64], a6[64];
  while (fgets(line, sizeof line, stdin)) {
    int n = sscanf(line, "%15s %63s %63s %63s %63s %63s %63s", k, a1, a2, a3, a4, a5, a6);
    if (n <= 0) continue;
    if (!strcmp(k, "bin")) {
      if (!strcmp(a2, "i32")) bin32(a1, (int32_t)strtoll(a3, 0, 10), (int32_t)strtoll(a4, 0, 10));
      else if (!strcmp(a2, "i64")) {
        int shift = !strcmp(a1, "shl") || !strcmp(a1, "shr") || !strcmp(a1, "sar");
        bin64(a1, strtoll(a3, 0, 10), shift ? (int32_t)strtoll(a4, 0, 10) : strtoll(a4, 0, 10));
      } else if (!strcmp(a2, "f32")) binf(a1, 1, f32_of(a3), f32_of(a4));
      else binf(a1, 0, f64_of(a3), f64_of(a4));
    } else if (!strcmp(k, "un")) {
      if (!strcmp(a2, "i32")) { int32_t v = (int32_t)strtoll(a3, 0, 10); put_i32(!strcmp(a1, "neg") ? (int32_t)(0u - (uint32_t)v) : ~v); }
      else if (!strcmp(a2, "i64")) { int64_t v = strtoll(a3, 0, 10); put_i64(!strcmp(a1, "neg") ? (int64_t)(0ull - (uint64_t)v) : ~v); }
      else {
        int single = !strcmp(a2, "f32");
        double v = single ? f32_of(a3) : f64_of(a3);
        if (!strcmp(a1, "ckfinite") && !isfinite(v)) trap("Arithmetic");
        else if (!strcmp(a1, "ckfinite")) single ? put_f32((float)v) : put_f64(v);
        else single ? put_f32(-(float)v) : put_f64(-v);
      }
    } else if (!strcmp(k, "cmp")) {
      int is_float = !strcmp(a2, "f32") || !strcmp(a2, "f64");
      double x = 0, y = 0;
      i128 a = 0, b = 0;
      if (!strcmp(a2, "f32")) { x = f32_of(a3); y = f32_of(a4); }
      else if (!strcmp(a2, "f64")) { x = f64_of(a3); y = f64_of(a4); }
      else { a = strtoll(a3, 0, 10); b = strtoll(a4, 0, 10); }
      put_i32(compare(a1, is_float, !strcmp(a2, "i64"), a, b, x, y));
    } else if (!strcmp(k, "conv")) {
      conv(a1, atoi(a2), atoi(a3), a4, a5);
    } else if (!strcmp(k, "mem")) {
      mem(a1, a2, atoi(a3), a4);
    } else {
      fprintf(stderr, "bad case: %s", line);
      return 2;
    }
  }
  return 0;
}
