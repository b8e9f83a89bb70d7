// korlib: raising exceptions. The compiler calls these for throw/rethrow and for the
// checks it inserts (null references, bounds, division, overflow).

using System;

namespace Sharpaot.Runtime
{
    public static class ExceptionSupport
    {
        public static void Throw(object exception)
        {
            Unhandled(exception);
        }

        public static void Rethrow(object exception)
        {
            Unhandled(exception);
        }

        public static void ThrowNullReference() { Throw(new NullReferenceException()); }
        public static void ThrowIndexOutOfRange() { Throw(new IndexOutOfRangeException()); }
        public static void ThrowDivideByZero() { Throw(new DivideByZeroException()); }
        public static void ThrowOverflow() { Throw(new OverflowException()); }
        public static void ThrowArithmetic() { Throw(new ArithmeticException("Function does not accept floating point Not-a-Number values.")); }

        public static void ThrowAbstractMethod() { Throw(new InvalidOperationException("Attempted to call an abstract method.")); }

        public static void OutOfMemory()
        {
            Output.WriteString(Output.Stderr, "Out of memory\n");
            Startup.Exit(1);
        }

        /// <summary>Reports an exception nothing caught, as Mono does, and ends the program with status 1.</summary>
        private static void Unhandled(object exception)
        {
            Output.WriteString(Output.Stderr, "Unhandled Exception:\n");
            Output.WriteString(Output.Stderr, ObjectSupport.TypeName(exception));
            Output.WriteString(Output.Stderr, "\n");
            Startup.Exit(1);
        }
    }
}
