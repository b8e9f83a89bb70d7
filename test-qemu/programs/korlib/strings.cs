// Strings and characters: searching, slicing, splitting, joining, padding, trimming,
// replacing, case, comparison (ordinal and culture-sensitive, as sorting uses it), and the
// Char helpers over Latin-1 and Latin Extended-A, with Mono's argument errors.
using System;
using System.Collections.Generic;

static class Strings
{
    static void Try(string label, Func<object> f)
    {
        try { Console.WriteLine(label + " = [" + f() + "]"); }
        catch (Exception e) { Console.WriteLine(label + " ! " + e.GetType().Name + ": " + e.Message); }
    }

    static string Join(string[] parts) { return "{" + string.Join("|", parts) + "}"; }

    static void Searching()
    {
        string s = "Hello, World! Hello again.";
        Try("IndexOf", () => s.IndexOf('o') + " " + s.IndexOf('o', 5) + " " + s.IndexOf('o', 5, 3) + " " + s.IndexOf("Hello") + " " + s.IndexOf("Hello", 1) + " " + s.IndexOf("xyz") + " " + s.IndexOf(""));
        Try("LastIndexOf", () => s.LastIndexOf('l') + " " + s.LastIndexOf('l', 10) + " " + s.LastIndexOf("Hello") + " " + s.LastIndexOf("Hello", 12) + " " + s.LastIndexOf("") + " " + "".LastIndexOf("") + " " + "abc".LastIndexOf("c", 1));
        Try("IndexOfAny", () => s.IndexOfAny(new[] { 'W', 'r' }) + " " + s.LastIndexOfAny(new[] { 'H', 'e' }) + " " + s.IndexOfAny(new[] { 'z' }, 3));
        Try("Contains", () => s.Contains("World") + " " + s.StartsWith("Hell") + " " + s.EndsWith("again.") + " " + s.StartsWith("hello", StringComparison.OrdinalIgnoreCase) + " " + s.EndsWith("AGAIN.", StringComparison.OrdinalIgnoreCase) + " " + s.IndexOf("WORLD", StringComparison.OrdinalIgnoreCase));
        Try("IndexOf bad", () => s.IndexOf('a', 99));
        Try("IndexOf count", () => s.IndexOf('a', 3, 99));
        Try("LastIndexOf bad", () => s.LastIndexOf('a', 99));
        Try("Contains null", () => s.Contains(null));
        Try("IndexOfAny null", () => s.IndexOfAny(null));
    }

    static void Slicing()
    {
        string s = "abcdefghij";
        Try("Substring", () => s.Substring(3) + " " + s.Substring(2, 4) + " " + s.Substring(10) + "|" + s.Substring(0, 0) + "|");
        Try("Substring start", () => s.Substring(11));
        Try("Substring neg", () => s.Substring(-1, 2));
        Try("Substring len", () => s.Substring(5, 6));
        Try("Insert", () => s.Insert(3, "XYZ") + " " + s.Insert(10, "!") + " " + s.Insert(0, ""));
        Try("Insert bad", () => s.Insert(11, "x"));
        Try("Remove", () => s.Remove(4) + " " + s.Remove(2, 3) + " " + s.Remove(0, 0));
        Try("Remove bad", () => s.Remove(10));
        Try("Remove count", () => s.Remove(8, 3));
        Try("ToCharArray", () => new string(s.ToCharArray(2, 3)) + " " + s.ToCharArray().Length);
        char[] buffer = new char[6];
        s.CopyTo(1, buffer, 2, 3);
        Try("CopyTo", () => new string(buffer).Replace('\0', '.'));
        Try("chars", () => new string('*', 5) + new string(new[] { 'a', 'b' }) + new string(new[] { 'a', 'b', 'c', 'd' }, 1, 2));
    }

