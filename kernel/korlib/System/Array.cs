// korlib: System.Array. A one-dimensional array is [type info][length][elements at +8];
// a multi-dimensional one is [type info][total length][length of each dimension]
// [elements at 8 + 4·rank rounded up to 8] (aot/src/ir/builder/il-mdarrays.ts). The array's
// type information holds the element size and the element's type information, from which
// the untyped operations here (Copy, Clear, Reverse, GetValue/SetValue, IList) work on raw
// element bytes, boxing value-type elements (a box is [type info][value at +4]). The
// generic helpers (Sort, IndexOf, Resize, Find...) are in Array.Generic.cs. Messages are
// Mono's.

using System.Collections;
using Sharpaot.Runtime;

namespace System
{
    public abstract unsafe partial class Array : ICloneable, IList
    {
        public int Length { get { return *(int*)((byte*)Unsafe.AsPointer(this) + 4); } }

        public long LongLength { get { return Length; } }

        /// <summary>The rank, from the array's type information.</summary>
        public int Rank { get { return *(int*)(TypeCheck.TypeOf(this) + TypeCheck.ExtraOffset); } }

        public int GetLength(int dimension)
        {
            if (dimension < 0 || dimension >= Rank) throw new IndexOutOfRangeException();
            if (Rank == 1) return Length;
            return *(int*)((byte*)Unsafe.AsPointer(this) + 8 + 4 * dimension);
        }

        public int GetLowerBound(int dimension) { GetLength(dimension); return 0; }

        public int GetUpperBound(int dimension) { return GetLength(dimension) - 1; }

        public object Clone() { return MemberwiseClone(); }

        // ---- Raw element access -------------------------------------------------------------

        private byte* ElementType { get { return *(byte**)(TypeCheck.TypeOf(this) + TypeCheck.ElementOffset); } }

        private int ElementSize { get { return *(int*)(TypeCheck.TypeOf(this) + TypeCheck.SizeOffset); } }

        private bool HoldsValues { get { return (*(uint*)ElementType & TypeCheck.ValueTypeFlag) != 0; } }

        /// <summary>Address of element `index` (counting all dimensions row by row).</summary>
        private byte* Element(int index)
        {
            byte* start = (byte*)Unsafe.AsPointer(this);
            int offset = (*(uint*)TypeCheck.TypeOf(this) & TypeCheck.MultiDimensionalFlag) != 0 ? (8 + 4 * Rank + 7) & ~7 : 8;
            return start + offset + index * ElementSize;
        }

        /// <summary>Element `index` as an object: the reference, or a new box of the value.</summary>
        private object Load(int index)
        {
            byte* at = Element(index);
            if (!HoldsValues) return Unsafe.AsObject(*(void**)at);
            int size = ElementSize;
            object box = Memory.Alloc(ElementType, 4 + size);
            byte* to = (byte*)Unsafe.AsPointer(box) + 4;
            for (int i = 0; i < size; i++) to[i] = at[i];
            return box;
        }

        /// <summary>Stores an object as element `index`: a reference of a fitting type, or the value of a box of the element type (null: zero).</summary>
        private void Store(int index, object value)
        {
            byte* at = Element(index);
            int size = ElementSize;
            if (!HoldsValues)
            {
                if (value != null && !TypeCheck.IsAssignable(TypeCheck.TypeOf(value), ElementType)) throw new InvalidCastException("");
                *(void**)at = Unsafe.AsPointer(value);
                return;
            }
            if (value == null)
            {
                for (int i = 0; i < size; i++) at[i] = 0;
                return;
            }
            if (TypeCheck.TypeOf(value) != ElementType)
            {
                if (!StoreWidened(at, value)) throw new InvalidCastException("");
                return;
            }
            byte* from = (byte*)Unsafe.AsPointer(value) + 4;
            for (int i = 0; i < size; i++) at[i] = from[i];
        }

