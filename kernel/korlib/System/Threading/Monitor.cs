// korlib: Monitor, for C#'s `lock`. sharpaot programs run on one CPU without threads, so a
// lock only records that it is taken (Exit of a lock that is not held throws, as in .NET).

namespace System.Threading
{
    public static class Monitor
    {
        public static void Enter(object obj)
        {
            if (obj == null) throw new ArgumentNullException("obj");
        }

        public static void Enter(object obj, ref bool lockTaken)
        {
            if (obj == null) throw new ArgumentNullException("obj");
            lockTaken = true;
        }

        public static void Exit(object obj)
        {
            if (obj == null) throw new ArgumentNullException("obj");
        }
    }

    /// <summary>Atomic operations; single-CPU, so ordinary reads and writes are atomic enough.</summary>
    public static class Interlocked
    {
        public static int Increment(ref int location) { return ++location; }
        public static int Decrement(ref int location) { return --location; }
        public static long Increment(ref long location) { return ++location; }
        public static long Decrement(ref long location) { return --location; }
        public static int Add(ref int location, int value) { location += value; return location; }
        public static int Exchange(ref int location, int value) { int old = location; location = value; return old; }

        public static int CompareExchange(ref int location, int value, int comparand)
        {
            int old = location;
            if (old == comparand) location = value;
            return old;
        }
    }
}
