// korlib: System.Math (and MidpointRounding). Integer helpers, Min/Max/Sign/Abs with
// Mono's NaN and -0 rules, exact Floor/Ceiling/Truncate/Round on the bit pattern,
// Round(value, digits, mode) as Mono computes it (scale by 10^digits, round, scale back,
// for |value| < 1e16), and the elementary functions of Libm*.cs, which give the results
// Mono's C library gives (correctly rounded, or the same fdlibm formulas).

using Sharpaot.X86;

namespace System
{
    public enum MidpointRounding
    {
        ToEven = 0,
        AwayFromZero = 1,
    }

    public static class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;

        private const double DoubleRoundLimit = 1e16;
        private const int MaxRoundingDigits = 15;
        private const string AbsOverflow = "Negating the minimum value of a twos complement number is invalid.";

        // ---- Abs, Min, Max, Sign, Clamp -------------------------------------------------------

        public static sbyte Abs(sbyte value)
        {
            if (value < 0)
            {
                value = (sbyte)-value;
                if (value < 0) throw new OverflowException(AbsOverflow);
            }
            return value;
        }

        public static short Abs(short value)
        {
            if (value < 0)
            {
                value = (short)-value;
                if (value < 0) throw new OverflowException(AbsOverflow);
            }
            return value;
        }

        public static int Abs(int value)
        {
            if (value < 0)
            {
                value = -value;
                if (value < 0) throw new OverflowException(AbsOverflow);
            }
            return value;
        }

        public static long Abs(long value)
        {
            if (value < 0)
            {
                value = -value;
                if (value < 0) throw new OverflowException(AbsOverflow);
            }
            return value;
        }

