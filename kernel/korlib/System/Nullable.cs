// korlib: Nullable<T>. Boxing follows the CLR rules, implemented by the compiler: a
// Nullable without a value boxes to null, one with a value boxes to its T, and unboxing
// takes null or a boxed T. The compiler reads the fields below by name.

namespace System
{
    public struct Nullable<T> where T : struct
    {
        private bool hasValue;
        private T value;

        public Nullable(T value)
        {
            this.value = value;
            hasValue = true;
        }

        public bool HasValue { get { return hasValue; } }

        public T Value
        {
            get
            {
                if (!hasValue) throw new InvalidOperationException("Nullable object must have a value.");
                return value;
            }
        }

        public T GetValueOrDefault() { return value; }

        public T GetValueOrDefault(T defaultValue) { return hasValue ? value : defaultValue; }

        public override bool Equals(object other)
        {
            if (!hasValue) return other == null;
            return other != null && value.Equals(other);
        }

        public override int GetHashCode() { return hasValue ? value.GetHashCode() : 0; }

        public override string ToString() { return hasValue ? value.ToString() : ""; }

        public static implicit operator Nullable<T>(T value) { return new Nullable<T>(value); }

        public static explicit operator T(Nullable<T> value) { return value.Value; }
    }
}
