// korlib: conversions between references and addresses for the runtime's own code
// (the allocator, type information). The compiler treats each as the value itself.

using System.Runtime.CompilerServices;

namespace Sharpaot.Runtime
{
    public static unsafe class Unsafe
    {
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void* AsPointer(object o);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern object AsObject(void* p);
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern string AsString(void* p);
    }
}
