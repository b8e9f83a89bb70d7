// Strings, characters of strings, and int32 arithmetic, comparisons, loops, calls and
// static fields, printed with Console.
using System;

class StringsInts
{
    static int counter;
    static int total = 100;

    static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }

    static int Sum(int a, int b, int c, int d, int e, int f, int g) { return a - b + c * d - e / f + g; }

    static void Count(string s)
    {
        int upper = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= 'A' && c <= 'Z') upper++;
            counter++;
        }
        Console.Write("upper case letters in \"");
        Console.Write(s);
        Console.Write("\": ");
        Console.WriteLine(upper);
    }

    static int Main()
    {
        Console.WriteLine("strings and ints");
        int[] unused = null;
        Console.WriteLine(unused == null);
        Console.WriteLine(2147483647);
        Console.WriteLine(-2147483647 - 1);
        Console.WriteLine(-12345);
        Console.WriteLine(0);
        Console.WriteLine(Gcd(1071, 462));
        Console.WriteLine(Fib(15));
        Console.WriteLine(Sum(1, 2, 3, 4, 5, 6, 7));
        int x = 7;
        Console.WriteLine(x << 3);
        Console.WriteLine(-x >> 1);
        Console.WriteLine((int)((uint)(-x) >> 28));
        Console.WriteLine(x ^ 0x55);
        Console.WriteLine(~x & 0xff | 0x100);
        Console.WriteLine(-x % 3);
        Console.WriteLine(-x / 2);
        Count("Hello, World From SharpAOT");
        Count("");
        Console.WriteLine(counter);
        Console.WriteLine(total - counter);
        string s = "é ü ß — ünïcödé ✓";
        Console.WriteLine(s);
        Console.WriteLine(s.Length);
        Console.Write('c');
        Console.Write('h');
        Console.WriteLine('!');
        for (int i = -3; i <= 3; i++)
        {
            if (i < 0) Console.Write("negative ");
            else if (i == 0) Console.Write("zero ");
            else Console.Write("positive ");
            Console.WriteLine(i * i * i);
        }
        return counter % 7;
    }
}
