/* Judge of korlib's and Mono's (glibc's) double results where they print differently:
   reads "MISMATCH name x y mono korlib" lines (bit patterns in hexadecimal), evaluates the
   function in long double (64-bit significand, 11 bits beyond double), and prints for each
   line "korlib" when korlib's result is at least as close to that value as Mono's, else
   "mono". */
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static double from_bits(uint64_t b) { double d; memcpy(&d, &b, sizeof d); return d; }

static long double reference(const char *name, long double x, long double y)
{
    if (!strcmp(name, "Exp")) return expl(x);
    if (!strcmp(name, "Log")) return logl(x);
    if (!strcmp(name, "Log10")) return log10l(x);
    if (!strcmp(name, "Cbrt")) return cbrtl(x);
    if (!strcmp(name, "Sin")) return sinl(x);
    if (!strcmp(name, "Cos")) return cosl(x);
    if (!strcmp(name, "Tan")) return tanl(x);
    if (!strcmp(name, "Asin")) return asinl(x);
    if (!strcmp(name, "Acos")) return acosl(x);
    if (!strcmp(name, "Atan")) return atanl(x);
    if (!strcmp(name, "Sinh")) return sinhl(x);
    if (!strcmp(name, "Cosh")) return coshl(x);
    if (!strcmp(name, "Tanh")) return tanhl(x);
    if (!strcmp(name, "Asinh")) return asinhl(x);
    if (!strcmp(name, "Acosh")) return acoshl(x);
    if (!strcmp(name, "Atanh")) return atanhl(x);
    if (!strcmp(name, "Atan2")) return atan2l(x, y);
    if (!strcmp(name, "Pow")) return powl(x, y);
    return NAN;
}

int main(void)
{
    char name[32];
    unsigned long long xb, yb, mb, kb;
    while (scanf(" MISMATCH %31s %llx %llx %llx %llx", name, &xb, &yb, &mb, &kb) == 5) {
        long double r = reference(name, from_bits(xb), from_bits(yb));
        long double dm = fabsl((long double)from_bits(mb) - r);
        long double dk = fabsl((long double)from_bits(kb) - r);
        printf("%s\n", dk <= dm ? "korlib" : "mono");
    }
    return 0;
}
