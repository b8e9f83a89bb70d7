// korlib: delegates. The compiler implements the constructor and Invoke of every
// delegate type; this is the shared state they use.

namespace System
{
    public abstract class Delegate
    {
    }

    public abstract class MulticastDelegate : Delegate
    {
    }
}
