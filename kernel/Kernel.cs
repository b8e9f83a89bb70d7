// The demo kernel: a SharpOS-style kernel in C#. `npm start` builds it with sharpaot
// (kernel/*.cs and adc/**/*.cs against korlib) and boots it in QEMU. It prints a banner
// and what it finds about the machine on the serial console (and the VGA screen), then
// exits through the QEMU debug-exit device with status 0.

using System;
using Sharpaot.Attributes;
using Sharpaot.Runtime;
using Kernel.ADC;

namespace Kernel
{
    public static unsafe class Kernel
    {
        [KernelMain]
        public static int Start()
        {
            Console.WriteLine("sharpaot demo kernel");
            Console.WriteLine("====================");
            Console.Write("Loader: ");
            Console.WriteLine(Startup.LoaderMagic == Startup.MultibootMagic ? "multiboot" : "unknown");
            Console.Write("CPU vendor: ");
            byte* vendor = stackalloc byte[12];
            Processor.GetVendor(vendor);
            for (int i = 0; i < 12; i++) Console.Write((char)vendor[i]);
            Console.WriteLine();
            MultibootInfo.Print();
            Console.Write("Fibonacci(20) = ");
            Console.WriteLine(Fibonacci(20));
            Console.Write("Primes below 100: ");
            Console.WriteLine(CountPrimes(100));
            Console.WriteLine("Kernel done, halting.");
            return 0;
        }

        static int Fibonacci(int n)
        {
            return n < 2 ? n : Fibonacci(n - 1) + Fibonacci(n - 2);
        }

        static int CountPrimes(int limit)
        {
            byte* composite = stackalloc byte[100];
            int count = 0;
            for (int i = 2; i < limit; i++)
            {
                if (composite[i] != 0) continue;
                count++;
                for (int j = i * i; j < limit; j += i) composite[j] = 1;
            }
            return count;
        }
    }
}
