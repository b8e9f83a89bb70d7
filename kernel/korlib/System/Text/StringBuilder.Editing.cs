// korlib: StringBuilder's edits in the middle of the text, on the chunk list as .NET does
// them (so Capacity changes the same way): Insert makes room by sliding characters within
// a small chunk or by adding a chunk before it, Remove slides characters down and drops
// the chunks it empties, Replace collects the matches of a chunk and rewrites them at once.

namespace System.Text
{
    public sealed unsafe partial class StringBuilder
    {
        // ---- Insert -----------------------------------------------------------------------------------------

        public StringBuilder Insert(int index, string value)
        {
            if ((uint)index > (uint)Length) throw new ArgumentOutOfRangeException("index", IndexMessage);
            if (value != null)
            {
                fixed (char* p = value) Insert(index, p, value.Length);
            }
            return this;
        }

        public StringBuilder Insert(int index, string value, int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if ((uint)index > (uint)Length) throw new ArgumentOutOfRangeException("index", IndexMessage);
            if (string.IsNullOrEmpty(value) || count == 0) return this;
            long insertingChars = (long)value.Length * count;
            if (insertingChars > MaxCapacity - Length) throw new OutOfMemoryException();
            StringBuilder chunk;
            int indexInChunk;
            MakeRoom(index, (int)insertingChars, out chunk, out indexInChunk, false);
            fixed (char* p = value)
            {
                for (; count > 0; count--) ReplaceInPlaceAtChunk(ref chunk, ref indexInChunk, p, value.Length);
            }
            return this;
        }

        public StringBuilder Insert(int index, char value)
        {
            Insert(index, &value, 1);
            return this;
        }

        public StringBuilder Insert(int index, char[] value)
        {
            if ((uint)index > (uint)Length) throw new ArgumentOutOfRangeException("index", IndexMessage);
            if (value != null && value.Length > 0)
            {
                fixed (char* p = value) Insert(index, p, value.Length);
            }
            return this;
        }

        public StringBuilder Insert(int index, char[] value, int startIndex, int charCount)
        {
            if ((uint)index > (uint)Length) throw new ArgumentOutOfRangeException("index", IndexMessage);
            if (value == null)
            {
                if (startIndex == 0 && charCount == 0) return this;
                throw new ArgumentNullException("value", "String reference not set to an instance of a String.");
            }
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (charCount < 0) throw new ArgumentOutOfRangeException("count", "Value must be positive.");
            if (startIndex > value.Length - charCount) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (charCount > 0)
            {
                fixed (char* p = value) Insert(index, p + startIndex, charCount);
            }
            return this;
        }

        public StringBuilder Insert(int index, object value) { return value == null ? this : Insert(index, value.ToString(), 1); }
        public StringBuilder Insert(int index, bool value) { return Insert(index, value.ToString(), 1); }
        public StringBuilder Insert(int index, sbyte value) { return Insert(index, value.ToString(), 1); }
        public StringBuilder Insert(int index, byte value) { return Insert(index, value.ToString(), 1); }
        public StringBuilder Insert(int index, short value) { return Insert(index, value.ToString(), 1); }
        public StringBuilder Insert(int index, ushort value) { return Insert(index, value.ToString(), 1); }
        public StringBuilder Insert(int index, int value) { return Insert(index, value.ToString(), 1); }
        public StringBuilder Insert(int index, uint value) { return Insert(index, value.ToString(), 1); }
        public StringBuilder Insert(int index, long value) { return Insert(index, value.ToString(), 1); }
        public StringBuilder Insert(int index, ulong value) { return Insert(index, value.ToString(), 1); }
        public StringBuilder Insert(int index, float value) { return Insert(index, value.ToString(), 1); }
        public StringBuilder Insert(int index, double value) { return Insert(index, value.ToString(), 1); }

        private void Insert(int index, char* value, int valueCount)
        {
            if ((uint)index > (uint)Length) throw new ArgumentOutOfRangeException("index", IndexMessage);
            if (valueCount > 0)
            {
                StringBuilder chunk;
                int indexInChunk;
                MakeRoom(index, valueCount, out chunk, out indexInChunk, false);
                ReplaceInPlaceAtChunk(ref chunk, ref indexInChunk, value, valueCount);
            }
        }

