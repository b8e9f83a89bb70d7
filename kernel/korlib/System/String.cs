// korlib: System.String. The compiler lays strings out as [type info][length][chars]
// (runtime/layout.ts) and preallocates literals in that shape, so the two fields below
// must stay first and in this order.

namespace System
{
    public sealed unsafe class String
    {
        private int m_length;
        private char m_firstChar;

        public static readonly string Empty = "";

        public int Length { get { return m_length; } }

        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)m_length) Sharpaot.Runtime.ExceptionSupport.ThrowIndexOutOfRange();
                fixed (char* p = &m_firstChar) return p[index];
            }
        }

        public override string ToString() { return this; }
    }
}
