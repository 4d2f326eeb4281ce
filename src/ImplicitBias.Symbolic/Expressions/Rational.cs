using System.Globalization;
using System.Numerics;

namespace ImplicitBias.Symbolic;

/// <summary>An exact rational number p/q in lowest terms with q &gt; 0.</summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    /// <summary>Numerator (carries the sign).</summary>
    public BigInteger Numerator { get; }

    /// <summary>Denominator, always positive.</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    // default(Rational) has a zero here and means 0/1.
    private readonly BigInteger _denominator;

    /// <summary>Creates p/q, reducing to lowest terms.</summary>
    /// <exception cref="DivideByZeroException">q is zero.</exception>
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("Rational with zero denominator.");
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero) { numerator /= g; denominator /= g; }
        if (numerator.IsZero) denominator = BigInteger.One;
        Numerator = numerator;
        _denominator = denominator;
    }

    /// <summary>The integer n as a rational.</summary>
    public Rational(BigInteger integer)
    {
        Numerator = integer;
        _denominator = BigInteger.One;
    }

    /// <summary>0.</summary>
    public static Rational Zero => default;
    /// <summary>1.</summary>
    public static Rational One => new(BigInteger.One);
    /// <summary>-1.</summary>
    public static Rational MinusOne => new(BigInteger.MinusOne);
    /// <summary>1/2.</summary>
    public static Rational Half => new(BigInteger.One, 2);

    /// <summary>True when the denominator is 1.</summary>
    public bool IsInteger => Denominator.IsOne;
    /// <summary>True for 0.</summary>
    public bool IsZero => Numerator.IsZero;
    /// <summary>True for 1.</summary>
    public bool IsOne => Numerator.IsOne && Denominator.IsOne;
    /// <summary>Sign: -1, 0 or 1.</summary>
    public int Sign => Numerator.Sign;

    /// <summary>Converts exactly representable doubles; every finite double is a dyadic rational.</summary>
    public static Rational FromDouble(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), "Only finite doubles are rational.");
        if (value == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger num = mantissa;
        if (negative) num = -num;
        return exponent >= 0 ? new Rational(num << exponent) : new Rational(num, BigInteger.One << -exponent);
    }

    /// <summary>The nearest double, correctly rounded (1/10 is 0.1),
    /// also for huge numerators and denominators.</summary>
    public double ToDouble()
    {
        var d = Denominator;
        // both exactly representable: IEEE division rounds correctly
        if (BigInteger.Abs(Numerator) <= MaxExactInteger && d <= MaxExactInteger) return (double)Numerator / (double)d;
        // a 63–64-bit quotient with a sticky bit for the remainder; the hardware's
        // ulong → double conversion then rounds
        // once, correctly (BigInteger → double would not)
        var n = BigInteger.Abs(Numerator);
        long shift = (long)(d.GetBitLength() - n.GetBitLength()) + 63;
        var scaled = shift >= 0 ? n << (int)shift : n >> (int)-shift;
        bool inexact = shift < 0 && !(n & ((BigInteger.One << (int)-shift) - 1)).IsZero;
        var quotient = BigInteger.DivRem(scaled, d, out var remainder);
        ulong bits = (ulong)quotient;
        if (inexact || !remainder.IsZero) bits |= 1;
        double magnitude = Math.ScaleB((double)bits, (int)-shift);
        return Numerator.Sign < 0 ? -magnitude : magnitude;
    }

    private static readonly BigInteger MaxExactInteger = BigInteger.One << 53;

    /// <summary>Parses a decimal literal such as "12", "0.25" or "1.5e-3" exactly.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out Rational value)
    {
        value = Zero;
        int i = 0;
        var digits = new System.Text.StringBuilder();
        int fractionDigits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) digits.Append(text[i++]);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { digits.Append(text[i++]); fractionDigits++; }
        }
        if (digits.Length == 0) return false;
        long exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            bool negativeExponent = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-')) negativeExponent = text[i++] == '-';
            int start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == start
                || !long.TryParse(text[start..i], NumberStyles.None, CultureInfo.InvariantCulture, out exponent))
                return false;
            if (negativeExponent) exponent = -exponent;
        }
        if (i != text.Length) return false;
        long scale = exponent - fractionDigits;
        if (Math.Abs(scale) > MaxDecimalExponent) return false;
        var mantissa = BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture);
        value = scale >= 0
            ? new Rational(mantissa * BigInteger.Pow(10, (int)scale))
            : new Rational(mantissa, BigInteger.Pow(10, (int)-scale));
        return true;
    }

    /// <summary>Largest decimal exponent a literal may carry; beyond it exact arithmetic would be unbounded.</summary>
    public const int MaxDecimalExponent = 4000;

    /// <summary>Largest result, in bits, that exact integer powers may produce before staying symbolic.</summary>
    public const long MaxPowerBits = 8192;

    /// <summary>r^n exactly, or null when the result would exceed <see cref="MaxPowerBits"/>.</summary>
    public Rational? TryPow(BigInteger n)
    {
        if (n.IsZero) return One;
        if (IsZero) return n.Sign > 0 ? Zero : null;
        if (Numerator.IsOne && Denominator.IsOne) return One;
        if (IsInteger && Numerator == BigInteger.MinusOne) return n.IsEven ? One : MinusOne;
        long bits = Math.Max(BigInteger.Abs(Numerator).GetBitLength(), Denominator.GetBitLength());
        if (BigInteger.Abs(n) * bits > MaxPowerBits) return null;
        int k = (int)BigInteger.Abs(n);
        var num = BigInteger.Pow(Numerator, k);
        var den = BigInteger.Pow(Denominator, k);
        return n.Sign > 0 ? new Rational(num, den) : new Rational(den, num);
    }

    /// <summary>The exact real k-th root if it is rational (negative values only for odd k), else null.</summary>
    public Rational? TryRoot(int k)
    {
        if (k == 1) return this;
        if (Sign < 0 && k % 2 == 0) return null;
        var p = IntegerRoot(BigInteger.Abs(Numerator), k);
        var q = IntegerRoot(Denominator, k);
        if (p is null || q is null) return null;
        return new Rational(Sign < 0 ? -p.Value : p.Value, q.Value);
    }

    /// <summary>Exact integer k-th root of n ≥ 0, or null.</summary>
    internal static BigInteger? IntegerRoot(BigInteger n, int k)
    {
        if (n.IsZero || n.IsOne) return n;
        // Newton's iteration on integers from an upper bound.
        long bits = n.GetBitLength();
        BigInteger x = BigInteger.One << (int)((bits + k - 1) / k);
        while (true)
        {
            var y = ((k - 1) * x + n / BigInteger.Pow(x, k - 1)) / k;
            if (y >= x) break;
            x = y;
        }
        return BigInteger.Pow(x, k) == n ? x : null;
    }

    /// <summary>Sum.</summary>
    public static Rational operator +(Rational a, Rational b) =>
        a.Denominator == b.Denominator
            ? new Rational(a.Numerator + b.Numerator, a.Denominator)
            : new Rational(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    /// <summary>Difference.</summary>
    public static Rational operator -(Rational a, Rational b) => a + -b;
    /// <summary>Negation.</summary>
    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);
    /// <summary>Product.</summary>
    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    /// <summary>Quotient.</summary>
    public static Rational operator /(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    /// <summary>Integer to rational.</summary>
    public static implicit operator Rational(int n) => new(n);
    /// <summary>Integer to rational.</summary>
    public static implicit operator Rational(long n) => new(n);
    /// <summary>Integer to rational.</summary>
    public static implicit operator Rational(BigInteger n) => new(n);
    /// <summary>Equality.</summary>
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    /// <summary>Ordering.</summary>
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    /// <summary>Ordering.</summary>
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    /// <summary>Ordering.</summary>
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    /// <summary>Ordering.</summary>
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    /// <summary>The largest rational r with a/r and b/r integers (0 when both are 0): gcd(4/3, 2) = 2/3.</summary>
    public static Rational Gcd(Rational a, Rational b) =>
        new(BigInteger.GreatestCommonDivisor(a.Numerator * b.Denominator, b.Numerator * a.Denominator),
            a.Denominator * b.Denominator);

    /// <summary>Absolute value.</summary>
    public Rational Abs() => Sign < 0 ? -this : this;

    /// <summary>Largest integer ≤ this.</summary>
    public BigInteger Floor() => BigInteger.Divide(Numerator - (Numerator.Sign < 0 ? Denominator - 1 : 0), Denominator);

    /// <inheritdoc/>
    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
    /// <inheritdoc/>
    public int CompareTo(Rational other) =>
        Denominator.IsOne && other.Denominator.IsOne
            ? Numerator.CompareTo(other.Numerator)
            : (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>"p" or "p/q".</summary>
    public override string ToString() =>
        Denominator.IsOne
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/"
                + $"{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
