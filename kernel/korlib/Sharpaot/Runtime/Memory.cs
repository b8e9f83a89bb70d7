// korlib: the heap. A bump allocator over the largest free region of physical memory
// above the image (from the multiboot memory map, or 16 MiB above the image if there is
// none). There is no garbage collector: memory is never freed; when it runs out,
// allocation throws OutOfMemoryException.

namespace Sharpaot.Runtime
{
    public static unsafe class Memory
    {
        private static uint next;
        private static uint limit;
        /// <summary>Allocated up front: when memory runs out there is none left to make it.</summary>
        private static System.OutOfMemoryException outOfMemory;

        public static void Init(uint imageEnd, uint multibootInfo)
        {
            next = (imageEnd + 15) & ~15u;
            limit = next + 16 * 1024 * 1024;
            if (multibootInfo == 0) return;
            uint* info = (uint*)multibootInfo;
            // flags bit 0: mem_lower/mem_upper (KiB) are valid.
            if ((info[0] & 1) != 0) limit = 0x100000 + info[2] * 1024;
        }

        /// <summary>Once the heap works: things the runtime needs ready before they are needed.</summary>
        public static void InitReserve()
        {
            outOfMemory = new System.OutOfMemoryException();
        }

        private static void ThrowOutOfMemory()
        {
            if (outOfMemory == null) ExceptionSupport.OutOfMemory();
            throw outOfMemory;
        }

        /// <summary>Allocates a zeroed object of `size` bytes whose header is `typeInfo`.</summary>
        public static object Alloc(void* typeInfo, int size)
        {
            uint start = next;
            uint end = start + (((uint)size + 7) & ~7u);
            if (end > limit || end < start) ThrowOutOfMemory();
            next = end;
            uint* p = (uint*)start;
            for (uint* q = p; q < (uint*)end; q++) *q = 0;
            *(void**)p = typeInfo;
            return Unsafe.AsObject(p);
        }

        /// <summary>
        /// A zeroed multi-dimensional array: [type info][total length][length of each dimension]
        /// [elements at 8 + 4·rank rounded up to 8] (aot/src/ir/builder/il-mdarrays.ts).
        /// </summary>
        public static object NewMdArray(void* arrayType, int rank, int* lengths)
        {
            long total = 1;
            for (int i = 0; i < rank; i++)
            {
                if (lengths[i] < 0) throw new System.OverflowException();
                total *= lengths[i];
                if (total > 0x7fffffff) ThrowOutOfMemory();
            }
            int elementSize = *(int*)((byte*)arrayType + TypeCheck.SizeOffset);
            int dataOffset = (8 + 4 * rank + 7) & ~7;
            long size = dataOffset + total * elementSize;
            if (size > 0x7fffffff) ThrowOutOfMemory();
            object array = Alloc(arrayType, (int)size);
            int* header = (int*)Unsafe.AsPointer(array);
            header[1] = (int)total;
            for (int i = 0; i < rank; i++) header[2 + i] = lengths[i];
            return array;
        }

        /// <summary>A zeroed array: [type info][length][elements]; the element size is in the type info.</summary>
        public static object NewArray(void* arrayType, int length)
        {
            if (length < 0) throw new System.OverflowException();
            int elementSize = *(int*)((byte*)arrayType + TypeCheck.SizeOffset);
            long size = 8 + (long)length * elementSize;
            if (size > 0x7fffffff) ThrowOutOfMemory();
            object array = Alloc(arrayType, (int)size);
            *(int*)((byte*)Unsafe.AsPointer(array) + 4) = length;
            return array;
        }
    }
}
