// The demo kernel's ADC interface (Architecture Dependent Code, after SharpOS): kernel
// code calls these [ADCStub] methods; sharpaot rewrites each call to the method of the
// same name in the layer selected by --arch (adc/x86 for x86). The bodies here are
// never compiled.

using Sharpaot.Attributes;

[assembly: ADCInterface("Kernel.ADC")]

namespace Kernel.ADC
{
    public static unsafe class IO
    {
        [ADCStub] public static byte In8(ushort port) { return 0; }
        [ADCStub] public static void Out8(ushort port, byte value) { }
    }

    public static unsafe class Processor
    {
        /// <summary>Writes the 12-character CPU vendor string (ASCII) to buffer.</summary>
        [ADCStub] public static void GetVendor(byte* buffer) { }
        [ADCStub] public static ulong ReadTimestamp() { return 0; }
        [ADCStub] public static void Halt() { }
    }
}
