// korlib: System.Enum, the base of every enum type. ToString prints constant names as
// Mono does ("Red", "Read, Write" for [Flags] enums, the number when no name fits), from
// the constant table the compiler puts in each enum's type information.

using Sharpaot.Runtime;

namespace System
{
    public abstract unsafe class Enum : ValueType, IFormattable
    {
        /// <summary>The value of a boxed enum, widened to 64 bits (signed underlying types sign-extend).</summary>
        private ulong RawValue()
        {
            byte* typeInfo = TypeCheck.TypeOf(this);
            byte* data = (byte*)Unsafe.AsPointer(this) + 4;
            int size = *(int*)(typeInfo + TypeCheck.SizeOffset);
            bool signed = IsSigned(typeInfo);
            switch (size)
            {
                case 1: return signed ? (ulong)(long)*(sbyte*)data : *data;
                case 2: return signed ? (ulong)(long)*(short*)data : *(ushort*)data;
                case 4: return signed ? (ulong)(long)*(int*)data : *(uint*)data;
                default: return *(ulong*)data;
            }
        }

        private static bool IsSigned(byte* typeInfo)
        {
            string underlying = Unsafe.AsString(*(void**)(*(byte**)(typeInfo + TypeCheck.ElementOffset) + TypeCheck.NameOffset));
            return underlying == "System.SByte" || underlying == "System.Int16" || underlying == "System.Int32" || underlying == "System.Int64";
        }

        public override string ToString() { return Format(false); }

        public string ToString(string format) { return ToString(format, null); }

        /// <summary>"G" names (as ToString()), "F" names as if [Flags], "D" the number, "X" hexadecimal digits of the value's size.</summary>
        public string ToString(string format, IFormatProvider provider)
        {
            if (format == null || format.Length == 0 || format == "G" || format == "g") return Format(false);
            if (format == "F" || format == "f") return Format(true);
            if (format == "D" || format == "d") return IsSigned(TypeCheck.TypeOf(this)) ? Number.FormatInt64((long)RawValue()) : Number.FormatUInt64(RawValue());
            if (format == "X" || format == "x")
            {
                int digits = 2 * *(int*)(TypeCheck.TypeOf(this) + TypeCheck.SizeOffset);
                ulong v = RawValue();
                char[] text = new char[digits];
                for (int i = digits - 1; i >= 0; i--, v >>= 4) text[i] = "0123456789ABCDEF"[(int)(v & 15)];
                return new string(text);
            }
            throw new FormatException("Format String can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
        }

        private string Format(bool asFlags)
        {
            byte* typeInfo = TypeCheck.TypeOf(this);
            uint* table = *(uint**)(typeInfo + TypeCheck.ExtraOffset);
            int count = (int)table[0];
            ulong value = RawValue();
            for (int i = 0; i < count; i++)
            {
                if (Constant(table, i) == value) return Name(table, i);
            }
            if ((asFlags || (*(uint*)typeInfo & TypeCheck.FlagsFlag) != 0) && value != 0)
            {
                // Largest constants first, as .NET does; the names then print in ascending order.
                ulong rest = value;
                string result = null;
                for (int pass = 0; pass < count && rest != 0; pass++)
                {
                    int best = -1;
                    for (int i = 0; i < count; i++)
                    {
                        ulong c = Constant(table, i);
                        if (c != 0 && (rest & c) == c && (best < 0 || c > Constant(table, best))) best = i;
                    }
                    if (best < 0) break;
                    rest &= ~Constant(table, best);
                    result = result == null ? Name(table, best) : Name(table, best) + ", " + result;
                }
                if (rest == 0 && result != null) return result;
            }
            return IsSigned(typeInfo) ? Number.FormatInt64((long)value) : Number.FormatUInt64(value);
        }

        private static ulong Constant(uint* table, int i)
        {
            return table[1 + 3 * i] | ((ulong)table[2 + 3 * i] << 32);
        }

        private static string Name(uint* table, int i)
        {
            return Unsafe.AsString((void*)table[3 + 3 * i]);
        }

        public override bool Equals(object obj)
        {
            if (obj == null || TypeCheck.TypeOf(obj) != TypeCheck.TypeOf(this)) return false;
            return ((Enum)obj).RawValue() == RawValue();
        }

        public override int GetHashCode()
        {
            ulong v = RawValue();
            return (int)v ^ (int)(v >> 32);
        }

        public bool HasFlag(Enum flag)
        {
            ulong f = flag.RawValue();
            return (RawValue() & f) == f;
        }
    }
}
