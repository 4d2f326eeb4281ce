using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

internal sealed partial class RationalConverter
{
    /// <summary>Most terms of an exponent or angle that are split into generators;
    /// longer ones stay one kernel.</summary>
    private const int MaxSplitTerms = 8;

    /// <summary>Largest integer multiple of a family generator that is expanded as a power.</summary>
    private const int MaxMultiple = 256;

    /// <summary>
    /// u^(p/q) as r^p with the radical r = u^(1/q) a generator related by r^q = u (true wherever r is real, also
    /// for odd roots of negative numbers); the whole part of p/q comes out as a power of u.
    /// </summary>
    private RationalFunction Radical(Expr b, Rational k)
    {
        if (k.Denominator > RealFunctions.MaxRootDegree
            || BigInteger.Abs(k.Numerator) > MaxIntegerPower * k.Denominator)
            return Generator(Expr.Pow(b, Expr.FromRational(k)));
        int q = (int)k.Denominator;
        var baseForm = Normalized(b);
        var root = Expr.Pow(baseForm, Expr.FromRational(new Rational(BigInteger.One, q)));
        var whole = (int)k.Floor();
        int rest = (int)(k.Numerator - whole * k.Denominator);
        RationalFunction r;
        if (root is Power { Exponent: Number e } && e.Value == new Rational(BigInteger.One, q))
        {
            r = Generator(root);
            Relate(root, q, Convert(baseForm));
        }
        else r = Convert(root); // the builders simplified it ((u²)^(1/2) = |u|)
        return RationalFunction.Multiply(Convert(baseForm).Pow(whole, _budget), r.Pow(rest, _budget), _budget);
    }

    /// <summary>
    /// b^e for a symbolic exponent: the exponent's terms c·m become powers of one generator b^(g·m) per monomial m
    /// (b^(2/L) = (b^(1/L))² when both occur) and its rational part a radical, for b &gt; 0; otherwise only the integer
    /// part of the exponent comes out (b^(n + s) = bⁿ·b^s). Both hold wherever the power is defined.
    /// </summary>
    private RationalFunction SymbolicPower(Power p)
    {
        var baseForm = Normalized(p.Base);
        var exponent = Reduce(Convert(p.Exponent));
        if (!_ranges.IsPositive(p.Base)) return IntegerPartOut(baseForm, exponent, _ranges.IsNonZero(p.Base));
        var terms = TermsOf(exponent);
        if (terms is null) return Generator(Expr.Pow(baseForm, exponent.ToExpr()));
        var result = RationalFunction.Constant(Rational.One, []);
        foreach (var (monomial, coefficient) in terms)
        {
            var factor = monomial is Number { Value.IsOne: true }
                ? Convert(Expr.Pow(baseForm, Expr.FromRational(coefficient)))
                : FamilyPower(GeneratorFamily.Power, baseForm, monomial, coefficient,
                    g => Expr.Pow(baseForm, g));
            result = RationalFunction.Multiply(result, factor, _budget);
        }
        return result;
    }

    /// <summary>b^(n + s) = bⁿ·b^s with n the integer part of the exponent's constant (n ≥ 0 unless b ≠ 0).</summary>
    private RationalFunction IntegerPartOut(Expr baseForm, RationalFunction exponent, bool baseNonZero)
    {
        var constant = exponent.IsPolynomial ? exponent.Numerator.ConstantTerm / exponent.Denominator.LeadingCoefficient
            : Rational.Zero;
        var whole = constant.Floor();
        if ((whole.Sign < 0 && !baseNonZero) || BigInteger.Abs(whole) > MaxIntegerPower) whole = BigInteger.Zero;
        var rest = RationalFunction.Add(exponent, RationalFunction.Constant(-whole, []), _budget);
        var kernel = Generator(Expr.Pow(baseForm, rest.ToExpr()));
        return RationalFunction.Multiply(Convert(baseForm).Pow((int)whole, _budget), kernel, _budget);
    }

    /// <summary>
    /// The family generator for c·m raised to its multiple: <paramref name="make"/> builds the generator from g·m.
    /// A multiple beyond <see cref="MaxMultiple"/> keeps c·m as its own kernel.
    /// </summary>
    private RationalFunction FamilyPower(GeneratorFamily family, Expr? powerBase, Expr monomial, Rational coefficient,
        Func<Expr, Expr> make)
    {
        var (g, multiple) = _families.Split(family, powerBase, monomial, coefficient);
        if (BigInteger.Abs(multiple) > MaxMultiple) return Generator(make(Expr.FromRational(coefficient) * monomial));
        var generator = make(Expr.FromRational(g) * monomial);
        var power = generator is Call or Power ? Generator(generator) : Convert(generator);
        return power.Pow((int)multiple, _budget);
    }

    /// <summary>
    /// The terms c·m of a normal form (m an expression without numeric coefficient, 1 for the constant term); a
    /// quotient is one term, its numeric content c. Null when there are too many terms to split.
    /// </summary>
    private static List<(Expr Monomial, Rational Coefficient)>? TermsOf(RationalFunction r)
    {
        if (r.IsZero) return [];
        if (!r.IsPolynomial)
        {
            var content = r.Numerator.NumericContent();
            if (r.Numerator.LeadingCoefficient.Sign < 0) content = -content;
            var rest = RationalFunction.Create(r.Numerator.Scale(Rational.One / content), r.Denominator);
            return [(rest.ToExpr(), content)];
        }
        if (r.Numerator.TermCount > MaxSplitTerms) return null;
        var scale = Rational.One / r.Denominator.LeadingCoefficient;
        var terms = new List<(Expr, Rational)>(r.Numerator.TermCount);
        foreach (var (m, c) in r.Numerator.Terms)
            terms.Add((Polynomial.MonomialExpr(r.Generators, m), c * scale));
        return terms;
    }
}
