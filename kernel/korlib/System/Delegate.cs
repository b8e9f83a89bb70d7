// korlib: delegates. The compiler implements every delegate type's constructor (it
// stores the target and the code address) and Invoke (a direct call of the code, with
// the target as first argument unless it is null, or each delegate of the invocation
// list in turn); aot/src/runtime/delegates.ts reads the fields below by name.

using Sharpaot.Runtime;

namespace System
{
    public abstract unsafe class Delegate
    {
        internal object _target;
        internal IntPtr _methodPtr;
        /// <summary>For a combined delegate: its single-cast delegates, in call order; else null.</summary>
        internal Delegate[] _invocationList;

        public object Target { get { return _target; } }

        public static Delegate Combine(Delegate a, Delegate b)
        {
            if ((object)a == null) return b;
            if ((object)b == null) return a;
            Delegate[] la = a.Flatten();
            Delegate[] lb = b.Flatten();
            Delegate[] all = new Delegate[la.Length + lb.Length];
            for (int i = 0; i < la.Length; i++) all[i] = la[i];
            for (int i = 0; i < lb.Length; i++) all[la.Length + i] = lb[i];
            return WithList(b, all);
        }

        public static Delegate Combine(params Delegate[] delegates)
        {
            Delegate d = null;
            if (delegates != null) for (int i = 0; i < delegates.Length; i++) d = Combine(d, delegates[i]);
            return d;
        }

        /// <summary>Removes the last occurrence of b's invocation list from a's, as .NET does.</summary>
        public static Delegate Remove(Delegate a, Delegate b)
        {
            if ((object)a == null) return null;
            if ((object)b == null) return a;
            Delegate[] la = a.Flatten();
            Delegate[] lb = b.Flatten();
            for (int start = la.Length - lb.Length; start >= 0; start--)
            {
                bool match = true;
                for (int k = 0; k < lb.Length && match; k++) match = la[start + k].SameTarget(lb[k]);
                if (!match) continue;
                int n = la.Length - lb.Length;
                if (n == 0) return null;
                Delegate[] rest = new Delegate[n];
                for (int i = 0, j = 0; i < la.Length; i++) if (i < start || i >= start + lb.Length) rest[j++] = la[i];
                return n == 1 ? rest[0] : WithList(a, rest);
            }
            return a;
        }

        public static bool operator ==(Delegate a, Delegate b)
        {
            if ((object)a == null) return (object)b == null;
            return a.Equals(b);
        }

        public static bool operator !=(Delegate a, Delegate b) { return !(a == b); }

        public override bool Equals(object obj)
        {
            Delegate d = obj as Delegate;
            if ((object)d == null || TypeCheck.TypeOf(d) != TypeCheck.TypeOf(this)) return false;
            Delegate[] la = Flatten();
            Delegate[] lb = d.Flatten();
            if (la.Length != lb.Length) return false;
            for (int i = 0; i < la.Length; i++) if (!la[i].SameTarget(lb[i])) return false;
            return true;
        }

        public override int GetHashCode() { return (int)_methodPtr.ToPointer(); }

        public virtual Delegate[] GetInvocationList() { return (Delegate[])Flatten().Clone(); }

        private bool SameTarget(Delegate d) { return _target == d._target && _methodPtr == d._methodPtr; }

        internal Delegate[] Flatten()
        {
            if (_invocationList != null) return _invocationList;
            Delegate[] one = new Delegate[1];
            one[0] = this;
            return one;
        }

        private static Delegate WithList(Delegate like, Delegate[] list)
        {
            Delegate d = (Delegate)like.MemberwiseClone();
            d._invocationList = list;
            d._target = list[list.Length - 1]._target;
            d._methodPtr = list[list.Length - 1]._methodPtr;
            return d;
        }
    }

    public abstract class MulticastDelegate : Delegate
    {
    }
}
