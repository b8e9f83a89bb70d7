// korlib: Dictionary<TKey, TValue> with .NET Core 2.1's (Mono 6.8's) entry layout, so it
// enumerates in the same order: entries live in an array in insertion order; a removed
// entry goes to the front of a free list and the next insertion reuses it. Buckets chain
// entries by EqualityComparer hash codes (which only affect speed). Errors carry Mono's
// messages ("The given key 'x' was not present in the dictionary.").

namespace System.Collections.Generic
{
    public class Dictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private struct Entry
        {
            /// <summary>Lower 31 bits of the hash code; -1 for a free entry.</summary>
            public int hashCode;
            /// <summary>Next entry in the bucket's chain, or in the free list; -1 at the end.</summary>
            public int next;
            public TKey key;
            public TValue value;
        }

        private int[] _buckets;
        private Entry[] _entries;
        private int _count;
        private int _version;
        private int _freeList;
        private int _freeCount;
        private IEqualityComparer<TKey> _comparer;
        private KeyCollection _keys;
        private ValueCollection _values;

        public Dictionary() : this(0, null) { }
        public Dictionary(int capacity) : this(capacity, null) { }
        public Dictionary(IEqualityComparer<TKey> comparer) : this(0, comparer) { }

        public Dictionary(int capacity, IEqualityComparer<TKey> comparer)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            if (capacity > 0) Initialize(capacity);
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
        }

        public Dictionary(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public Dictionary(IDictionary<TKey, TValue> dictionary, IEqualityComparer<TKey> comparer) : this(dictionary != null ? dictionary.Count : 0, comparer)
        {
            if (dictionary == null) throw new ArgumentNullException("dictionary");
            foreach (KeyValuePair<TKey, TValue> pair in dictionary) Add(pair.Key, pair.Value);
        }

        private void Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _freeList = -1;
            _buckets = new int[size];
            for (int i = 0; i < size; i++) _buckets[i] = -1;
            _entries = new Entry[size];
        }

        public IEqualityComparer<TKey> Comparer { get { return _comparer; } }

        public int Count { get { return _count - _freeCount; } }

        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly { get { return false; } }

        public KeyCollection Keys
        {
            get
            {
                if (_keys == null) _keys = new KeyCollection(this);
                return _keys;
            }
        }

        public ValueCollection Values
        {
            get
            {
                if (_values == null) _values = new ValueCollection(this);
                return _values;
            }
        }

        ICollection<TKey> IDictionary<TKey, TValue>.Keys { get { return Keys; } }
        ICollection<TValue> IDictionary<TKey, TValue>.Values { get { return Values; } }
        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys { get { return Keys; } }
        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values { get { return Values; } }

        public TValue this[TKey key]
        {
            get
            {
                int i = FindEntry(key);
                if (i >= 0) return _entries[i].value;
                throw new KeyNotFoundException("The given key '" + key.ToString() + "' was not present in the dictionary.");
            }
            set { TryInsert(key, value, true); }
        }

        // ---- Lookup ------------------------------------------------------------------------------

        private int FindEntry(TKey key)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (_buckets == null) return -1;
            int hashCode = _comparer.GetHashCode(key) & 0x7FFFFFFF;
            for (int i = _buckets[hashCode % _buckets.Length]; i >= 0; i = _entries[i].next)
            {
                if (_entries[i].hashCode == hashCode && _comparer.Equals(_entries[i].key, key)) return i;
            }
            return -1;
        }

        public bool ContainsKey(TKey key) { return FindEntry(key) >= 0; }

        public bool ContainsValue(TValue value)
        {
            EqualityComparer<TValue> c = EqualityComparer<TValue>.Default;
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i].hashCode >= 0 && c.Equals(_entries[i].value, value)) return true;
            }
            return false;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = FindEntry(key);
            if (i >= 0)
            {
                value = _entries[i].value;
                return true;
            }
            value = default(TValue);
            return false;
        }

        // ---- Changes ------------------------------------------------------------------------------

        public void Add(TKey key, TValue value) { TryInsert(key, value, false); }

        public bool TryAdd(TKey key, TValue value)
        {
            if (FindEntry(key) >= 0) return false;
            TryInsert(key, value, false);
            return true;
        }

        /// <summary>Sets or adds key's value; without `overwrite` an existing key is an error.</summary>
        private void TryInsert(TKey key, TValue value, bool overwrite)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (_buckets == null) Initialize(0);
            int hashCode = _comparer.GetHashCode(key) & 0x7FFFFFFF;
            int bucket = hashCode % _buckets.Length;
            for (int i = _buckets[bucket]; i >= 0; i = _entries[i].next)
            {
                if (_entries[i].hashCode == hashCode && _comparer.Equals(_entries[i].key, key))
                {
                    if (!overwrite) throw new ArgumentException("An item with the same key has already been added. Key: " + key.ToString());
                    _entries[i].value = value;
                    _version++;
                    return;
                }
            }
            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = _entries[index].next;
                _freeCount--;
            }
            else
            {
                if (_count == _entries.Length)
                {
                    Resize(HashHelpers.ExpandPrime(_count));
                    bucket = hashCode % _buckets.Length;
                }
                index = _count;
                _count++;
            }
            _entries[index].hashCode = hashCode;
            _entries[index].next = _buckets[bucket];
            _entries[index].key = key;
            _entries[index].value = value;
            _buckets[bucket] = index;
            _version++;
        }

        private void Resize(int newSize)
        {
            int[] buckets = new int[newSize];
            for (int i = 0; i < newSize; i++) buckets[i] = -1;
            Entry[] entries = new Entry[newSize];
            for (int i = 0; i < _count; i++) entries[i] = _entries[i];
            for (int i = 0; i < _count; i++)
            {
                if (entries[i].hashCode >= 0)
                {
                    int bucket = entries[i].hashCode % newSize;
                    entries[i].next = buckets[bucket];
                    buckets[bucket] = i;
                }
            }
            _buckets = buckets;
            _entries = entries;
        }

        public bool Remove(TKey key)
        {
            TValue ignored;
            return Remove(key, out ignored);
        }

        public bool Remove(TKey key, out TValue value)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (_buckets != null)
            {
                int hashCode = _comparer.GetHashCode(key) & 0x7FFFFFFF;
                int bucket = hashCode % _buckets.Length;
                int last = -1;
                for (int i = _buckets[bucket]; i >= 0; last = i, i = _entries[i].next)
                {
                    if (_entries[i].hashCode == hashCode && _comparer.Equals(_entries[i].key, key))
                    {
                        if (last < 0) _buckets[bucket] = _entries[i].next;
                        else _entries[last].next = _entries[i].next;
                        value = _entries[i].value;
                        _entries[i].hashCode = -1;
                        _entries[i].next = _freeList;
                        _entries[i].key = default(TKey);
                        _entries[i].value = default(TValue);
                        _freeList = i;
                        _freeCount++;
                        _version++;
                        return true;
                    }
                }
            }
            value = default(TValue);
            return false;
        }

        public void Clear()
        {
            if (_count > 0)
            {
                for (int i = 0; i < _buckets.Length; i++) _buckets[i] = -1;
                for (int i = 0; i < _count; i++) _entries[i] = default(Entry);
                _count = 0;
                _freeList = -1;
                _freeCount = 0;
                _version++;
            }
        }

        // ---- ICollection of pairs ------------------------------------------------------------------

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> pair) { Add(pair.Key, pair.Value); }

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> pair)
        {
            int i = FindEntry(pair.Key);
            return i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].value, pair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> pair)
        {
            int i = FindEntry(pair.Key);
            if (i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].value, pair.Value))
            {
                Remove(pair.Key);
                return true;
            }
            return false;
        }

        void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            if (array == null) throw new ArgumentNullException("array");
            if ((uint)index > (uint)array.Length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (array.Length - index < Count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i].hashCode >= 0) array[index++] = new KeyValuePair<TKey, TValue>(_entries[i].key, _entries[i].value);
            }
        }

        // ---- Enumeration ------------------------------------------------------------------------------

        public Enumerator GetEnumerator() { return new Enumerator(this); }
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() { return new Enumerator(this); }
        IEnumerator IEnumerable.GetEnumerator() { return new Enumerator(this); }

        /// <summary>Steps through the entries in array order, skipping free ones; index is the next entry to look at.</summary>
        private bool Advance(ref int index, int version)
        {
            if (version != _version) throw new InvalidOperationException(List<TKey>.VersionMessage);
            while ((uint)index < (uint)_count)
            {
                if (_entries[index++].hashCode >= 0) return true;
            }
            index = _count + 1;
            return false;
        }

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private Dictionary<TKey, TValue> _dictionary;
            private int _version;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;

            internal Enumerator(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _current = new KeyValuePair<TKey, TValue>();
            }

            public bool MoveNext()
            {
                if (_dictionary.Advance(ref _index, _version))
                {
                    Entry e = _dictionary._entries[_index - 1];
                    _current = new KeyValuePair<TKey, TValue>(e.key, e.value);
                    return true;
                }
                _current = new KeyValuePair<TKey, TValue>();
                return false;
            }

            public KeyValuePair<TKey, TValue> Current { get { return _current; } }

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _dictionary._count + 1) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    return _current;
                }
            }

            public void Dispose() { }

            void IEnumerator.Reset()
            {
                if (_version != _dictionary._version) throw new InvalidOperationException(List<TKey>.VersionMessage);
                _index = 0;
                _current = new KeyValuePair<TKey, TValue>();
            }
        }

        /// <summary>The keys, in the dictionary's order.</summary>
        public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public KeyCollection(Dictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) throw new ArgumentNullException("dictionary");
                _dictionary = dictionary;
            }

            public int Count { get { return _dictionary.Count; } }
            bool ICollection<TKey>.IsReadOnly { get { return true; } }
            bool ICollection<TKey>.Contains(TKey item) { return _dictionary.ContainsKey(item); }
            void ICollection<TKey>.Add(TKey item) { throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed."); }
            void ICollection<TKey>.Clear() { throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed."); }
            bool ICollection<TKey>.Remove(TKey item) { throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed."); }

            public void CopyTo(TKey[] array, int index)
            {
                if (array == null) throw new ArgumentNullException("array");
                if (index < 0 || index > array.Length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
                if (array.Length - index < _dictionary.Count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
                Entry[] entries = _dictionary._entries;
                for (int i = 0; i < _dictionary._count; i++) if (entries[i].hashCode >= 0) array[index++] = entries[i].key;
            }

            public Enumerator GetEnumerator() { return new Enumerator(_dictionary); }
            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() { return new Enumerator(_dictionary); }
            IEnumerator IEnumerable.GetEnumerator() { return new Enumerator(_dictionary); }

            public struct Enumerator : IEnumerator<TKey>
            {
                private Dictionary<TKey, TValue> _dictionary;
                private int _index;
                private int _version;
                private TKey _currentKey;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _currentKey = default(TKey);
                }

                public void Dispose() { }

                public bool MoveNext()
                {
                    if (_dictionary.Advance(ref _index, _version))
                    {
                        _currentKey = _dictionary._entries[_index - 1].key;
                        return true;
                    }
                    _currentKey = default(TKey);
                    return false;
                }

                public TKey Current { get { return _currentKey; } }

                object IEnumerator.Current
                {
                    get
                    {
                        if (_index == 0 || _index == _dictionary._count + 1) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                        return _currentKey;
                    }
                }

                void IEnumerator.Reset()
                {
                    if (_version != _dictionary._version) throw new InvalidOperationException(List<TKey>.VersionMessage);
                    _index = 0;
                    _currentKey = default(TKey);
                }
            }
        }

        /// <summary>The values, in the dictionary's order.</summary>
        public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public ValueCollection(Dictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) throw new ArgumentNullException("dictionary");
                _dictionary = dictionary;
            }

            public int Count { get { return _dictionary.Count; } }
            bool ICollection<TValue>.IsReadOnly { get { return true; } }
            bool ICollection<TValue>.Contains(TValue item) { return _dictionary.ContainsValue(item); }
            void ICollection<TValue>.Add(TValue item) { throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed."); }
            void ICollection<TValue>.Clear() { throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed."); }
            bool ICollection<TValue>.Remove(TValue item) { throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed."); }

            public void CopyTo(TValue[] array, int index)
            {
                if (array == null) throw new ArgumentNullException("array");
                if (index < 0 || index > array.Length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
                if (array.Length - index < _dictionary.Count) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
                Entry[] entries = _dictionary._entries;
                for (int i = 0; i < _dictionary._count; i++) if (entries[i].hashCode >= 0) array[index++] = entries[i].value;
            }

            public Enumerator GetEnumerator() { return new Enumerator(_dictionary); }
            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() { return new Enumerator(_dictionary); }
            IEnumerator IEnumerable.GetEnumerator() { return new Enumerator(_dictionary); }

            public struct Enumerator : IEnumerator<TValue>
            {
                private Dictionary<TKey, TValue> _dictionary;
                private int _index;
                private int _version;
                private TValue _currentValue;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _currentValue = default(TValue);
                }

                public void Dispose() { }

                public bool MoveNext()
                {
                    if (_dictionary.Advance(ref _index, _version))
                    {
                        _currentValue = _dictionary._entries[_index - 1].value;
                        return true;
                    }
                    _currentValue = default(TValue);
                    return false;
                }

                public TValue Current { get { return _currentValue; } }

                object IEnumerator.Current
                {
                    get
                    {
                        if (_index == 0 || _index == _dictionary._count + 1) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                        return _currentValue;
                    }
                }

                void IEnumerator.Reset()
                {
                    if (_version != _dictionary._version) throw new InvalidOperationException(List<TKey>.VersionMessage);
                    _index = 0;
                    _currentValue = default(TValue);
                }
            }
        }
    }
}
