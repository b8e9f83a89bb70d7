// korlib: cultures. sharpaot knows only the invariant culture (name ""), which is also the
// current culture, as for Mono on the host under LC_ALL=C.

namespace System.Globalization
{
    public class CultureInfo : IFormatProvider
    {
        private static CultureInfo invariant;
        private NumberFormatInfo numberFormat;

        private CultureInfo() { }

        public static CultureInfo InvariantCulture
        {
            get
            {
                if (invariant == null) invariant = new CultureInfo();
                return invariant;
            }
        }

        public static CultureInfo CurrentCulture { get { return InvariantCulture; } }

        public static CultureInfo CurrentUICulture { get { return InvariantCulture; } }

        public virtual string Name { get { return ""; } }

        public virtual string DisplayName { get { return "Invariant Language (Invariant Country)"; } }

        public virtual NumberFormatInfo NumberFormat
        {
            get
            {
                if (numberFormat == null) numberFormat = NumberFormatInfo.InvariantInfo;
                return numberFormat;
            }
        }

        public virtual object GetFormat(Type formatType)
        {
            return formatType == typeof(NumberFormatInfo) ? NumberFormat : null;
        }

        public override string ToString() { return Name; }
    }
}
