// korlib: List<T> as in .NET Core 2.1 / Mono 6.8: an array that starts empty, grows to 4
// and then doubles; a version number makes enumerators fail after a change; Sort is
// Array.Sort's introsort; errors carry Mono's messages.

using System.Collections.ObjectModel;

namespace System.Collections.Generic
{
    public class List<T> : IList<T>, IReadOnlyList<T>
    {
        private const int DefaultCapacity = 4;
        private const string IndexMessage = "Index was out of range. Must be non-negative and less than the size of the collection.";
        private const string InvalidOffLen = "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.";
        internal const string VersionMessage = "Collection was modified; enumeration operation may not execute.";

        private T[] _items;
        private int _size;
        private int _version;

        public List() { _items = Array.Empty<T>(); }

        public List(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
        }

        public List(IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            ICollection<T> c = collection as ICollection<T>;
            if (c != null)
            {
                int count = c.Count;
                if (count == 0)
                {
                    _items = Array.Empty<T>();
                }
                else
                {
                    _items = new T[count];
                    c.CopyTo(_items, 0);
                    _size = count;
                }
                return;
            }
            _items = Array.Empty<T>();
            foreach (T item in collection) Add(item);
        }

        public int Capacity
        {
            get { return _items.Length; }
            set
            {
                if (value < _size) throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                if (value == _items.Length) return;
                if (value == 0)
                {
                    _items = Array.Empty<T>();
                    return;
                }
                T[] newItems = new T[value];
                for (int i = 0; i < _size; i++) newItems[i] = _items[i];
                _items = newItems;
            }
        }

        public int Count { get { return _size; } }