        /// <summary>
        /// A boxed primitive stored into a wider integer or floating-point element, as Mono
        /// allows (Array.Copy from int[] to long[], SetValue of an int into a double[]). The
        /// kinds come from the types' names, so that arrays do not need every primitive type.
        /// </summary>
        private bool StoreWidened(byte* at, object value)
        {
            byte* from = TypeCheck.TypeOf(value);
            int source = PrimitiveKind(from);
            int target = PrimitiveKind(ElementType);
            if (source == 0 || target == 0 || !Widens(source, target)) return false;
            byte* data = (byte*)Unsafe.AsPointer(value) + 4;
            long v = 0;
            switch (source)
            {
                case SByteKind: v = *(sbyte*)data; break;
                case ByteKind: v = *data; break;
                case Int16Kind: v = *(short*)data; break;
                case UInt16Kind:
                case CharKind: v = *(ushort*)data; break;
                case Int32Kind: v = *(int*)data; break;
                case UInt32Kind: v = *(uint*)data; break;
                case Int64Kind:
                case UInt64Kind: v = *(long*)data; break;
            }
            switch (target)
            {
                case Int16Kind:
                case UInt16Kind:
                case CharKind: *(short*)at = (short)v; break;
                case Int32Kind:
                case UInt32Kind: *(int*)at = (int)v; break;
                case Int64Kind:
                case UInt64Kind: *(long*)at = v; break;
                case SingleKind: *(float*)at = source == UInt64Kind ? (float)(ulong)v : (float)v; break;
                case DoubleKind: *(double*)at = source == SingleKind ? *(float*)data : source == UInt64Kind ? (double)(ulong)v : (double)v; break;
            }
            return true;
        }

        private const int SByteKind = 1, ByteKind = 2, Int16Kind = 3, UInt16Kind = 4, CharKind = 5, Int32Kind = 6, UInt32Kind = 7, Int64Kind = 8, UInt64Kind = 9, SingleKind = 10, DoubleKind = 11;

        /// <summary>The primitive kind of a type, or 0 (if-chains: a switch on strings would need a Dictionary).</summary>
        private static int PrimitiveKind(byte* typeInfo)
        {
            string name = Unsafe.AsString(*(void**)(typeInfo + TypeCheck.NameOffset));
            if (name == "System.SByte") return SByteKind;
            if (name == "System.Byte") return ByteKind;
            if (name == "System.Int16") return Int16Kind;
            if (name == "System.UInt16") return UInt16Kind;
            if (name == "System.Char") return CharKind;
            if (name == "System.Int32") return Int32Kind;
            if (name == "System.UInt32") return UInt32Kind;
            if (name == "System.Int64") return Int64Kind;
            if (name == "System.UInt64") return UInt64Kind;
            if (name == "System.Single") return SingleKind;
            if (name == "System.Double") return DoubleKind;
            return 0;
        }

        /// <summary>.NET's widening conversions between primitive types (Array.Copy and SetValue allow them).</summary>
        private static bool Widens(int from, int to)
        {
            switch (from)
            {
                case SByteKind: return to == Int16Kind || to == Int32Kind || to == Int64Kind || to == SingleKind || to == DoubleKind;
                case ByteKind: return to == Int16Kind || to == UInt16Kind || to == CharKind || to == Int32Kind || to == UInt32Kind || to == Int64Kind || to == UInt64Kind || to == SingleKind || to == DoubleKind;
                case Int16Kind: return to == Int32Kind || to == Int64Kind || to == SingleKind || to == DoubleKind;
                case UInt16Kind:
                case CharKind: return to == UInt16Kind || to == CharKind || to == Int32Kind || to == UInt32Kind || to == Int64Kind || to == UInt64Kind || to == SingleKind || to == DoubleKind;
                case Int32Kind: return to == Int64Kind || to == SingleKind || to == DoubleKind;
                case UInt32Kind: return to == Int64Kind || to == UInt64Kind || to == SingleKind || to == DoubleKind;
                case Int64Kind:
                case UInt64Kind: return to == SingleKind || to == DoubleKind;
                case SingleKind: return to == DoubleKind;
                default: return false;
            }
        }

        private void CheckOneDimension()
        {
            if (Rank != 1) throw new ArgumentException("Only single dimension arrays are supported here.");
        }

        public object GetValue(int index)
        {
            CheckOneDimension();
            if ((uint)index >= (uint)Length) throw new IndexOutOfRangeException("Index has to be between upper and lower bound of the array.");
            return Load(index);
        }

        public void SetValue(object value, int index)
        {
            CheckOneDimension();
            if ((uint)index >= (uint)Length) throw new IndexOutOfRangeException("Index has to be between upper and lower bound of the array.");
            Store(index, value);
        }

