// Locals and arguments narrower than int written through a ref parameter (stind.i1 and
// stind.i2 store only the low bytes of the slot) must still be read back sign- or
// zero-extended from their declared width (ldloc/ldarg of int8, int16, ...).
using System;

class NarrowLocalByRef
{
    static void Set(ref sbyte x, sbyte v) { x = v; }
    static void Set(ref short x, short v) { x = v; }
    static void Set(ref byte x, byte v) { x = v; }
    static void Set(ref char x, char v) { x = v; }
    static void Set(ref bool x, bool v) { x = v; }

    static sbyte Minus(int k) { return (sbyte)-k; }

    static void Argument(sbyte a, short b)
    {
        Set(ref a, Minus(2));
        Set(ref b, (short)(Minus(3) * 1000));
        Console.WriteLine(a);
        Console.WriteLine(b);
    }

    static int Main()
    {
        sbyte s = 1;
        Set(ref s, Minus(1));
        Console.WriteLine(s);
        sbyte t = Minus(1);
        Set(ref t, 1);
        Console.WriteLine(t);
        short h = 7;
        Set(ref h, (short)(Minus(100) * 300));
        Console.WriteLine(h);
        byte u = (byte)(200 + Minus(0));
        Set(ref u, 3);
        Console.WriteLine(u);
        char c = 'x';
        Set(ref c, 'A');
        Console.WriteLine((int)c);
        bool f = Minus(1) < 0;
        Set(ref f, false);
        Console.WriteLine(f);
        Argument(5, 5);
        return 0;
    }
}
