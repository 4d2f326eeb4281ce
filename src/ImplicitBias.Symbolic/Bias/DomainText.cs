
namespace ImplicitBias.Symbolic;

/// <summary>Intervals written as text: "(0,inf)", "(-pi/2, pi/2)", "[0, 1)", "(-inf,inf)".</summary>
public static class DomainText
{
    /// <summary>Parses an interval; ends are numbers, inf/-inf or constant expressions such as pi/2.</summary>
    /// <exception cref="ParseException">The text is not an interval.</exception>
    public static Interval Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length < 5 || (t[0] != '(' && t[0] != '[') || (t[^1] != ')' && t[^1] != ']'))
            throw new ParseException(text, 1, "expected an interval such as \"(0,inf)\" or \"(-pi/2,pi/2)\"");
        int comma = TopLevelComma(t);
        if (comma < 0) throw new ParseException(text, 1, "expected two ends separated by a comma");
        double lo = End(t[1..comma], text, 2), hi = End(t[(comma + 1)..^1], text, comma + 2);
        if (!(lo < hi)) throw new ParseException(text, 1, $"empty interval: the lower end {Format(lo)} is not below the upper end {Format(hi)}");
        return new Interval(lo, hi, t[0] == '(', t[^1] == ')');
    }

    /// <summary>Interval notation that <see cref="Parse"/> reads back.</summary>
    public static string Format(Interval d) => $"{(d.LoOpen ? '(' : '[')}{Format(d.Lo)},{Format(d.Hi)}{(d.HiOpen ? ')' : ']')}";

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

    private static double End(string part, string whole, int column)
    {
        var p = part.Trim();
        if (p is "inf" or "+inf" or "infinity") return double.PositiveInfinity;
        if (p is "-inf" or "-infinity") return double.NegativeInfinity;
        Expr e;
        try { e = Expr.Parse(p); }
        catch (ParseException x) { throw new ParseException(whole, column + x.Column - 1, x.Problem); }
        if (e.FreeSymbols().Count > 0) throw new ParseException(whole, column, $"interval end '{p}' must be a constant");
        var v = e.Evaluate();
        if (double.IsNaN(v)) throw new ParseException(whole, column, $"interval end '{p}' is not a real number");
        return v;
    }
}
