// korlib: composite formatting ("{index[,alignment][:format]}", "{{" and "}}" for braces),
// the engine of AppendFormat, String.Format and Console.WriteLine(format, args), with
// .NET's parsing rules and errors: an item is formatted by an ICustomFormatter from the
// provider, else IFormattable.ToString(format, provider), else ToString().

namespace System.Text
{
    public sealed partial class StringBuilder
    {
        private const int IndexLimit = 1000000;
        private const int WidthLimit = 1000000;

        public StringBuilder AppendFormat(string format, object arg0) { return AppendFormatHelper(null, format, new object[] { arg0 }); }
        public StringBuilder AppendFormat(string format, object arg0, object arg1) { return AppendFormatHelper(null, format, new object[] { arg0, arg1 }); }
        public StringBuilder AppendFormat(string format, object arg0, object arg1, object arg2) { return AppendFormatHelper(null, format, new object[] { arg0, arg1, arg2 }); }

        public StringBuilder AppendFormat(string format, params object[] args)
        {
            if (args == null) throw new ArgumentNullException(format == null ? "format" : "args");
            return AppendFormatHelper(null, format, args);
        }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0) { return AppendFormatHelper(provider, format, new object[] { arg0 }); }
        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1) { return AppendFormatHelper(provider, format, new object[] { arg0, arg1 }); }
        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1, object arg2) { return AppendFormatHelper(provider, format, new object[] { arg0, arg1, arg2 }); }

        public StringBuilder AppendFormat(IFormatProvider provider, string format, params object[] args)
        {
            if (args == null) throw new ArgumentNullException(format == null ? "format" : "args");
            return AppendFormatHelper(provider, format, args);
        }

        private static void FormatError()
        {
            throw new FormatException("Input string was not in a correct format.");
        }

        internal StringBuilder AppendFormatHelper(IFormatProvider provider, string format, object[] args)
        {
            if (format == null) throw new ArgumentNullException("format");
            int pos = 0;
            int len = format.Length;
            char ch = '\0';
            ICustomFormatter cf = null;
            if (provider != null) cf = (ICustomFormatter)provider.GetFormat(typeof(ICustomFormatter));

            for (;;)
            {
                // Literal text up to an argument hole.
                while (pos < len)
                {
                    ch = format[pos];
                    pos++;
                    if (ch == '}')
                    {
                        if (pos < len && format[pos] == '}') pos++;
                        else FormatError();
                    }
                    if (ch == '{')
                    {
                        if (pos < len && format[pos] == '{')
                        {
                            pos++;
                        }
                        else
                        {
                            pos--;
                            break;
                        }
                    }
                    Append(ch);
                }
                if (pos == len) break;

                // Index ::= digits, then spaces.
                pos++;
                if (pos == len || (ch = format[pos]) < '0' || ch > '9') FormatError();
                int index = 0;
                do
                {
                    index = index * 10 + ch - '0';
                    pos++;
                    if (pos == len) FormatError();
                    ch = format[pos];
                } while (ch >= '0' && ch <= '9' && index < IndexLimit);
                if (index >= args.Length) throw new FormatException("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
                while (pos < len && (ch = format[pos]) == ' ') pos++;

                // Alignment ::= ',' spaces ['-'] digits spaces.
                bool leftJustify = false;
                int width = 0;
                if (ch == ',')
                {
                    pos++;
                    while (pos < len && format[pos] == ' ') pos++;
                    if (pos == len) FormatError();
                    ch = format[pos];
                    if (ch == '-')
                    {
                        leftJustify = true;
                        pos++;
                        if (pos == len) FormatError();
                        ch = format[pos];
                    }
                    if (ch < '0' || ch > '9') FormatError();
                    do
                    {
                        width = width * 10 + ch - '0';
                        pos++;
                        if (pos == len) FormatError();
                        ch = format[pos];
                    } while (ch >= '0' && ch <= '9' && width < WidthLimit);
                }
                while (pos < len && (ch = format[pos]) == ' ') pos++;

                // Format ::= ':' text up to the closing brace ("{{" and "}}" escaped).
                object arg = args[index];
                string itemFormat = null;
                if (ch == ':')
                {
                    pos++;
                    int startPos = pos;
                    StringBuilder unescaped = null;
                    for (;;)
                    {
                        if (pos == len) FormatError();
                        ch = format[pos];
                        pos++;
                        if (ch == '}' || ch == '{')
                        {
                            if (ch == '{')
                            {
                                if (pos < len && format[pos] == '{') pos++;
                                else FormatError();
                            }
                            else
                            {
                                if (pos < len && format[pos] == '}')
                                {
                                    pos++;
                                }
                                else
                                {
                                    pos--;
                                    break;
                                }
                            }
                            if (unescaped == null) unescaped = new StringBuilder();
                            unescaped.Append(format, startPos, pos - startPos - 1);
                            startPos = pos;
                        }
                    }
                    if (unescaped == null || unescaped.Length == 0)
                    {
                        if (startPos != pos) itemFormat = format.Substring(startPos, pos - startPos);
                    }
                    else
                    {
                        unescaped.Append(format, startPos, pos - startPos);
                        itemFormat = unescaped.ToString();
                    }
                }
                if (ch != '}') FormatError();
                pos++;

                string s = null;
                if (cf != null) s = cf.Format(itemFormat, arg, provider);
                if (s == null)
                {
                    IFormattable formattable = arg as IFormattable;
                    if (formattable != null) s = formattable.ToString(itemFormat, provider);
                    else if (arg != null) s = arg.ToString();
                }
                if (s == null) s = string.Empty;
                int pad = width - s.Length;
                if (!leftJustify && pad > 0) Append(' ', pad);
                Append(s);
                if (leftJustify && pad > 0) Append(' ', pad);
            }
            return this;
        }
    }
}
