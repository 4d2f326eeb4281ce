namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// The rational normal forms of expressions over their kernels: Cancel (expanded numerator over expanded
/// denominator, coprime), Together (one fraction whose denominator keeps the input's factors), Factor, and the
/// decision whether an expression is identically zero. Every form is computed within a <see cref="WorkBudget"/>;
/// when the budget runs out, or a denominator is identically 0, the input is returned unchanged (the zero test
/// answers "not proven").
/// </summary>
internal static class RationalForms
{
    /// <summary>
    /// numerator/denominator, expanded and coprime; a denominator linear in a square root is rationalized when the
    /// rationalized one is provably nonzero (1/(x + √(x² + 4)) = (√(x² + 4) − x)/4).
    /// </summary>
    public static Expr Cancel(Expr e) => Guarded(e, () => Canceled(e).ToExpr());

    /// <summary>The rational function of Cancel: reduced, rationalized where the new denominator
    /// is provably nonzero.</summary>
    internal static RationalFunction Canceled(Expr e) => Canceled(e, new WorkBudget());

    /// <summary><see cref="Canceled(Expr)"/> spending a budget the caller shares between several conversions.</summary>
    internal static RationalFunction Canceled(Expr e, WorkBudget budget)
    {
        var ranges = new RangeAnalysis();
        return RationalConverter.ConvertRationalized(e, KernelMode.AsWritten, budget,
            d => ranges.IsNonZero(d.ToExpr()));
    }

    /// <summary>One fraction: an expanded numerator over the least common multiple of the input's denominators,
    /// kept as a product of the denominators that occur in the input.</summary>
    public static Expr Together(Expr e) =>
        Guarded(e, () => TogetherOf(RationalConverter.ConvertOne(e, KernelMode.AsWritten, new WorkBudget()), e));

    /// <summary>Together of e from its rational function.</summary>
    internal static Expr TogetherOf(RationalFunction form, Expr e)
    {
        if (form.IsPolynomial) return form.ToExpr();
        var (unit, factors) = SplitByInputDenominators(form.Denominator, DenominatorBases(e), new WorkBudget());
        var denominator = Expr.Multiply(factors.Select(f => Expr.Pow(f.Factor.ToExpr(), f.Multiplicity)));
        return Expr.Divide(form.Numerator.Scale(Rational.One / unit).ToExpr(), denominator);
    }

    /// <summary>Numerator and denominator factored over ℚ (see <see cref="PolynomialFactorizer"/>).</summary>
    public static Expr Factor(Expr e) =>
        Guarded(e, () => FactorOf(RationalConverter.ConvertOne(e, KernelMode.AsWritten, new WorkBudget())));

    /// <summary>The factored form of a rational function.</summary>
    internal static Expr FactorOf(RationalFunction form)
    {
        var budget = new WorkBudget();
        if (form.IsZero) return Expr.Zero;
        var numerator = PolynomialFactorizer.Factor(form.Numerator, budget).ToExpr();
        if (form.IsPolynomial) return numerator;
        return Expr.Divide(numerator, PolynomialFactorizer.Factor(form.Denominator, budget).ToExpr());
    }

    /// <summary>
    /// Partial fractions in x: a polynomial part plus rₖ/fᵏ for each factor f of the denominator over ℚ and the other
    /// symbols (deg rₖ &lt; deg f). Parameters are allowed: 1/(x² − a²) = 1/(2a(x − a)) − 1/(2a(x + a)). Unchanged when
    /// e is not rational in x (x inside a function or root).
    /// </summary>
    public static Expr Apart(Expr e, string variable) => Guarded(e, () =>
    {
        var budget = new WorkBudget();
        var form = RationalConverter.ConvertOne(e, KernelMode.AsWritten, budget);
        var x = form.Generators.FirstOrDefault(g => g is Symbol s && s.Name == variable);
        if (x is null || form.Generators.Any(g => !g.Equals(x) && g.DependsOn(variable))) return e;
        int index = form.Denominator.IndexOf(x);
        if (index < 0 || !form.Denominator.DependsOn(index)) return form.ToExpr();
        var decomposition = PartialFractions.Of(form, index, budget);
        var terms = decomposition.Terms.Select(t => t.Numerator.ToExpr(x) / Expr.Pow(t.Factor.ToExpr(x), t.Power));
        return Expr.Add(terms.Prepend(decomposition.Quotient.ToExpr(x)).Select(t => t.ApplyIdentities()));
    });

    /// <summary>
    /// The basis form with each exponential generator E = exp(m) balanced: numerator and denominator divided by
    /// E^s for the middle degree s of the denominator in E, so that exp(m) and exp(−m) pair into cosh and sinh:
    /// 2·exp(w)/(1 + exp(2w)) = 2/(exp(−w) + exp(w)) = 1/cosh(w).
    /// </summary>
    internal static Expr HyperbolicOf(RationalFunction form, int maxTerms = Expander.MaxTerms)
    {
        var (numerator, denominator) = (form.Numerator.ToExpr(), form.Denominator.ToExpr());
        foreach (var generator in form.Generators.OfType<Call>().Where(g => g.Function == Function.Exp))
        {
            int index = form.Denominator.IndexOf(generator);
            var degrees = form.Denominator.Terms.Select(t => t.Monomial[index]).ToList();
            if ((degrees.Min() + degrees.Max()) % 2 != 0) continue;
            var shift = Expr.Exp(Expr.Integer(-(degrees.Min() + degrees.Max()) / 2) * generator.Argument);
            numerator = Expander.Expand(numerator * shift, maxTerms);
            denominator = Expander.Expand(denominator * shift, maxTerms);
        }
        return Expr.Divide(numerator, denominator);
    }

