using ImplicitBias.Symbolic.Algebra;

namespace ImplicitBias.Symbolic.Analysis;

/// <summary>
/// The sign of a rational function over ℚ on an interval, decided exactly: Sturm sequences count the real zeros of
/// each square-free factor of the numerator inside the interval, so "keeps one sign" is a proof, and a zero of odd
/// multiplicity is a proven sign change. Functions with a pole inside the interval are left to the caller.
/// </summary>
internal static class ExactSign
{
    /// <summary>The sign of d on the domain; null if d is not a rational function over ℚ or has a pole there.</summary>
    public static SignReport? Of(Expr d, string variable, Interval domain)
    {
        if (UnivariateForms.OverRationals(d, variable) is not { } form || form.IsZero) return null;
        int index = UnivariateForms.IndexOf(form, variable);
        if (index < 0) return null;
        var denominator = Sturm(form.Denominator.UnivariateCoefficients(index));
        if (denominator is null || Count(denominator, domain) != 0) return null;
        PolynomialFactorization factors;
        try { factors = SquareFreeDecomposition.Of(form.Numerator, new WorkBudget()); }
        catch (SymbolicException) { return null; }
        var changes = new List<double>();
        var touches = new List<double>();
        foreach (var (factor, multiplicity) in factors.Factors)
        {
            var coefficients = factor.UnivariateCoefficients(index);
            if (Sturm(coefficients) is not { } sequence) return null;
            if (Count(sequence, domain) == 0) continue;
            (multiplicity % 2 == 1 ? changes : touches).AddRange(Roots(coefficients, sequence, domain));
        }
        if (changes.Count > 0) return new SignReport(0, true, [.. changes.Order()], null);
        var f = d.Compile(variable);
        int sign = Math.Sign(f(FreePoint(domain, touches)));
        if (sign == 0) return null;
        double? touch = touches.Count > 0 ? touches.Min() : null;
        return new SignReport(sign, true, [], touch is { } t ? (t, t) : null);
    }

    private static SturmSequence? Sturm(Rational[] p) => p.Length == 0 ? null : SturmSequence.Of(p);

    /// <summary>Zeros inside the domain, which may exclude 0.</summary>
    private static int Count(SturmSequence s, Interval domain)
    {
        int count = s.RootsBetween(domain.Lo, domain.Hi);
        if (!domain.ExcludesZero) return count;
        return count - (s.SignAt(0) == 0 ? 1 : 0);
    }

    /// <summary>The zeros inside the domain, isolated by Sturm counts on halved intervals, then bisected.</summary>
    private static IEnumerable<double> Roots(Rational[] p, SturmSequence s, Interval domain)
    {
        double bound = 1 + p.Take(p.Length - 1).Select(c => Math.Abs((c / p[^1]).ToDouble())).DefaultIfEmpty(0).Max();
        double lo = Math.Max(domain.Lo, -bound), hi = Math.Min(domain.Hi, bound);
        var found = new List<double>();
        Isolate(p, s, lo, hi, found, depth: 0);
        return found.Where(domain.Contains);
    }

    private static void Isolate(Rational[] p, SturmSequence s, double lo, double hi, List<double> found, int depth)
    {
        int count = s.RootsBetween(lo, hi);
        if (count == 0) return;
        double mid = lo + (hi - lo) / 2;
        if (count == 1 || depth > 200 || mid == lo || mid == hi)
        {
            found.Add(Bisection.Root(x => Evaluate(p, x), lo, hi));
            return;
        }
        Isolate(p, s, lo, mid, found, depth + 1);
        if (s.SignAt(mid) == 0) found.Add(mid);
        Isolate(p, s, mid, hi, found, depth + 1);
    }

    private static double Evaluate(Rational[] p, double x)
    {
        double sum = 0;
        for (int k = p.Length - 1; k >= 0; k--) sum = sum * x + p[k].ToDouble();
        return sum;
    }

    /// <summary>A point of the domain that is not one of the given zeros.</summary>
    private static double FreePoint(Interval domain, List<double> zeros)
    {
        double point = domain.Midpoint;
        for (int i = 0; zeros.Any(z => Math.Abs(z - point) < 1e-6 * Math.Max(1, Math.Abs(z))) && i < 60; i++)
            point = double.IsFinite(domain.Hi) ? point + (domain.Hi - point) / 3 : point + 1 + Math.Abs(point);
        return point;
    }
}
