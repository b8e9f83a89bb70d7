/* strhash: FNV-1a hashing of n strings and a linear-probing hash set (twin of strhash.cs).
 * A string is its length and its UTF-16 code units, as in the CLR. */
#include "bench.h"

const char bench_name[] = "strhash";

struct string {
  int length;
  const uint16_t *chars;
};

static struct string *words;
static int word_count;
static int *slots;
static int capacity;

/* A word of 3 to 15 lower-case letters determined by key. */
static struct string word(int key) {
  int length = 3 + key % 13;
  uint16_t *cs = bench_alloc((size_t)length * sizeof *cs);
  uint32_t h = (uint32_t)key * 2654435761u;
  for (int k = 0; k < length; k++) {
    cs[k] = (uint16_t)('a' + h % 26);
    h = h / 26 + (uint32_t)k * 40503u;
  }
  return (struct string){length, cs};
}

void bench_setup(int size) {
  words = bench_alloc((size_t)size * sizeof *words);
  word_count = size;
  uint32_t x = 7;
  for (int i = 0; i < size; i++) {
    x = x * 1664525u + 1013904223u;
    words[i] = word((int)((x >> 8) % (uint32_t)(size / 2 + 1)));
  }
  capacity = 1;
  while (capacity < 2 * size) capacity <<= 1;
  slots = bench_alloc((size_t)capacity * sizeof *slots);
}

static int same(const struct string *p, const struct string *q) {
  if (p->length != q->length) return 0;
  for (int k = 0; k < p->length; k++)
    if (p->chars[k] != q->chars[k]) return 0;
  return 1;
}

int64_t bench_run(void) {
  const struct string *w = words;
  int *t = slots;
  int mask = capacity - 1;
  for (int i = 0; i < capacity; i++) t[i] = -1;
  int distinct = 0;
  uint32_t sum = 0;
  for (int i = 0; i < word_count; i++) {
    const struct string *s = &w[i];
    uint32_t h = 2166136261u;
    for (int k = 0; k < s->length; k++) {
      h ^= s->chars[k];
      h *= 16777619u;
    }
    sum += h;
    int slot = (int)(h & (uint32_t)mask);
    for (;;) {
      int found = t[slot];
      if (found < 0) {
        t[slot] = i;
        distinct++;
        break;
      }
      if (same(&w[found], s)) break;
      slot = (slot + 1) & mask;
    }
  }
  return ((int64_t)distinct << 32) | sum;
}
