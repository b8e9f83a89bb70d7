// korlib: a TextWriter that collects its text in a StringBuilder.

using System.Text;

namespace System.IO
{
    public class StringWriter : TextWriter
    {
        private StringBuilder sb;

        public StringWriter() : this(new StringBuilder()) { }

        public StringWriter(IFormatProvider formatProvider) : this(new StringBuilder(), formatProvider) { }

        public StringWriter(StringBuilder sb) : this(sb, null) { }

        public StringWriter(StringBuilder sb, IFormatProvider formatProvider) : base(formatProvider)
        {
            if (sb == null) throw new ArgumentNullException("sb", "Buffer cannot be null.");
            this.sb = sb;
        }

        public virtual StringBuilder GetStringBuilder() { return sb; }

        public override void Write(char value) { sb.Append(value); }

        public override void Write(char[] buffer, int index, int count)
        {
            if (buffer == null) throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (buffer.Length - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            sb.Append(buffer, index, count);
        }

        public override void Write(string value) { sb.Append(value); }

        public override string ToString() { return sb.ToString(); }
    }
}
