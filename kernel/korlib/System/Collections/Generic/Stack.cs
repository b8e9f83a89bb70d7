// korlib: Stack<T>, an array that grows to 4 and then doubles, as in .NET Core 2.1;
// enumerates from the top.

namespace System.Collections.Generic
{
    public class Stack<T> : IEnumerable<T>, IReadOnlyCollection<T>
    {
        private T[] _array;
        private int _size;
        private int _version;

        public Stack() { _array = Array.Empty<T>(); }

        public Stack(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            _array = new T[capacity];
        }

        public Stack(IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            _array = Array.Empty<T>();
            foreach (T item in collection) Push(item);
        }

        public int Count { get { return _size; } }

        public void Clear()
        {
            for (int i = 0; i < _size; i++) _array[i] = default(T);
            _size = 0;
            _version++;
        }

        public bool Contains(T item)
        {
            EqualityComparer<T> c = EqualityComparer<T>.Default;
            for (int i = _size - 1; i >= 0; i--) if (c.Equals(_array[i], item)) return true;
            return false;
        }

        public T Peek()
        {
            if (_size == 0) throw new InvalidOperationException("Stack empty.");
            return _array[_size - 1];
        }

        public bool TryPeek(out T result)
        {
            if (_size == 0)
            {
                result = default(T);
                return false;
            }
            result = _array[_size - 1];
            return true;
        }

        public T Pop()
        {
            if (_size == 0) throw new InvalidOperationException("Stack empty.");
            _version++;
            T item = _array[--_size];
            _array[_size] = default(T);
            return item;
        }

        public bool TryPop(out T result)
        {
            if (_size == 0)
            {
                result = default(T);
                return false;
            }
            result = Pop();
            return true;
        }

        public void Push(T item)
        {
            if (_size == _array.Length) Array.Resize(ref _array, _array.Length == 0 ? 4 : 2 * _array.Length);
            _array[_size++] = item;
            _version++;
        }

        public T[] ToArray()
        {
            T[] result = new T[_size];
            for (int i = 0; i < _size; i++) result[i] = _array[_size - 1 - i];
            return result;
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (arrayIndex < 0 || arrayIndex > array.Length) throw new ArgumentOutOfRangeException("arrayIndex", "Non-negative number required.");
            if (array.Length - arrayIndex < _size) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            for (int i = 0; i < _size; i++) array[arrayIndex + i] = _array[_size - 1 - i];
        }

        public void TrimExcess()
        {
            if (_size < (int)(_array.Length * 0.9))
            {
                Array.Resize(ref _array, _size);
                _version++;
            }
        }

        public Enumerator GetEnumerator() { return new Enumerator(this); }
        IEnumerator<T> IEnumerable<T>.GetEnumerator() { return new Enumerator(this); }
        IEnumerator IEnumerable.GetEnumerator() { return new Enumerator(this); }

        public struct Enumerator : IEnumerator<T>
        {
            private readonly Stack<T> _stack;
            private readonly int _version;
            /// <summary>-2: not started; -1: ended.</summary>
            private int _index;
            private T _currentElement;

            internal Enumerator(Stack<T> stack)
            {
                _stack = stack;
                _version = stack._version;
                _index = -2;
                _currentElement = default(T);
            }

            public void Dispose() { _index = -1; }

            public bool MoveNext()
            {
                if (_version != _stack._version) throw new InvalidOperationException(List<T>.VersionMessage);
                bool more;
                if (_index == -2)
                {
                    _index = _stack._size - 1;
                    more = _index >= 0;
                    if (more) _currentElement = _stack._array[_index];
                    return more;
                }
                if (_index == -1) return false;
                more = --_index >= 0;
                _currentElement = more ? _stack._array[_index] : default(T);
                return more;
            }

            public T Current
            {
                get
                {
                    if (_index < 0) throw new InvalidOperationException(_index == -2 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
                    return _currentElement;
                }
            }

            object IEnumerator.Current { get { return Current; } }

            void IEnumerator.Reset()
            {
                if (_version != _stack._version) throw new InvalidOperationException(List<T>.VersionMessage);
                _index = -2;
                _currentElement = default(T);
            }
        }
    }
}
