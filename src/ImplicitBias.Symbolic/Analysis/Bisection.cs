namespace ImplicitBias.Symbolic.Analysis;

/// <summary>
/// The one bisection of the analysis module: the boundary between two points where a predicate differs, to the
/// spacing of doubles. Sign changes (a root) and the edge of a stretch where a function vanishes are both this.
/// </summary>
internal static class Bisection
{
    private const int MaxSteps = 200;

    /// <summary>
    /// The point between <paramref name="outside"/> and <paramref name="inside"/> where the predicate starts to hold.
    /// </summary>
    public static double Edge(Func<double, bool> holds, double outside, double inside)
    {
        for (int i = 0; i < MaxSteps && outside != inside; i++)
        {
            double m = outside + (inside - outside) / 2;
            if (m == outside || m == inside) break;
            if (holds(m)) inside = m;
            else outside = m;
        }
        return inside;
    }

    /// <summary>
    /// A root of a continuous g between a and b where g changes sign (g(a) and g(b) of opposite signs); a point
    /// where g is 0 or not finite is returned as met.
    /// </summary>
    public static double Root(Func<double, double> g, double a, double b)
    {
        int sign = Math.Sign(g(a));
        double hit = double.NaN;
        var edge = Edge(x =>
        {
            double v = g(x);
            if (v == 0 || !double.IsFinite(v)) hit = x;
            return !double.IsNaN(hit) || Math.Sign(v) != sign;
        }, a, b);
        return double.IsNaN(hit) ? edge : hit;
    }
}
