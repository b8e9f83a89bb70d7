// korlib: System.Array. An array is [type info][length]
// [elements] (aot/src/runtime/layout.ts); the compiler accesses elements inline.

using Sharpaot.Runtime;

namespace System
{
    public abstract unsafe class Array
    {
        public int Length { get { return *(int*)((byte*)Unsafe.AsPointer(this) + 4); } }

        public long LongLength { get { return Length; } }

        public int Rank { get { return 1; } }

        public object Clone() { return MemberwiseClone(); }
    }
}
