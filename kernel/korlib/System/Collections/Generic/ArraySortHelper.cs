// korlib: .NET Core 2.1's introspective sort (as Mono 6.8 sorts arrays and lists), so that
// elements that compare equal end up in the same order as there: insertion sort for up to
// 16 elements, median-of-three quicksort, heapsort below a depth of 2·(log2(n) + 1). Two
// variants differ where elements compare equal or are null: with the default comparer of a
// type that implements IComparable<T>, .NET calls CompareTo directly and treats null
// specially ("generic"); otherwise it goes through the comparer. An optional second array
// (items) is permuted along with the keys.

namespace System.Collections.Generic
{
    internal static class ArraySortHelper<T>
    {
        public static void Sort(T[] keys, int index, int length, IComparer<T> comparer)
        {
            ArraySortHelper<T, byte>.Sort(keys, null, index, length, comparer);
        }
    }

    internal static class ArraySortHelper<TKey, TValue>
    {
        private const int IntrosortSizeThreshold = 16;
        /// <summary>Can a TKey be null (reference types and Nullable)? Boxing default(TKey) once answers it.</summary>
        private static readonly bool KeysCanBeNull = default(TKey) == null;

        public static void Sort(TKey[] keys, TValue[] items, int index, int length, IComparer<TKey> comparer)
        {
            Comparer<TKey> defaultComparer = Comparer<TKey>.Default;
            bool generic = (comparer == null || comparer == defaultComparer) && typeof(IComparable<TKey>).IsAssignableFrom(typeof(TKey));
            if (comparer == null) comparer = defaultComparer;
            try
            {
                if (length < 2) return;
                IntroSort(keys, items, index, length + index - 1, 2 * FloorLog2PlusOne(length), comparer, generic);
            }
            catch (IndexOutOfRangeException)
            {
                throw new ArgumentException("Unable to sort because the IComparer.Compare() method returns inconsistent results. Either a value does not compare equal to itself, or one value repeatedly compared to another value yields different results. IComparer: '" + comparer.ToString() + "'.");
            }
            catch (Exception e)
            {
                throw new InvalidOperationException("Failed to compare two elements in the array.", e);
            }
        }

        private static int FloorLog2PlusOne(int n)
        {
            int result = 0;
            while (n >= 1)
            {
                result++;
                n /= 2;
            }
            return result;
        }

        private static bool IsNull(TKey key) { return KeysCanBeNull && key == null; }

        /// <summary>a &lt; b with the generic rule's null handling (a null a is less than anything).</summary>
        private static bool GenericLess(TKey a, TKey b, IComparer<TKey> comparer)
        {
            return IsNull(a) || comparer.Compare(a, b) < 0;
        }

        private static void Swap(TKey[] keys, TValue[] items, int i, int j)
        {
            if (i == j) return;
            TKey k = keys[i];
            keys[i] = keys[j];
            keys[j] = k;
            if (items != null)
            {
                TValue v = items[i];
                items[i] = items[j];
                items[j] = v;
            }
        }

        private static void SwapIfGreater(TKey[] keys, TValue[] items, IComparer<TKey> comparer, int a, int b, bool generic)
        {
            if (a == b) return;
            bool greater = generic ? !IsNull(keys[a]) && comparer.Compare(keys[a], keys[b]) > 0 : comparer.Compare(keys[a], keys[b]) > 0;
            if (greater) Swap(keys, items, a, b);
        }

