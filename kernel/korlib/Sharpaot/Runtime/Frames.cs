// korlib: running code of other frames, for the exception unwinder (compiler intrinsics,
// see aot/src/engine/intrinsics.ts).

using System.Runtime.CompilerServices;

namespace Sharpaot.Runtime
{
    public static unsafe class Frames
    {
        /// <summary>Calls a finally, fault or filter body of the method whose frame is `frame`; returns the filter's verdict.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern int CallFunclet(void* frame, void* code, object exception);
        /// <summary>Continues at a catch handler in the method whose frame is `frame`; does not return.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern void ResumeAt(void* frame, void* code, object exception);
    }
}
