// korlib: HashSet<T> with .NET Core 2.1's (Mono 6.8's) slot layout, so it enumerates in the
// same order: slots fill in order, a removed slot goes to the front of a free list and the
// next addition reuses it, and removing the last element starts over at slot 0. The set
// operations visit and remove elements in the same order as .NET's.

namespace System.Collections.Generic
{
    public class HashSet<T> : ISet<T>, IReadOnlyCollection<T>
    {
        private struct Slot
        {
            /// <summary>Lower 31 bits of the hash code; -1 for a free slot.</summary>
            internal int hashCode;
            /// <summary>Next slot in the bucket's chain or the free list, -1 at the end.</summary>
            internal int next;
            internal T value;
        }

        /// <summary>Bucket heads as slot index + 1 (0: empty).</summary>
        private int[] _buckets;
        private Slot[] _slots;
        private int _count;
        private int _lastIndex;
        private int _freeList;
        private IEqualityComparer<T> _comparer;
        private int _version;

        public HashSet() : this((IEqualityComparer<T>)null) { }

        public HashSet(IEqualityComparer<T> comparer)
        {
            _comparer = comparer ?? EqualityComparer<T>.Default;
            _freeList = -1;
        }

        public HashSet(int capacity) : this(capacity, null) { }

        public HashSet(int capacity, IEqualityComparer<T> comparer) : this(comparer)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Non-negative number required.");
            if (capacity > 0) Initialize(capacity);
        }

        public HashSet(IEnumerable<T> collection) : this(collection, null) { }

        public HashSet(IEnumerable<T> collection, IEqualityComparer<T> comparer) : this(comparer)
        {
            if (collection == null) throw new ArgumentNullException("collection");
            HashSet<T> other = collection as HashSet<T>;
            if (other != null && EqualComparers(this, other))
            {
                CopyFrom(other);
                return;
            }
            ICollection<T> c = collection as ICollection<T>;
            int suggested = c == null ? 0 : c.Count;
            Initialize(suggested);
            UnionWith(collection);
            if (_count > 0 && _slots.Length / _count > 3) TrimExcess();
        }

        /// <summary>A copy of another set with the same comparer: its slots as they are, or packed when much too big.</summary>
        private void CopyFrom(HashSet<T> source)
        {
            int count = source._count;
            if (count == 0) return;
            int capacity = source._buckets.Length;
            int threshold = HashHelpers.ExpandPrime(count + 1);
            if (threshold >= capacity)
            {
                _buckets = (int[])source._buckets.Clone();
                _slots = (Slot[])source._slots.Clone();
                _lastIndex = source._lastIndex;
                _freeList = source._freeList;
            }
            else
            {
                int lastIndex = source._lastIndex;
                Slot[] slots = source._slots;
                Initialize(count);
                int index = 0;
                for (int i = 0; i < lastIndex; i++)
                {
                    int hashCode = slots[i].hashCode;
                    if (hashCode >= 0)
                    {
                        AddValue(index, hashCode, slots[i].value);
                        index++;
                    }
                }
                _lastIndex = index;
            }
            _count = count;
        }

        private static bool EqualComparers(HashSet<T> a, HashSet<T> b) { return a._comparer.Equals(b._comparer); }