        private static void IntroSort(TKey[] keys, TValue[] items, int lo, int hi, int depthLimit, IComparer<TKey> comparer, bool generic)
        {
            while (hi > lo)
            {
                int partitionSize = hi - lo + 1;
                if (partitionSize <= IntrosortSizeThreshold)
                {
                    if (partitionSize == 1) return;
                    if (partitionSize == 2)
                    {
                        SwapIfGreater(keys, items, comparer, lo, hi, generic);
                        return;
                    }
                    if (partitionSize == 3)
                    {
                        SwapIfGreater(keys, items, comparer, lo, hi - 1, generic);
                        SwapIfGreater(keys, items, comparer, lo, hi, generic);
                        SwapIfGreater(keys, items, comparer, hi - 1, hi, generic);
                        return;
                    }
                    InsertionSort(keys, items, lo, hi, comparer, generic);
                    return;
                }
                if (depthLimit == 0)
                {
                    Heapsort(keys, items, lo, hi, comparer, generic);
                    return;
                }
                depthLimit--;
                int p = PickPivotAndPartition(keys, items, lo, hi, comparer, generic);
                IntroSort(keys, items, p + 1, hi, depthLimit, comparer, generic);
                hi = p - 1;
            }
        }

        private static int PickPivotAndPartition(TKey[] keys, TValue[] items, int lo, int hi, IComparer<TKey> comparer, bool generic)
        {
            int middle = lo + (hi - lo) / 2;
            SwapIfGreater(keys, items, comparer, lo, middle, generic);
            SwapIfGreater(keys, items, comparer, lo, hi, generic);
            SwapIfGreater(keys, items, comparer, middle, hi, generic);
            TKey pivot = keys[middle];
            Swap(keys, items, middle, hi - 1);
            int left = lo;
            int right = hi - 1;
            while (left < right)
            {
                if (generic && IsNull(pivot))
                {
                    while (left < hi - 1 && IsNull(keys[++left])) { }
                    while (right > lo && !IsNull(keys[--right])) { }
                }
                else if (generic)
                {
                    while (comparer.Compare(pivot, keys[++left]) > 0) { }
                    while (comparer.Compare(pivot, keys[--right]) < 0) { }
                }
                else
                {
                    while (comparer.Compare(keys[++left], pivot) < 0) { }
                    while (comparer.Compare(pivot, keys[--right]) < 0) { }
                }
                if (left >= right) break;
                Swap(keys, items, left, right);
            }
            Swap(keys, items, left, hi - 1);
            return left;
        }

        private static void Heapsort(TKey[] keys, TValue[] items, int lo, int hi, IComparer<TKey> comparer, bool generic)
        {
            int n = hi - lo + 1;
            for (int i = n / 2; i >= 1; i--) DownHeap(keys, items, i, n, lo, comparer, generic);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, items, lo, lo + i - 1);
                DownHeap(keys, items, 1, i - 1, lo, comparer, generic);
            }
        }

        private static void DownHeap(TKey[] keys, TValue[] items, int i, int n, int lo, IComparer<TKey> comparer, bool generic)
        {
            TKey d = keys[lo + i - 1];
            TValue dt = items != null ? items[lo + i - 1] : default(TValue);
            while (i <= n / 2)
            {
                int child = 2 * i;
                if (child < n && (generic ? GenericLess(keys[lo + child - 1], keys[lo + child], comparer) : comparer.Compare(keys[lo + child - 1], keys[lo + child]) < 0)) child++;
                bool stop = generic ? GenericLess(keys[lo + child - 1], d, comparer) : !(comparer.Compare(d, keys[lo + child - 1]) < 0);
                if (stop) break;
                keys[lo + i - 1] = keys[lo + child - 1];
                if (items != null) items[lo + i - 1] = items[lo + child - 1];
                i = child;
            }
            keys[lo + i - 1] = d;
            if (items != null) items[lo + i - 1] = dt;
        }

        private static void InsertionSort(TKey[] keys, TValue[] items, int lo, int hi, IComparer<TKey> comparer, bool generic)
        {
            for (int i = lo; i < hi; i++)
            {
                int j = i;
                TKey t = keys[i + 1];
                TValue ti = items != null ? items[i + 1] : default(TValue);
                while (j >= lo && (generic ? GenericLess(t, keys[j], comparer) : comparer.Compare(t, keys[j]) < 0))
                {
                    keys[j + 1] = keys[j];
                    if (items != null) items[j + 1] = items[j];
                    j--;
                }
                keys[j + 1] = t;
                if (items != null) items[j + 1] = ti;
            }
        }
    }
}
