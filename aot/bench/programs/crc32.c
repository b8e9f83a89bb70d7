/* crc32: table-driven CRC-32 of n pseudo-random bytes (twin of crc32.cs). */
#include "bench.h"

const char bench_name[] = "crc32";
static uint32_t *table;
static uint8_t *data;
static int length;

void bench_setup(int size) {
  table = bench_alloc(256 * sizeof *table);
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  data = bench_alloc((size_t)size);
  length = size;
  uint32_t x = 12345;
  for (int i = 0; i < size; i++) {
    x = x * 1103515245u + 12345u;
    data[i] = (uint8_t)(x >> 16);
  }
}

int64_t bench_run(void) {
  const uint32_t *t = table;
  const uint8_t *d = data;
  uint32_t crc = 0xFFFFFFFFu;
  for (int i = 0; i < length; i++) crc = t[(crc ^ d[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}
