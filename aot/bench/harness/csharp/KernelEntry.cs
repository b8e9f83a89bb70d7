// Entry point of a C# benchmark program under sharpaot (compiled together with one
// aot/bench/programs/NAME.cs): reads the size n from the multiboot command line, calls
// Benchmark.Setup(n) (allocations, not timed), reads the time-stamp counter around
// Benchmark.Run() and prints "NAME n = result" on COM1 (stdout, the same line as
// HostEntry.cs under mono and the C twin print) and "instructions COUNT" on COM2.
// Booted with QEMU's -icount shift=0, the counter advances by one per executed guest
// instruction, so COUNT is exact and deterministic.
// The size comes from the command line so the compiler cannot fold the benchmark away.

using Sharpaot.Runtime;
using Sharpaot.X86;

static unsafe class KernelEntry
{
    static int Main()
    {
        int n = ReadSize();
        if (n < 0) return 2;
        Benchmark.Setup(n);
        ulong t0 = Asm.Rdtsc();
        long result = Benchmark.Run();
        ulong t1 = Asm.Rdtsc();
        System.Console.Write(Benchmark.Name);
        System.Console.Write(' ');
        System.Console.Write(n);
        System.Console.Write(" = ");
        System.Console.WriteLine(result);
        Output.WriteString(Output.Stderr, "instructions ");
        Output.WriteULong(Output.Stderr, t1 - t0);
        Output.WriteChar(Output.Stderr, '\n');
        return 0;
    }

    /// <summary>
    /// The decimal number that ends the multiboot command line (QEMU passes "KERNEL-FILE
    /// APPEND-TEXT"), or -1 after a message on stderr. Multiboot information: flags at
    /// offset 0, bit 2 = the cmdline field (offset 16, address of a NUL-terminated string) is valid.
    /// </summary>
    static int ReadSize()
    {
        uint* mbi = (uint*)Startup.MultibootInfo;
        if (Startup.LoaderMagic != Startup.MultibootMagic || (mbi[0] & 4) == 0)
        {
            Output.WriteString(Output.Stderr, "bench: no multiboot command line (boot with -append N)\n");
            return -1;
        }
        byte* s = (byte*)mbi[4];
        int end = 0;
        while (s[end] != 0) end++;
        while (end > 0 && s[end - 1] == ' ') end--;
        int start = end;
        while (start > 0 && s[start - 1] >= '0' && s[start - 1] <= '9') start--;
        if (start == end || end - start > 9)
        {
            Output.WriteString(Output.Stderr, "bench: the command line does not end with a size (1 to 9 digits)\n");
            return -1;
        }
        int n = 0;
        for (int i = start; i < end; i++) n = n * 10 + (s[i] - '0');
        return n;
    }
}
