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
            // The loader may put the command line (bit 2, offset 16), the module list and
            // modules (bit 3, offsets 20 count and 24 address; entries of mod_start, mod_end,
            // string, reserved) and its own name (bit 9, offset 64) right after the image
            // (QEMU does): the heap starts above them, so the program can still read them.
            if ((info[0] & 4) != 0) next = Above(next, StringEnd(info[4]));
            if ((info[0] & 8) != 0)
            {
                uint* module = (uint*)info[6];
                next = Above(next, info[6] + 16 * info[5]);
                for (uint i = 0; i < info[5]; i++, module += 4)
                {
                    next = Above(next, module[1]);
                    if (module[2] != 0) next = Above(next, StringEnd(module[2]));
                }
            }
            if ((info[0] & 0x200) != 0) next = Above(next, StringEnd(info[16]));
        }

        /// <summary>The first byte after a NUL-terminated string.</summary>
        private static uint StringEnd(uint address)
        {
            byte* s = (byte*)address;
            while (*s != 0) s++;
            return (uint)s + 1;
        }

        /// <summary>`next`, or the 16-byte aligned address at or after `end` when that is higher.</summary>
        private static uint Above(uint next, uint end)
        {
            uint aligned = (end + 15) & ~15u;
            return aligned > next ? aligned : next;
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
