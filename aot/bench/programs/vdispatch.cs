// vdispatch: n passes over an array of 1000 shapes of four classes (Rect, Square : Rect,
// Triangle, Circle, all derived from the abstract Shape), summing two virtual calls per
// object; the classes come from a pseudo-random sequence, so no call can be devirtualized.
// Measures virtual dispatch (vtable loads, indirect calls) and field loads.
// Twin: vdispatch.c (structs with a pointer to a table of function pointers).

abstract class Shape
{
    public abstract int Area();
    public virtual int Perimeter() { return 0; }
}

class Rect : Shape
{
    protected int w, h;
    public Rect(int w, int h) { this.w = w; this.h = h; }
    public override int Area() { return w * h; }
    public override int Perimeter() { return 2 * (w + h); }
}

class Square : Rect
{
    public Square(int s) : base(s, s) { }
    public override int Area() { return w * w; }
}

class Triangle : Shape
{
    int b, h;
    public Triangle(int b, int h) { this.b = b; this.h = h; }
    public override int Area() { return b * h / 2; }
    public override int Perimeter() { return b + h + (b > h ? b : h); }
}

class Circle : Shape
{
    int r;
    public Circle(int r) { this.r = r; }
    public override int Area() { return 3 * r * r; }
}

static class Benchmark
{
    public const string Name = "vdispatch";
    const int Count = 1000;
    static int passes;
    static Shape[] shapes;

    public static void Setup(int size)
    {
        passes = size;
        shapes = new Shape[Count];
        uint x = 99;
        for (int i = 0; i < Count; i++)
        {
            x = x * 1664525u + 1013904223u;
            int p = 1 + (int)((x >> 8) % 50u), q = 1 + (int)((x >> 16) % 50u);
            switch ((x >> 28) % 4u)
            {
                case 0: shapes[i] = new Rect(p, q); break;
                case 1: shapes[i] = new Square(p); break;
                case 2: shapes[i] = new Triangle(p, q); break;
                default: shapes[i] = new Circle(q); break;
            }
        }
    }

    public static long Run()
    {
        Shape[] s = shapes;
        long total = 0;
        for (int p = 0; p < passes; p++)
            for (int i = 0; i < s.Length; i++) total += s[i].Area() + s[i].Perimeter();
        return total;
    }
}