        // ---- Copy, Clear, Reverse ------------------------------------------------------------------

        public static void Copy(Array sourceArray, Array destinationArray, int length)
        {
            if (sourceArray == null) throw new ArgumentNullException("sourceArray");
            if (destinationArray == null) throw new ArgumentNullException("destinationArray");
            Copy(sourceArray, 0, destinationArray, 0, length);
        }

        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            if (sourceArray == null) throw new ArgumentNullException("sourceArray");
            if (destinationArray == null) throw new ArgumentNullException("destinationArray");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Value has to be >= 0.");
            if (sourceArray.Rank != destinationArray.Rank) throw new RankException("Only single dimension arrays are supported here.");
            if (sourceIndex < 0) throw new ArgumentOutOfRangeException("sourceIndex", "Value has to be >= 0.");
            if (destinationIndex < 0) throw new ArgumentOutOfRangeException("destinationIndex", "Value has to be >= 0.");
            if (sourceIndex > sourceArray.Length - length) throw new ArgumentException("length");
            if (destinationIndex > destinationArray.Length - length)
            {
                throw new ArgumentException("Destination array was not long enough. Check destIndex and length, and the array's lower bounds", "destinationArray");
            }
            if (length == 0) return;
            byte* sourceType = sourceArray.ElementType;
            byte* destinationType = destinationArray.ElementType;
            if (sourceType == destinationType || (!sourceArray.HoldsValues && !destinationArray.HoldsValues && TypeCheck.IsAssignable(sourceType, destinationType)))
            {
                // Same representation: move the bytes (overlap-safe).
                int size = sourceArray.ElementSize;
                byte* from = sourceArray.Element(sourceIndex);
                byte* to = destinationArray.Element(destinationIndex);
                int count = length * size;
                if (to <= from) for (int i = 0; i < count; i++) to[i] = from[i];
                else for (int i = count - 1; i >= 0; i--) to[i] = from[i];
                return;
            }
            if (sourceArray.HoldsValues && destinationArray.HoldsValues && !IsWidening(sourceArray, destinationArray))
            {
                throw new ArrayTypeMismatchException();
            }
            if (!sourceArray.HoldsValues && !destinationArray.HoldsValues && !TypeCheck.IsAssignable(destinationType, sourceType))
            {
                throw new ArrayTypeMismatchException();
            }
            // Boxing, unboxing, widening or casting element by element.
            if (sourceArray == destinationArray && sourceIndex < destinationIndex)
            {
                for (int i = length - 1; i >= 0; i--) destinationArray.Store(destinationIndex + i, sourceArray.Load(sourceIndex + i));
            }
            else
            {
                for (int i = 0; i < length; i++) destinationArray.Store(destinationIndex + i, sourceArray.Load(sourceIndex + i));
            }
        }

        /// <summary>Can the elements of `from` be stored into `to` by a widening conversion (tried on the first one)?</summary>
        private static bool IsWidening(Array from, Array to)
        {
            byte* scratch = stackalloc byte[8];
            return to.StoreWidened(scratch, from.Load(0));
        }

