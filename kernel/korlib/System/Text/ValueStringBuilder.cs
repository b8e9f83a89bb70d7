// korlib: a character buffer for building one string, starting in caller-provided
// (usually stackalloc'ed) memory and moving to a heap array only when that fills up, so
// formatting a number allocates nothing but its result. The formatting code
// (Number.*.cs) uses only this and the public .NET API, so the same sources also compile
// against Mono's corlib for the host-side comparison (test-qemu/korlib-host.test.ts).

namespace System.Text
{
    internal unsafe struct ValueStringBuilder
    {
        private char* stack;
        private int stackCapacity;
        /// <summary>Once the stack buffer is full: the characters so far and room for more.</summary>
        private char[] heap;
        private int length;

        public ValueStringBuilder(char* buffer, int capacity)
        {
            stack = buffer;
            stackCapacity = capacity;
            heap = null;
            length = 0;
        }

        public int Length { get { return length; } }

        public char this[int index]
        {
            get { return heap != null ? heap[index] : stack[index]; }
            set { if (heap != null) heap[index] = value; else stack[index] = value; }
        }

        public void Append(char c)
        {
            if (heap == null)
            {
                if (length < stackCapacity)
                {
                    stack[length++] = c;
                    return;
                }
                Grow(1);
            }
            else if (length == heap.Length)
            {
                Grow(1);
            }
            heap[length++] = c;
        }

        public void Append(char c, int count)
        {
            for (int i = 0; i < count; i++) Append(c);
        }

        public void Append(string s)
        {
            if (s == null) return;
            for (int i = 0; i < s.Length; i++) Append(s[i]);
        }

        public void Append(char* p, int count)
        {
            for (int i = 0; i < count; i++) Append(p[i]);
        }

        private void Grow(int extra)
        {
            int capacity = length * 2;
            if (capacity < length + extra) capacity = length + extra;
            if (capacity < 64) capacity = 64;
            char[] bigger = new char[capacity];
            for (int i = 0; i < length; i++) bigger[i] = this[i];
            heap = bigger;
        }

        public override string ToString()
        {
            if (heap != null) return new string(heap, 0, length);
            return new string(stack, 0, length);
        }
    }
}
