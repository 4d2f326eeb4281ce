using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace ImplicitBias.Symbolic;

/// <summary>
/// LaTeX meant to be pasted into a paper: factors side by side (<c>\cdot</c> only before a factor that starts with a
/// digit), one <c>\frac</c> per quotient (slashed, a/b, inside superscripts), <c>e^{…}</c> for short exponentials,
/// <c>\sqrt</c> and <c>\sqrt[n]</c> for roots, Greek macros for Greek names. The output is ASCII.
/// </summary>
internal static class LatexPrinter
{
    /// <summary>The longest exponent, in characters of LaTeX, that is written e^{…} rather than \exp(…).</summary>
    private const int ShortExponentLength = 12;

    /// <summary>At most this many nodes are tried as a superscript (it bounds the work of trying).</summary>
    private const int ShortExponentNodes = 8;

    /// <summary>The LaTeX of e (math mode, no delimiters).</summary>
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e, superscript: false);
        return sb.ToString();
    }

    /// <summary>Writes e (quotients slashed in a superscript) and returns how tightly the LaTeX binds.</summary>
    private static Precedence Write(StringBuilder sb, Expr e, bool superscript)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case Number n:
                return WriteRational(sb, n.Value, superscript);
            case Real r:
                return WriteReal(sb, r.Value);
            case Symbol s:
                sb.Append(SymbolName(s.Name));
                return Precedence.Atom;
            case Constant c:
                sb.Append(c.Which switch { MathConstant.Pi => @"\pi" });
                return Precedence.Atom;
            case Call c:
                return WriteCall(sb, c, superscript);
            case Power p when PrintShape.IsReciprocal(p):
                WriteQuotient(sb, "1", null, [(p.Base, Expr.FromRational(-((Number)p.Exponent).Value))], superscript);
                return Precedence.Product;
            case Power p:
                return WritePower(sb, p.Base, p.Exponent, superscript);
            case Product p:
                return WriteProduct(sb, p, superscript);
            case Sum s:
                {
                    var terms = PrintShape.DisplayTerms(s);
                    Write(sb, terms[0], superscript);
                    for (int i = 1; i < terms.Count; i++)
                    {
                        bool minus = PrintShape.IsNegativeTerm(terms[i]);
                        sb.Append(minus ? " - " : " + ");
                        Write(sb, minus ? Expr.Negate(terms[i]) : terms[i], superscript);
                    }
                    return Precedence.Sum;
                }
            default:
                throw new System.Diagnostics.UnreachableException($"unknown node {e.GetType().Name}");
        }
    }

    private static Precedence WriteRational(StringBuilder sb, Rational v, bool superscript)
    {
        if (v.IsInteger)
        {
            sb.Append(v.Numerator.ToString(CultureInfo.InvariantCulture));
            return v.Sign < 0 ? Precedence.Unary : Precedence.Atom;
        }
        if (v.Sign < 0) sb.Append('-');
        var p = BigInteger.Abs(v.Numerator).ToString(CultureInfo.InvariantCulture);
        var q = v.Denominator.ToString(CultureInfo.InvariantCulture);
        if (superscript) sb.Append(p).Append('/').Append(q);
        else sb.Append(@"\frac{").Append(p).Append("}{").Append(q).Append('}');
        // a fraction binds like a product: as the base of a power it needs parentheses
        return v.Sign < 0 ? Precedence.Unary : Precedence.Product;
    }

    private static Precedence WriteReal(StringBuilder sb, double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        int exponentAt = text.IndexOf('E', StringComparison.Ordinal);
        if (exponentAt < 0) sb.Append(text);
        else
        {
            int exponent = int.Parse(text.AsSpan(exponentAt + 1), CultureInfo.InvariantCulture);
            sb.Append(text.AsSpan(0, exponentAt)).Append(@" \times 10^{")
                .Append(exponent.ToString(CultureInfo.InvariantCulture)).Append('}');
        }
        return value < 0 ? Precedence.Unary : Precedence.Atom;
    }

    private static string SymbolName(string name)
    {
        // w0 → w_{0}, beta_1 → \beta_{1}, longname → \mathrm{longname}
        int split = name.IndexOf('_', StringComparison.Ordinal);
        string head = split >= 0 ? name[..split] : name.TrimEnd("0123456789".ToCharArray());
        string tail = split >= 0 ? name[(split + 1)..] : name[head.Length..];
        string headTex = LatexText.IsGreekName(head) ? "\\" + head
            : head.Length == 1 ? head : @"\mathrm{" + head + "}";
        return tail.Length == 0 ? headTex : $"{headTex}_{{{tail.Replace("_", @"\_", StringComparison.Ordinal)}}}";
    }

    /// <summary>A call; <paramref name="power"/> (as in \sin^{2}) goes on the function's name.</summary>
    private static Precedence WriteCall(StringBuilder sb, Call c, bool superscript, string? power = null)
    {
        if (c.Function == Function.Abs)
        {
            sb.Append(@"\left|");
            Write(sb, c.Argument, superscript);
            sb.Append(@"\right|");
            return Precedence.Atom;
        }
        if (c is { Function: Function.Exp, Argument: Number { Value.IsOne: true } } && power is null)
        {
            sb.Append('e'); // Euler's number
            return Precedence.Atom;
        }
        if (power is null && ShortExponent(c) is { } exponent)
        {
            sb.Append("e^{").Append(exponent).Append('}');
            return Precedence.Power;
        }
        sb.Append(FunctionName(c.Function));
        if (power is not null) sb.Append("^{").Append(power).Append('}');
        sb.Append(@"\left(");
        Write(sb, c.Argument, superscript);
        sb.Append(@"\right)");
        return Precedence.Atom;
    }

    private static string FunctionName(Function f) => f switch
    {
        Function.Exp => @"\exp",
        Function.Log => @"\log",
        Function.Abs => @"\operatorname{abs}",
        Function.Sign => @"\operatorname{sign}",
        Function.Sin => @"\sin",
        Function.Cos => @"\cos",
        Function.Tan => @"\tan",
        Function.Sinh => @"\sinh",
        Function.Cosh => @"\cosh",
        Function.Tanh => @"\tanh",
        Function.Asin => @"\arcsin",
        Function.Acos => @"\arccos",
        Function.Atan => @"\arctan",
        Function.Asinh => @"\operatorname{arsinh}",
        Function.Acosh => @"\operatorname{arcosh}",
        Function.Atanh => @"\operatorname{artanh}",
        Function.Erf => @"\operatorname{erf}",
        Function.LambertW => @"W_0",
        Function.Li2 => @"\operatorname{Li}_2",
    };

    /// <summary>
    /// The superscript of exp(u) written as e^{u}: u is short (a number, a symbol, a coefficient times one or two
    /// factors) and has no parentheses. Null for other calls and for long arguments, which read better as \exp(u).
    /// </summary>
    private static string? ShortExponent(Call c)
    {
        if (c.Function != Function.Exp) return null;
        int budget = ShortExponentNodes;
        if (!HasAtMostNodes(c.Argument, ref budget)) return null;
        int factors = c.Argument is Product p ? p.Factors.Count(f => f is not (Number or Real)) : 1;
        var sb = new StringBuilder();
        Write(sb, c.Argument, superscript: true);
        var text = sb.ToString();
        return factors <= 2 && text.Length <= ShortExponentLength && !text.Contains(@"\left", StringComparison.Ordinal)
            ? text : null;
    }

    private static bool HasAtMostNodes(Expr e, ref int budget)
    {
        if (--budget < 0) return false;
        foreach (var child in e.Children)
            if (!HasAtMostNodes(child, ref budget)) return false;
        return true;
    }

    private static Precedence WritePower(StringBuilder sb, Expr b, Expr exponent, bool superscript)
    {
        if (exponent is Number { Value: var k } && k.Numerator.IsOne && k.Denominator > 1 && k.Denominator <= 64)
        {
            sb.Append(@"\sqrt");
            if (k.Denominator != 2)
                sb.Append('[').Append(k.Denominator.ToString(CultureInfo.InvariantCulture)).Append(']');
            sb.Append('{');
            Write(sb, b, superscript);
            sb.Append('}');
            return Precedence.Atom;
        }
        // \sin^{2}\left(x\right) for integer powers of named functions (not of |u| or e^{u})
        if (b is Call { Function: not Function.Abs } call && exponent is Number { Value.IsInteger: true } n
            && ShortExponent(call) is null)
            return WriteCall(sb, call, superscript, n.Value.ToString());
        WrapIfLoose(sb, b, Precedence.Atom, superscript);
        sb.Append("^{");
        Write(sb, exponent, superscript: true);
        sb.Append('}');
        return Precedence.Power;
    }

    private static Precedence WriteProduct(StringBuilder sb, Product p, bool superscript)
    {
        var (negative, coefficient, num, denCoefficient, den) = PrintShape.SplitProduct(p);
        if (negative) sb.Append('-');
        bool quotient = den.Count > 0 || denCoefficient is not null;
        // inside \frac{…}{…} a lone factor needs no parentheses: \frac{x + 1}{y}
        var numerator = Juxtapose(coefficient, num, bare: quotient && !superscript, superscript);
        if (numerator.Length == 0) numerator = "1";
        if (quotient) WriteQuotient(sb, numerator, denCoefficient, den, superscript);
        else sb.Append(numerator);
        return negative ? Precedence.Unary : Precedence.Product;
    }

    /// <summary>numerator over the denominator: \frac{…}{…}, or numerator/denominator in a superscript.</summary>
    private static void WriteQuotient(StringBuilder sb, string numerator, Expr? denCoefficient,
        List<(Expr Base, Expr Exponent)> den, bool superscript)
    {
        if (!superscript)
        {
            var denominator = Juxtapose(denCoefficient, den, bare: true, superscript: false);
            sb.Append(@"\frac{").Append(numerator).Append("}{").Append(denominator).Append('}');
            return;
        }
        sb.Append(numerator).Append('/');
        if (den.Count + (denCoefficient is null ? 0 : 1) > 1)
        {
            var denominator = Juxtapose(denCoefficient, den, bare: false, superscript: true);
            sb.Append(@"\left(").Append(denominator).Append(@"\right)");
        }
        else if (denCoefficient is not null) Write(sb, denCoefficient, superscript: true);
        else if (den[0].Exponent is Number { Value.IsOne: true }) WrapIfLoose(sb, den[0].Base, Precedence.Power, true);
        else WritePower(sb, den[0].Base, den[0].Exponent, superscript: true);
    }

    /// <summary>
    /// The coefficient and the factors side by side ("2 x \sinh\left(x\right)"), with \cdot before a factor that
    /// starts with a digit ("2 \cdot 3^{x}"); <paramref name="bare"/>: a lone factor is not parenthesized.
    /// </summary>
    private static string Juxtapose(
        Expr? coefficient, List<(Expr Base, Expr Exponent)> factors, bool bare, bool superscript)
    {
        var sb = new StringBuilder();
        if (coefficient is not null) Write(sb, coefficient, superscript);
        bool lone = coefficient is null && factors.Count == 1;
        foreach (var (b, e) in factors)
        {
            var factor = new StringBuilder();
            if (bare && lone && e is Number { Value.IsOne: true }) Write(factor, b, superscript);
            else WriteFactor(factor, b, e, superscript);
            if (sb.Length > 0) sb.Append(char.IsAsciiDigit(factor[0]) ? @" \cdot " : " ");
            sb.Append(factor);
        }
        return sb.ToString();
    }

    private static void WriteFactor(StringBuilder sb, Expr b, Expr e, bool superscript)
    {
        if (e is Number { Value.IsOne: true }) WrapIfLoose(sb, b, Precedence.Product, superscript);
        else WritePower(sb, b, e, superscript);
    }

    private static void WrapIfLoose(StringBuilder sb, Expr e, Precedence needed, bool superscript)
    {
        var inner = new StringBuilder();
        var precedence = Write(inner, e, superscript);
        if (precedence >= needed && !(needed == Precedence.Product && precedence == Precedence.Unary)) sb.Append(inner);
        else sb.Append(@"\left(").Append(inner).Append(@"\right)");
    }
}
