// korlib: type tests on the type information the compiler emits (aot/src/runtime/type-info.ts):
// casts, isinst, unboxing, array covariance and interface dispatch.

using System;

namespace Sharpaot.Runtime
{
    public static unsafe class TypeCheck
    {
        // Type information record: offsets and flags (keep in step with type-info.ts).
        public const int FlagsOffset = 0;
        public const int BaseOffset = 4;
        public const int SizeOffset = 8;
        public const int ElementOffset = 12;
        public const int NameOffset = 16;
        public const int InterfacesOffset = 20;
        public const int ExtraOffset = 28;
        public const int VTableOffset = 32;
        public const uint ValueTypeFlag = 1;
        public const uint InterfaceFlag = 2;
        public const uint ArrayFlag = 4;
        public const uint EnumFlag = 32;
        public const uint MultiDimensionalFlag = 256;
        public const uint FlagsFlag = 512;

        public static byte* TypeOf(object o)
        {
            return *(byte**)Unsafe.AsPointer(o);
        }

        private static uint Flags(byte* t) { return *(uint*)(t + FlagsOffset); }

        /// <summary>Can a value whose type is `from` be used where `to` is expected?</summary>
        public static bool IsAssignable(byte* from, byte* to)
        {
            if (from == to) return true;
            uint toFlags = Flags(to);
            if ((toFlags & InterfaceFlag) != 0) return Implements(from, to);
            if ((toFlags & ArrayFlag) != 0)
            {
                uint fromFlags = Flags(from);
                if ((fromFlags & ArrayFlag) == 0 || (fromFlags & MultiDimensionalFlag) != (toFlags & MultiDimensionalFlag)) return false;
                if (*(int*)(from + ExtraOffset) != *(int*)(to + ExtraOffset)) return false;
                byte* fe = *(byte**)(from + ElementOffset);
                byte* te = *(byte**)(to + ElementOffset);
                if (fe == te) return true;
                // Covariance for reference elements only.
                if ((Flags(fe) & ValueTypeFlag) != 0 || (Flags(te) & ValueTypeFlag) != 0) return false;
                return IsAssignable(fe, te);
            }
            for (byte* t = *(byte**)(from + BaseOffset); t != null; t = *(byte**)(t + BaseOffset))
            {
                if (t == to) return true;
            }
            return false;
        }

        private static bool Implements(byte* type, byte* itf)
        {
            uint* map = *(uint**)(type + InterfacesOffset);
            if (map == null) return false;
            uint count = map[0];
            for (uint i = 0; i < count; i++)
            {
                if ((byte*)map[1 + 2 * i] == itf) return true;
            }
            return false;
        }

        public static object IsInstanceOf(object o, void* type)
        {
            if (o == null || !IsAssignable(TypeOf(o), (byte*)type)) return null;
            return o;
        }

        public static object CastClass(object o, void* type)
        {
            if (o == null || IsAssignable(TypeOf(o), (byte*)type)) return o;
            throw new InvalidCastException();
        }

        /// <summary>A boxed value may be unboxed as its own type, or an enum as its underlying type and back.</summary>
        public static void UnboxCheck(object o, void* type)
        {
            byte* t = TypeOf(o);
            byte* want = (byte*)type;
            if (t == want) return;
            if ((Flags(t) & EnumFlag) != 0 && *(byte**)(t + ElementOffset) == want) return;
            if ((Flags(want) & EnumFlag) != 0 && *(byte**)(want + ElementOffset) == t) return;
            throw new InvalidCastException();
        }

        /// <summary>Storing into an array of references: the value must fit the array's real element type.</summary>
        public static void StoreCheck(object array, object value)
        {
            if (value == null) return;
            byte* element = *(byte**)(TypeOf(array) + ElementOffset);
            if (!IsAssignable(TypeOf(value), element)) throw new ArrayTypeMismatchException();
        }

        /// <summary>
        /// The code of an instantiated generic virtual method for the object's class: the table
        /// entry of the class or of its nearest base (aot/src/runtime/generic-virtuals.ts).
        /// </summary>
        public static void* FindGenericVirtual(object o, uint* table)
        {
            uint count = table[0];
            for (byte* t = TypeOf(o); t != null; t = *(byte**)(t + BaseOffset))
            {
                for (uint i = 0; i < count; i++)
                {
                    if ((byte*)table[1 + 2 * i] == t) return (void*)table[2 + 2 * i];
                }
            }
            throw new InvalidOperationException("Attempted to call an abstract method.");
        }

        /// <summary>The code of method `index` of interface `itf` for the object's class.</summary>
        public static void* FindInterfaceMethod(object o, void* itf, int index)
        {
            uint* map = *(uint**)(TypeOf(o) + InterfacesOffset);
            if (map != null)
            {
                uint count = map[0];
                for (uint i = 0; i < count; i++)
                {
                    if ((void*)map[1 + 2 * i] == itf) return ((void**)map[2 + 2 * i])[index];
                }
            }
            throw new InvalidCastException();
        }
    }
}
