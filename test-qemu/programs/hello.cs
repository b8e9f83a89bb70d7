// The end-to-end acceptance program: a string, 6*7 and exit code 3.
using System;

class Hello
{
    static int Main()
    {
        Console.WriteLine("Hello from C#");
        Console.WriteLine(6 * 7);
        return 3;
    }
}