    /// <summary>
    /// The basis form with each pair sin θ, cos θ whose terms all have an even total degree written through the
    /// doubled angle: cos² θ = (1 + cos 2θ)/2, sin θ·cos θ = sin(2θ)/2 (sin θ occurs at most once per term after
    /// sin² = 1 − cos²). The half angles of t = tan(x/2) come back: 1/(2cos²(x/2) − 1)² = 1/cos(x)².
    /// Null when a pair has terms of odd degree.
    /// </summary>
    internal static Expr? DoubledAnglesOf(RationalFunction form)
    {
        var substitutions = new Dictionary<Expr, Expr>();
        foreach (var cos in form.Generators.OfType<Call>().Where(g => g.Function == Function.Cos))
        {
            var sin = Expr.Sin(cos.Argument);
            if (!EvenTotalDegree(form.Numerator, sin, cos) || !EvenTotalDegree(form.Denominator, sin, cos)) return null;
            var doubled = 2 * cos.Argument;
            substitutions[cos] = Expr.Sqrt((1 + Expr.Cos(doubled)) / 2); // squared below, never left as a root
            substitutions[sin] = Expr.Sin(doubled) / (2 * Expr.Sqrt((1 + Expr.Cos(doubled)) / 2));
        }
        if (substitutions.Count == 0) return null;
        Expr Rewrite(Polynomial p) => p.ToExpr().Transform(n => substitutions.TryGetValue(n, out var r) ? r : n);
        var ranges = new RangeAnalysis();
        return RationalConverter.ConvertRationalized(Expr.Divide(Rewrite(form.Numerator), Rewrite(form.Denominator)),
            KernelMode.AsWritten, new WorkBudget(), d => ranges.IsNonZero(d.ToExpr())).ToExpr();
    }

    /// <summary>Every term of p has an even total degree in sin θ and cos θ.</summary>
    private static bool EvenTotalDegree(Polynomial p, Expr sin, Expr cos)
    {
        var (s, c) = (p.IndexOf(sin), p.IndexOf(cos));
        return p.Terms.All(t => ((s < 0 ? 0 : t.Monomial[s]) + (c < 0 ? 0 : t.Monomial[c])) % 2 == 0);
    }

    /// <summary>
    /// True when e is proven identically zero wherever it is defined: its rational normal form over a basis of
    /// kernels (<see cref="KernelMode.Basis"/>) is 0. False means "not proven", not "nonzero".
    /// </summary>
    public static bool IsZero(Expr e)
    {
        if (e is Number n) return n.Value.IsZero;
        if (e.IsNumber) return false;
        try { return RationalConverter.ConvertOne(e, KernelMode.Basis, new WorkBudget()).IsZero; }
        catch (SymbolicException) { return false; } // over budget, or nowhere defined
    }

    /// <summary>The form, or e itself when the computation exceeds its budget (or finds e nowhere defined).</summary>
    private static Expr Guarded(Expr e, Func<Expr> form)
    {
        try { return form(); }
        catch (SymbolicException) { return e; }
    }

    /// <summary>The bases of the negative integer powers in e: the denominators as the input writes them.</summary>
    private static List<Expr> DenominatorBases(Expr e)
    {
        var bases = new List<Expr>();
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is Power { Exponent: Number { Value: { IsInteger: true, Sign: < 0 } } } p && !p.Base.IsNumber
                && !bases.Contains(p.Base)) bases.Add(p.Base);
            if (node is not Call) foreach (var child in node.Children) stack.Push(child);
        }
        return bases;
    }

    /// <summary>
    /// d as unit·Π fᵢ^kᵢ where the fᵢ are the input's denominators (as polynomials) that divide it, and a last factor
    /// holds whatever they leave.
    /// </summary>
    private static (Rational Unit, List<(Polynomial Factor, int Multiplicity)> Factors) SplitByInputDenominators(
        Polynomial d, List<Expr> bases, WorkBudget budget)
    {
        var factors = new List<(Polynomial, int)>();
        foreach (var b in bases)
        {
            var f = RationalConverter.ConvertOne(b, KernelMode.AsWritten, budget);
            if (!f.IsPolynomial || f.Numerator.IsConstant) continue;
            var factor = f.Numerator.Normalized();
            int multiplicity = 0;
            while (d.TryDivide(factor, budget) is { } quotient)
            {
                d = quotient;
                multiplicity++;
            }
            if (multiplicity > 0) factors.Add((factor, multiplicity));
        }
        var unit = d.IsConstant ? d.ConstantTerm : d.LeadingCoefficient / d.Normalized().LeadingCoefficient;
        if (!d.IsConstant) factors.Add((d.Normalized(), 1));
        return (unit, factors);
    }
}
