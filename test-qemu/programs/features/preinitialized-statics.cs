// Type initializers that only store constants (sharpaot runs them at build time and puts
// the values in the image) next to ones that must run (they call, read or print): every
// field type, narrow integers, negative and extreme values, strings, null, a field
// stored twice, widened long constants, another type's fields (readonly or changed at
// run time first), generic types (statics per instantiation), an explicit static
// constructor, and the order in which the running ones print, as under mono.

using System;

class Limits
{
    public static bool Flag = true;
    public static char Letter = 'Q';
    public static sbyte SmallNeg = -128;
    public static byte Small = 255;
    public static short Mid = -32768;
    public static ushort UMid = 65535;
    public static int Big = int.MinValue;
    public static uint UBig = 4000000000u;
    public static long Huge = -9223372036854775807L - 1;
    public static ulong UHuge = 18446744073709551615UL;
    public static float F = -1.5f;
    public static double D = 6.02214076e23;
    public static string Name = "limits";
    public static string Nothing = null;
    public static string Twice = "first";
    public static object Boxed;

    static Limits()
    {
        Twice = "second";
        Boxed = null;
    }
}

class Defaults
{
    public static int Zero = 0;
    public static string Empty = "";
    public static readonly string Greeting = "hello";
}

class Holder<T>
{
    public static int Count = 3;
    public static string Label = "holder";
    public static T Value;
}

class Noisy
{
    public static int A = Next("Noisy.A");
    public static string B = "b";
    static int counter = 10;

    static int Next(string what)
    {
        Console.WriteLine("init " + what);
        return 42;
    }
}

class Explicit
{
    public static int X;
    public static string S;

    static Explicit()
    {
        X = 7;
        S = "explicit";
    }
}

class Reader
{
    public static int Copy = Explicit.X + 1;
}

class Source
{
    public static int Mutable = 1;
    public static readonly int Fixed = 2;
    public static readonly string Text = "text";
}

// Reads another type's fields: only readonly ones are known at build time; Mutable changes
// in Main before this initializer runs (precisely, at first access).
class Copier
{
    public static int M;
    public static int F;
    public static string T;

    static Copier()
    {
        M = Source.Mutable;
        F = Source.Fixed;
        T = Source.Text;
    }
}

class Widened
{
    public static long Five = 5;
    public static long MinusOne = -1;
    public static ulong Max = ulong.MaxValue;
    public static ulong High = 0xFFFFFFFFUL;
}

static class Program
{
    static int Main()
    {
        Console.WriteLine(Limits.Flag + " " + Limits.Letter + " " + Limits.SmallNeg + " " + Limits.Small);
        Console.WriteLine(Limits.Mid + " " + Limits.UMid + " " + Limits.Big + " " + Limits.UBig);
        Console.WriteLine(Limits.Huge + " " + Limits.UHuge);
        Console.WriteLine(Limits.F + " " + Limits.D);
        Console.WriteLine(Limits.Name + " " + (Limits.Nothing == null) + " " + Limits.Twice + " " + (Limits.Boxed == null));
        Console.WriteLine("[" + Defaults.Zero + "][" + Defaults.Empty + "][" + Defaults.Greeting + "] " + Defaults.Empty.Length);
        Holder<int>.Count++;
        Holder<string>.Label = "changed";
        Console.WriteLine(Holder<int>.Count + " " + Holder<string>.Count + " " + Holder<int>.Label + " " + Holder<string>.Label);
        Console.WriteLine(Holder<int>.Value + " " + (Holder<string>.Value == null));
        Source.Mutable = 100;
        Console.WriteLine(Copier.M + " " + Copier.F + " " + Copier.T);
        Console.WriteLine(Widened.Five + " " + Widened.MinusOne + " " + Widened.Max + " " + Widened.High);
        Console.WriteLine("before Noisy");
        Console.WriteLine(Noisy.B);
        Console.WriteLine(Noisy.A);
        Console.WriteLine(Reader.Copy + " " + Explicit.S);
        Limits.Small++;
        Limits.Name += "!";
        Console.WriteLine(Limits.Small + " " + Limits.Name + " " + string.Empty.Length + " " + String.IsNullOrEmpty(string.Empty));
        return Limits.Mid == -32768 ? 0 : 1;
    }
}
