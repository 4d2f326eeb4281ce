namespace ImplicitBias.Symbolic.Tests.Core;

/// <summary>Shared assertions and numeric comparisons for the core tests.</summary>
internal static class TestSupport
{
    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the parse of <paramref name="expected"/> (same assumptions).
    /// </summary>
    public static void AssertExpr(string expected, Expr actual, params string[] assumptions)
    {
        var want = Expr.Parse(expected, assumptions);
        Assert.True(want.Equals(actual), $"expected {want} but got {actual}");
        Assert.Equal(want.GetHashCode(), actual.GetHashCode());
    }

    /// <summary>|a − b| ≤ tolerance·max(1, |a|, |b|): relative for large values, absolute near zero.</summary>
    public static bool Close(double a, double b, double tolerance) =>
        a == b || Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>Bit-for-bit equality, with every NaN equal to every NaN.</summary>
    public static bool SameBits(double a, double b) =>
        (double.IsNaN(a) && double.IsNaN(b)) || BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    /// <summary>Evaluates at a point that binds every symbol.</summary>
    public static double Eval(Expr e, IReadOnlyDictionary<string, double> bindings) => e.Evaluate(bindings);

    /// <summary>
    /// Evaluates with every intermediate result (numbers and symbols included) multiplied by 1 ± δ, the sign chosen by
    /// bit <paramref name="pattern"/> of the node's hash: a model of rounding errors, used to recognize
    /// ill-conditioned evaluations (cancellation, acos near 1, tan of a huge argument).
    /// </summary>
    public static double EvaluatePerturbed(Expr e, IReadOnlyDictionary<string, double> at, double delta, int pattern)
    {
        double value = e switch
        {
            Number n => n.Value.ToDouble(),
            Real r => r.Value,
            Constant c => c.Value,
            Symbol s => at[s.Name],
            Sum s => s.Terms.Aggregate(0.0, (acc, t) => acc + EvaluatePerturbed(t, at, delta, pattern)),
            Product p => p.Factors.Aggregate(1.0, (acc, f) => acc * EvaluatePerturbed(f, at, delta, pattern)),
            Power { Exponent: Number k } p
                when k.Value.Denominator <= 64 && System.Numerics.BigInteger.Abs(k.Value.Numerator) <= 1 << 20 =>
                RealFunctions.RationalPower(EvaluatePerturbed(p.Base, at, delta, pattern), (long)k.Value.Numerator,
                    (int)k.Value.Denominator),
            Power p => Math.Pow(EvaluatePerturbed(p.Base, at, delta, pattern),
                EvaluatePerturbed(p.Exponent, at, delta, pattern)),
            Call c => RealFunctions.Apply(c.Function, EvaluatePerturbed(c.Argument, at, delta, pattern)),
            _ => throw new ArgumentException($"unknown node {e.GetType().Name}"),
        };
        return value * (1 + (((e.GetHashCode() >> pattern) & 1) == 0 ? delta : -delta));
    }

    /// <summary>
    /// True when relative perturbations of 1e-12 in the intermediate results move the value by more than 1e-6
    /// (relative, absolute near 0): a condition number above 10⁶, where algebraically equal formulas may differ
    /// beyond the comparison tolerance in floating point.
    /// </summary>
    public static bool IllConditioned(Expr e, IReadOnlyDictionary<string, double> at)
    {
        if (CancelsToNoise(e, at)) return true;
        double v = e.Evaluate(at);
        for (int pattern = 0; pattern < 4; pattern++)
            if (!Close(v, EvaluatePerturbed(e, at, 1e-12, pattern), 1e-6)) return true;
        return false;
    }

    /// <summary>
    /// True when some sum cancels to below 1e-9 of the size of its terms: a subexpression that is zero up to rounding
    /// (x·sin²x + x·cos²x − x, log(1/y) + log y). Dividing by it or taking its logarithm yields rounding noise, and a
    /// rewrite that recognizes the zero rightly changes that value.
    /// </summary>
    public static bool CancelsToNoise(Expr e, IReadOnlyDictionary<string, double> at)
    {
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is Sum sum)
            {
                double size = sum.Terms.Sum(t => Math.Abs(t.Evaluate(at)));
                if (Math.Abs(sum.Evaluate(at)) < 1e-9 * size) return true;
            }
            foreach (var child in node.Children) stack.Push(child);
        }
        return false;
    }

    /// <summary>
    /// True when every subexpression has a finite value at the point that did not underflow: the expression is
    /// defined there in the reals and its floating-point value means something. (log(0) − 1 evaluates to −∞ and
    /// 1/(log(0) − 1) to 0, but the expression has no real value; (10^−10)^18000 evaluates to 0, which is positive.)
    /// </summary>
    public static bool DefinedAt(Expr e, IReadOnlyDictionary<string, double> at)
    {
        var stack = new Stack<Expr>();
        var seen = new HashSet<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node)) continue;
            double v = node.Evaluate(at);
            if (!double.IsFinite(v) || double.IsSubnormal(v)) return false;
            bool underflow = v == 0 && node switch
            {
                Product p => p.Factors.All(f => f.Evaluate(at) != 0),
                Power p => p.Base.Evaluate(at) != 0,
                Call { Function: Function.Exp } => true,
                _ => false,
            };
            if (underflow) return false;
            foreach (var child in node.Children) stack.Push(child);
        }
        return true;
    }

    /// <summary>True for a finite value of moderate size (comparisons of huge values say little).</summary>
    public static bool Moderate(double v, double limit = 1e8) => double.IsFinite(v) && Math.Abs(v) <= limit;
}