        bool ICollection<T>.IsReadOnly { get { return false; } }

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException("index", IndexMessage);
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException("index", IndexMessage);
                _items[index] = value;
                _version++;
            }
        }

        private void EnsureCapacity(int min)
        {
            if (_items.Length < min)
            {
                int newCapacity = _items.Length == 0 ? DefaultCapacity : _items.Length * 2;
                if ((uint)newCapacity > 0x7FEFFFFF) newCapacity = 0x7FEFFFFF;
                if (newCapacity < min) newCapacity = min;
                Capacity = newCapacity;
            }
        }

        // ---- Adding and removing ----------------------------------------------------------------

        public void Add(T item)
        {
            if (_size == _items.Length) EnsureCapacity(_size + 1);
            _items[_size++] = item;
            _version++;
        }

        public void AddRange(IEnumerable<T> collection) { InsertRange(_size, collection); }

        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size) throw new ArgumentOutOfRangeException("index", "Index must be within the bounds of the List.");
            if (_size == _items.Length) EnsureCapacity(_size + 1);
            for (int i = _size; i > index; i--) _items[i] = _items[i - 1];
            _items[index] = item;
            _size++;
            _version++;
        }

        public void InsertRange(int index, IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            if ((uint)index > (uint)_size) throw new ArgumentOutOfRangeException("index", IndexMessage);
            ICollection<T> c = collection as ICollection<T>;
            if (c != null)
            {
                int count = c.Count;
                if (count > 0)
                {
                    EnsureCapacity(_size + count);
                    for (int i = _size - 1; i >= index; i--) _items[i + count] = _items[i];
                    if (c == this)
                    {
                        // Inserting a list into itself: the part before index, then the part after it.
                        for (int i = 0; i < index; i++) _items[index + i] = _items[i];
                        for (int i = 0; i < _size - index; i++) _items[index * 2 + i] = _items[index + count + i];
                    }
                    else
                    {
                        T[] copy = new T[count];
                        c.CopyTo(copy, 0);
                        for (int i = 0; i < count; i++) _items[index + i] = copy[i];
                    }
                    _size += count;
                }
            }
            else
            {
                foreach (T item in collection) Insert(index++, item);
            }
            _version++;
        }

        public bool Remove(T item)
        {
            int index = IndexOf(item);
            if (index < 0) return false;
            RemoveAt(index);
            return true;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException("index", IndexMessage);
            _size--;
            for (int i = index; i < _size; i++) _items[i] = _items[i + 1];
            _items[_size] = default(T);
            _version++;
        }

        public void RemoveRange(int index, int count)
        {
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (_size - index < count) throw new ArgumentException(InvalidOffLen);
            if (count > 0)
            {
                _size -= count;
                for (int i = index; i < _size; i++) _items[i] = _items[i + count];
                for (int i = _size; i < _size + count; i++) _items[i] = default(T);
                _version++;
            }
        }

        public int RemoveAll(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            int freeIndex = 0;
            while (freeIndex < _size && !match(_items[freeIndex])) freeIndex++;
            if (freeIndex >= _size) return 0;
            int current = freeIndex + 1;
            while (current < _size)
            {
                while (current < _size && match(_items[current])) current++;
                if (current < _size) _items[freeIndex++] = _items[current++];
            }
            for (int i = freeIndex; i < _size; i++) _items[i] = default(T);
            int result = _size - freeIndex;
            _size = freeIndex;
            _version++;
            return result;
        }

        public void Clear()
        {
            for (int i = 0; i < _size; i++) _items[i] = default(T);
            _size = 0;
            _version++;
        }

        // ---- Searching --------------------------------------------------------------------------

        public bool Contains(T item) { return _size != 0 && IndexOf(item) != -1; }

        public int IndexOf(T item) { return Array.IndexOf(_items, item, 0, _size); }

        public int IndexOf(T item, int index)
        {
            if (index > _size) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return Array.IndexOf(_items, item, index, _size - index);
        }

        public int IndexOf(T item, int index, int count)
        {
            if (index > _size) throw new ArgumentOutOfRangeException("index", IndexMessage);
            if (count < 0 || index > _size - count) throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            return Array.IndexOf(_items, item, index, count);
        }

        public int LastIndexOf(T item)
        {
            if (_size == 0) return -1;
            return LastIndexOf(item, _size - 1, _size);
        }

        public int LastIndexOf(T item, int index)
        {
            if (index >= _size) throw new ArgumentOutOfRangeException("index", IndexMessage);
            return LastIndexOf(item, index, index + 1);
        }

        public int LastIndexOf(T item, int index, int count)
        {
            if (_size == 0) return -1;
            if (index < 0 || count < 0) throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (index >= _size) throw new ArgumentOutOfRangeException("index", "Must be less than or equal to the size of the collection.");
            if (count > index + 1) throw new ArgumentOutOfRangeException("count", "Must be less than or equal to the size of the collection.");
            return Array.LastIndexOf(_items, item, index, count);
        }

        public int BinarySearch(T item) { return BinarySearch(0, _size, item, null); }
        public int BinarySearch(T item, IComparer<T> comparer) { return BinarySearch(0, _size, item, comparer); }

        public int BinarySearch(int index, int count, T item, IComparer<T> comparer)
        {
            if (index < 0 || count < 0) throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (_size - index < count) throw new ArgumentException(InvalidOffLen);
            return Array.BinarySearch(_items, index, count, item, comparer);
        }

        public bool Exists(Predicate<T> match) { return FindIndex(match) != -1; }

        public T Find(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            for (int i = 0; i < _size; i++) if (match(_items[i])) return _items[i];
            return default(T);
        }

        public List<T> FindAll(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            List<T> list = new List<T>();
            for (int i = 0; i < _size; i++) if (match(_items[i])) list.Add(_items[i]);
            return list;
        }

        public int FindIndex(Predicate<T> match) { return FindIndex(0, _size, match); }
        public int FindIndex(int startIndex, Predicate<T> match) { return FindIndex(startIndex, _size - startIndex, match); }

        public int FindIndex(int startIndex, int count, Predicate<T> match)
        {
            if ((uint)startIndex > (uint)_size) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (count < 0 || startIndex > _size - count) throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            if (match == null) throw new ArgumentNullException("match");
            for (int i = startIndex; i < startIndex + count; i++) if (match(_items[i])) return i;
            return -1;
        }

        public T FindLast(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            for (int i = _size - 1; i >= 0; i--) if (match(_items[i])) return _items[i];
            return default(T);
        }

        public int FindLastIndex(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            for (int i = _size - 1; i >= 0; i--) if (match(_items[i])) return i;
            return -1;
        }

        public bool TrueForAll(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            for (int i = 0; i < _size; i++) if (!match(_items[i])) return false;
            return true;
        }

        public void ForEach(Action<T> action)
        {
            if (action == null) throw new ArgumentNullException("action");
            int version = _version;
            for (int i = 0; i < _size; i++)
            {
                if (version != _version) break;
                action(_items[i]);
            }
            if (version != _version) throw new InvalidOperationException(VersionMessage);
        }

        public List<TOutput> ConvertAll<TOutput>(Converter<T, TOutput> converter)
        {
            if (converter == null) throw new ArgumentNullException("converter");
            List<TOutput> list = new List<TOutput>(_size);
            for (int i = 0; i < _size; i++) list.Add(converter(_items[i]));
            return list;
        }

        // ---- Ordering and copying ------------------------------------------------------------------

        public void Sort() { Sort(0, _size, null); }
        public void Sort(IComparer<T> comparer) { Sort(0, _size, comparer); }

        public void Sort(int index, int count, IComparer<T> comparer)
        {
            if (index < 0 || count < 0) throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (_size - index < count) throw new ArgumentException(InvalidOffLen);
            ArraySortHelper<T>.Sort(_items, index, count, comparer);
            _version++;
        }

        public void Sort(Comparison<T> comparison)
        {
            if (comparison == null) throw new ArgumentNullException("comparison");
            if (_size > 1) ArraySortHelper<T>.Sort(_items, 0, _size, new ComparisonComparer<T>(comparison));
            _version++;
        }

        public void Reverse() { Reverse(0, _size); }

        public void Reverse(int index, int count)
        {
            if (index < 0 || count < 0) throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (_size - index < count) throw new ArgumentException(InvalidOffLen);
            Array.Reverse(_items, index, count);
            _version++;
        }

        public List<T> GetRange(int index, int count)
        {
            if (index < 0 || count < 0) throw new ArgumentOutOfRangeException(index < 0 ? "index" : "count", "Non-negative number required.");
            if (_size - index < count) throw new ArgumentException(InvalidOffLen);
            List<T> list = new List<T>(count);
            for (int i = 0; i < count; i++) list._items[i] = _items[index + i];
            list._size = count;
            return list;
        }

        public T[] ToArray()
        {
            if (_size == 0) return Array.Empty<T>();
            T[] array = new T[_size];
            for (int i = 0; i < _size; i++) array[i] = _items[i];
            return array;
        }

        public void CopyTo(T[] array) { CopyTo(array, 0); }

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null) throw new ArgumentNullException("destinationArray");
            Array.Copy(_items, 0, array, arrayIndex, _size);
        }

        public void CopyTo(int index, T[] array, int arrayIndex, int count)
        {
            if (_size - index < count) throw new ArgumentException(InvalidOffLen);
            Array.Copy(_items, index, array, arrayIndex, count);
        }

        public void TrimExcess()
        {
            if (_size < (int)(_items.Length * 0.9)) Capacity = _size;
        }

        public ReadOnlyCollection<T> AsReadOnly() { return new ReadOnlyCollection<T>(this); }

        // ---- Enumeration ----------------------------------------------------------------------------

        public Enumerator GetEnumerator() { return new Enumerator(this); }
        IEnumerator<T> IEnumerable<T>.GetEnumerator() { return new Enumerator(this); }
        IEnumerator IEnumerable.GetEnumerator() { return new Enumerator(this); }

        public struct Enumerator : IEnumerator<T>
        {
            private List<T> _list;
            private int _index;
            private int _version;
            private T _current;

            internal Enumerator(List<T> list)
            {
                _list = list;
                _index = 0;
                _version = list._version;
                _current = default(T);
            }

            public void Dispose() { }

            public bool MoveNext()
            {
                List<T> localList = _list;
                if (_version == localList._version && (uint)_index < (uint)localList._size)
                {
                    _current = localList._items[_index];
                    _index++;
                    return true;
                }
                if (_version != _list._version) throw new InvalidOperationException(VersionMessage);
                _index = _list._size + 1;
                _current = default(T);
                return false;
            }

            public T Current { get { return _current; } }

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _list._size + 1) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    return Current;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _list._version) throw new InvalidOperationException(VersionMessage);
                _index = 0;
                _current = default(T);
            }
        }
    }
}
