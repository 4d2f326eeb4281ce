
namespace ImplicitBias.Symbolic;

/// <summary>Intervals written as text: "(0,inf)", "(-pi/2, pi/2)", "[0, 1)", "(-inf,inf)".</summary>
public static class DomainText
{
    /// <summary>Parses an interval; ends are numbers, inf/-inf or constant expressions such as pi/2.</summary>
    /// <exception cref="ParseException">The text is not an interval.</exception>
    public static Interval Parse(string text)
    {
        var (lo, hi, loOpen, hiOpen) = ParseEnds(text);
        foreach (var (end, column) in new[] { (lo, 2), (hi, text.IndexOf(',', StringComparison.Ordinal) + 2) })
            if (end is not null && end.FreeSymbols().Count > 0)
                throw new ParseException(text, column, $"interval end '{end}' must be a constant");
        double l = Value(lo, double.NegativeInfinity, text), h = Value(hi, double.PositiveInfinity, text);
        if (!(l < h))
            throw new ParseException(text, 1,
                $"empty interval: the lower end {Format(l)} is not below the upper end {Format(h)}");
        return new Interval(l, h, loOpen, hiOpen);
    }

    /// <summary>
    /// Parses an interval whose ends may depend on parameters, "(-beta*pi/2, beta*pi/2)": each end as an expression,
    /// null for an infinite end, and whether it is open.
    /// </summary>
    /// <exception cref="ParseException">The text is not an interval.</exception>
    public static (Expr? Lo, Expr? Hi, bool LoOpen, bool HiOpen) ParseEnds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length < 5 || (t[0] != '(' && t[0] != '[') || (t[^1] != ')' && t[^1] != ']'))
            throw new ParseException(text, 1, "expected an interval such as \"(0,inf)\" or \"(-pi/2,pi/2)\"");
        int comma = TopLevelComma(t);
        if (comma < 0) throw new ParseException(text, 1, "expected two ends separated by a comma");
        var lo = End(t[1..comma], text, 2, "-inf", "-infinity");
        var hi = End(t[(comma + 1)..^1], text, comma + 2, "inf", "+inf", "infinity");
        return (lo, hi, t[0] == '(' || lo is null, t[^1] == ')' || hi is null);
    }

    /// <summary>Interval notation that <see cref="Parse"/> reads back.</summary>
    public static string Format(Interval d) =>
        $"{(d.LoOpen ? '(' : '[')}{Format(d.Lo)},{Format(d.Hi)}{(d.HiOpen ? ')' : ']')}";

    /// <summary>An end as text: inf, -inf, a multiple of pi with a small denominator (pi/2), or the number.</summary>
    public static string Format(double v) => Interval.EndText(v);

    private static int TopLevelComma(string t)
    {
        int depth = 0;
        for (int i = 1; i < t.Length - 1; i++)
        {
            if (t[i] == '(') depth++;
            else if (t[i] == ')') depth--;
            else if (t[i] == ',' && depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The end as an expression, or null for the infinite end this side may have.</summary>
    private static Expr? End(string part, string whole, int column, params string[] infinite)
    {
        var p = part.Trim();
        if (infinite.Contains(p)) return null;
        try { return Expr.Parse(p); }
        catch (ParseException x) { throw new ParseException(whole, column + x.Column - 1, x.Problem); }
    }

    private static double Value(Expr? end, double infinite, string whole)
    {
        if (end is null) return infinite;
        var v = end.Evaluate();
        if (!double.IsFinite(v))
            throw new ParseException(whole, 1, $"interval end '{end}' is not a finite real number");
        return v;
    }
}
