/* vdispatch: n passes over 1000 shapes summing two calls through function-pointer tables
 * (twin of vdispatch.cs: each struct starts with its class's table, as a CLR object
 * starts with its vtable pointer; Square reuses Rect's layout and Perimeter). */
#include "bench.h"

const char bench_name[] = "vdispatch";

struct shape;
struct shape_class {
  int (*area)(const struct shape *);
  int (*perimeter)(const struct shape *);
};
struct shape { const struct shape_class *vt; };
struct rect { struct shape base; int w, h; };
struct triangle { struct shape base; int b, h; };
struct circle { struct shape base; int r; };

static int shape_perimeter(const struct shape *s) { (void)s; return 0; }

static int rect_area(const struct shape *s) { const struct rect *r = (const struct rect *)s; return r->w * r->h; }
static int rect_perimeter(const struct shape *s) { const struct rect *r = (const struct rect *)s; return 2 * (r->w + r->h); }
static int square_area(const struct shape *s) { const struct rect *r = (const struct rect *)s; return r->w * r->w; }
static int triangle_area(const struct shape *s) { const struct triangle *t = (const struct triangle *)s; return t->b * t->h / 2; }
static int triangle_perimeter(const struct shape *s) {
  const struct triangle *t = (const struct triangle *)s;
  return t->b + t->h + (t->b > t->h ? t->b : t->h);
}
static int circle_area(const struct shape *s) { const struct circle *c = (const struct circle *)s; return 3 * c->r * c->r; }

static const struct shape_class rect_class = {rect_area, rect_perimeter};
static const struct shape_class square_class = {square_area, rect_perimeter};
static const struct shape_class triangle_class = {triangle_area, triangle_perimeter};
static const struct shape_class circle_class = {circle_area, shape_perimeter};

#define COUNT 1000
static int passes;
static struct shape **shapes;

static struct shape *new_rect(const struct shape_class *vt, int w, int h) {
  struct rect *r = bench_alloc(sizeof *r);
  r->base.vt = vt;
  r->w = w;
  r->h = h;
  return &r->base;
}

static struct shape *new_triangle(int b, int h) {
  struct triangle *t = bench_alloc(sizeof *t);
  t->base.vt = &triangle_class;
  t->b = b;
  t->h = h;
  return &t->base;
}

static struct shape *new_circle(int r) {
  struct circle *c = bench_alloc(sizeof *c);
  c->base.vt = &circle_class;
  c->r = r;
  return &c->base;
}

void bench_setup(int size) {
  passes = size;
  shapes = bench_alloc(COUNT * sizeof *shapes);
  uint32_t x = 99;
  for (int i = 0; i < COUNT; i++) {
    x = x * 1664525u + 1013904223u;
    int p = 1 + (int)((x >> 8) % 50u), q = 1 + (int)((x >> 16) % 50u);
    switch ((x >> 28) % 4u) {
    case 0: shapes[i] = new_rect(&rect_class, p, q); break;
    case 1: shapes[i] = new_rect(&square_class, p, p); break;
    case 2: shapes[i] = new_triangle(p, q); break;
    default: shapes[i] = new_circle(q); break;
    }
  }
}

int64_t bench_run(void) {
  struct shape *const *s = shapes;
  int64_t total = 0;
  for (int p = 0; p < passes; p++)
    for (int i = 0; i < COUNT; i++) total += s[i]->vt->area(s[i]) + s[i]->vt->perimeter(s[i]);
  return total;
}
