// korlib: the generic collection interfaces of one-dimensional arrays. In .NET a T[]
// implements IList<T>, ICollection<T>, IEnumerable<T>, IReadOnlyList<T> and
// IReadOnlyCollection<T>; sharpaot fills those interface tables of every array type with
// the methods of SZArrayHelper<T> of the same name and signature
// (aot/src/runtime/type-info-emitter.ts). Their `this` is the array itself.

using System.Collections;
using System.Collections.Generic;

namespace System
{
    internal sealed class SZArrayHelper<T>
    {
        private SZArrayHelper() { }

        private T[] Self { get { return (T[])(object)this; } }

        public IEnumerator<T> GetEnumerator() { return new Enumerator(Self); }

        public int get_Count() { return Self.Length; }

        public bool get_IsReadOnly() { return true; }

        public T get_Item(int index) { return Self[index]; }

        public void set_Item(int index, T value) { Self[index] = value; }

        public int IndexOf(T item)
        {
            T[] a = Self;
            EqualityComparer<T> c = EqualityComparer<T>.Default;
            for (int i = 0; i < a.Length; i++) if (c.Equals(a[i], item)) return i;
            return -1;
        }

        public bool Contains(T item) { return IndexOf(item) >= 0; }

        public void CopyTo(T[] array, int arrayIndex)
        {
            T[] a = Self;
            if (array == null) throw new ArgumentNullException("array");
            if (arrayIndex < 0 || arrayIndex > array.Length - a.Length) throw new ArgumentException("Destination array was not long enough. Check destIndex and length, and the array's lower bounds.");
            for (int i = 0; i < a.Length; i++) array[arrayIndex + i] = a[i];
        }

        public void Add(T item) { throw new NotSupportedException("Collection was of a fixed size."); }
        public void Clear() { throw new NotSupportedException("Collection was of a fixed size."); }
        public bool Remove(T item) { throw new NotSupportedException("Collection was of a fixed size."); }
        public void Insert(int index, T item) { throw new NotSupportedException("Collection was of a fixed size."); }
        public void RemoveAt(int index) { throw new NotSupportedException("Collection was of a fixed size."); }

        private sealed class Enumerator : IEnumerator<T>
        {
            private readonly T[] array;
            private int index = -1;

            public Enumerator(T[] array) { this.array = array; }

            public T Current
            {
                get
                {
                    if (index < 0) throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                    if (index >= array.Length) throw new InvalidOperationException("Enumeration already finished.");
                    return array[index];
                }
            }

            object IEnumerator.Current { get { return Current; } }

            public bool MoveNext()
            {
                if (index < array.Length) index++;
                return index < array.Length;
            }

            public void Reset() { index = -1; }

            public void Dispose() { }
        }
    }
}
