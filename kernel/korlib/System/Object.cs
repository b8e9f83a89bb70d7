// korlib: sharpaot's own corlib (compiled by mcs -nostdlib into mscorlib.dll).
// System.Object and the types every .NET program implicitly depends on.

using Sharpaot.Runtime;

namespace System
{
    public class Object
    {
        public Object() { }

        public virtual string ToString() { return ObjectSupport.TypeName(this); }

        public virtual bool Equals(object obj) { return this == obj; }

        public virtual int GetHashCode() { return ObjectSupport.AddressHash(this); }

        public static bool ReferenceEquals(object a, object b) { return a == b; }

        ~Object() { }
    }

    public abstract class ValueType
    {
    }

    public abstract class Enum : ValueType
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

    public abstract class Type
    {
    }

    public struct RuntimeTypeHandle
    {
        private IntPtr value;
        public IntPtr Value { get { return value; } }
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
