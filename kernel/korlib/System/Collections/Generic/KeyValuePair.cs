// korlib: a key and its value, as dictionaries enumerate them; prints as "[key, value]".

namespace System.Collections.Generic
{
    public struct KeyValuePair<TKey, TValue>
    {
        private TKey key;
        private TValue value;

        public KeyValuePair(TKey key, TValue value)
        {
            this.key = key;
            this.value = value;
        }

        public TKey Key { get { return key; } }
        public TValue Value { get { return value; } }

        public override string ToString()
        {
            System.Text.StringBuilder s = new System.Text.StringBuilder();
            s.Append('[');
            if (key != null) s.Append(key.ToString());
            s.Append(", ");
            if (value != null) s.Append(value.ToString());
            s.Append(']');
            return s.ToString();
        }
    }
}
