// Uses a construct sharpaot does not compile (typed references, `__makeref`), to check
// that the user gets a diagnostic with the method and IL offset instead of a crash.
using System;

class Unsupported
{
    static int Main()
    {
        int x = 5;
        TypedReference r = __makeref(x);
        Console.WriteLine(__refvalue(r, int));
        return 0;
    }
}
