// Once a compiler gap: arrays do not implement IEnumerable<T>, IList<T> or the non-generic IList
// at run time (mcs accepts the conversions), so passing an array where a collection is
// expected fails with InvalidCastException.
using System;
using System.Collections;
using System.Collections.Generic;

static class ArrayInterfaces
{
    static int Main()
    {
        int[] numbers = { 3, 1, 2 };
        List<int> list = new List<int>(numbers);
        IList untyped = numbers;
        Console.WriteLine(list.Count + " " + untyped.Count + " " + string.Join(",", numbers));
        return 0;
    }
}
