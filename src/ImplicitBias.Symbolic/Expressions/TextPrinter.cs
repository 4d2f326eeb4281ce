using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ImplicitBias.Symbolic;

/// <summary>Binding strength of printed forms; a child is parenthesized when it binds more loosely
/// than its context needs.</summary>
internal enum Precedence { Sum = 1, Product = 2, Unary = 3, Power = 4, Atom = 5 }

/// <summary>
/// Splits canonical nodes into the conventional printed shape shared by the text and LaTeX printers:
/// sign, numerator and denominator items for products, a display order for sums.
/// </summary>
internal static class PrintShape
{
    /// <summary>A product as sign, numerator and denominator; each item is
    /// (base, exponent) with a positive exponent.</summary>
    public static (bool Negative, Expr? Coefficient, List<(Expr Base, Expr Exponent)> Numerator,
        Expr? DenominatorCoefficient, List<(Expr Base, Expr Exponent)> Denominator)
        SplitProduct(Product p)
    {
        bool negative = false;
        Expr? numeratorCoefficient = null, denominatorCoefficient = null;
        var num = new List<(Expr, Expr)>();
        var den = new List<(Expr, Expr)>();
        foreach (var f in p.Factors)
        {
            switch (f)
            {
                case Number n:
                    negative = n.Value.Sign < 0;
                    var a = n.Value.Abs();
                    if (!a.Numerator.IsOne) numeratorCoefficient = Expr.Integer(a.Numerator);
                    if (!a.Denominator.IsOne) denominatorCoefficient = Expr.Integer(a.Denominator);
                    break;
                case Real r:
                    negative = r.Value < 0;
                    numeratorCoefficient = Expr.FromDouble(Math.Abs(r.Value));
                    break;
                case Power { Exponent: Number e } pw when e.Value.Sign < 0:
                    den.Add((pw.Base, Expr.FromRational(-e.Value)));
                    break;
                case Power pw:
                    num.Add((pw.Base, pw.Exponent));
                    break;
                default:
                    num.Add((f, Expr.One));
                    break;
            }
        }
        // Sums in products are stored with a positive first term, so y*(x - 1) is −y·(1 − x): the minus goes back
        // into a sum with an odd power whose first variable term it makes positive (it parses to the same value).
        if (negative && (AbsorbSign(num) || AbsorbSign(den))) negative = false;
        return (negative, numeratorCoefficient, num, denominatorCoefficient, den);
    }

    private static bool AbsorbSign(List<(Expr Base, Expr Exponent)> items)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not (Sum s, Number { Value: { IsInteger: true } k }) || k.Numerator.IsEven) continue;
            var lead = s.Terms.FirstOrDefault(t => !t.IsNumber);
            if (lead is null || !IsNegativeTerm(lead)) continue;
            items[i] = (Expr.Negate(s), items[i].Exponent);
            return true;
        }
        return false;
    }

    /// <summary>True for terms printed with a leading minus.</summary>
    public static bool IsNegativeTerm(Expr t) => t switch
    {
        Number n => n.Value.Sign < 0,
        Real r => r.Value < 0,
        Product p => p.Factors[0] is Number c ? c.Value.Sign < 0 : p.Factors[0] is Real rc && rc.Value < 0,
        _ => false,
    };

    /// <summary>Terms in display order: a positive term leads when there is one ("x - 1", not "-1 + x").</summary>
    public static IReadOnlyList<Expr> DisplayTerms(Sum s)
    {
        if (!IsNegativeTerm(s.Terms[0])) return s.Terms;
        int firstPositive = s.Terms.IndexOf(s.Terms.FirstOrDefault(t => !IsNegativeTerm(t))!);
        if (firstPositive < 0) return s.Terms;
        var list = s.Terms.ToList();
        var lead = list[firstPositive];
        list.RemoveAt(firstPositive);
        list.Insert(0, lead);
        return list;
    }

    /// <summary>A power with a negative numeric exponent, shown as a quotient.</summary>
    public static bool IsReciprocal(Power p) => p.Exponent is Number { Value.Sign: < 0 };
}

