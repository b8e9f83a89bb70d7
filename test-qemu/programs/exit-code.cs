// A program whose result is its exit code (computed, not a constant the compiler folds at -O0).
class ExitCode
{
    static int Twice(int x) { return x + x; }

    static int Main()
    {
        return Twice(21);
    }
}
