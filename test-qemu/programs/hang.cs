// A kernel that never exits: the runner must report a timeout, never success.
using Sharpaot.Attributes;
using Sharpaot.X86;

static class Hang
{
    [KernelMain]
    static void Start()
    {
        System.Console.WriteLine("hanging");
        for (;;) Asm.Pause();
    }
}