        private void Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _buckets = new int[size];
            _slots = new Slot[size];
        }

        public int Count { get { return _count; } }

        public IEqualityComparer<T> Comparer { get { return _comparer; } }

        bool ICollection<T>.IsReadOnly { get { return false; } }

        private int HashOf(T item) { return item == null ? 0 : _comparer.GetHashCode(item) & 0x7FFFFFFF; }

        // ---- Membership -------------------------------------------------------------------------

        public bool Contains(T item) { return FindSlot(item) >= 0; }

        private int FindSlot(T item)
        {
            if (_buckets == null) return -1;
            int hashCode = HashOf(item);
            for (int i = _buckets[hashCode % _buckets.Length] - 1; i >= 0; i = _slots[i].next)
            {
                if (_slots[i].hashCode == hashCode && _comparer.Equals(_slots[i].value, item)) return i;
            }
            return -1;
        }

        public bool TryGetValue(T equalValue, out T actualValue)
        {
            int i = FindSlot(equalValue);
            if (i >= 0)
            {
                actualValue = _slots[i].value;
                return true;
            }
            actualValue = default(T);
            return false;
        }

        public bool Add(T item)
        {
            int location;
            return AddOrGetLocation(item, out location);
        }

        void ICollection<T>.Add(T item) { Add(item); }

        /// <summary>Adds the item if it is new; either way `location` is its slot.</summary>
        private bool AddOrGetLocation(T value, out int location)
        {
            if (_buckets == null) Initialize(0);
            int hashCode = HashOf(value);
            int bucket = hashCode % _buckets.Length;
            for (int i = _buckets[bucket] - 1; i >= 0; i = _slots[i].next)
            {
                if (_slots[i].hashCode == hashCode && _comparer.Equals(_slots[i].value, value))
                {
                    location = i;
                    return false;
                }
            }
            int index;
            if (_freeList >= 0)
            {
                index = _freeList;
                _freeList = _slots[index].next;
            }
            else
            {
                if (_lastIndex == _slots.Length)
                {
                    SetCapacity(HashHelpers.ExpandPrime(_count));
                    bucket = hashCode % _buckets.Length;
                }
                index = _lastIndex;
                _lastIndex++;
            }
            _slots[index].hashCode = hashCode;
            _slots[index].value = value;
            _slots[index].next = _buckets[bucket] - 1;
            _buckets[bucket] = index + 1;
            _count++;
            _version++;
            location = index;
            return true;
        }

        /// <summary>Puts a value in slot `index` of a freshly initialised table.</summary>
        private void AddValue(int index, int hashCode, T value)
        {
            int bucket = hashCode % _buckets.Length;
            _slots[index].hashCode = hashCode;
            _slots[index].value = value;
            _slots[index].next = _buckets[bucket] - 1;
            _buckets[bucket] = index + 1;
        }

        private void SetCapacity(int newSize)
        {
            Slot[] newSlots = new Slot[newSize];
            if (_slots != null) for (int i = 0; i < _lastIndex; i++) newSlots[i] = _slots[i];
            int[] newBuckets = new int[newSize];
            for (int i = 0; i < _lastIndex; i++)
            {
                int bucket = newSlots[i].hashCode % newSize;
                newSlots[i].next = newBuckets[bucket] - 1;
                newBuckets[bucket] = i + 1;
            }
            _slots = newSlots;
            _buckets = newBuckets;
        }

        public bool Remove(T item)
        {
            if (_buckets == null) return false;
            int hashCode = HashOf(item);
            int bucket = hashCode % _buckets.Length;
            int last = -1;
            for (int i = _buckets[bucket] - 1; i >= 0; last = i, i = _slots[i].next)
            {
                if (_slots[i].hashCode == hashCode && _comparer.Equals(_slots[i].value, item))
                {
                    if (last < 0) _buckets[bucket] = _slots[i].next + 1;
                    else _slots[last].next = _slots[i].next;
                    _slots[i].hashCode = -1;
                    _slots[i].value = default(T);
                    _slots[i].next = _freeList;
                    _count--;
                    _version++;
                    if (_count == 0)
                    {
                        _lastIndex = 0;
                        _freeList = -1;
                    }
                    else
                    {
                        _freeList = i;
                    }
                    return true;
                }
            }
            return false;
        }

        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException("match");
            int removed = 0;
            for (int i = 0; i < _lastIndex; i++)
            {
                if (_slots[i].hashCode >= 0)
                {
                    T value = _slots[i].value;
                    if (match(value) && Remove(value)) removed++;
                }
            }
            return removed;
        }

        public void Clear()
        {
            if (_lastIndex > 0)
            {
                for (int i = 0; i < _lastIndex; i++) _slots[i] = default(Slot);
                for (int i = 0; i < _buckets.Length; i++) _buckets[i] = 0;
                _lastIndex = 0;
                _count = 0;
                _freeList = -1;
            }
            _version++;
        }

        public void TrimExcess()
        {
            if (_count == 0)
            {
                _buckets = null;
                _slots = null;
                _version++;
                return;
            }
            int newSize = HashHelpers.GetPrime(_count);
            Slot[] newSlots = new Slot[newSize];
            int[] newBuckets = new int[newSize];
            int newIndex = 0;
            for (int i = 0; i < _lastIndex; i++)
            {
                if (_slots[i].hashCode >= 0)
                {
                    newSlots[newIndex] = _slots[i];
                    int bucket = newSlots[newIndex].hashCode % newSize;
                    newSlots[newIndex].next = newBuckets[bucket] - 1;
                    newBuckets[bucket] = newIndex + 1;
                    newIndex++;
                }
            }
            _lastIndex = newIndex;
            _slots = newSlots;
            _buckets = newBuckets;
            _freeList = -1;
        }

        public void CopyTo(T[] array) { CopyTo(array, 0, _count); }
        public void CopyTo(T[] array, int arrayIndex) { CopyTo(array, arrayIndex, _count); }

        public void CopyTo(T[] array, int arrayIndex, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (arrayIndex < 0) throw new ArgumentOutOfRangeException("arrayIndex", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (arrayIndex > array.Length || count > array.Length - arrayIndex) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            int copied = 0;
            for (int i = 0; i < _lastIndex && copied < count; i++)
            {
                if (_slots[i].hashCode >= 0)
                {
                    array[arrayIndex + copied] = _slots[i].value;
                    copied++;
                }
            }
        }

        // ---- Set operations -------------------------------------------------------------------------

        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            foreach (T item in other) Add(item);
        }

        public void IntersectWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (_count == 0) return;
            ICollection<T> c = other as ICollection<T>;
            if (c != null && c.Count == 0)
            {
                Clear();
                return;
            }
            HashSet<T> set = other as HashSet<T>;
            bool[] keep = new bool[_lastIndex];
            if (set != null && EqualComparers(this, set))
            {
                for (int i = 0; i < _lastIndex; i++) if (_slots[i].hashCode >= 0) keep[i] = set.Contains(_slots[i].value);
            }
            else
            {
                foreach (T item in other)
                {
                    int i = FindSlot(item);
                    if (i >= 0) keep[i] = true;
                }
            }
            int lastIndex = _lastIndex;
            for (int i = 0; i < lastIndex; i++)
            {
                if (_slots[i].hashCode >= 0 && !keep[i]) Remove(_slots[i].value);
            }
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (_count == 0) return;
            if (other == this)
            {
                Clear();
                return;
            }
            foreach (T item in other) Remove(item);
        }

        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (_count == 0)
            {
                UnionWith(other);
                return;
            }
            if (other == this)
            {
                Clear();
                return;
            }
            HashSet<T> set = other as HashSet<T>;
            if (set != null && EqualComparers(this, set))
            {
                foreach (T item in set) if (!Remove(item)) Add(item);
                return;
            }
            // Elements of other found here are removed afterwards (in slot order); new ones are added now.
            int originalLastIndex = _lastIndex;
            bool[] toRemove = new bool[originalLastIndex];
            bool[] added = new bool[originalLastIndex + 16];
            foreach (T item in other)
            {
                int location;
                if (AddOrGetLocation(item, out location))
                {
                    if (location >= added.Length)
                    {
                        bool[] bigger = new bool[location * 2 + 16];
                        for (int i = 0; i < added.Length; i++) bigger[i] = added[i];
                        added = bigger;
                    }
                    added[location] = true;
                }
                else if (location < originalLastIndex && !added[location])
                {
                    toRemove[location] = true;
                }
            }
            for (int i = 0; i < originalLastIndex; i++) if (toRemove[i]) Remove(_slots[i].value);
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (_count == 0) return true;
            HashSet<T> set = ToSet(other);
            foreach (T item in this) if (!set.Contains(item)) return false;
            return true;
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            HashSet<T> set = ToSet(other);
            return IsSubsetOf(set) && set.Count > _count;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            foreach (T item in other) if (!Contains(item)) return false;
            return true;
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            HashSet<T> set = ToSet(other);
            return IsSupersetOf(set) && _count > set.Count;
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            if (_count == 0) return false;
            foreach (T item in other) if (Contains(item)) return true;
            return false;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException("other");
            HashSet<T> set = ToSet(other);
            return set.Count == _count && IsSupersetOf(set);
        }

        /// <summary>`other` as a set with this set's comparer.</summary>
        private HashSet<T> ToSet(IEnumerable<T> other)
        {
            HashSet<T> set = other as HashSet<T>;
            if (set != null && EqualComparers(this, set)) return set;
            return new HashSet<T>(other, _comparer);
        }

        // ---- Enumeration --------------------------------------------------------------------------------

        public Enumerator GetEnumerator() { return new Enumerator(this); }
        IEnumerator<T> IEnumerable<T>.GetEnumerator() { return new Enumerator(this); }
        IEnumerator IEnumerable.GetEnumerator() { return new Enumerator(this); }

        public struct Enumerator : IEnumerator<T>
        {
            private HashSet<T> _set;
            private int _index;
            private int _version;
            private T _current;

            internal Enumerator(HashSet<T> set)
            {
                _set = set;
                _index = 0;
                _version = set._version;
                _current = default(T);
            }

            public void Dispose() { }

            public bool MoveNext()
            {
                if (_version != _set._version) throw new InvalidOperationException(List<T>.VersionMessage);
                while (_index < _set._lastIndex)
                {
                    if (_set._slots[_index].hashCode >= 0)
                    {
                        _current = _set._slots[_index].value;
                        _index++;
                        return true;
                    }
                    _index++;
                }
                _index = _set._lastIndex + 1;
                _current = default(T);
                return false;
            }

            public T Current { get { return _current; } }

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _set._lastIndex + 1) throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    return Current;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _set._version) throw new InvalidOperationException(List<T>.VersionMessage);
                _index = 0;
                _current = default(T);
            }
        }
    }
}
