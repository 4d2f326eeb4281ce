namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// A rational function in x written as a polynomial part plus rₖ/fᵏ for each factor f of its denominator over ℚ
/// and the other generators (deg rₖ &lt; deg f): the decomposition behind Apart and rational integration.
/// </summary>
/// <param name="Quotient">The polynomial part.</param>
/// <param name="Terms">Each numerator rₖ with its factor f (of positive degree in x) and power k.</param>
internal sealed record PartialFractions(
    FieldPolynomial Quotient, IReadOnlyList<(FieldPolynomial Numerator, FieldPolynomial Factor, int Power)> Terms)
{
    /// <summary>The decomposition of <paramref name="form"/> in its generator <paramref name="index"/>.</summary>
    /// <exception cref="PolynomialBudgetException">The work exceeds the budget.</exception>
    public static PartialFractions Of(RationalFunction form, int index, WorkBudget budget)
    {
        var x = form.Generators[index];
        var factorization = PolynomialFactorizer.Factor(form.Denominator, budget);
        var scale = RationalFunction.Constant(factorization.Unit, []);
        var powers = new List<(FieldPolynomial Factor, int Multiplicity)>();
        foreach (var (f, m) in factorization.Factors)
        {
            int fi = f.IndexOf(x);
            if (fi >= 0 && f.DependsOn(fi)) powers.Add((FieldPolynomial.From(f, fi, budget), m));
            else scale = RationalFunction.Multiply(scale, RationalFunction.FromPolynomial(f.Pow(m, budget)), budget);
        }
        var numerator = FieldPolynomial.From(form.Numerator, index, budget)
            .Multiply(FieldPolynomial.Constant(scale.Reciprocal(), budget));
        var one = FieldPolynomial.Constant(RationalFunction.Constant(Rational.One, []), budget);
        var denominator = powers.Aggregate(one, (acc, p) => acc.Multiply(p.Factor.Pow(p.Multiplicity)));
        var (quotient, remainder) = numerator.DivRem(denominator);
        var terms = new List<(FieldPolynomial, FieldPolynomial, int)>();
        foreach (var (f, m) in powers)
        {
            var full = f.Pow(m);
            var cofactor = denominator.DivRem(full).Quotient;
            var inverse = FieldPolynomial.InverseModulo(cofactor, full) ?? throw new PolynomialBudgetException();
            var part = remainder.Multiply(inverse).DivRem(full).Remainder;
            for (int k = m; k >= 1; k--) // f-adic digits: part = Σ rⱼ fʲ
            {
                var (next, digit) = part.DivRem(f);
                if (!digit.IsZero) terms.Add((digit, f, k));
                part = next;
            }
        }
        return new PartialFractions(quotient, terms);
    }
}
