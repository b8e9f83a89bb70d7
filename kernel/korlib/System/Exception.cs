// korlib: System.Exception and the SystemException / ArgumentException families, with
// Mono's messages and ToString layout ("Type: message ---> inner\n   --- End of inner
// exception stack trace ---", then the stack trace the runtime recorded when it was
// thrown). The other exception types are in Exceptions.cs.

namespace System
{
    public class Exception
    {
        private string message;
        private Exception innerException;
        /// <summary>Set by the runtime when the exception is thrown.</summary>
        internal string stackTrace;

        public Exception() { }
        public Exception(string message) { this.message = message; }
        public Exception(string message, Exception innerException) { this.message = message; this.innerException = innerException; }

        public virtual string Message
        {
            get { return message != null ? message : "Exception of type '" + GetType().FullName + "' was thrown."; }
        }

        public Exception InnerException { get { return innerException; } }

        public virtual string StackTrace { get { return stackTrace; } }

        public virtual string Source { get; set; }

        public virtual string HelpLink { get; set; }

        public int HResult { get; protected set; }

        /// <summary>The innermost exception of the InnerException chain.</summary>
        public virtual Exception GetBaseException()
        {
            Exception e = this;
            while (e.innerException != null) e = e.innerException;
            return e;
        }

        public override string ToString()
        {
            string s = GetType().FullName;
            string m = Message;
            if (m != null && m.Length > 0) s = s + ": " + m;
            if (innerException != null) s = s + " ---> " + innerException.ToString() + Environment.NewLine + "   --- End of inner exception stack trace ---";
            if (stackTrace != null && stackTrace.Length > 0) s = s + Environment.NewLine + stackTrace;
            return s;
        }
    }

    public class SystemException : Exception
    {
        public SystemException() : base("System error.") { }
        public SystemException(string message) : base(message) { }
        public SystemException(string message, Exception innerException) : base(message, innerException) { }
    }

    public class ApplicationException : Exception
    {
        public ApplicationException() : base("Error in the application.") { }
        public ApplicationException(string message) : base(message) { }
        public ApplicationException(string message, Exception innerException) : base(message, innerException) { }
    }

    public class ArgumentException : SystemException
    {
        private string paramName;

        public ArgumentException() : base("Value does not fall within the expected range.") { }
        public ArgumentException(string message) : base(message) { }
        public ArgumentException(string message, Exception innerException) : base(message, innerException) { }
        public ArgumentException(string message, string paramName) : base(message) { this.paramName = paramName; }
        public ArgumentException(string message, string paramName, Exception innerException) : base(message, innerException) { this.paramName = paramName; }

        public virtual string ParamName { get { return paramName; } }

        public override string Message
        {
            get
            {
                string s = base.Message;
                if (!string.IsNullOrEmpty(paramName)) return s + Environment.NewLine + "Parameter name: " + paramName;
                return s;
            }
        }
    }

    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() : base("Value cannot be null.") { }
        public ArgumentNullException(string paramName) : base("Value cannot be null.", paramName) { }
        public ArgumentNullException(string paramName, string message) : base(message, paramName) { }
        public ArgumentNullException(string message, Exception innerException) : base(message, innerException) { }
    }

    public class ArgumentOutOfRangeException : ArgumentException
    {
        private object actualValue;

        public ArgumentOutOfRangeException() : base("Specified argument was out of the range of valid values.") { }
        public ArgumentOutOfRangeException(string paramName) : base("Specified argument was out of the range of valid values.", paramName) { }
        public ArgumentOutOfRangeException(string paramName, string message) : base(message, paramName) { }
        public ArgumentOutOfRangeException(string message, Exception innerException) : base(message, innerException) { }
        public ArgumentOutOfRangeException(string paramName, object actualValue, string message) : base(message, paramName) { this.actualValue = actualValue; }

        public virtual object ActualValue { get { return actualValue; } }

        public override string Message
        {
            get
            {
                string s = base.Message;
                if (actualValue == null) return s;
                string valueMessage = "Actual value was " + actualValue.ToString() + ".";
                return s == null ? valueMessage : s + Environment.NewLine + valueMessage;
            }
        }
    }

    public class DuplicateWaitObjectException : ArgumentException
    {
        public DuplicateWaitObjectException() : base("Duplicate objects in argument.") { }
        public DuplicateWaitObjectException(string parameterName) : base("Duplicate objects in argument.", parameterName) { }
        public DuplicateWaitObjectException(string parameterName, string message) : base(message, parameterName) { }
    }
}
