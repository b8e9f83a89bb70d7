// korlib: sharpaot's own corlib (compiled by mcs -nostdlib into mscorlib.dll).
// System.Object and the types every .NET program implicitly depends on.

using Sharpaot.Runtime;

namespace System
{
    public class Object
    {
        public Object() { }

        public virtual string ToString() { return ObjectSupport.TypeName(this); }

        public unsafe Type GetType() { return new Type(*(void**)Unsafe.AsPointer(this)); }

        /// <summary>A shallow copy: same type, same field values (arrays: same length and elements).</summary>
        protected unsafe object MemberwiseClone()
        {
            byte* typeInfo = TypeCheck.TypeOf(this);
            int size = *(int*)(typeInfo + TypeCheck.SizeOffset);
            if ((*(uint*)typeInfo & TypeCheck.ArrayFlag) != 0)
            {
                // Elements start after the length, and for multi-dimensional arrays after the lengths of each dimension.
                int rank = *(int*)(typeInfo + TypeCheck.ExtraOffset);
                int dataOffset = (*(uint*)typeInfo & TypeCheck.MultiDimensionalFlag) != 0 ? (8 + 4 * rank + 7) & ~7 : 8;
                size = dataOffset + size * *(int*)((byte*)Unsafe.AsPointer(this) + 4);
            }
            object copy = Memory.Alloc(typeInfo, size);
            byte* from = (byte*)Unsafe.AsPointer(this);
            byte* to = (byte*)Unsafe.AsPointer(copy);
            for (int i = 4; i < size; i++) to[i] = from[i];
            return copy;
        }

        public virtual bool Equals(object obj) { return this == obj; }

        public virtual int GetHashCode() { return ObjectSupport.AddressHash(this); }

        public static bool ReferenceEquals(object a, object b) { return a == b; }

        ~Object() { }
    }

    public abstract class ValueType
    {
    }


    public struct Void
    {
    }

    [AttributeUsage(AttributeTargets.All, Inherited = true, AllowMultiple = false)]
    public abstract class Attribute
    {
    }

    [Flags]
    public enum AttributeTargets
    {
        Assembly = 1, Module = 2, Class = 4, Struct = 8, Enum = 16, Constructor = 32, Method = 64,
        Property = 128, Field = 256, Event = 512, Interface = 1024, Parameter = 2048, Delegate = 4096,
        ReturnValue = 8192, GenericParameter = 16384, All = 32767,
    }

    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class AttributeUsageAttribute : Attribute
    {
        private AttributeTargets validOn;
        private bool allowMultiple;
        private bool inherited;

        public AttributeUsageAttribute(AttributeTargets validOn) { this.validOn = validOn; inherited = true; }
        public AttributeTargets ValidOn { get { return validOn; } }
        public bool AllowMultiple { get { return allowMultiple; } set { allowMultiple = value; } }
        public bool Inherited { get { return inherited; } set { inherited = value; } }
    }

    [AttributeUsage(AttributeTargets.Enum)]
    public sealed class FlagsAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class ParamArrayAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.All)]
    public sealed class ObsoleteAttribute : Attribute
    {
        public ObsoleteAttribute() { }
        public ObsoleteAttribute(string message) { }
        public ObsoleteAttribute(string message, bool error) { }
    }

    [AttributeUsage(AttributeTargets.All)]
    public sealed class CLSCompliantAttribute : Attribute
    {
        public CLSCompliantAttribute(bool isCompliant) { }
    }

    /// <summary>Runtime type of an object: a view of the compiler's type information record.</summary>
    public unsafe class Type
    {
        private byte* typeInfo;

        internal Type(void* typeInfo) { this.typeInfo = (byte*)typeInfo; }

        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) { return new Type((void*)handle.Value); }

        public RuntimeTypeHandle TypeHandle { get { return RuntimeTypeHandle.FromPointer(typeInfo); } }

        public string FullName { get { return Unsafe.AsString(*(void**)(typeInfo + TypeCheck.NameOffset)); } }

        public string Name
        {
            get
            {
                string full = FullName;
                int cut = -1;
                for (int i = 0; i < full.Length && full[i] != '['; i++) if (full[i] == '.' || full[i] == '+') cut = i;
                return full.Substring(cut + 1);
            }
        }

        public string Namespace
        {
            get
            {
                string full = FullName;
                int dot = -1;
                for (int i = 0; i < full.Length && full[i] != '[' && full[i] != '+'; i++) if (full[i] == '.') dot = i;
                return dot < 0 ? null : full.Substring(0, dot);
            }
        }

        public Type BaseType
        {
            get
            {
                void* b = *(void**)(typeInfo + TypeCheck.BaseOffset);
                return b == null ? null : new Type(b);
            }
        }

        public bool IsValueType { get { return (*(uint*)typeInfo & TypeCheck.ValueTypeFlag) != 0; } }
        public bool IsArray { get { return (*(uint*)typeInfo & TypeCheck.ArrayFlag) != 0; } }
        public bool IsInterface { get { return (*(uint*)typeInfo & TypeCheck.InterfaceFlag) != 0; } }
        public bool IsEnum { get { return (*(uint*)typeInfo & TypeCheck.EnumFlag) != 0; } }

        public bool IsAssignableFrom(Type c) { return c != null && TypeCheck.IsAssignable(c.typeInfo, typeInfo); }
        public bool IsInstanceOfType(object o) { return o != null && TypeCheck.IsAssignable(TypeCheck.TypeOf(o), typeInfo); }

        public override string ToString() { return FullName; }
        public override bool Equals(object o) { Type t = o as Type; return t != null && t.typeInfo == typeInfo; }
        public override int GetHashCode() { return (int)typeInfo; }

        public static bool operator ==(Type a, Type b)
        {
            if ((object)a == null) return (object)b == null;
            return (object)b != null && a.typeInfo == b.typeInfo;
        }

        public static bool operator !=(Type a, Type b) { return !(a == b); }
    }

    public unsafe struct RuntimeTypeHandle
    {
        private IntPtr value;
        public IntPtr Value { get { return value; } }
        internal static RuntimeTypeHandle FromPointer(void* p) { RuntimeTypeHandle h; h.value = new IntPtr(p); return h; }
    }

    public struct RuntimeFieldHandle
    {
        private IntPtr value;
        public IntPtr Value { get { return value; } }
    }

    public struct TypedReference
    {
        private IntPtr value;
        private IntPtr type;
    }

    public struct RuntimeMethodHandle
    {
        private IntPtr value;
    }

    public interface IDisposable
    {
        void Dispose();
    }
}

namespace System.Collections
{
    public interface IEnumerable
    {
        IEnumerator GetEnumerator();
    }

    public interface IEnumerator
    {
        object Current { get; }
        bool MoveNext();
        void Reset();
    }
}
