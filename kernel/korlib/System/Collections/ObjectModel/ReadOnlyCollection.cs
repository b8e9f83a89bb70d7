// korlib: a read-only view of a list (List<T>.AsReadOnly()); changes through it throw
// NotSupportedException.

using System.Collections.Generic;

namespace System.Collections.ObjectModel
{
    public class ReadOnlyCollection<T> : IList<T>, IReadOnlyList<T>
    {
        private const string ReadOnlyMessage = "Collection is read-only.";
        private readonly IList<T> list;

        public ReadOnlyCollection(IList<T> list)
        {
            if (list == null) throw new ArgumentNullException("list");
            this.list = list;
        }

        public int Count { get { return list.Count; } }
        public T this[int index] { get { return list[index]; } }
        public bool Contains(T value) { return list.Contains(value); }
        public void CopyTo(T[] array, int index) { list.CopyTo(array, index); }
        public IEnumerator<T> GetEnumerator() { return list.GetEnumerator(); }
        public int IndexOf(T value) { return list.IndexOf(value); }
        protected IList<T> Items { get { return list; } }

        bool ICollection<T>.IsReadOnly { get { return true; } }

        T IList<T>.this[int index]
        {
            get { return list[index]; }
            set { throw new NotSupportedException(ReadOnlyMessage); }
        }

        void ICollection<T>.Add(T value) { throw new NotSupportedException(ReadOnlyMessage); }
        void ICollection<T>.Clear() { throw new NotSupportedException(ReadOnlyMessage); }
        void IList<T>.Insert(int index, T value) { throw new NotSupportedException(ReadOnlyMessage); }
        bool ICollection<T>.Remove(T value) { throw new NotSupportedException(ReadOnlyMessage); }
        void IList<T>.RemoveAt(int index) { throw new NotSupportedException(ReadOnlyMessage); }
        IEnumerator IEnumerable.GetEnumerator() { return list.GetEnumerator(); }
    }
}
