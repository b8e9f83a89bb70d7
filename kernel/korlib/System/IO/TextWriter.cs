// korlib: System.IO.TextWriter, the writer behind Console.Out and Console.Error. As in
// .NET, every overload comes down to Write(char): values are formatted with ToString
// (IFormattable with the writer's FormatProvider), WriteLine appends CoreNewLine ("\n").

using System.Text;

namespace System.IO
{
    public abstract class TextWriter : IDisposable
    {
        private static TextWriter nullWriter;

        protected char[] CoreNewLine = new char[] { '\n' };
        private IFormatProvider formatProvider;

        protected TextWriter() { }

        protected TextWriter(IFormatProvider formatProvider) { this.formatProvider = formatProvider; }

        /// <summary>A writer that discards everything.</summary>
        public static TextWriter Null
        {
            get
            {
                if (nullWriter == null) nullWriter = new NullTextWriter();
                return nullWriter;
            }
        }

        public virtual IFormatProvider FormatProvider { get { return formatProvider; } }

        public virtual string NewLine
        {
            get { return new string(CoreNewLine); }
            set { CoreNewLine = (value == null ? "\n" : value).ToCharArray(); }
        }

        public virtual void Flush() { }

        public virtual void Close() { Dispose(true); }

        public void Dispose() { Dispose(true); }

        protected virtual void Dispose(bool disposing) { }

        // ---- Write ----------------------------------------------------------------------------

        public virtual void Write(char value) { }

        public virtual void Write(char[] buffer)
        {
            if (buffer != null) Write(buffer, 0, buffer.Length);
        }

        public virtual void Write(char[] buffer, int index, int count)
        {
            if (buffer == null) throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (buffer.Length - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            for (int i = 0; i < count; i++) Write(buffer[index + i]);
        }

        public virtual void Write(string value)
        {
            if (value == null) return;
            for (int i = 0; i < value.Length; i++) Write(value[i]);
        }

        public virtual void Write(bool value) { Write(value ? "True" : "False"); }
        public virtual void Write(int value) { Write(value.ToString(FormatProvider)); }
        public virtual void Write(uint value) { Write(value.ToString(FormatProvider)); }
        public virtual void Write(long value) { Write(value.ToString(FormatProvider)); }
        public virtual void Write(ulong value) { Write(value.ToString(FormatProvider)); }
        public virtual void Write(float value) { Write(value.ToString(FormatProvider)); }
        public virtual void Write(double value) { Write(value.ToString(FormatProvider)); }

        public virtual void Write(object value)
        {
            if (value == null) return;
            IFormattable f = value as IFormattable;
            Write(f != null ? f.ToString(null, FormatProvider) : value.ToString());
        }

        public virtual void Write(StringBuilder value)
        {
            if (value != null) Write(value.ToString());
        }

        public virtual void Write(string format, object arg0) { Write(string.Format(FormatProvider, format, arg0)); }
        public virtual void Write(string format, object arg0, object arg1) { Write(string.Format(FormatProvider, format, arg0, arg1)); }
        public virtual void Write(string format, object arg0, object arg1, object arg2) { Write(string.Format(FormatProvider, format, arg0, arg1, arg2)); }
        public virtual void Write(string format, params object[] arg) { Write(string.Format(FormatProvider, format, arg)); }

        // ---- WriteLine -----------------------------------------------------------------------------

        public virtual void WriteLine() { Write(CoreNewLine); }

        public virtual void WriteLine(char value)
        {
            Write(value);
            WriteLine();
        }

        public virtual void WriteLine(char[] buffer)
        {
            Write(buffer);
            WriteLine();
        }

        public virtual void WriteLine(char[] buffer, int index, int count)
        {
            Write(buffer, index, count);
            WriteLine();
        }

        public virtual void WriteLine(string value)
        {
            Write(value);
            WriteLine();
        }

        public virtual void WriteLine(bool value) { WriteLine(value ? "True" : "False"); }
        public virtual void WriteLine(int value) { WriteLine(value.ToString(FormatProvider)); }
        public virtual void WriteLine(uint value) { WriteLine(value.ToString(FormatProvider)); }
        public virtual void WriteLine(long value) { WriteLine(value.ToString(FormatProvider)); }
        public virtual void WriteLine(ulong value) { WriteLine(value.ToString(FormatProvider)); }
        public virtual void WriteLine(float value) { WriteLine(value.ToString(FormatProvider)); }
        public virtual void WriteLine(double value) { WriteLine(value.ToString(FormatProvider)); }

        public virtual void WriteLine(object value)
        {
            if (value == null)
            {
                WriteLine();
                return;
            }
            IFormattable f = value as IFormattable;
            WriteLine(f != null ? f.ToString(null, FormatProvider) : value.ToString());
        }

        public virtual void WriteLine(StringBuilder value) { WriteLine(value != null ? value.ToString() : null); }

        public virtual void WriteLine(string format, object arg0) { WriteLine(string.Format(FormatProvider, format, arg0)); }
        public virtual void WriteLine(string format, object arg0, object arg1) { WriteLine(string.Format(FormatProvider, format, arg0, arg1)); }
        public virtual void WriteLine(string format, object arg0, object arg1, object arg2) { WriteLine(string.Format(FormatProvider, format, arg0, arg1, arg2)); }
        public virtual void WriteLine(string format, params object[] arg) { WriteLine(string.Format(FormatProvider, format, arg)); }

        private sealed class NullTextWriter : TextWriter
        {
            public override void Write(char value) { }
            public override void Write(string value) { }
        }
    }
}
