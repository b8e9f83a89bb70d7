// A switch whose default target is also case 0's, after optimisation: critical-edge
// splitting places the shared split block right after the switch, and emission must not
// fold the jump-table dispatch into a negated conditional branch.
using System;

class SwitchDefaultNext
{
    static int Main()
    {
        for (int k = -1; k < 9; k++)
        {
            int r = 0;
            switch (k)
            {
                case 1: r = -20; break;
                case 2: r = 30; break;
                case 3: r = 40; break;
                case 4: r = -50; break;
                case 5: r = 60; break;
                case 6: r = 70; break;
                case 7: r = -80; break;
            }
            Console.WriteLine(r);
        }
        return 0;
    }
}
