// An unhandled exception runs the finally blocks on the way out, then ends the program
// with status 1 (Mono's behaviour).
using System;
class P { static void F() { try { throw new InvalidOperationException("boom"); } finally { Console.WriteLine("finally F"); } }
 static int Main() { try { F(); } finally { Console.WriteLine("finally Main"); } return 5; } }