        public static double Abs(double value) { return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) & 0x7FFFFFFFFFFFFFFF); }
        public static float Abs(float value) { return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) & 0x7FFFFFFF); }

        public static byte Max(byte val1, byte val2) { return val1 >= val2 ? val1 : val2; }
        public static sbyte Max(sbyte val1, sbyte val2) { return val1 >= val2 ? val1 : val2; }
        public static short Max(short val1, short val2) { return val1 >= val2 ? val1 : val2; }
        public static ushort Max(ushort val1, ushort val2) { return val1 >= val2 ? val1 : val2; }
        public static int Max(int val1, int val2) { return val1 >= val2 ? val1 : val2; }
        public static uint Max(uint val1, uint val2) { return val1 >= val2 ? val1 : val2; }
        public static long Max(long val1, long val2) { return val1 >= val2 ? val1 : val2; }
        public static ulong Max(ulong val1, ulong val2) { return val1 >= val2 ? val1 : val2; }

        /// <summary>NaN if val1 is NaN; for equal values (0 and -0) val2.</summary>
        public static double Max(double val1, double val2)
        {
            if (val1 > val2) return val1;
            if (double.IsNaN(val1)) return val1;
            return val2;
        }

        public static float Max(float val1, float val2)
        {
            if (val1 > val2) return val1;
            if (float.IsNaN(val1)) return val1;
            return val2;
        }

        public static byte Min(byte val1, byte val2) { return val1 <= val2 ? val1 : val2; }
        public static sbyte Min(sbyte val1, sbyte val2) { return val1 <= val2 ? val1 : val2; }
        public static short Min(short val1, short val2) { return val1 <= val2 ? val1 : val2; }
        public static ushort Min(ushort val1, ushort val2) { return val1 <= val2 ? val1 : val2; }
        public static int Min(int val1, int val2) { return val1 <= val2 ? val1 : val2; }
        public static uint Min(uint val1, uint val2) { return val1 <= val2 ? val1 : val2; }
        public static long Min(long val1, long val2) { return val1 <= val2 ? val1 : val2; }
        public static ulong Min(ulong val1, ulong val2) { return val1 <= val2 ? val1 : val2; }

        public static double Min(double val1, double val2)
        {
            if (val1 < val2) return val1;
            if (double.IsNaN(val1)) return val1;
            return val2;
        }

        public static float Min(float val1, float val2)
        {
            if (val1 < val2) return val1;
            if (float.IsNaN(val1)) return val1;
            return val2;
        }

        public static int Sign(sbyte value) { return Sign((int)value); }
        public static int Sign(short value) { return Sign((int)value); }
        public static int Sign(int value) { return value < 0 ? -1 : value > 0 ? 1 : 0; }
        public static int Sign(long value) { return value < 0 ? -1 : value > 0 ? 1 : 0; }
        public static int Sign(float value) { return Sign((double)value); }

        public static int Sign(double value)
        {
            if (value < 0) return -1;
            if (value > 0) return 1;
            if (value == 0) return 0;
            throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
        }

        public static int Clamp(int value, int min, int max)
        {
            if (min > max) ThrowMinMax(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static long Clamp(long value, long min, long max)
        {
            if (min > max) ThrowMinMax(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static double Clamp(double value, double min, double max)
        {
            if (min > max) ThrowMinMax(min, max);
            return value < min ? min : value > max ? max : value;
        }

        public static float Clamp(float value, float min, float max)
        {
            if (min > max) ThrowMinMax(min, max);
            return value < min ? min : value > max ? max : value;
        }

        private static void ThrowMinMax(object min, object max)
        {
            throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");
        }

        // ---- Integer helpers -------------------------------------------------------------------

        public static long BigMul(int a, int b) { return (long)a * b; }

        public static int DivRem(int a, int b, out int result)
        {
            int div = a / b;
            result = a - div * b;
            return div;
        }

        public static long DivRem(long a, long b, out long result)
        {
            long div = a / b;
            result = a - div * b;
            return div;
        }

        // ---- Rounding --------------------------------------------------------------------------

        /// <summary>The largest integer not above d (exact: clears the fraction bits).</summary>
        public static double Floor(double d)
        {
            double t = Truncate(d);
            return t > d ? t - 1 : t;
        }

        public static double Ceiling(double a)
        {
            double t = Truncate(a);
            return t < a ? t + 1 : t;
        }

        /// <summary>The integer part, with the sign of d (-0.5 → -0).</summary>
        public static double Truncate(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d);
            int exponent = (int)(bits >> 52) & 0x7FF;
            if (exponent >= 1023 + 52) return d;
            if (exponent < 1023) return BitConverter.Int64BitsToDouble(bits & unchecked((long)0x8000000000000000));
            long fractionMask = 0x000FFFFFFFFFFFFF >> (exponent - 1023);
            return BitConverter.Int64BitsToDouble(bits & ~fractionMask);
        }

        /// <summary>Nearest integer, ties to even, with the sign of a (-0.3 → -0).</summary>
        public static double Round(double a)
        {
            double t = Truncate(a);
            double fraction = Abs(a - t);
            if (fraction > 0.5 || (fraction == 0.5 && Truncate(t / 2) * 2 != t)) t += a < 0 ? -1 : 1;
            return t;
        }

        public static double Round(double value, int digits) { return Round(value, digits, MidpointRounding.ToEven); }
        public static double Round(double value, MidpointRounding mode) { return Round(value, 0, mode); }

        public static double Round(double value, int digits, MidpointRounding mode)
        {
            if (digits < 0 || digits > MaxRoundingDigits) throw new ArgumentOutOfRangeException("digits", "Rounding digits must be between 0 and 15, inclusive.");
            if (mode < MidpointRounding.ToEven || mode > MidpointRounding.AwayFromZero)
            {
                throw new ArgumentException("The value '" + mode.ToString() + "' is not valid for this usage of the type MidpointRounding.", "mode");
            }
            if (Abs(value) < DoubleRoundLimit)
            {
                double power10 = 1;
                for (int i = 0; i < digits; i++) power10 *= 10;
                value *= power10;
                if (mode == MidpointRounding.AwayFromZero)
                {
                    double integral = Truncate(value);
                    double fraction = value - integral;
                    value = integral;
                    if (Abs(fraction) >= 0.5) value += Sign(fraction);
                }
                else
                {
                    value = Round(value);
                }
                value /= power10;
            }
            return value;
        }

        // ---- Roots, powers, logarithms -----------------------------------------------------------

        public static double Sqrt(double d) { return Asm.Sqrt(d); }
        public static double Cbrt(double d) { return Libm.Cbrt(d); }
        public static double Pow(double x, double y) { return Libm.Pow(x, y); }
        public static double Exp(double d) { return Libm.Exp(d); }
        public static double Log(double d) { return Libm.Log(d); }
        public static double Log10(double d) { return Libm.Log10(d); }

        /// <summary>log(a) / log(newBase), with .NET's NaN rules for the bases 1, 0 and infinity.</summary>
        public static double Log(double a, double newBase)
        {
            if (double.IsNaN(a)) return a;
            if (double.IsNaN(newBase)) return newBase;
            if (newBase == 1) return double.NaN;
            if (a != 1 && (newBase == 0 || double.IsPositiveInfinity(newBase))) return double.NaN;
            return Log(a) / Log(newBase);
        }

        /// <summary>x - y·n with n the integer nearest x/y (ties to even), as .NET computes it.</summary>
        public static double IEEERemainder(double x, double y)
        {
            if (double.IsNaN(x)) return x;
            if (double.IsNaN(y)) return y;
            double regularMod = x % y;
            if (double.IsNaN(regularMod)) return double.NaN;
            if (regularMod == 0 && double.IsNegative(x)) return -0.0;
            double alternativeResult = regularMod - Abs(y) * Sign(x);
            if (Abs(alternativeResult) == Abs(regularMod))
            {
                double divisionResult = x / y;
                double roundedResult = Round(divisionResult);
                if (Abs(roundedResult) > Abs(divisionResult)) return alternativeResult;
                return regularMod;
            }
            if (Abs(alternativeResult) < Abs(regularMod)) return alternativeResult;
            return regularMod;
        }

        // ---- Trigonometric and hyperbolic ------------------------------------------------------------

        public static double Sin(double a) { return Libm.Sin(a); }
        public static double Cos(double d) { return Libm.Cos(d); }
        public static double Tan(double a) { return Libm.Tan(a); }
        public static double Asin(double d) { return Libm.Asin(d); }
        public static double Acos(double d) { return Libm.Acos(d); }
        public static double Atan(double d) { return Libm.Atan(d); }
        public static double Atan2(double y, double x) { return Libm.Atan2(y, x); }
        public static double Sinh(double value) { return Libm.Sinh(value); }
        public static double Cosh(double value) { return Libm.Cosh(value); }
        public static double Tanh(double value) { return Libm.Tanh(value); }
        public static double Asinh(double d) { return Libm.Asinh(d); }
        public static double Acosh(double d) { return Libm.Acosh(d); }
        public static double Atanh(double d) { return Libm.Atanh(d); }
    }
}
