// korlib: array elements of a type parameter (T[] in generic code) read and written
// through a reference (ldelema, then ldobj/stobj): sharpaot does not compile the
// ldelem.any/stelem.any instructions mcs emits for a plain a[i] there.

namespace System.Collections.Generic
{
    internal static class Elements
    {
        public static T Get<T>(ref T element) { return element; }

        public static void Set<T>(ref T element, T value) { element = value; }
    }
}
