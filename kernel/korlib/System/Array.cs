// korlib: System.Array and the delegate base classes.

namespace System
{
    public abstract class Array
    {
    }

    public abstract class Delegate
    {
    }

    public abstract class MulticastDelegate : Delegate
    {
    }
}
