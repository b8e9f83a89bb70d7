// korlib: x86 machine intrinsics. The compiler replaces each call by the instruction(s)
// named in aot/src/engine/intrinsics.ts; these declarations have no body.

using System.Runtime.CompilerServices;

namespace Sharpaot.X86
{
    public static unsafe class Asm
    {
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern byte In8(ushort port);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern ushort In16(ushort port);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern uint In32(ushort port);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Out8(ushort port, byte value);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Out16(ushort port, ushort value);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Out32(ushort port, uint value);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Hlt();
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Cli();
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Sti();
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Pause();
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Int3();
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern ulong Rdtsc();
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Lgdt(void* descriptor);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Lidt(void* descriptor);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Ltr(ushort selector);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Invlpg(void* address);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern uint ReadCr0();
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern uint ReadCr2();
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern uint ReadCr3();
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern uint ReadCr4();
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void WriteCr0(uint value);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void WriteCr3(uint value);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void WriteCr4(uint value);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern uint ReadEflags();
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void* ReadEbp();
        /// <summary>Square root (sqrtsd / sqrtss), correctly rounded.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern double Sqrt(double value);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern float SqrtF(float value);
        /// <summary>CPUID for (leaf, subleaf); writes eax, ebx, ecx, edx to regs[0..3].</summary>
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void Cpuid(uint leaf, uint subleaf, uint* regs);
    }
}
