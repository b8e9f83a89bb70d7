// korlib: System.Text.StringBuilder with .NET's (and Mono 6.8's) chunk design, so Capacity
// grows as it does there: the builder is its last chunk, holding a char array, the number
// of characters used in it, its offset in the whole text and a link to the chunk before.
// A full chunk gets a successor of max(needed, min(Length, 8000)) characters, so capacity
// doubles up to 8000 and then grows by 8000. Editing in the middle (Insert, Remove,
// Replace) is in StringBuilder.Editing.cs, AppendFormat in StringBuilder.Format.cs.

namespace System.Text
{
    public sealed unsafe partial class StringBuilder
    {
        private const int DefaultCapacity = 16;
        private const int MaxChunkSize = 8000;

        private char[] m_ChunkChars;
        private StringBuilder m_ChunkPrevious;
        private int m_ChunkLength;
        private int m_ChunkOffset;
        private int m_MaxCapacity;

        public StringBuilder()
        {
            m_MaxCapacity = int.MaxValue;
            m_ChunkChars = new char[DefaultCapacity];
        }

        public StringBuilder(int capacity) : this(capacity, int.MaxValue) { }

        public StringBuilder(int capacity, int maxCapacity)
        {
            if (capacity > maxCapacity) throw new ArgumentOutOfRangeException("capacity", "Capacity exceeds maximum capacity.");
            if (maxCapacity < 1) throw new ArgumentOutOfRangeException("maxCapacity", "MaxCapacity must be one or greater.");
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "'capacity' must be greater than zero.");
            if (capacity == 0) capacity = DefaultCapacity < maxCapacity ? DefaultCapacity : maxCapacity;
            m_MaxCapacity = maxCapacity;
            m_ChunkChars = new char[capacity];
        }

        public StringBuilder(string value) : this(value, DefaultCapacity) { }

        public StringBuilder(string value, int capacity) : this(value, 0, value != null ? value.Length : 0, capacity) { }

