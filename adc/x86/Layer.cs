// The x86 ADC layer of the demo kernel: implementations of Kernel.ADC for 32-bit x86,
// written with korlib's machine intrinsics (Sharpaot.X86.Asm).

using Sharpaot.Attributes;
using Sharpaot.X86;

[assembly: ADCLayer("Kernel.ADC.X86", "x86")]

namespace Kernel.ADC.X86
{
    public static unsafe class IO
    {
        public static byte In8(ushort port) { return Asm.In8(port); }
        public static void Out8(ushort port, byte value) { Asm.Out8(port, value); }
    }

    public static unsafe class Processor
    {
        public static void GetVendor(byte* buffer)
        {
            uint* regs = stackalloc uint[4];
            Asm.Cpuid(0, 0, regs);
            // The vendor string is in ebx, edx, ecx, in that order.
            uint* order = stackalloc uint[3];
            order[0] = regs[1];
            order[1] = regs[3];
            order[2] = regs[2];
            for (int i = 0; i < 12; i++) buffer[i] = (byte)(order[i / 4] >> (8 * (i % 4)));
        }

        public static ulong ReadTimestamp() { return Asm.Rdtsc(); }

        public static void Halt()
        {
            Asm.Cli();
            Asm.Hlt();
        }
    }
}
