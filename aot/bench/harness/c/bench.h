/* The contract between the C benchmark programs (aot/bench/programs/NAME.c) and the
 * kernel runtime (runtime.c), the C twin of aot/bench/harness/csharp/KernelEntry.cs:
 *
 *   the program defines   bench_name, bench_setup(n) (allocates and fills its data,
 *                         not timed) and bench_run() (the timed kernel, returns the result)
 *   the runtime provides  bench_alloc (zeroed memory, like a CLR `new`) and the
 *                         freestanding memcpy/memset/memmove/memcmp that gcc may call
 *
 * The runtime reads n from the multiboot command line, calls bench_setup(n), reads the
 * time-stamp counter around bench_run() and prints "NAME n = result" on COM1 and
 * "instructions COUNT" on COM2. */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>
#include <stdint.h>

extern const char bench_name[];
void bench_setup(int n);
int64_t bench_run(void);

/* `size` bytes, zeroed and 16-byte aligned; exits with status 3 when memory runs out. */
void *bench_alloc(size_t size);

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#endif