    static void Building()
    {
        Try("Split", () => Join("a,b,,c".Split(',')) + Join("a b  c".Split()) + Join("a,b,c,d".Split(new[] { ',' }, 2)) + Join(",a,,b,".Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)));
        Try("Split strings", () => Join("a--b---c".Split(new[] { "--" }, StringSplitOptions.None)) + Join("one, two,three".Split(new[] { ", ", "," }, StringSplitOptions.None)) + Join("x".Split(new string[0], StringSplitOptions.None)));
        Try("Split count", () => Join(",a,,b,".Split(new[] { ',' }, 3, StringSplitOptions.RemoveEmptyEntries)) + Join("a b c".Split(new[] { ' ' }, 0)) + Join("".Split(',')) + Join("".Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)));
        Try("Split bad", () => "a".Split(new[] { ',' }, -1));
        Try("Join", () => string.Join(", ", new object[] { 1, "x", null, 2.5, 'c' }) + " " + string.Join("-", new[] { "a", "b", "c" }, 1, 2) + " " + string.Join("+", new List<int> { 1, 2, 3 }) + " " + string.Join(",", new object[] { null, "b" }) + "|");
        Try("Join null", () => string.Join(",", (string[])null));
        Try("Concat", () => string.Concat("a", "b", "c", "d", "e") + string.Concat(new List<string> { "x", "y" }) + string.Concat(1, 2.5, 'c') + string.Concat((object)null) + "|");
        Try("Pad", () => "ab".PadLeft(5) + "|" + "ab".PadRight(5, '*') + "|" + "abcdef".PadLeft(3) + "|" + "x".PadLeft(3, '0'));
        Try("Pad bad", () => "ab".PadLeft(-1));
        Try("Trim", () => "[" + "  ab  ".Trim() + "][" + "xxabcxx".Trim('x') + "][" + "  ab  ".TrimStart() + "][" + "  ab  ".TrimEnd() + "][" + "abcba".Trim('a', 'b') + "][" + "\t\n x \r".Trim() + "]");
        Try("Replace", () => "aaa".Replace("a", "bb") + " " + "abcabc".Replace("bc", "") + " " + "abc".Replace("b", null) + " " + "hello".Replace('l', 'L') + " " + "abc".Replace("x", "y"));
        Try("Replace empty", () => "abc".Replace("", "x"));
        Try("Case", () => "Hello World ÿ éÀ".ToUpper() + " " + "ABCÉ Ÿ".ToLower() + " " + "MiXeD".ToLowerInvariant() + " " + "MiXeD".ToUpperInvariant());
        Try("Format", () => string.Format("{0,-6}|{1,6:F2}|{2:X4}|{3}|{4:N0}|{5,3}", "ab", 3.14159, 255, null, 1234567, 'c'));
        Try("IsNull", () => string.IsNullOrEmpty("") + " " + string.IsNullOrEmpty(null) + " " + string.IsNullOrWhiteSpace(" \t") + " " + string.IsNullOrWhiteSpace(" a"));
    }

    static void Comparing()
    {
        string[] words = { "apple", "Apple", "APPLE", "banana", "Banana", "a", "A", "b", "B", "ab", "aB", "Ab", "AB", "a b", "a_b", "a1", "a10", "a2", "1", "10", "2", "abc", "abd", "ab c", "x.y", "xy", "", " ", "résumé", "resume", "Zebra", "zebra", "éclair", "Eclair", "naïve", "naive", "Ärger", "arg", "mañana", "manana", "hello world", "hello  world", "hello!" };
        List<string> sorted = new List<string>();
        foreach (string w in words) sorted.Add(w);
        sorted.Sort();
        Console.WriteLine(string.Join("|", sorted.ToArray()));
        sorted.Sort(string.CompareOrdinal);
        Console.WriteLine(string.Join("|", sorted.ToArray()));
        sorted.Sort(StringComparer.OrdinalIgnoreCase);
        Console.WriteLine(string.Join("|", sorted.ToArray()));
        foreach (string a in new[] { "a", "B", "abc", "ABC", "é", "" })
        {
            foreach (string b in new[] { "A", "b", "abd", "abc", "e", null })
            {
                Console.Write(Math.Sign(string.Compare(a, b)) + "," + Math.Sign(string.Compare(a, b, true)) + "," + Math.Sign(string.CompareOrdinal(a, b)) + "," + string.Equals(a, b, StringComparison.OrdinalIgnoreCase) + " ");
            }
            Console.WriteLine();
        }
        Try("CompareTo", () => "b".CompareTo("a") + " " + "a".CompareTo((object)"b") + " " + "a".CompareTo(null) + " " + string.CompareOrdinal("abc", "abd") + " " + string.CompareOrdinal("ab", "abc") + " " + string.Compare("abcdef", 2, "xxcdxx", 2, 2));
        Try("CompareTo bad", () => "a".CompareTo((object)5));
        Try("Equals", () => "abc".Equals("abc") + " " + "abc".Equals((object)"abc") + " " + ("ab" + "c" == "abc") + " " + string.Equals("a", "A", StringComparison.OrdinalIgnoreCase) + " " + "a".Equals(null));
    }

    static void Characters()
    {
        for (int i = 0; i < 0x180; i++)
        {
            char c = (char)i;
            string flags = (char.IsLetter(c) ? "L" : "-") + (char.IsUpper(c) ? "U" : "-") + (char.IsLower(c) ? "l" : "-") + (char.IsDigit(c) ? "D" : "-")
                + (char.IsNumber(c) ? "N" : "-") + (char.IsWhiteSpace(c) ? "W" : "-") + (char.IsPunctuation(c) ? "P" : "-") + (char.IsSymbol(c) ? "S" : "-")
                + (char.IsControl(c) ? "C" : "-") + (char.IsSeparator(c) ? "Z" : "-") + (char.IsLetterOrDigit(c) ? "A" : "-");
            Console.Write(i.ToString("X3") + flags + ((int)char.ToUpper(c)).ToString("X") + "," + ((int)char.ToLower(c)).ToString("X") + "," + char.GetNumericValue(c) + "," + (int)char.GetUnicodeCategory(c) + (i % 4 == 3 ? "\n" : " "));
        }
        Try("Char", () => char.Parse("x") + " " + char.ToString('y') + " " + 'a'.CompareTo('c') + " " + 'a'.Equals('a') + " " + 'q'.GetHashCode() + " " + char.IsSurrogate('\uD800') + " " + char.ConvertToUtf32('\uD83D', '\uDE00') + " " + char.ConvertFromUtf32(0x1F600).Length);
        Try("Char bad", () => char.Parse("xy"));
        Try("Char null", () => char.Parse(null));
        Try("Char index", () => char.IsDigit("abc", 5));
    }

    static int Main()
    {
        Searching();
        Slicing();
        Building();
        Comparing();
        Characters();
        return 0;
    }
}
