// Reads the multiboot information structure the boot loader leaves in memory
// (Multiboot Specification 0.6.96, section 3.3).

using System;
using Sharpaot.Runtime;

namespace Kernel
{
    public static unsafe class MultibootInfo
    {
        const uint FlagMemory = 1 << 0;
        const uint FlagMemoryMap = 1 << 6;

        public static void Print()
        {
            if (Startup.LoaderMagic != Startup.MultibootMagic) return;
            uint* info = (uint*)Startup.MultibootInfo;
            uint flags = info[0];
            if ((flags & FlagMemory) != 0)
            {
                Console.Write("Memory: lower ");
                Console.Write((int)info[1]);
                Console.Write(" KiB, upper ");
                Console.Write((int)info[2]);
                Console.WriteLine(" KiB");
            }
            if ((flags & FlagMemoryMap) != 0)
            {
                // mmap_length at +44, mmap_addr at +48; entries: size, base (u64), length (u64), type.
                uint length = info[11];
                byte* entry = (byte*)info[12];
                byte* end = entry + length;
                int regions = 0;
                while (entry < end)
                {
                    regions++;
                    entry += *(uint*)entry + 4;
                }
                Console.Write("Memory map: ");
                Console.Write(regions);
                Console.WriteLine(" regions");
            }
        }
    }
}
