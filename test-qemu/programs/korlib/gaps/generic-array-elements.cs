// Once a compiler gap: element access of a T[] in generic code (mcs's ldelem.any/stelem.any)
// is rejected with SA3001; korlib goes around it with Elements.Get/Set (ldelema).
using System;

static class GenericArrayElements
{
    static T First<T>(T[] items) { return items[0]; }

    static int Main()
    {
        Console.WriteLine(First(new[] { 4, 5 }) + First(new[] { "a" }));
        return 0;
    }
}
