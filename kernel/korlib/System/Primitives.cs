// korlib: the primitive value types. Each holds one field of its own kind, which the
// compiler never looks at: primitives have a fixed layout (engine/types.ts).

namespace System
{
    public struct Boolean
    {
        private bool m_value;
        public override string ToString() { return m_value ? "True" : "False"; }
    }

    public struct Char
    {
        private char m_value;
    }

    public struct SByte
    {
        private sbyte m_value;
    }

    public struct Byte
    {
        private byte m_value;
    }

    public struct Int16
    {
        private short m_value;
    }

    public struct UInt16
    {
        private ushort m_value;
    }

    public struct Int32
    {
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
        private int m_value;
    }

    public struct UInt32
    {
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0;
        private uint m_value;
    }

    public struct Int64
    {
        public const long MaxValue = 0x7fffffffffffffff;
        public const long MinValue = unchecked((long)0x8000000000000000);
        private long m_value;
    }

    public struct UInt64
    {
        public const ulong MaxValue = 0xffffffffffffffff;
        public const ulong MinValue = 0;
        private ulong m_value;
    }

    public struct Single
    {
        private float m_value;
    }

    public struct Double
    {
        private double m_value;
    }

    public struct Decimal
    {
        private int flags;
        private int hi;
        private int lo;
        private int mid;
    }

    public unsafe struct IntPtr
    {
        private void* m_value;
        public static readonly IntPtr Zero;
        public IntPtr(int value) { m_value = (void*)value; }
        public IntPtr(void* value) { m_value = value; }
        public int ToInt32() { return (int)m_value; }
        public void* ToPointer() { return m_value; }
        public static int Size { get { return 4; } }
        public static explicit operator IntPtr(int value) { return new IntPtr(value); }
        public static explicit operator int(IntPtr value) { return (int)value.m_value; }
        public static explicit operator void*(IntPtr value) { return value.m_value; }
        public static explicit operator IntPtr(void* value) { return new IntPtr(value); }
    }

    public unsafe struct UIntPtr
    {
        private void* m_value;
        public UIntPtr(uint value) { m_value = (void*)value; }
        public uint ToUInt32() { return (uint)m_value; }
    }
}
