// korlib: System.Enum, the base of every enum type.

namespace System
{
    public abstract class Enum : ValueType
    {
    }
}
