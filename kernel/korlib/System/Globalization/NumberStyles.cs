// korlib: which parts of a number text Parse accepts (System.Globalization.NumberStyles).

namespace System.Globalization
{
    [Flags]
    public enum NumberStyles
    {
        None = 0x0000,
        AllowLeadingWhite = 0x0001,
        AllowTrailingWhite = 0x0002,
        AllowLeadingSign = 0x0004,
        AllowTrailingSign = 0x0008,
        AllowParentheses = 0x0010,
        AllowDecimalPoint = 0x0020,
        AllowThousands = 0x0040,
        AllowExponent = 0x0080,
        AllowCurrencySymbol = 0x0100,
        AllowHexSpecifier = 0x0200,
        Integer = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign,
        HexNumber = AllowLeadingWhite | AllowTrailingWhite | AllowHexSpecifier,
        Number = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign | AllowTrailingSign | AllowDecimalPoint | AllowThousands,
        Float = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign | AllowDecimalPoint | AllowExponent,
        Currency = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign | AllowTrailingSign | AllowParentheses | AllowDecimalPoint | AllowThousands | AllowCurrencySymbol,
        Any = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign | AllowTrailingSign | AllowParentheses | AllowDecimalPoint | AllowThousands | AllowExponent | AllowCurrencySymbol,
    }
}
