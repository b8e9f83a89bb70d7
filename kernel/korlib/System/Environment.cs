// korlib: System.Environment for a program running alone on the machine.

using Sharpaot.Runtime;

namespace System
{
    public static class Environment
    {
        public static string NewLine { get { return "\n"; } }

        /// <summary>Ends the program with `exitCode` (under `sharpaot run`, the host's exit status).</summary>
        public static void Exit(int exitCode) { Startup.Exit(exitCode); }

        public static int ProcessorCount { get { return 1; } }

        public static bool Is64BitProcess { get { return false; } }

        public static bool Is64BitOperatingSystem { get { return false; } }

        public static int CurrentManagedThreadId { get { return 1; } }
    }
}
