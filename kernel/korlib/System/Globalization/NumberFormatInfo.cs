// korlib: the symbols and patterns numbers are formatted and parsed with. sharpaot has one
// culture, the invariant one (what Mono uses on the host under LC_ALL=C), so the default
// values are the invariant culture's; `new NumberFormatInfo()` gives a writable copy.

namespace System.Globalization
{
    public sealed class NumberFormatInfo : IFormatProvider
    {
        private static NumberFormatInfo invariant;

        private bool isReadOnly;
        private string negativeSign = "-";
        private string positiveSign = "+";
        private string nanSymbol = "NaN";
        private string positiveInfinitySymbol = "Infinity";
        private string negativeInfinitySymbol = "-Infinity";
        private string numberDecimalSeparator = ".";
        private string numberGroupSeparator = ",";
        private int[] numberGroupSizes;
        private int numberDecimalDigits = 2;
        private int numberNegativePattern = 1;
        private string currencySymbol = "\u00A4";
        private string currencyDecimalSeparator = ".";
        private string currencyGroupSeparator = ",";
        private int[] currencyGroupSizes;
        private int currencyDecimalDigits = 2;
        private int currencyPositivePattern;
        private int currencyNegativePattern;
        private string percentSymbol = "%";
        private string perMilleSymbol = "\u2030";
        private string percentDecimalSeparator = ".";
        private string percentGroupSeparator = ",";
        private int[] percentGroupSizes;
        private int percentDecimalDigits = 2;
        private int percentPositivePattern;
        private int percentNegativePattern;

        public NumberFormatInfo()
        {
            numberGroupSizes = new int[] { 3 };
            currencyGroupSizes = new int[] { 3 };
            percentGroupSizes = new int[] { 3 };
        }

        /// <summary>The invariant culture's (read-only) instance, created on first use.</summary>
        public static NumberFormatInfo InvariantInfo
        {
            get
            {
                if (invariant == null)
                {
                    NumberFormatInfo info = new NumberFormatInfo();
                    info.isReadOnly = true;
                    invariant = info;
                }
                return invariant;
            }
        }

        public static NumberFormatInfo CurrentInfo { get { return InvariantInfo; } }

        /// <summary>The NumberFormatInfo a format provider stands for (the current one for null or others).</summary>
        public static NumberFormatInfo GetInstance(IFormatProvider formatProvider)
        {
            NumberFormatInfo info = formatProvider as NumberFormatInfo;
            if (info != null) return info;
            CultureInfo culture = formatProvider as CultureInfo;
            if (culture != null) return culture.NumberFormat;
            if (formatProvider != null)
            {
                info = formatProvider.GetFormat(typeof(NumberFormatInfo)) as NumberFormatInfo;
                if (info != null) return info;
            }
            return CurrentInfo;
        }

        public object GetFormat(Type formatType) { return formatType == typeof(NumberFormatInfo) ? this : null; }

        public bool IsReadOnly { get { return isReadOnly; } }

        public static NumberFormatInfo ReadOnly(NumberFormatInfo nfi)
        {
            if (nfi == null) throw new ArgumentNullException("nfi");
            if (nfi.isReadOnly) return nfi;
            NumberFormatInfo copy = (NumberFormatInfo)nfi.MemberwiseClone();
            copy.isReadOnly = true;
            return copy;
        }

        public object Clone()
        {
            NumberFormatInfo copy = (NumberFormatInfo)MemberwiseClone();
            copy.isReadOnly = false;
            return copy;
        }

        private void CheckWritable()
        {
            if (isReadOnly) throw new InvalidOperationException("Instance is read-only.");
        }

        private string Checked(string value)
        {
            CheckWritable();
            if (value == null) throw new ArgumentNullException("value", "String reference not set to an instance of a String.");
            return value;
        }

        public string NegativeSign { get { return negativeSign; } set { negativeSign = Checked(value); } }
        public string PositiveSign { get { return positiveSign; } set { positiveSign = Checked(value); } }
        public string NaNSymbol { get { return nanSymbol; } set { nanSymbol = Checked(value); } }
        public string PositiveInfinitySymbol { get { return positiveInfinitySymbol; } set { positiveInfinitySymbol = Checked(value); } }
        public string NegativeInfinitySymbol { get { return negativeInfinitySymbol; } set { negativeInfinitySymbol = Checked(value); } }
        public string NumberDecimalSeparator { get { return numberDecimalSeparator; } set { numberDecimalSeparator = Checked(value); } }
        public string NumberGroupSeparator { get { return numberGroupSeparator; } set { numberGroupSeparator = Checked(value); } }
        public int[] NumberGroupSizes { get { return numberGroupSizes; } set { CheckWritable(); numberGroupSizes = value; } }
        public int NumberDecimalDigits { get { return numberDecimalDigits; } set { CheckWritable(); numberDecimalDigits = value; } }
        public int NumberNegativePattern { get { return numberNegativePattern; } set { CheckWritable(); numberNegativePattern = value; } }
        public string CurrencySymbol { get { return currencySymbol; } set { currencySymbol = Checked(value); } }
        public string CurrencyDecimalSeparator { get { return currencyDecimalSeparator; } set { currencyDecimalSeparator = Checked(value); } }
        public string CurrencyGroupSeparator { get { return currencyGroupSeparator; } set { currencyGroupSeparator = Checked(value); } }
        public int[] CurrencyGroupSizes { get { return currencyGroupSizes; } set { CheckWritable(); currencyGroupSizes = value; } }
        public int CurrencyDecimalDigits { get { return currencyDecimalDigits; } set { CheckWritable(); currencyDecimalDigits = value; } }
        public int CurrencyPositivePattern { get { return currencyPositivePattern; } set { CheckWritable(); currencyPositivePattern = value; } }
        public int CurrencyNegativePattern { get { return currencyNegativePattern; } set { CheckWritable(); currencyNegativePattern = value; } }
        public string PercentSymbol { get { return percentSymbol; } set { percentSymbol = Checked(value); } }
        public string PerMilleSymbol { get { return perMilleSymbol; } set { perMilleSymbol = Checked(value); } }
        public string PercentDecimalSeparator { get { return percentDecimalSeparator; } set { percentDecimalSeparator = Checked(value); } }
        public string PercentGroupSeparator { get { return percentGroupSeparator; } set { percentGroupSeparator = Checked(value); } }
        public int[] PercentGroupSizes { get { return percentGroupSizes; } set { CheckWritable(); percentGroupSizes = value; } }
        public int PercentDecimalDigits { get { return percentDecimalDigits; } set { CheckWritable(); percentDecimalDigits = value; } }
        public int PercentPositivePattern { get { return percentPositivePattern; } set { CheckWritable(); percentPositivePattern = value; } }
        public int PercentNegativePattern { get { return percentNegativePattern; } set { CheckWritable(); percentNegativePattern = value; } }
    }
}
