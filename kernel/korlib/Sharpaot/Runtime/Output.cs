// korlib: character output for Console: the serial ports (COM1 = stdout, COM2 = stderr,
// UTF-8) and the VGA text screen (stdout echoed, 80x25, scrolling).

using Sharpaot.X86;

namespace Sharpaot.Runtime
{
    public static unsafe class Output
    {
        public const ushort Stdout = 0x3F8;
        public const ushort Stderr = 0x2F8;

        private const int Columns = 80;
        private const int Rows = 25;
        private static ushort* screen = (ushort*)0xB8000;
        private static int row;
        private static int column;
        /// <summary>A high surrogate waiting for its low half (per port: 0 stdout, 1 stderr).</summary>
        private static char pendingOut;
        private static char pendingErr;

        public static void Init()
        {
            InitUart(Stdout);
            InitUart(Stderr);
        }

        /// <summary>115200 baud, 8N1, FIFOs on (a no-op under QEMU, needed on hardware).</summary>
        private static void InitUart(ushort port)
        {
            Asm.Out8((ushort)(port + 1), 0x00);
            Asm.Out8((ushort)(port + 3), 0x80);
            Asm.Out8((ushort)(port + 0), 0x01);
            Asm.Out8((ushort)(port + 1), 0x00);
            Asm.Out8((ushort)(port + 3), 0x03);
            Asm.Out8((ushort)(port + 2), 0xC7);
            Asm.Out8((ushort)(port + 4), 0x03);
        }

        /// <summary>
        /// Waits until both UARTs have handed every byte on (line status TEMT): QEMU keeps a
        /// byte its host side cannot take yet, and exiting would drop it.
        /// </summary>
        public static void Drain()
        {
            while ((Asm.In8((ushort)(Stdout + 5)) & 0x40) == 0) Asm.Pause();
            while ((Asm.In8((ushort)(Stderr + 5)) & 0x40) == 0) Asm.Pause();
        }

        private static void SerialByte(ushort port, int b)
        {
            while ((Asm.In8((ushort)(port + 5)) & 0x20) == 0) Asm.Pause();
            Asm.Out8(port, (byte)b);
        }

        public static void WriteString(ushort port, string s)
        {
            if (s == null) return;
            int n = s.Length;
            for (int i = 0; i < n; i++) WriteChar(port, s[i]);
        }

        /// <summary>Writes one UTF-16 code unit, as UTF-8 on the serial port.</summary>
        public static void WriteChar(ushort port, char c)
        {
            if (port == Stdout) Screen(c);
            int cp = c;
            if (c >= 0xD800 && c <= 0xDBFF)
            {
                if (port == Stdout) pendingOut = c; else pendingErr = c;
                return;
            }
            char high = port == Stdout ? pendingOut : pendingErr;
            if (port == Stdout) pendingOut = '\0'; else pendingErr = '\0';
            if (c >= 0xDC00 && c <= 0xDFFF && high != '\0') cp = 0x10000 + ((high - 0xD800) << 10) + (c - 0xDC00);
            if (cp < 0x80)
            {
                SerialByte(port, cp);
            }
            else if (cp < 0x800)
            {
                SerialByte(port, 0xC0 | (cp >> 6));
                SerialByte(port, 0x80 | (cp & 0x3F));
            }
            else if (cp < 0x10000)
            {
                SerialByte(port, 0xE0 | (cp >> 12));
                SerialByte(port, 0x80 | ((cp >> 6) & 0x3F));
                SerialByte(port, 0x80 | (cp & 0x3F));
            }
            else
            {
                SerialByte(port, 0xF0 | (cp >> 18));
                SerialByte(port, 0x80 | ((cp >> 12) & 0x3F));
                SerialByte(port, 0x80 | ((cp >> 6) & 0x3F));
                SerialByte(port, 0x80 | (cp & 0x3F));
            }
        }

        public static void WriteULong(ushort port, ulong value)
        {
            ulong d = 1;
            while (value / d >= 10) d *= 10;
            while (d > 0)
            {
                ulong q = value / d;
                WriteChar(port, (char)('0' + (int)q));
                value -= q * d;
                d /= 10;
            }
        }

        private static void Screen(char c)
        {
            if (c == '\n')
            {
                column = 0;
                row++;
            }
            else if (c != '\r')
            {
                screen[row * Columns + column] = (ushort)(0x0700 | (c < 0x100 ? c : '?'));
                if (++column == Columns)
                {
                    column = 0;
                    row++;
                }
            }
            if (row == Rows)
            {
                for (int i = 0; i < (Rows - 1) * Columns; i++) screen[i] = screen[i + Columns];
                for (int i = (Rows - 1) * Columns; i < Rows * Columns; i++) screen[i] = 0x0720;
                row = Rows - 1;
            }
        }
    }
}