        public void CopyTo(Array array, int index)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (array.Rank != 1 || Rank != 1) throw new RankException("Only single dimension arrays are supported here.");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Value has to be >= 0.");
            if (index > array.Length - Length) throw new ArgumentException("Destination array was not long enough. Check destIndex and length, and the array's lower bounds", "destinationArray");
            Copy(this, 0, array, index, Length);
        }

        public static void Clear(Array array, int index, int length)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (length < 0) throw new IndexOutOfRangeException("length < 0");
            if (index < 0) throw new IndexOutOfRangeException("index < lower bound");
            if (index > array.Length - length) throw new IndexOutOfRangeException("index + length > size");
            byte* at = array.Element(index);
            int count = length * array.ElementSize;
            for (int i = 0; i < count; i++) at[i] = 0;
        }

        public static void Reverse(Array array)
        {
            if (array == null) throw new ArgumentNullException("array");
            Reverse(array, 0, array.Length);
        }

        public static void Reverse(Array array, int index, int length)
        {
            if (array == null) throw new ArgumentNullException("array");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Non-negative number required.");
            if (array.Length - index < length) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            array.CheckOneDimension();
            int size = array.ElementSize;
            for (int i = index, j = index + length - 1; i < j; i++, j--)
            {
                byte* a = array.Element(i);
                byte* b = array.Element(j);
                for (int k = 0; k < size; k++)
                {
                    byte t = a[k];
                    a[k] = b[k];
                    b[k] = t;
                }
            }
        }

        // ---- Searching and sorting untyped arrays --------------------------------------------------

        public static int IndexOf(Array array, object value)
        {
            if (array == null) throw new ArgumentNullException("array");
            return IndexOf(array, value, 0, array.Length);
        }

        public static int IndexOf(Array array, object value, int startIndex)
        {
            if (array == null) throw new ArgumentNullException("array");
            return IndexOf(array, value, startIndex, array.Length - startIndex);
        }

        public static int IndexOf(Array array, object value, int startIndex, int count)
        {
            if (array == null) throw new ArgumentNullException("array");
            array.CheckOneDimension();
            if ((uint)startIndex > (uint)array.Length) throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0 || count > array.Length - startIndex) throw new ArgumentOutOfRangeException("count", "Count must be positive and count must refer to a location within the string/array/collection.");
            for (int i = startIndex; i < startIndex + count; i++)
            {
                object element = array.Load(i);
                if (value == null ? element == null : value.Equals(element)) return i;
            }
            return -1;
        }

        /// <summary>Sorts the elements with their IComparable implementation (Comparer.Default).</summary>
        public static void Sort(Array array)
        {
            if (array == null) throw new ArgumentNullException("array");
            Sort(array, 0, array.Length, null);
        }

        public static void Sort(Array array, IComparer comparer)
        {
            if (array == null) throw new ArgumentNullException("array");
            Sort(array, 0, array.Length, comparer);
        }

        public static void Sort(Array array, int index, int length, IComparer comparer)
        {
            if (array == null) throw new ArgumentNullException("array");
            array.CheckOneDimension();
            if (index < 0 || length < 0) throw new ArgumentOutOfRangeException(length < 0 ? "length" : "index", "Non-negative number required.");
            if (array.Length - index < length) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            object[] items = new object[length];
            for (int i = 0; i < length; i++) items[i] = array.Load(index + i);
            System.Collections.Generic.ArraySortHelper<object>.Sort(items, 0, length, new System.Collections.Generic.ObjectComparerAdapter(comparer == null ? Comparer.Default : comparer));
            for (int i = 0; i < length; i++) array.Store(index + i, items[i]);
        }

        // ---- IList ----------------------------------------------------------------------------------

        int ICollection.Count { get { return Length; } }
        bool ICollection.IsSynchronized { get { return false; } }
        object ICollection.SyncRoot { get { return this; } }
        bool IList.IsFixedSize { get { return true; } }
        bool IList.IsReadOnly { get { return false; } }

        object IList.this[int index]
        {
            get { return GetValue(index); }
            set { SetValue(value, index); }
        }

        int IList.Add(object value) { throw new NotSupportedException("Collection was of a fixed size."); }
        void IList.Clear() { Clear(this, 0, Length); }
        bool IList.Contains(object value) { return IndexOf(this, value) >= 0; }
        int IList.IndexOf(object value) { return IndexOf(this, value); }
        void IList.Insert(int index, object value) { throw new NotSupportedException("Collection was of a fixed size."); }
        void IList.Remove(object value) { throw new NotSupportedException("Collection was of a fixed size."); }
        void IList.RemoveAt(int index) { throw new NotSupportedException("Collection was of a fixed size."); }

        public IEnumerator GetEnumerator() { return new ArrayEnumerator(this); }

        /// <summary>Enumerates an array's elements as objects.</summary>
        private sealed class ArrayEnumerator : IEnumerator
        {
            private readonly Array array;
            private int index = -1;

            public ArrayEnumerator(Array array) { this.array = array; }

            public bool MoveNext()
            {
                if (index < array.Length) index++;
                return index < array.Length;
            }

            public object Current
            {
                get
                {
                    if (index < 0) throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                    if (index >= array.Length) throw new InvalidOperationException("Enumeration already finished.");
                    return array.Load(index);
                }
            }

            public void Reset() { index = -1; }
        }
    }
}