        /// <summary>
        /// Opens a gap of `count` characters at `index`; returns where the gap starts. With
        /// doNotMoveFollowingChars the characters after the gap stay where they are (Replace
        /// then overwrites them itself).
        /// </summary>
        private void MakeRoom(int index, int count, out StringBuilder chunk, out int indexInChunk, bool doNotMoveFollowingChars)
        {
            if (count + Length > m_MaxCapacity || count + Length < count) throw new ArgumentOutOfRangeException("requiredLength", "capacity was less than the current size.");
            chunk = this;
            while (chunk.m_ChunkOffset > index)
            {
                chunk.m_ChunkOffset += count;
                chunk = chunk.m_ChunkPrevious;
            }
            indexInChunk = index - chunk.m_ChunkOffset;

            // A short chunk with room to spare: slide its tail.
            if (!doNotMoveFollowingChars && chunk.m_ChunkLength <= DefaultCapacity * 2 && chunk.m_ChunkChars.Length - chunk.m_ChunkLength >= count)
            {
                for (int i = chunk.m_ChunkLength; i > indexInChunk;)
                {
                    --i;
                    chunk.m_ChunkChars[i + count] = chunk.m_ChunkChars[i];
                }
                chunk.m_ChunkLength += count;
                return;
            }

            // Otherwise a new chunk goes before this one, taking its head.
            StringBuilder newChunk = new StringBuilder(count > DefaultCapacity ? count : DefaultCapacity, chunk.m_MaxCapacity, chunk.m_ChunkPrevious);
            newChunk.m_ChunkLength = count;
            int copyCount1 = count < indexInChunk ? count : indexInChunk;
            for (int i = 0; i < copyCount1; i++) newChunk.m_ChunkChars[i] = chunk.m_ChunkChars[i];
            int copyCount2 = indexInChunk - copyCount1;
            if (copyCount2 >= 0)
            {
                for (int i = 0; i < copyCount2; i++) chunk.m_ChunkChars[i] = chunk.m_ChunkChars[copyCount1 + i];
                indexInChunk = copyCount2;
            }
            chunk.m_ChunkPrevious = newChunk;
            chunk.m_ChunkOffset += count;
            if (copyCount1 < count)
            {
                chunk = newChunk;
                indexInChunk = copyCount1;
            }
        }

        /// <summary>Overwrites `count` characters from (chunk, indexInChunk) on, moving on to the next chunks.</summary>
        private void ReplaceInPlaceAtChunk(ref StringBuilder chunk, ref int indexInChunk, char* value, int count)
        {
            while (count != 0)
            {
                int lengthInChunk = chunk.m_ChunkLength - indexInChunk;
                int lengthToCopy = lengthInChunk < count ? lengthInChunk : count;
                for (int i = 0; i < lengthToCopy; i++) chunk.m_ChunkChars[indexInChunk + i] = value[i];
                indexInChunk += lengthToCopy;
                if (indexInChunk >= chunk.m_ChunkLength)
                {
                    chunk = Next(chunk);
                    indexInChunk = 0;
                }
                count -= lengthToCopy;
                value += lengthToCopy;
            }
        }

        // ---- Remove --------------------------------------------------------------------------------------------

        public StringBuilder Remove(int startIndex, int length)
        {
            if (length < 0) throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex < 0) throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (length > Length - startIndex) throw new ArgumentOutOfRangeException("length", IndexMessage);
            if (Length == length && startIndex == 0)
            {
                Length = 0;
                return this;
            }
            if (length > 0)
            {
                StringBuilder chunk;
                int indexInChunk;
                Remove(startIndex, length, out chunk, out indexInChunk);
            }
            return this;
        }

        /// <summary>Deletes `count` characters at `startIndex`; returns the chunk and position where they were.</summary>
        private void Remove(int startIndex, int count, out StringBuilder chunk, out int indexInChunk)
        {
            int endIndex = startIndex + count;
            chunk = this;
            StringBuilder endChunk = null;
            int endIndexInChunk = 0;
            for (;;)
            {
                if (endIndex - chunk.m_ChunkOffset >= 0)
                {
                    if (endChunk == null)
                    {
                        endChunk = chunk;
                        endIndexInChunk = endIndex - endChunk.m_ChunkOffset;
                    }
                    if (startIndex - chunk.m_ChunkOffset >= 0)
                    {
                        indexInChunk = startIndex - chunk.m_ChunkOffset;
                        break;
                    }
                }
                else
                {
                    chunk.m_ChunkOffset -= count;
                }
                chunk = chunk.m_ChunkPrevious;
            }

            int copyTargetIndexInChunk = indexInChunk;
            int copyCount = endChunk.m_ChunkLength - endIndexInChunk;
            if (endChunk != chunk)
            {
                copyTargetIndexInChunk = 0;
                chunk.m_ChunkLength = indexInChunk;
                endChunk.m_ChunkPrevious = chunk;
                endChunk.m_ChunkOffset = chunk.m_ChunkOffset + chunk.m_ChunkLength;
                if (indexInChunk == 0)
                {
                    endChunk.m_ChunkPrevious = chunk.m_ChunkPrevious;
                    chunk = endChunk;
                }
            }
            endChunk.m_ChunkLength -= endIndexInChunk - copyTargetIndexInChunk;
            if (copyTargetIndexInChunk != endIndexInChunk)
            {
                for (int i = 0; i < copyCount; i++) endChunk.m_ChunkChars[copyTargetIndexInChunk + i] = endChunk.m_ChunkChars[endIndexInChunk + i];
            }
        }

        // ---- Replace ------------------------------------------------------------------------------------------

        public StringBuilder Replace(char oldChar, char newChar) { return Replace(oldChar, newChar, 0, Length); }

