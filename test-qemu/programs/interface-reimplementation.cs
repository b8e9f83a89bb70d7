// Found by the random programs (seeds 2012, 2015, 2090, 2112): a class that lists an
// interface again and implements its method implicitly re-implements it, even though its
// base class implements it explicitly; interface calls went to the base's method. Also
// the neighbouring cases of ECMA-335 §II.12.2: no re-listing (the base's explicit
// implementation stays), an explicit implementation next to a public method of the same
// name, an explicit re-implementation, re-listing without a new method, and a virtual
// method overridden below the class that lists the interface.

using System;

interface I { string M(); }

class B : I { string I.M() { return "B explicit"; } }
class C : B, I { public string M() { return "C implicit"; } }
class D : B { public string M() { return "D not listed"; } }
class E : I { string I.M() { return "E explicit"; } public string M() { return "E public"; } }
class F : C, I { string I.M() { return "F explicit"; } }
class G : B, I { }
class H : I { public virtual string M() { return "H virtual"; } }
class J : H { public override string M() { return "J override"; } }

static class Program
{
    static void Show(string what, I i)
    {
        Console.WriteLine(what + ": " + i.M());
    }

    static int Main()
    {
        Show("B", new B());
        Show("C", new C());
        Show("D", new D());
        Show("E", new E());
        Show("F", new F());
        Show("G", new G());
        Show("J", new J());
        Console.WriteLine(new C().M() + " / " + new D().M() + " / " + new E().M() + " / " + new J().M());
        return 0;
    }
}
