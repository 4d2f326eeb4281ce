using ImplicitBias.Symbolic.Algebra;

namespace ImplicitBias.Symbolic.Analysis;

/// <summary>
/// Where an expression of one variable is real and finite on an interval. Every subterm that can fail names a
/// guard g whose zeros are the trouble: a negative power or a logarithm is singular where its base vanishes, tan
/// where cos vanishes, √ or log of u is undefined where u &lt; 0, asin and atanh outside [−1, 1]. Polynomial guards
/// are reduced to their square-free part, so every real zero is a sign change; zeros are then found by sign changes
/// on a dense grid (mapped to infinite ends) and bisection, and snapped to exact multiples of π and small fractions.
/// </summary>
internal static class DefinitionSet
{
    private const int GridPoints = 2048;
    private const int MaxGuards = 64;

    /// <summary>The singular points in [lo, hi] (ends included), sorted.</summary>
    public static IReadOnlyList<Singularity> Singularities(Expr e, string variable, double lo, double hi,
        IReadOnlyDictionary<string, double> parameters)
    {
        var found = new List<Singularity>();
        foreach (var guard in Guards(e, variable).Take(MaxGuards))
        {
            Func<double, double> g;
            try { g = ZeroPreserving(guard.Function, variable).CompileForChecks(variable, parameters); }
            catch (SymbolicException) { continue; }
            foreach (var point in Zeros(g, lo, hi)) found.Add(new Singularity(Snap(point), guard.Kind, guard.Cause));
        }
        return [.. found.GroupBy(s => s.Point).Select(group => group.First()).OrderBy(s => s.Point)];
    }

    /// <summary>Subterms that can fail, with the function whose zeros are where they fail.</summary>
    private static IEnumerable<(Expr Function, SingularityKind Kind, Expr Cause)> Guards(Expr e, string variable)
    {
        var seen = new HashSet<Expr>();
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node) || !node.DependsOn(variable)) continue;
            foreach (var guard in GuardsOf(node)) yield return (guard.Function, guard.Kind, node);
            foreach (var child in node.Children) stack.Push(child);
        }
    }

    private static IEnumerable<(Expr Function, SingularityKind Kind)> GuardsOf(Expr node)
    {
        const SingularityKind pole = SingularityKind.Pole, edge = SingularityKind.DomainBoundary;
        switch (node)
        {
            case Power { Exponent: Number { Value: var k } } p when k.Sign < 0:
                yield return (p.Base, pole);
                break;
            case Power { Exponent: Number { Value: var k } } p when !k.IsInteger && k.Denominator.IsEven:
                yield return (p.Base, edge);
                break;
            case Power { Exponent: not Number } p:
                yield return (p.Base, edge);
                break;
            case Call { Function: Function.Log } c:
                yield return (c.Argument, pole);
                break;
            case Call { Function: Function.Tan } c:
                yield return (Expr.Cos(c.Argument), pole);
                break;
            case Call { Function: Function.Asin or Function.Acos } c:
                yield return (1 - c.Argument, edge);
                yield return (1 + c.Argument, edge);
                break;
            case Call { Function: Function.Atanh } c:
                yield return (1 - c.Argument, pole);
                yield return (1 + c.Argument, pole);
                break;
            case Call { Function: Function.Acosh } c:
                yield return (c.Argument - 1, edge);
                break;
            case Call { Function: Function.Li2 } c:
                yield return (1 - c.Argument, edge);
                break;
        }
    }

    /// <summary>
    /// A function with the same real zeros whose zeros are sign changes: |u| and uᵏ become u, a product its factors'
    /// product reduced the same way, a polynomial its square-free part.
    /// </summary>
    private static Expr ZeroPreserving(Expr g, string variable)
    {
        var reduced = g switch
        {
            Call { Function: Function.Abs } c => ZeroPreserving(c.Argument, variable),
            Power { Exponent: Number { Value.Sign: > 0 } } p => ZeroPreserving(p.Base, variable),
            Product p => Expr.Multiply(p.Factors.Where(f => f.DependsOn(variable))
                .Select(f => ZeroPreserving(f, variable))),
            _ => g,
        };
        return SquareFreePart(reduced, variable) ?? reduced;
    }

    private static Expr? SquareFreePart(Expr g, string variable)
    {
        if (g is not Sum) return null;
        try
        {
            var p = Polynomial.FromExpr(g);
            if (p.Generators.Any(x => x is not Symbol { Name: var n } || n != variable)) return null;
            var parts = SquareFreeDecomposition.Of(p, new WorkBudget()).Factors;
            return Expr.Multiply(parts.Select(f => f.Factor.ToExpr()));
        }
        catch (ArgumentException) { return null; }
        catch (SymbolicException) { return null; }
    }

    /// <summary>Sign changes and exact zeros of g on the grid, each refined by bisection.</summary>
    private static IEnumerable<double> Zeros(Func<double, double> g, double lo, double hi)
    {
        var grid = Grid(lo, hi);
        double previousX = grid[0], previous = g(previousX);
        if (previous == 0) yield return previousX;
        for (int i = 1; i < grid.Length; i++)
        {
            double x = grid[i], value = g(x);
            if (value == 0) yield return x;
            else if (double.IsFinite(value) && double.IsFinite(previous) && previous != 0
                && Math.Sign(value) != Math.Sign(previous))
                yield return Bisection.Root(g, previousX, x);
            (previousX, previous) = (x, value);
        }
    }

    /// <summary>Grid points of [lo, hi] with ends included; infinite ends are reached through x = t/(1 − t²).</summary>
    private static double[] Grid(double lo, double hi)
    {
        double tLo = ToUnit(lo), tHi = ToUnit(hi);
        var points = new double[GridPoints + 1];
        for (int i = 0; i <= GridPoints; i++)
        {
            double t = tLo + (tHi - tLo) * i / GridPoints;
            points[i] = i == 0 ? Finite(lo, t) : i == GridPoints ? Finite(hi, t) : FromUnit(t);
        }
        return points;
    }

    private static double Finite(double end, double t) => double.IsFinite(end) ? end : FromUnit(t * (1 - 1e-9));

    private static double FromUnit(double t) => t / (1 - t * t);

    // inverse of t/(1 − t²) on (−1, 1)
    private static double ToUnit(double x) => double.IsPositiveInfinity(x) ? 1 : double.IsNegativeInfinity(x) ? -1
        : x == 0 ? 0 : (Math.Sqrt(1 + 4 * x * x) - 1) / (2 * x);

    /// <summary>A multiple of π (π/2, 3π/4) or a fraction with a small denominator, when the point is one.</summary>
    private static double Snap(double v)
    {
        if (Interval.PiMultiple(v) is { } pi) return pi.Evaluate();
        for (int q = 1; q <= 12; q++)
        {
            double p = Math.Round(v * q);
            if (Math.Abs(p / q - v) <= 1e-13 * Math.Max(1, Math.Abs(v))) return p / q;
        }
        return v;
    }
}
