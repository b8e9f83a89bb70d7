// korlib: System.Array. An array is [type info][length]
// [elements] (aot/src/runtime/layout.ts); the compiler accesses elements inline.

using Sharpaot.Runtime;

namespace System
{
    public abstract unsafe class Array
    {
        public int Length { get { return *(int*)((byte*)Unsafe.AsPointer(this) + 4); } }

        public long LongLength { get { return Length; } }

        /// <summary>The rank, from the array's type information.</summary>
        public int Rank { get { return *(int*)(TypeCheck.TypeOf(this) + TypeCheck.ExtraOffset); } }

        public int GetLength(int dimension)
        {
            if (dimension < 0 || dimension >= Rank) throw new IndexOutOfRangeException();
            if (Rank == 1) return Length;
            return *(int*)((byte*)Unsafe.AsPointer(this) + 8 + 4 * dimension);
        }

        public int GetLowerBound(int dimension) { GetLength(dimension); return 0; }

        public int GetUpperBound(int dimension) { return GetLength(dimension) - 1; }

        public object Clone() { return MemberwiseClone(); }
    }
}