        public StringBuilder(string value, int startIndex, int length, int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "'capacity' must be greater than zero.");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "'length' must be non-negative.");
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (value == null) value = string.Empty;
            if (startIndex > value.Length - length) throw new ArgumentOutOfRangeException("length", "Index and length must refer to a location within the string.");
            m_MaxCapacity = int.MaxValue;
            if (capacity == 0) capacity = DefaultCapacity;
            if (capacity < length) capacity = length;
            m_ChunkChars = new char[capacity];
            m_ChunkLength = length;
            for (int i = 0; i < length; i++) m_ChunkChars[i] = value[startIndex + i];
        }

        /// <summary>A chunk of `size` characters to go after `previousBlock`.</summary>
        private StringBuilder(int size, int maxCapacity, StringBuilder previousBlock)
        {
            m_ChunkChars = new char[size];
            m_MaxCapacity = maxCapacity;
            m_ChunkPrevious = previousBlock;
            if (previousBlock != null) m_ChunkOffset = previousBlock.m_ChunkOffset + previousBlock.m_ChunkLength;
        }

        /// <summary>A copy of a chunk's fields (the chunk becomes the predecessor of a new last chunk).</summary>
        private StringBuilder(StringBuilder from)
        {
            m_ChunkLength = from.m_ChunkLength;
            m_ChunkOffset = from.m_ChunkOffset;
            m_ChunkChars = from.m_ChunkChars;
            m_ChunkPrevious = from.m_ChunkPrevious;
            m_MaxCapacity = from.m_MaxCapacity;
        }

        // ---- Size -------------------------------------------------------------------------------------

        public int Length
        {
            get { return m_ChunkOffset + m_ChunkLength; }
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException("value", "Length cannot be less than zero.");
                if (value > MaxCapacity) throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                if (value == 0 && m_ChunkPrevious == null)
                {
                    m_ChunkLength = 0;
                    m_ChunkOffset = 0;
                    return;
                }
                int delta = value - Length;
                if (delta > 0)
                {
                    Append('\0', delta);
                    return;
                }
                StringBuilder chunk = FindChunkForIndex(value);
                if (chunk != this)
                {
                    // The text now ends in an earlier chunk, which becomes the last one, with room
                    // for min(capacity, max(6/5 of the old length, this chunk's size)) in all.
                    int grown = Length * 6 / 5;
                    if (grown < m_ChunkChars.Length) grown = m_ChunkChars.Length;
                    int newLength = (Capacity < grown ? Capacity : grown) - chunk.m_ChunkOffset;
                    if (newLength > chunk.m_ChunkChars.Length)
                    {
                        char[] newArray = new char[newLength];
                        for (int i = 0; i < chunk.m_ChunkLength; i++) newArray[i] = chunk.m_ChunkChars[i];
                        m_ChunkChars = newArray;
                    }
                    else
                    {
                        m_ChunkChars = chunk.m_ChunkChars;
                    }
                    m_ChunkPrevious = chunk.m_ChunkPrevious;
                    m_ChunkOffset = chunk.m_ChunkOffset;
                }
                m_ChunkLength = value - chunk.m_ChunkOffset;
            }
        }

        public int Capacity
        {
            get { return m_ChunkChars.Length + m_ChunkOffset; }
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException("value", "Capacity must be positive.");
                if (value > MaxCapacity) throw new ArgumentOutOfRangeException("value", "Capacity exceeds maximum capacity.");
                if (value < Length) throw new ArgumentOutOfRangeException("value", "capacity was less than the current size.");
                if (Capacity != value)
                {
                    char[] newArray = new char[value - m_ChunkOffset];
                    for (int i = 0; i < m_ChunkLength; i++) newArray[i] = m_ChunkChars[i];
                    m_ChunkChars = newArray;
                }
            }
        }

        public int MaxCapacity { get { return m_MaxCapacity; } }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException("capacity", "Capacity must be positive.");
            if (Capacity < capacity) Capacity = capacity;
            return Capacity;
        }

        public StringBuilder Clear()
        {
            Length = 0;
            return this;
        }

        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                StringBuilder chunk = this;
                for (;;)
                {
                    int indexInBlock = index - chunk.m_ChunkOffset;
                    if (indexInBlock >= 0)
                    {
                        if (indexInBlock >= chunk.m_ChunkLength) throw new IndexOutOfRangeException();
                        return chunk.m_ChunkChars[indexInBlock];
                    }
                    chunk = chunk.m_ChunkPrevious;
                    if (chunk == null) throw new IndexOutOfRangeException();
                }
            }
            set
            {
                StringBuilder chunk = this;
                for (;;)
                {
                    int indexInBlock = index - chunk.m_ChunkOffset;
                    if (indexInBlock >= 0)
                    {
                        if (indexInBlock >= chunk.m_ChunkLength) throw new ArgumentOutOfRangeException("index", IndexMessage);
                        chunk.m_ChunkChars[indexInBlock] = value;
                        return;
                    }
                    chunk = chunk.m_ChunkPrevious;
                    if (chunk == null) throw new ArgumentOutOfRangeException("index", IndexMessage);
                }
            }
        }

        private const string IndexMessage = "Index was out of range. Must be non-negative and less than the size of the collection.";

        // ---- Text ----------------------------------------------------------------------------------------

        public override string ToString()
        {
            int length = Length;
            if (length == 0) return string.Empty;
            char[] all = new char[length];
            for (StringBuilder chunk = this; chunk != null; chunk = chunk.m_ChunkPrevious)
            {
                for (int i = 0; i < chunk.m_ChunkLength; i++) all[chunk.m_ChunkOffset + i] = chunk.m_ChunkChars[i];
            }
            return new string(all);
        }

        public string ToString(int startIndex, int length)
        {
            int currentLength = Length;
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (startIndex > currentLength) throw new ArgumentOutOfRangeException("startIndex", "startIndex cannot be larger than length of string.");
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex > currentLength - length) throw new ArgumentOutOfRangeException("length", "Index and length must refer to a location within the string.");
            char[] part = new char[length];
            for (int i = 0; i < length; i++) part[i] = this[startIndex + i];
            return new string(part);
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null) throw new ArgumentNullException("destination");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (destinationIndex < 0) throw new ArgumentOutOfRangeException("destinationIndex", "'destinationIndex' must be non-negative.");
            if (destinationIndex > destination.Length - count) throw new ArgumentException("Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.");
            if ((uint)sourceIndex > (uint)Length) throw new ArgumentOutOfRangeException("sourceIndex", IndexMessage);
            if (sourceIndex > Length - count) throw new ArgumentException("Source string was not long enough. Check sourceIndex and count.");
            for (int i = 0; i < count; i++) destination[destinationIndex + i] = this[sourceIndex + i];
        }

        public bool Equals(StringBuilder sb)
        {
            if (sb == null || Capacity != sb.Capacity || MaxCapacity != sb.MaxCapacity || Length != sb.Length) return false;
            for (int i = 0; i < Length; i++) if (this[i] != sb[i]) return false;
            return true;
        }

        // ---- Appending --------------------------------------------------------------------------------

        public StringBuilder Append(char value)
        {
            if (m_ChunkLength < m_ChunkChars.Length) m_ChunkChars[m_ChunkLength++] = value;
            else Append(value, 1);
            return this;
        }

        public StringBuilder Append(char value, int repeatCount)
        {
            if (repeatCount < 0) throw new ArgumentOutOfRangeException("repeatCount", "Count cannot be less than zero.");
            if (repeatCount == 0) return this;
            int newLength = Length + repeatCount;
            if (newLength > m_MaxCapacity || newLength < repeatCount) throw new ArgumentOutOfRangeException("repeatCount", "The length cannot be greater than the capacity.");
            int index = m_ChunkLength;
            while (repeatCount > 0)
            {
                if (index < m_ChunkChars.Length)
                {
                    m_ChunkChars[index++] = value;
                    --repeatCount;
                }
                else
                {
                    m_ChunkLength = index;
                    ExpandByABlock(repeatCount);
                    index = 0;
                }
            }
            m_ChunkLength = index;
            return this;
        }

        public StringBuilder Append(string value)
        {
            if (value != null)
            {
                fixed (char* p = value) Append(p, value.Length);
            }
            return this;
        }

        public StringBuilder Append(string value, int startIndex, int count)
        {
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Value must be positive.");
            if (value == null)
            {
                if (startIndex == 0 && count == 0) return this;
                throw new ArgumentNullException("value");
            }
            if (count == 0) return this;
            if (startIndex > value.Length - count) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            fixed (char* p = value) Append(p + startIndex, count);
            return this;
        }

        public StringBuilder Append(char[] value)
        {
            if (value != null && value.Length > 0)
            {
                fixed (char* p = value) Append(p, value.Length);
            }
            return this;
        }

        public StringBuilder Append(char[] value, int startIndex, int charCount)
        {
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "Value must be positive.");
            if (charCount < 0) throw new ArgumentOutOfRangeException("charCount", "Value must be positive.");
            if (value == null)
            {
                if (startIndex == 0 && charCount == 0) return this;
                throw new ArgumentNullException("value");
            }
            if (charCount > value.Length - startIndex) throw new ArgumentOutOfRangeException("charCount", IndexMessage);
            if (charCount == 0) return this;
            fixed (char* p = value) Append(p + startIndex, charCount);
            return this;
        }

        public StringBuilder Append(StringBuilder value)
        {
            if (value != null && value.Length > 0) Append(value.ToString());
            return this;
        }

        public StringBuilder Append(StringBuilder value, int startIndex, int count)
        {
            if (value == null)
            {
                if (startIndex == 0 && count == 0) return this;
                throw new ArgumentNullException("value");
            }
            return Append(value.ToString(), startIndex, count);
        }

        public StringBuilder Append(char* value, int valueCount)
        {
            if (valueCount < 0) throw new ArgumentOutOfRangeException("valueCount", "Count cannot be less than zero.");
            int newLength = Length + valueCount;
            if (newLength > m_MaxCapacity || newLength < valueCount) throw new ArgumentOutOfRangeException("valueCount", "The length cannot be greater than the capacity.");
            int newIndex = valueCount + m_ChunkLength;
            if (newIndex <= m_ChunkChars.Length)
            {
                for (int i = 0; i < valueCount; i++) m_ChunkChars[m_ChunkLength + i] = value[i];
                m_ChunkLength = newIndex;
                return this;
            }
            int firstLength = m_ChunkChars.Length - m_ChunkLength;
            for (int i = 0; i < firstLength; i++) m_ChunkChars[m_ChunkLength + i] = value[i];
            m_ChunkLength = m_ChunkChars.Length;
            int restLength = valueCount - firstLength;
            ExpandByABlock(restLength);
            for (int i = 0; i < restLength; i++) m_ChunkChars[i] = value[firstLength + i];
            m_ChunkLength = restLength;
            return this;
        }

        public StringBuilder Append(object value) { return value == null ? this : Append(value.ToString()); }
        public StringBuilder Append(bool value) { return Append(value ? "True" : "False"); }
        public StringBuilder Append(sbyte value) { return Append(value.ToString()); }
        public StringBuilder Append(byte value) { return Append(value.ToString()); }
        public StringBuilder Append(short value) { return Append(value.ToString()); }
        public StringBuilder Append(ushort value) { return Append(value.ToString()); }
        public StringBuilder Append(int value) { return Append(value.ToString()); }
        public StringBuilder Append(uint value) { return Append(value.ToString()); }
        public StringBuilder Append(long value) { return Append(value.ToString()); }
        public StringBuilder Append(ulong value) { return Append(value.ToString()); }
        public StringBuilder Append(float value) { return Append(value.ToString()); }
        public StringBuilder Append(double value) { return Append(value.ToString()); }

        public StringBuilder AppendLine() { return Append(Environment.NewLine); }

        public StringBuilder AppendLine(string value)
        {
            Append(value);
            return Append(Environment.NewLine);
        }

        /// <summary>Makes a new last chunk with room for at least `minBlockCharCount` characters.</summary>
        private void ExpandByABlock(int minBlockCharCount)
        {
            if (minBlockCharCount + Length > m_MaxCapacity || minBlockCharCount + Length < minBlockCharCount)
            {
                throw new ArgumentOutOfRangeException("requiredLength", "capacity was less than the current size.");
            }
            int length = Length;
            int newBlockLength = length < MaxChunkSize ? length : MaxChunkSize;
            if (newBlockLength < minBlockCharCount) newBlockLength = minBlockCharCount;
            m_ChunkPrevious = new StringBuilder(this);
            m_ChunkOffset += m_ChunkLength;
            m_ChunkLength = 0;
            if (m_ChunkOffset + newBlockLength < newBlockLength) throw new OutOfMemoryException();
            m_ChunkChars = new char[newBlockLength];
        }

        /// <summary>The chunk holding position `index` (the first chunk whose offset is not beyond it).</summary>
        private StringBuilder FindChunkForIndex(int index)
        {
            StringBuilder result = this;
            while (result.m_ChunkOffset > index) result = result.m_ChunkPrevious;
            return result;
        }

        /// <summary>The chunk after `chunk`, or null for the last one.</summary>
        private StringBuilder Next(StringBuilder chunk)
        {
            return chunk == this ? null : FindChunkForIndex(chunk.m_ChunkOffset + chunk.m_ChunkLength);
        }
    }
}