/// <summary>The text form: conventional infix that parses back to an equal expression.</summary>
internal static class TextPrinter
{
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    /// <summary>Writes e and returns how tightly the written text binds.</summary>
    private static Precedence Write(StringBuilder sb, Expr e)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case Number n:
                sb.Append(n.Value.ToString());
                return n.Value.Sign < 0 ? Precedence.Unary : n.Value.IsInteger ? Precedence.Atom : Precedence.Product;
            case Real r:
                sb.Append(FormatReal(r.Value));
                return r.Value < 0 ? Precedence.Unary : Precedence.Atom;
            case Symbol s:
                sb.Append(s.Name);
                return Precedence.Atom;
            case Constant c:
                sb.Append(Lexicon.NameOf(c.Which));
                return Precedence.Atom;
            case Call { Function: Function.Exp, Argument: Number { Value.IsOne: true } }:
                sb.Append(Lexicon.EulerNumber);
                return Precedence.Atom;
            case Call c:
                sb.Append(Lexicon.NameOf(c.Function)).Append('(');
                Write(sb, c.Argument);
                sb.Append(')');
                return Precedence.Atom;
            case Power p when PrintShape.IsReciprocal(p):
                sb.Append("1/");
                WriteDenominator(sb, [(p.Base, Expr.FromRational(-((Number)p.Exponent).Value))], null);
                return Precedence.Product;
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

    private static Precedence WritePower(StringBuilder sb, Expr b, Expr exponent)
    {
        if (exponent is Number { Value: var h } && h == Rational.Half)
        {
            sb.Append(Lexicon.Sqrt).Append('(');
            Write(sb, b);
            sb.Append(')');
            return Precedence.Atom;
        }
        WriteWrapped(sb, b, Precedence.Atom);
        sb.Append('^');
        WriteWrapped(sb, exponent, Precedence.Atom);
        return Precedence.Power;
    }

    private static Precedence WriteProduct(StringBuilder sb, Product p)
    {
        var (negative, coefficient, num, denCoefficient, den) = PrintShape.SplitProduct(p);
        if (negative) sb.Append('-');
        WriteProductBody(sb, coefficient, num, denCoefficient, den);
        return negative ? Precedence.Unary : Precedence.Product;
    }

    private static void WriteProductBody(StringBuilder sb, Expr? coefficient, List<(Expr Base, Expr Exponent)> num,
        Expr? denCoefficient, List<(Expr Base, Expr Exponent)> den)
    {
        bool first = true;
        if (coefficient is not null) { Write(sb, coefficient); first = false; }
        foreach (var (b, e) in num)
        {
            if (!first) sb.Append('*');
            first = false;
            WriteFactor(sb, b, e);
        }
        if (first) sb.Append('1');
        if (denCoefficient is not null && den is [(Sum denominator, Number { Value.IsOne: true })]
            && denominator.Terms.Any(HasFloat))
        {
            // "x/(2*(1 + 2.5d*y))" would parse with 2*(1 + 2.5d*y) distributed to 2 + 5d*y, and a sum holding a
            // float keeps its content (dividing it out would round): a chain of divisions keeps the coefficient
            // apart, "x/2/(1 + 2.5d*y)". Exact sums print the usual way; their content is normalized when parsed.
            sb.Append('/');
            Write(sb, denCoefficient);
            sb.Append('/');
            WriteDenominator(sb, den, null);
        }
        else if (den.Count > 0 || denCoefficient is not null)
        {
            sb.Append('/');
            WriteDenominator(sb, den, denCoefficient);
        }
    }

    private static void WriteDenominator(StringBuilder sb, List<(Expr Base, Expr Exponent)> den, Expr? coefficient)
    {
        int count = den.Count + (coefficient is null ? 0 : 1);
        if (count > 1) sb.Append('(');
        bool first = true;
        if (coefficient is not null) { Write(sb, coefficient); first = false; }
        foreach (var (b, e) in den)
        {
            if (!first) sb.Append('*');
            first = false;
            if (count == 1) WriteDenominatorItem(sb, b, e); else WriteFactor(sb, b, e);
        }
        if (count > 1) sb.Append(')');
    }

    // A lone denominator must bind tighter than '/' and '*': "1/(2*x)", "x/y^2".
    private static void WriteDenominatorItem(StringBuilder sb, Expr b, Expr e)
    {
        if (e is Number { Value.IsOne: true }) WriteWrapped(sb, b, Precedence.Power);
        else WritePower(sb, b, e);
    }

    private static void WriteFactor(StringBuilder sb, Expr b, Expr e)
    {
        if (e is Number { Value.IsOne: true }) WriteWrapped(sb, b, Precedence.Product);
        else WritePower(sb, b, e);
    }

    private static bool HasFloat(Expr term) => term is Real || term is Product { Factors: [Real, ..] };

    /// <summary>Writes e, in parentheses unless it binds at least as tightly as <paramref name="needed"/>.</summary>
    private static void WriteWrapped(StringBuilder sb, Expr e, Precedence needed)
    {
        var inner = new StringBuilder();
        var precedence = Write(inner, e);
        if (precedence >= needed && !(needed == Precedence.Product && precedence == Precedence.Unary)) sb.Append(inner);
        else sb.Append('(').Append(inner).Append(')');
    }

    /// <summary>Round-trip double with the 'd' suffix that marks floating-point literals.</summary>
    public static string FormatReal(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text + "d";
    }
}
