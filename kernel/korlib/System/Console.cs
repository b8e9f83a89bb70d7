// korlib: System.Console. Output goes to the first serial port (COM1, the program's
// stdout under `sharpaot run`) as UTF-8, and is echoed on the VGA text screen; Console.Error
// goes to COM2 (stderr under `sharpaot run`).

using Sharpaot.Runtime;

namespace System
{
    public static class Console
    {
        public static void Write(string value) { Output.WriteString(Output.Stdout, value); }
        public static void Write(char value) { Output.WriteChar(Output.Stdout, value); }
        public static void Write(int value) { Output.WriteInt(Output.Stdout, value); }
        public static void Write(bool value) { Write(value ? "True" : "False"); }
        public static void Write(uint value) { Output.WriteULong(Output.Stdout, value); }
        public static void Write(long value) { Output.WriteLong(Output.Stdout, value); }
        public static void Write(ulong value) { Output.WriteULong(Output.Stdout, value); }

        public static void WriteLine() { Output.WriteChar(Output.Stdout, '\n'); }
        public static void WriteLine(string value) { Write(value); WriteLine(); }
        public static void WriteLine(char value) { Write(value); WriteLine(); }
        public static void WriteLine(int value) { Write(value); WriteLine(); }
        public static void WriteLine(bool value) { Write(value); WriteLine(); }
        public static void WriteLine(uint value) { Write(value); WriteLine(); }
        public static void WriteLine(long value) { Write(value); WriteLine(); }
        public static void WriteLine(ulong value) { Write(value); WriteLine(); }
    }
}
