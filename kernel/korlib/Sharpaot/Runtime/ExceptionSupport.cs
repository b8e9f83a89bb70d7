// korlib: exception handling. Two passes over the ebp frame chain, as the CLR does:
// the first finds the handler (evaluating filters), the second runs the finally and
// fault handlers of every protected region being left, then execution resumes at the
// catch handler. Which code belongs to which region comes from the method table the
// compiler emits (aot/src/runtime/method-table.ts documents its layout). An exception
// nobody catches runs the finally handlers, is reported on COM2 as Mono reports it, and
// ends the program with status 1.

using System;
using System.Runtime.CompilerServices;
using Sharpaot.X86;

namespace Sharpaot.Runtime
{
    public static unsafe class ExceptionSupport
    {
        // Region kinds in EH tables.
        private const uint Try = 0;
        private const uint Catch = 1;
        private const uint Finally = 3;
        private const uint Fault = 4;
        private const int RegionWords = 6;

        private static uint* methodTable;

        public static void Init(void* table)
        {
            methodTable = (uint*)table;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Throw(object exception)
        {
            if (exception == null) exception = new NullReferenceException();
            uint* frame = (uint*)Asm.ReadEbp();
            Exception e = exception as Exception;
            if (e != null) e.stackTrace = StackTrace(frame[1], (uint*)frame[0]);
            Dispatch(exception, frame[1], (uint*)frame[0]);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Rethrow(object exception)
        {
            uint* frame = (uint*)Asm.ReadEbp();
            Dispatch(exception, frame[1], (uint*)frame[0]);
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

        /// <summary>`pc` is a return address into the method whose frame is `frame` (a call site).</summary>
        private static void Dispatch(object exception, uint pc, uint* frame)
        {
            // First pass: find the handler.
            uint* handlerFrame = null;
            uint* handlerTable = null;
            int handler = -1;
            uint hpc = pc;
            for (uint* f = frame; f != null && handler < 0; hpc = f[1], f = (uint*)f[0])
            {
                uint* table = EhTable(hpc - 1);
                if (table == null) continue;
                for (int r = RegionAt(table, hpc - 1); r >= 0 && handler < 0; r = (int)Region(table, r)[1])
                {
                    if (Region(table, r)[0] != Try) continue;
                    handler = FindCatch(table, r, exception, f);
                }
                if (handler >= 0)
                {
                    handlerFrame = f;
                    handlerTable = table;
                }
            }

            // Second pass: finally and fault handlers of the regions being left.
            uint fpc = pc;
            for (uint* f = frame; f != null; fpc = f[1], f = (uint*)f[0])
            {
                uint* table = EhTable(fpc - 1);
                if (table != null)
                {
                    int stop = f == handlerFrame ? (int)Region(handlerTable, handler)[2] : -1;
                    for (int r = RegionAt(table, fpc - 1); r >= 0 && r != stop; r = (int)Region(table, r)[1])
                    {
                        if (Region(table, r)[0] == Try) RunFinallies(table, r, exception, f);
                    }
                }
                if (f == handlerFrame) break;
            }

            if (handler < 0) Unhandled(exception);
            Frames.ResumeAt(handlerFrame, (void*)Region(handlerTable, handler)[4], exception);
        }

        /// <summary>The catch handler of try region `tryRegion` that takes the exception, or -1.</summary>
        private static int FindCatch(uint* table, int tryRegion, object exception, uint* frame)
        {
            int count = (int)table[0];
            for (int h = 0; h < count; h++)
            {
                uint* region = Region(table, h);
                if (region[0] != Catch || (int)region[2] != tryRegion) continue;
                int filter = (int)region[5];
                if (filter >= 0)
                {
                    if (Frames.CallFunclet(frame, (void*)Region(table, filter)[4], exception) != 0) return h;
                }
                else if (region[3] == 0 || TypeCheck.IsAssignable(TypeCheck.TypeOf(exception), (byte*)region[3]))
                {
                    return h;
                }
            }
            return -1;
        }

        private static void RunFinallies(uint* table, int tryRegion, object exception, uint* frame)
        {
            int count = (int)table[0];
            for (int h = 0; h < count; h++)
            {
                uint* region = Region(table, h);
                if ((region[0] == Finally || region[0] == Fault) && (int)region[2] == tryRegion) Frames.CallFunclet(frame, (void*)region[4], exception);
            }
        }

        private static uint* Region(uint* table, int index)
        {
            return table + 1 + index * RegionWords;
        }

        /// <summary>The method-table entry of the method containing `pc`, or null.</summary>
        private static uint* MethodAt(uint pc)
        {
            if (methodTable == null) return null;
            int lo = 0;
            int hi = (int)methodTable[0] - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                uint* m = methodTable + 1 + mid * 4;
                if (pc < m[0]) hi = mid - 1;
                else if (pc >= m[1]) lo = mid + 1;
                else return m;
            }
            return null;
        }

        private static uint* EhTable(uint pc)
        {
            uint* m = MethodAt(pc);
            return m == null ? null : (uint*)m[3];
        }

        /// <summary>The innermost region containing `pc`, from the table's runs, or -1.</summary>
        private static int RegionAt(uint* table, uint pc)
        {
            uint* runs = table + 1 + (int)table[0] * RegionWords;
            int count = (int)runs[0];
            int region = -1;
            for (int i = 0; i < count; i++)
            {
                if (runs[1 + 2 * i] > pc) break;
                region = (int)runs[2 + 2 * i];
            }
            return region;
        }

        /// <summary>"  at Method (params)" lines for the frames from `pc`/`frame` outwards, as Mono prints them.</summary>
        private static string StackTrace(uint pc, uint* frame)
        {
            string trace = "";
            for (uint* f = frame; f != null; pc = f[1], f = (uint*)f[0])
            {
                uint* m = MethodAt(pc - 1);
                if (m == null) continue;
                string name = Unsafe.AsString((void*)m[2]);
                if (name.StartsWith("Sharpaot.Runtime.") || name.StartsWith("__sharpaot_")) continue;
                trace = trace.Length == 0 ? "  at " + name : trace + "\n  at " + name;
            }
            return trace;
        }

        /// <summary>Reports an exception nothing caught, as Mono does, and ends the program with status 1.</summary>
        private static void Unhandled(object exception)
        {
            Output.WriteString(Output.Stderr, "Unhandled Exception:\n");
            Exception e = exception as Exception;
            string text = e != null ? e.ToString() : ObjectSupport.TypeName(exception);
            Output.WriteString(Output.Stderr, text);
            Output.WriteString(Output.Stderr, "\n[ERROR] FATAL UNHANDLED EXCEPTION: ");
            Output.WriteString(Output.Stderr, text);
            Output.WriteString(Output.Stderr, "\n");
            Startup.Exit(1);
        }
    }
}
