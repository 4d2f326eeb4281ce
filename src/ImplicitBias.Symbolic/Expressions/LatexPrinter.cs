using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ImplicitBias.Symbolic;

/// <summary>LaTeX output: \frac for quotients, \sqrt and \sqrt[n] for roots, Greek letters for their names.</summary>
internal static class LatexPrinter
{
    private static readonly FrozenSet<string> Greek = new[]
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
        "xi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
        "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    private static Precedence Write(StringBuilder sb, Expr e)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case Number n:
                if (n.Value.IsInteger) { sb.Append(n.Value.ToString()); return n.Value.Sign < 0 ? Precedence.Unary : Precedence.Atom; }
                if (n.Value.Sign < 0) sb.Append('-');
                sb.Append(@"\frac{").Append(BigAbs(n.Value.Numerator)).Append("}{").Append(n.Value.Denominator).Append('}');
                // a fraction binds like a product: as the base of a power it needs parentheses
                return n.Value.Sign < 0 ? Precedence.Unary : Precedence.Product;
            case Real r:
                {
                    var text = r.Value.ToString("R", CultureInfo.InvariantCulture);
                    int exponentAt = text.IndexOf('E');
                    if (exponentAt < 0) sb.Append(text);
                    else sb.Append(text.AsSpan(0, exponentAt)).Append(@" \times 10^{")
                        .Append(int.Parse(text.AsSpan(exponentAt + 1), CultureInfo.InvariantCulture)).Append('}');
                    return r.Value < 0 ? Precedence.Unary : Precedence.Atom;
                }
            case Symbol s:
                sb.Append(SymbolName(s.Name));
                return Precedence.Atom;
            case Constant c:
                sb.Append(c.Which switch { MathConstant.Pi => @"\pi" });
                return Precedence.Atom;
            case Call c:
                WriteCall(sb, c);
                return Precedence.Atom;
            case Power p when PrintShape.IsReciprocal(p):
                {
                    sb.Append(@"\frac{1}{");
                    var positive = Expr.FromRational(-((Number)p.Exponent).Value);
                    if (positive.Value.IsOne) Write(sb, p.Base); // 1/x, not 1/x^{1}
                    else WritePower(sb, p.Base, positive);
                    sb.Append('}');
                    return Precedence.Product;
                }
            case Power p:
                return WritePower(sb, p.Base, p.Exponent);
            case Product p:
                return WriteProduct(sb, p);
            case Sum s:
                {
                    var terms = PrintShape.DisplayTerms(s);
                    Write(sb, terms[0]);
                    for (int i = 1; i < terms.Count; i++)
                    {
                        if (PrintShape.IsNegativeTerm(terms[i])) { sb.Append(" - "); Write(sb, Expr.Negate(terms[i])); }
                        else { sb.Append(" + "); Write(sb, terms[i]); }
                    }
                    return Precedence.Sum;
                }
            default:
                throw new System.Diagnostics.UnreachableException($"unknown node {e.GetType().Name}");
        }
    }

    private static string BigAbs(System.Numerics.BigInteger n) => System.Numerics.BigInteger.Abs(n).ToString(CultureInfo.InvariantCulture);

    private static string SymbolName(string name)
    {
        // w0 → w_{0}, beta_1 → \beta_{1}, longname → \mathrm{longname}
        int split = name.IndexOf('_');
        string head = split >= 0 ? name[..split] : name.TrimEnd("0123456789".ToCharArray());
        string tail = split >= 0 ? name[(split + 1)..] : name[head.Length..];
        string headTex = Greek.Contains(head) ? "\\" + head : head.Length == 1 ? head : @"\mathrm{" + head + "}";
        return tail.Length == 0 ? headTex : $"{headTex}_{{{tail.Replace("_", @"\_", StringComparison.Ordinal)}}}";
    }

    private static void WriteCall(StringBuilder sb, Call c)
    {
        if (c.Function == Function.Abs)
        {
            sb.Append(@"\left|");
            Write(sb, c.Argument);
            sb.Append(@"\right|");
            return;
        }
        sb.Append(c.Function switch
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
        });
        sb.Append(@"\left(");
        Write(sb, c.Argument);
        sb.Append(@"\right)");
    }

    private static Precedence WritePower(StringBuilder sb, Expr b, Expr exponent)
    {
        if (exponent is Number { Value: var k } && k.Numerator.IsOne && k.Denominator > 1 && k.Denominator <= 64)
        {
            sb.Append(@"\sqrt");
            if (k.Denominator != 2) sb.Append('[').Append(k.Denominator).Append(']');
            sb.Append('{');
            Write(sb, b);
            sb.Append('}');
            return Precedence.Atom;
        }
        bool functionBase = b is Call { Function: not Function.Abs };
        if (functionBase && exponent is Number { Value.IsInteger: true } n)
        {
            // sin^2(x) style for integer powers of named functions
            var call = (Call)b;
            var inner = new StringBuilder();
            WriteCall(inner, call);
            int paren = inner.ToString().IndexOf(@"\left(", StringComparison.Ordinal);
            sb.Append(inner.ToString(0, paren)).Append("^{").Append(n.Value).Append('}').Append(inner.ToString(paren, inner.Length - paren));
            return Precedence.Atom;
        }
        WrapIfLoose(sb, b, Precedence.Atom);
        sb.Append("^{");
        Write(sb, exponent);
        sb.Append('}');
        return Precedence.Power;
    }

    private static Precedence WriteProduct(StringBuilder sb, Product p)
    {
        var (negative, coefficient, num, denCoefficient, den) = PrintShape.SplitProduct(p);
        if (negative) sb.Append('-');
        var numerator = new StringBuilder();
        if (coefficient is not null) Write(numerator, coefficient);
        bool fraction = den.Count > 0 || denCoefficient is not null;
        if (fraction && coefficient is null && num is [(var lone, Number { Value.IsOne: true })]) Write(numerator, lone); // \frac{x + 1}{y}
        else for (int i = 0; i < num.Count; i++)
        {
            // "2 x \cdot y": a coefficient juxtaposes, factors are separated by \cdot
            if (i > 0) numerator.Append(@" \cdot ");
            else if (coefficient is not null) numerator.Append(' ');
            WriteFactor(numerator, num[i].Base, num[i].Exponent);
        }
        if (numerator.Length == 0) numerator.Append('1');
        if (den.Count == 0 && denCoefficient is null)
        {
            sb.Append(numerator);
            return negative ? Precedence.Unary : Precedence.Product;
        }
        var denominator = new StringBuilder();
        bool first = true;
        if (denCoefficient is not null) { Write(denominator, denCoefficient); first = false; }
        if (den is [(var single, Number { Value.IsOne: true })] && denCoefficient is null) Write(denominator, single); // \frac{1}{x + 1}
        else foreach (var (b, e) in den)
        {
            if (!first) denominator.Append(denominator.Length > 0 && den[0].Base.Equals(b) ? " " : @" \cdot "); // "2 x \cdot y", as above
            first = false;
            WriteFactor(denominator, b, e);
        }
        sb.Append(@"\frac{").Append(numerator).Append("}{").Append(denominator).Append('}');
        return negative ? Precedence.Unary : Precedence.Product;
    }

    private static void WriteFactor(StringBuilder sb, Expr b, Expr e)
    {
        if (e is Number { Value.IsOne: true }) WrapIfLoose(sb, b, Precedence.Product);
        else WritePower(sb, b, e);
    }

    private static void WrapIfLoose(StringBuilder sb, Expr e, Precedence needed)
    {
        var inner = new StringBuilder();
        var precedence = Write(inner, e);
        if (precedence >= needed && !(needed == Precedence.Product && precedence == Precedence.Unary)) sb.Append(inner);
        else sb.Append(@"\left(").Append(inner).Append(@"\right)");
    }
}
