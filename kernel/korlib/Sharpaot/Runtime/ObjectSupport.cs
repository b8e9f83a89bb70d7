// korlib: reading the runtime type information the compiler emits
// (aot/src/runtime/type-info.ts documents the record).

namespace Sharpaot.Runtime
{
    public static unsafe class ObjectSupport
    {
        public const int TypeInfoName = 16;

        /// <summary>The full name of an object's type.</summary>
        public static string TypeName(object o)
        {
            byte* typeInfo = *(byte**)Unsafe.AsPointer(o);
            return Unsafe.AsString(*(void**)(typeInfo + TypeInfoName));
        }

        public static int AddressHash(object o)
        {
            return (int)Unsafe.AsPointer(o) >> 3;
        }
    }
}
