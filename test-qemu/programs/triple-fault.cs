// A kernel that triple-faults on purpose: it loads an empty interrupt descriptor table
// and raises a breakpoint, so the CPU cannot deliver the exception nor the double fault.
using Sharpaot.Attributes;
using Sharpaot.X86;

static unsafe class TripleFault
{
    [KernelMain]
    static int Start()
    {
        System.Console.WriteLine("about to fault");
        ulong descriptor = 0;
        Asm.Lidt(&descriptor);
        Asm.Int3();
        return 0;
    }
}
