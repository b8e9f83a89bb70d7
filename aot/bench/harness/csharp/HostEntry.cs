// Entry point of a C# benchmark program under mono on the host, the oracle for
// KernelEntry.cs: `mono prog.exe N` runs Benchmark.Setup(N) and Benchmark.Run() and prints
// the same "NAME n = result" line (no instruction count: that exists only in QEMU).

using System;

static class HostEntry
{
    static int Main(string[] args)
    {
        int n;
        if (args.Length != 1 || !int.TryParse(args[0], out n) || n < 0)
        {
            Console.Error.WriteLine("usage: mono PROGRAM.exe SIZE");
            return 2;
        }
        Benchmark.Setup(n);
        long result = Benchmark.Run();
        Console.WriteLine(Benchmark.Name + " " + n + " = " + result);
        return 0;
    }
}
