/* Runtime of the C benchmark kernels: the multiboot entry's C half (see bench.h for the
 * contract with the programs). Speaks the guest protocol of test-qemu/qemu-runner: COM1
 * (0x3f8) is stdout, COM2 (0x2f8) stderr, the exit code goes as 4 little-endian bytes to
 * the debugcon port 0xe9 and then (code & 0x7f) to isa-debug-exit at 0xf4. */
#include "bench.h"

#define COM1 0x3f8
#define COM2 0x2f8
#define MULTIBOOT_LOADER_MAGIC 0x2BADB002u

static inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outl(uint16_t port, uint32_t v) { __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port) { uint8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint64_t rdtsc(void) { uint64_t t; __asm__ volatile("rdtsc" : "=A"(t)); return t; }

/* 115200 baud, 8N1, FIFOs on: the same set-up as korlib's Output.InitUart. */
static void uart_init(uint16_t port) {
  outb(port + 1, 0x00);
  outb(port + 3, 0x80);
  outb(port + 0, 0x01);
  outb(port + 1, 0x00);
  outb(port + 3, 0x03);
  outb(port + 2, 0xC7);
  outb(port + 4, 0x03);
}

/* A byte goes to THR (base + 0) once LSR (base + 5) bit 5 says the previous one left. */
static void put_char(uint16_t port, char c) {
  while ((inb(port + 5) & 0x20) == 0) __asm__ volatile("pause");
  outb(port, (uint8_t)c);
}

static void put_str(uint16_t port, const char *s) {
  while (*s) put_char(port, *s++);
}

static void put_u64(uint16_t port, uint64_t v) {
  char digits[21];
  int k = 0;
  do {
    digits[k++] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (k > 0) put_char(port, digits[--k]);
}

static void put_i64(uint16_t port, int64_t v) {
  if (v < 0) {
    put_char(port, '-');
    put_u64(port, (uint64_t)0 - (uint64_t)v);
  } else {
    put_u64(port, (uint64_t)v);
  }
}

static __attribute__((noreturn)) void bench_exit(int code) {
  uint32_t c = (uint32_t)code;
  outb(0xe9, (uint8_t)c);
  outb(0xe9, (uint8_t)(c >> 8));
  outb(0xe9, (uint8_t)(c >> 16));
  outb(0xe9, (uint8_t)(c >> 24));
  outl(0xf4, c & 0x7f);
  for (;;) __asm__ volatile("cli; hlt");
}

static __attribute__((noreturn)) void fail(const char *message, int code) {
  put_str(COM2, message);
  put_char(COM2, '\n');
  bench_exit(code);
}

/* Multiboot information (multiboot spec 0.6.96, section 3.3): the fields read here. */
struct multiboot_info {
  uint32_t flags;     /* offset 0: which fields below are valid */
  uint32_t mem_lower; /* offset 4 (flags bit 0): KiB of memory below 1 MiB */
  uint32_t mem_upper; /* offset 8 (flags bit 0): KiB of memory above 1 MiB */
  uint32_t boot_device; /* offset 12 (flags bit 1) */
  uint32_t cmdline;   /* offset 16 (flags bit 2): physical address of a NUL-terminated string */
};

/* The benchmark's size: the decimal number that ends the command line. QEMU's multiboot
 * loader passes "KERNEL-FILE-NAME APPEND-TEXT", so the number is the last word. */
static int read_size(const struct multiboot_info *mbi) {
  if ((mbi->flags & 4) == 0) fail("bench: no multiboot command line (boot with -append N)", 2);
  const char *s = (const char *)mbi->cmdline;
  const char *end = s;
  while (*end) end++;
  while (end > s && end[-1] == ' ') end--;
  const char *start = end;
  while (start > s && start[-1] >= '0' && start[-1] <= '9') start--;
  if (start == end || end - start > 9) fail("bench: the command line does not end with a size (1 to 9 digits)", 2);
  int n = 0;
  for (const char *p = start; p < end; p++) n = n * 10 + (*p - '0');
  return n;
}

extern char _end[]; /* first byte after the image (linker) */
static uintptr_t heap_next;
static uintptr_t heap_limit;

void *bench_alloc(size_t size) {
  uintptr_t p = (heap_next + 15) & ~(uintptr_t)15;
  if (p + size < p || p + size > heap_limit) fail("bench: out of memory", 3);
  heap_next = p + size;
  memset((void *)p, 0, size);
  return (void *)p;
}

void bench_main(uint32_t magic, const struct multiboot_info *mbi) {
  uart_init(COM1);
  uart_init(COM2);
  if (magic != MULTIBOOT_LOADER_MAGIC) fail("bench: not started by a multiboot loader", 2);
  if ((mbi->flags & 1) == 0) fail("bench: the loader gave no memory size", 2);
  /* QEMU puts the command line right after the image, where the heap starts: read it
   * before the first allocation. */
  int n = read_size(mbi);
  heap_next = (uintptr_t)_end;
  heap_limit = 0x100000 + (uintptr_t)mbi->mem_upper * 1024;
  bench_setup(n);
  uint64_t t0 = rdtsc();
  int64_t result = bench_run();
  uint64_t t1 = rdtsc();
  put_str(COM1, bench_name);
  put_char(COM1, ' ');
  put_i64(COM1, n);
  put_str(COM1, " = ");
  put_i64(COM1, result);
  put_char(COM1, '\n');
  put_str(COM2, "instructions ");
  put_u64(COM2, t1 - t0);
  put_char(COM2, '\n');
  bench_exit(0);
}

/* gcc may emit calls to these four even in freestanding code. */
void *memcpy(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--) *d++ = *s++;
  return dst;
}

void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (d < s) {
    while (n--) *d++ = *s++;
  } else {
    while (n--) d[n] = s[n];
  }
  return dst;
}

void *memset(void *dst, int c, size_t n) {
  unsigned char *d = dst;
  while (n--) *d++ = (unsigned char)c;
  return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (; n--; x++, y++)
    if (*x != *y) return *x - *y;
  return 0;
}
