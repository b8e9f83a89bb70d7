// korlib: what runs before and after the program. The compiler's entry stub calls
// Init with the multiboot loader's registers, the first address after the image and the
// method table (for exception handling),
// then the type initializers, then the program, then Exit with its result.

using Sharpaot.X86;

namespace Sharpaot.Runtime
{
    public static unsafe class Startup
    {
        public const uint MultibootMagic = 0x2BADB002;

        /// <summary>EAX at entry: 0x2BADB002 when started by a multiboot loader.</summary>
        public static uint LoaderMagic;
        /// <summary>Physical address of the multiboot information structure (EBX at entry).</summary>
        public static uint MultibootInfo;

        public static void Init(uint magic, uint multibootInfo, uint imageEnd, void* methodTable)
        {
            LoaderMagic = magic;
            MultibootInfo = multibootInfo;
            ExceptionSupport.Init(methodTable);
            Output.Init();
            Memory.Init(imageEnd, magic == MultibootMagic ? multibootInfo : 0);
            Memory.InitReserve();
        }

        /// <summary>
        /// Ends the program: lets the serial ports finish sending, writes the exit code to
        /// QEMU's debug console (port 0xE9, four bytes, little endian) and to the
        /// isa-debug-exit port 0xF4, then halts the CPU.
        /// </summary>
        public static void Exit(int code)
        {
            Output.Drain();
            uint c = (uint)code;
            Asm.Out8(0xE9, (byte)c);
            Asm.Out8(0xE9, (byte)(c >> 8));
            Asm.Out8(0xE9, (byte)(c >> 16));
            Asm.Out8(0xE9, (byte)(c >> 24));
            Asm.Out32(0xF4, c & 0x7F);
            for (;;)
            {
                Asm.Cli();
                Asm.Hlt();
            }
        }
    }
}
