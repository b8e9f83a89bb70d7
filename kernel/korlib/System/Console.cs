// korlib: System.Console. Standard output is the first serial port (COM1, the program's
// stdout under `sharpaot run`) as UTF-8, echoed on the VGA text screen; Console.Error is
// the second (COM2, stderr). Console.Write formats the value and writes it to the port
// directly, so a program that only prints does not carry the TextWriter machinery; once
// Console.Out or Console.Error is used, or SetOut/SetError replaced them, writes go
// through those writers. There is no input: ReadLine returns null and Read -1, as for a
// program whose input is at its end. Colours and the cursor behave as Mono's do when the
// output is not a terminal: setting them has no effect and they read as Black and 0.

using System.IO;
using Sharpaot.Runtime;

namespace System
{
    public enum ConsoleColor
    {
        Black, DarkBlue, DarkGreen, DarkCyan, DarkRed, DarkMagenta, DarkYellow, Gray,
        DarkGray, Blue, Green, Cyan, Red, Magenta, Yellow, White,
    }

    public static class Console
    {
        /// <summary>Null until Console.Out is used or replaced; null means COM1 directly.</summary>
        private static TextWriter outWriter;
        private static TextWriter errorWriter;

        public static TextWriter Out
        {
            get
            {
                if (outWriter == null) outWriter = new PortWriter(Output.Stdout);
                return outWriter;
            }
        }

        public static TextWriter Error
        {
            get
            {
                if (errorWriter == null) errorWriter = new PortWriter(Output.Stderr);
                return errorWriter;
            }
        }

        public static void SetOut(TextWriter newOut)
        {
            if (newOut == null) throw new ArgumentNullException("newOut");
            outWriter = newOut;
        }

        public static void SetError(TextWriter newError)
        {
            if (newError == null) throw new ArgumentNullException("newError");
            errorWriter = newError;
        }

        public static bool IsOutputRedirected { get { return true; } }
        public static bool IsErrorRedirected { get { return true; } }
        public static bool IsInputRedirected { get { return true; } }

        public static string ReadLine() { return null; }
        public static int Read() { return -1; }

        public static ConsoleColor ForegroundColor { get { return ConsoleColor.Black; } set { } }
        public static ConsoleColor BackgroundColor { get { return ConsoleColor.Black; } set { } }
        public static void ResetColor() { }
        public static void Clear() { }
        public static int CursorLeft { get { return 0; } set { } }
        public static int CursorTop { get { return 0; } set { } }
        public static void SetCursorPosition(int left, int top) { }

        // ---- Write ------------------------------------------------------------------------------------

        private static void Text(string value)
        {
            TextWriter w = outWriter;
            if (w != null) w.Write(value);
            else Output.WriteString(Output.Stdout, value);
        }

        public static void Write(string value) { if (value != null) Text(value); }
        public static void Write(char value) { if (outWriter != null) outWriter.Write(value); else Output.WriteChar(Output.Stdout, value); }
        public static void Write(bool value) { Text(value ? "True" : "False"); }
        public static void Write(int value) { Text(value.ToString()); }
        public static void Write(uint value) { Text(value.ToString()); }
        public static void Write(long value) { Text(value.ToString()); }
        public static void Write(ulong value) { Text(value.ToString()); }
        public static void Write(float value) { Text(value.ToString()); }
        public static void Write(double value) { Text(value.ToString()); }

        public static void Write(object value)
        {
            if (value == null) return;
            IFormattable f = value as IFormattable;
            Text(f != null ? f.ToString(null, null) : value.ToString());
        }

        public static void Write(char[] buffer) { if (buffer != null) Text(new string(buffer)); }

        public static void Write(char[] buffer, int index, int count)
        {
            if (buffer == null) throw new ArgumentNullException("buffer", "Buffer cannot be null.");
            if (index < 0) throw new ArgumentOutOfRangeException("index", "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException("count", "Non-negative number required.");
            if (buffer.Length - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Text(new string(buffer, index, count));
        }

        public static void Write(string format, object arg0) { Text(string.Format(format, arg0)); }
        public static void Write(string format, object arg0, object arg1) { Text(string.Format(format, arg0, arg1)); }
        public static void Write(string format, object arg0, object arg1, object arg2) { Text(string.Format(format, arg0, arg1, arg2)); }
        public static void Write(string format, params object[] arg) { Text(arg == null ? string.Format(format, null, null) : string.Format(format, arg)); }

        // ---- WriteLine ----------------------------------------------------------------------------------

        public static void WriteLine() { Write('\n'); }
        public static void WriteLine(string value) { Write(value); WriteLine(); }
        public static void WriteLine(char value) { Write(value); WriteLine(); }
        public static void WriteLine(bool value) { Write(value); WriteLine(); }
        public static void WriteLine(int value) { Write(value); WriteLine(); }
        public static void WriteLine(uint value) { Write(value); WriteLine(); }
        public static void WriteLine(long value) { Write(value); WriteLine(); }
        public static void WriteLine(ulong value) { Write(value); WriteLine(); }
        public static void WriteLine(float value) { Write(value); WriteLine(); }
        public static void WriteLine(double value) { Write(value); WriteLine(); }
        public static void WriteLine(object value) { Write(value); WriteLine(); }
        public static void WriteLine(char[] buffer) { Write(buffer); WriteLine(); }
        public static void WriteLine(char[] buffer, int index, int count) { Write(buffer, index, count); WriteLine(); }
        public static void WriteLine(string format, object arg0) { Write(format, arg0); WriteLine(); }
        public static void WriteLine(string format, object arg0, object arg1) { Write(format, arg0, arg1); WriteLine(); }
        public static void WriteLine(string format, object arg0, object arg1, object arg2) { Write(format, arg0, arg1, arg2); WriteLine(); }
        public static void WriteLine(string format, params object[] arg) { Write(format, arg); WriteLine(); }

        /// <summary>Console.Out and Console.Error: a serial port.</summary>
        private sealed class PortWriter : TextWriter
        {
            private readonly ushort port;

            public PortWriter(ushort port) { this.port = port; }

            public override void Write(char value) { Output.WriteChar(port, value); }
            public override void Write(string value) { if (value != null) Output.WriteString(port, value); }
        }
    }
}