        public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count)
        {
            int currentLength = Length;
            if ((uint)startIndex > (uint)currentLength) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (count < 0 || startIndex > currentLength - count) throw new ArgumentOutOfRangeException("count", IndexMessage);
            int endIndex = startIndex + count;
            StringBuilder chunk = this;
            for (;;)
            {
                int endIndexInChunk = endIndex - chunk.m_ChunkOffset;
                int startIndexInChunk = startIndex - chunk.m_ChunkOffset;
                if (endIndexInChunk >= 0)
                {
                    int curInChunk = startIndexInChunk > 0 ? startIndexInChunk : 0;
                    int endInChunk = endIndexInChunk < chunk.m_ChunkLength ? endIndexInChunk : chunk.m_ChunkLength;
                    for (; curInChunk < endInChunk; curInChunk++)
                    {
                        if (chunk.m_ChunkChars[curInChunk] == oldChar) chunk.m_ChunkChars[curInChunk] = newChar;
                    }
                }
                if (startIndexInChunk >= 0) break;
                chunk = chunk.m_ChunkPrevious;
            }
            return this;
        }

        public StringBuilder Replace(string oldValue, string newValue) { return Replace(oldValue, newValue, 0, Length); }

        public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count)
        {
            int currentLength = Length;
            if ((uint)startIndex > (uint)currentLength) throw new ArgumentOutOfRangeException("startIndex", IndexMessage);
            if (count < 0 || startIndex > currentLength - count) throw new ArgumentOutOfRangeException("count", IndexMessage);
            if (oldValue == null) throw new ArgumentNullException("oldValue");
            if (oldValue.Length == 0) throw new ArgumentException("Empty name is not legal.", "oldValue");
            if (newValue == null) newValue = string.Empty;

            int[] replacements = null;
            int replacementsCount = 0;
            StringBuilder chunk = FindChunkForIndex(startIndex);
            int indexInChunk = startIndex - chunk.m_ChunkOffset;
            while (count > 0)
            {
                if (StartsWith(chunk, indexInChunk, count, oldValue))
                {
                    if (replacements == null)
                    {
                        replacements = new int[5];
                    }
                    else if (replacementsCount >= replacements.Length)
                    {
                        int[] bigger = new int[replacements.Length * 3 / 2 + 4];
                        for (int i = 0; i < replacements.Length; i++) bigger[i] = replacements[i];
                        replacements = bigger;
                    }
                    replacements[replacementsCount++] = indexInChunk;
                    indexInChunk += oldValue.Length;
                    count -= oldValue.Length;
                }
                else
                {
                    indexInChunk++;
                    --count;
                }
                if (indexInChunk >= chunk.m_ChunkLength || count == 0)
                {
                    // Replacing changes the chunks: go back to a logical index afterwards.
                    int index = indexInChunk + chunk.m_ChunkOffset;
                    ReplaceAllInChunk(replacements, replacementsCount, chunk, oldValue.Length, newValue);
                    index += (newValue.Length - oldValue.Length) * replacementsCount;
                    replacementsCount = 0;
                    chunk = FindChunkForIndex(index);
                    indexInChunk = index - chunk.m_ChunkOffset;
                }
            }
            return this;
        }

        /// <summary>Does `value` start at (chunk, indexInChunk), within `count` characters?</summary>
        private bool StartsWith(StringBuilder chunk, int indexInChunk, int count, string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                if (count == 0) return false;
                if (indexInChunk >= chunk.m_ChunkLength)
                {
                    chunk = Next(chunk);
                    if (chunk == null) return false;
                    indexInChunk = 0;
                }
                if (value[i] != chunk.m_ChunkChars[indexInChunk]) return false;
                indexInChunk++;
                --count;
            }
            return true;
        }

        /// <summary>Replaces the matches at `replacements` (positions in sourceChunk) of removeCount characters by `value`.</summary>
        private void ReplaceAllInChunk(int[] replacements, int replacementsCount, StringBuilder sourceChunk, int removeCount, string value)
        {
            if (replacementsCount <= 0) return;
            fixed (char* valuePtr = value)
            {
                int delta = (value.Length - removeCount) * replacementsCount;
                StringBuilder targetChunk = sourceChunk;
                int targetIndexInChunk = replacements[0];
                if (delta > 0) MakeRoom(targetChunk.m_ChunkOffset + targetIndexInChunk, delta, out targetChunk, out targetIndexInChunk, true);
                int i = 0;
                for (;;)
                {
                    ReplaceInPlaceAtChunk(ref targetChunk, ref targetIndexInChunk, valuePtr, value.Length);
                    int gapStart = replacements[i] + removeCount;
                    i++;
                    if (i >= replacementsCount) break;
                    int gapEnd = replacements[i];
                    if (delta != 0)
                    {
                        fixed (char* sourcePtr = &sourceChunk.m_ChunkChars[gapStart])
                        {
                            ReplaceInPlaceAtChunk(ref targetChunk, ref targetIndexInChunk, sourcePtr, gapEnd - gapStart);
                        }
                    }
                    else
                    {
                        targetIndexInChunk += gapEnd - gapStart;
                    }
                }
                if (delta < 0) Remove(targetChunk.m_ChunkOffset + targetIndexInChunk, -delta, out targetChunk, out targetIndexInChunk);
            }
        }
    }
}
