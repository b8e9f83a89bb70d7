// Once a compiler gap: at -O0, an exception thrown in a lambda called through a delegate and
// caught in the delegate's caller corrupts the outer expression's temporaries (here the
// array String.Concat gets): mono prints the four words.
using System;

static class ThrowThroughDelegate
{
    static string Safe(Func<string> f) { try { return f(); } catch (Exception e) { return e.GetType().Name; } }
    static string Boom() { throw new InvalidOperationException(); }

    static int Main()
    {
        Console.WriteLine(Safe(() => Boom()) + " " + Safe(() => "b") + " " + Safe(() => "c") + " " + Safe(() => "d"));
        return 0;
    }
}
