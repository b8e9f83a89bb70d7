// Collections: List<T> (with its struct enumerator, sorting with ties and comparers),
// Dictionary<TKey, TValue> (enumeration order through removals and re-insertions, Keys,
// Values, errors), HashSet<T> (set operations and their order), Queue<T>, Stack<T>,
// EqualityComparer/Comparer defaults, Array helpers, switch on strings, and the
// exceptions each throws with Mono's messages.
using System;
using System.Collections;
using System.Collections.Generic;

struct Point : IEquatable<Point>
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public bool Equals(Point p) { return p.X == X && p.Y == Y; }
    public override int GetHashCode() { return X * 31 + Y; }
    public override string ToString() { return "(" + X + "," + Y + ")"; }
}

class Person : IComparable<Person>
{
    public string Name;
    public int Age;
    public Person(string name, int age) { Name = name; Age = age; }
    public int CompareTo(Person other) { return Age.CompareTo(other.Age); }
    public override string ToString() { return Name + ":" + Age; }
}

class Key
{
    public int K;
    public Key(int k) { K = k; }
    public override bool Equals(object o) { Key k = o as Key; return k != null && k.K == K; }
    public override int GetHashCode() { return K % 3; }
    public override string ToString() { return "K" + K; }
}

static class Collections
{
    static ulong state = 88172645463325252;
    static int Next(int n) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return (int)(state % (ulong)n); }

    static string Show<T>(IEnumerable<T> items)
    {
        string s = "[";
        bool first = true;
        foreach (T item in items)
        {
            if (!first) s += ", ";
            s += item == null ? "null" : item.ToString();
            first = false;
        }
        return s + "]";
    }

    /// <summary>An array's elements as objects (GetValue boxes value types).</summary>
    static string ShowArray(Array items)
    {
        List<object> list = new List<object>();
        for (int i = 0; i < items.Length; i++) list.Add(items.GetValue(i));
        return Show(list) + items.Length;
    }

    static void Try(string label, Action a)
    {
        try { a(); Console.WriteLine(label + ": ok"); }
        catch (Exception e) { Console.WriteLine(label + ": " + e.GetType().Name + ": " + e.Message); }
    }

    static int Classify(string s)
    {
        switch (s)
        {
            case "zero": return 0;
            case "one": return 1;
            case "two": return 2;
            case "three": return 3;
            case "four": return 4;
            case "five": return 5;
            case "six": return 6;
            case "seven": return 7;
            default: return -1;
        }
    }

    static void Lists()
    {
        List<int> list = new List<int>();
        Console.WriteLine("capacity " + list.Capacity);
        for (int i = 0; i < 20; i++)
        {
            list.Add(Next(100));
            Console.Write(list.Capacity + " ");
        }
        Console.WriteLine();
        Console.WriteLine(Show(list) + " count " + list.Count);
        list.Insert(3, -1);
        list.RemoveAt(0);
        list.Remove(list[5]);
        Console.WriteLine(Show(list) + " " + list.IndexOf(-1) + " " + list.Contains(42) + " " + list.LastIndexOf(list[2]));
        list.Sort();
        Console.WriteLine("sorted " + Show(list));
        list.Reverse();
        Console.WriteLine("reversed " + Show(list));
        list.Sort((a, b) => (a % 10).CompareTo(b % 10));
        Console.WriteLine("by last digit " + Show(list));
        list.RemoveAll(x => x % 2 == 0);
        Console.WriteLine("odd " + Show(list) + " find " + list.Find(x => x > 50) + " index " + list.FindIndex(x => x > 50) + " exists " + list.Exists(x => x == 7));
        list.AddRange(new List<int> { 1, 2, 3 });
        list.InsertRange(1, new List<int> { 9, 9 });
        Console.WriteLine(Show(list) + " range " + Show(list.GetRange(1, 3)) + " array " + list.ToArray().Length);
        int sum = 0;
        list.ForEach(x => sum += x);
        Console.WriteLine("sum " + sum + " all " + list.TrueForAll(x => x > 0) + " converted " + Show(list.ConvertAll(x => "n" + x)));
        list.Clear();
        Console.WriteLine("cleared " + list.Count + " capacity " + list.Capacity);

        // Stable-looking ties: people sorted by age keep an introsort order.
        List<Person> people = new List<Person>();
        for (int i = 0; i < 40; i++) people.Add(new Person("p" + i, Next(5)));
        people.Sort();
        Console.WriteLine(Show(people));
        people.Sort((a, b) => string.Compare(a.Name, b.Name));
        Console.WriteLine(Show(people));
        people.Sort(Comparer<Person>.Create((a, b) => b.Age - a.Age));
        Console.WriteLine(Show(people));
        Person[] arr = people.ToArray();
        Array.Sort(arr, 5, 20);
        Console.WriteLine(ShowArray(arr));
        int[] big = new int[300];
        for (int i = 0; i < big.Length; i++) big[i] = Next(1000);
        Array.Sort(big);
        Console.WriteLine(big[0] + " " + big[150] + " " + big[299] + " " + Array.BinarySearch(big, big[77]) + " " + Array.BinarySearch(big, 1001));
        string[] words = { "pear", "Apple", "apple", "banana", "Cherry", "cherry", "date", "Banana", "fig" };
        Array.Sort(words);
        Console.WriteLine(ShowArray(words));
        Array.Sort(words, StringComparer.Ordinal);
        Console.WriteLine(ShowArray(words));

        Try("index", () => Console.WriteLine(new List<int>()[0]));
        Try("insert", () => new List<int>().Insert(2, 1));
        Try("range", () => new List<int> { 1 }.GetRange(0, 5));
        Try("modified", () => { List<int> l = new List<int> { 1, 2 }; foreach (int x in l) l.Add(x); });
        Try("capacity", () => new List<int> { 1, 2 }.Capacity = 1);
        Try("sort bad", () => new List<object> { new object(), new object() }.Sort());
    }

    static void Dictionaries()
    {
        Dictionary<string, int> d = new Dictionary<string, int>();
        string[] names = { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve" };
        for (int i = 0; i < names.Length; i++) d.Add(names[i], i + 1);
        Console.WriteLine(Show(d));
        d.Remove("three");
        d.Remove("seven");
        d.Remove("one");
        d["thirteen"] = 13;
        d["fourteen"] = 14;
        d["two"] = 22;
        d.Add("fifteen", 15);
        Console.WriteLine(Show(d) + " count " + d.Count);
        Console.WriteLine(Show(d.Keys) + " " + Show(d.Values));
        int v;
        Console.WriteLine(d.TryGetValue("four", out v) + " " + v + " " + d.TryGetValue("one", out v) + " " + v + " " + d.ContainsKey("six") + " " + d.ContainsValue(22));
        foreach (KeyValuePair<string, int> pair in d) Console.Write(pair.Key + "=" + pair.Value + ";");
        Console.WriteLine();

        Dictionary<Key, string> collide = new Dictionary<Key, string>();
        for (int i = 0; i < 10; i++) collide[new Key(i)] = "v" + i;
        collide.Remove(new Key(4));
        collide.Remove(new Key(1));
        collide[new Key(20)] = "x";
        Console.WriteLine(Show(collide) + " " + collide[new Key(7)]);

        Dictionary<Point, int> points = new Dictionary<Point, int>();
        for (int i = 0; i < 30; i++) points[new Point(Next(4), Next(4))] = i;
        Console.WriteLine(Show(points));

        Dictionary<int, int> counts = new Dictionary<int, int>();
        for (int i = 0; i < 500; i++)
        {
            int k = Next(37);
            int c;
            counts.TryGetValue(k, out c);
            counts[k] = c + 1;
            if (i % 7 == 0) counts.Remove(Next(37));
        }
        Console.WriteLine(Show(counts));

        Try("missing", () => Console.WriteLine(d["nothing"]));
        Try("duplicate", () => d.Add("two", 2));
        Try("null key", () => d.Add(null, 1));
        Try("modified", () => { foreach (KeyValuePair<string, int> p in d) d["zzz"] = 1; });
        for (int i = -1; i < 9; i++) Console.Write(Classify(i < 0 ? "none" : names[i] == "eight" ? "zero" : names[i]) + " ");
        Console.WriteLine();
    }

    static void Sets()
    {
        HashSet<int> a = new HashSet<int>();
        for (int i = 0; i < 25; i++) a.Add(Next(40));
        Console.WriteLine(Show(a) + " " + a.Count + " " + a.Add(a.Count) + " " + a.Contains(7));
        a.Remove(3);
        a.Remove(17);
        a.Add(100);
        a.Add(101);
        Console.WriteLine(Show(a));
        HashSet<int> b = new HashSet<int>(new List<int> { 1, 2, 3, 4, 5, 100, 7, 9, 11, 13 });
        HashSet<int> u = new HashSet<int>(a);
        u.UnionWith(b);
        Console.WriteLine("union " + Show(u));
        HashSet<int> n = new HashSet<int>(a);
        n.IntersectWith(b);
        Console.WriteLine("intersect " + Show(n));
        HashSet<int> e = new HashSet<int>(a);
        e.ExceptWith(b);
        Console.WriteLine("except " + Show(e));
        HashSet<int> x = new HashSet<int>(a);
        x.SymmetricExceptWith(new List<int> { 1, 2, 3, 100, 200 });
        Console.WriteLine("symmetric " + Show(x));
        Console.WriteLine(b.IsSubsetOf(u) + " " + u.IsSupersetOf(b) + " " + a.Overlaps(b) + " " + a.SetEquals(a) + " " + n.IsProperSubsetOf(a));
        Console.WriteLine("removed " + a.RemoveWhere(v => v % 3 == 0) + " " + Show(a));
        HashSet<string> s = new HashSet<string> { "b", "a", "c", "a" };
        s.Remove("b");
        s.Add("d");
        Console.WriteLine(Show(s));
        HashSet<string> empty = new HashSet<string> { "x" };
        empty.Remove("x");
        empty.Add("y");
        empty.Add("z");
        Console.WriteLine(Show(empty));
    }

    static void QueuesAndStacks()
    {
        Queue<int> q = new Queue<int>();
        for (int i = 0; i < 10; i++) q.Enqueue(i * i);
        Console.WriteLine(q.Dequeue() + " " + q.Dequeue() + " " + q.Peek() + " " + q.Count + " " + Show(q) + " " + q.Contains(49));
        for (int i = 0; i < 5; i++) q.Enqueue(-i);
        Console.WriteLine(Show(q) + " " + ShowArray(q.ToArray()));
        Stack<string> st = new Stack<string>();
        foreach (string w in "a b c d e".Split(' ')) st.Push(w);
        Console.WriteLine(st.Pop() + " " + st.Peek() + " " + Show(st) + " " + ShowArray(st.ToArray()) + " " + st.Contains("b"));
        Try("queue empty", () => new Queue<int>().Dequeue());
        Try("stack empty", () => new Stack<int>().Pop());
        Try("stack peek", () => new Stack<int>().Peek());
    }

    static void Comparers()
    {
        Console.WriteLine(EqualityComparer<int>.Default.Equals(3, 3) + " " + EqualityComparer<string>.Default.Equals("a", null) + " " + EqualityComparer<Point>.Default.Equals(new Point(1, 2), new Point(1, 2)));
        Console.WriteLine(Comparer<int>.Default.Compare(1, 5) + " " + Comparer<string>.Default.Compare("a", "B") + " " + Comparer<double>.Default.Compare(double.NaN, 0) + " " + Comparer<string>.Default.Compare(null, "x"));
        Console.WriteLine(EqualityComparer<int>.Default.GetHashCode(42) + " " + EqualityComparer<Point>.Default.GetHashCode(new Point(2, 3)));
        Try("compare objects", () => Comparer<object>.Default.Compare(new object(), new object()));
    }

    static void Arrays()
    {
        int[] a = { 5, 3, 9, 1, 7 };
        Array.Reverse(a);
        Console.WriteLine(ShowArray(a) + " " + Array.IndexOf(a, 9) + " " + Array.LastIndexOf(a, 5) + " " + Array.IndexOf(a, 42));
        Array.Resize(ref a, 8);
        Console.WriteLine(ShowArray(a));
        Array.Clear(a, 1, 2);
        Console.WriteLine(ShowArray(a));
        int[] b = new int[10];
        Array.Copy(a, 0, b, 2, 8);
        Console.WriteLine(ShowArray(b));
        Array.Copy(b, 0, b, 1, 9);
        Console.WriteLine(ShowArray(b));
        object[] boxes = new object[3];
        Array.Copy(new int[] { 1, 2, 3 }, boxes, 3);
        Console.WriteLine(ShowArray(boxes) + " " + Array.Empty<string>().Length + " " + Array.Exists(a, v => v == 7) + " " + Array.Find(a, v => v > 4));
        string[] ss = { "x", "y" };
        object[] os = ss;
        Console.WriteLine(os.Length + " " + Array.IndexOf(os, "y") + " " + new int[3].GetValue(1) + " " + ss.GetValue(0));
        double[] ds = { 3.5, -1, double.NaN, 0, 2 };
        Array.Sort(ds);
        Console.WriteLine(ShowArray(ds));
        int[] keys = { 3, 1, 2, 1, 3 };
        string[] values = { "c", "a", "b", "a2", "c2" };
        Array.Sort(keys, values);
        Console.WriteLine(ShowArray(keys) + " " + ShowArray(values));
        Try("copy", () => Array.Copy(new int[1], new int[1], 2));
        Try("resize", () => { int[] z = null; Array.Resize(ref z, -1); });
        Try("covariant", () => { object[] o = new string[1]; o[0] = 1; });
    }

    static int Main()
    {
        Lists();
        Dictionaries();
        Sets();
        QueuesAndStacks();
        Comparers();
        Arrays();
        return 0;
    }
}
