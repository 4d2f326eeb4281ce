using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Reads expressions as rational functions over ℚ whose generators are symbols and kernels (non-rational subterms:
/// function calls, radicals, powers with symbolic exponents, floating-point numbers), and keeps the algebraic
/// relations between kernels (<see cref="KernelRelation"/>) so that results can be reduced by them. One converter
/// serves a group of expressions that are compared or combined, so that they share their kernels.
/// </summary>
internal sealed partial class RationalConverter
{
    /// <summary>Largest integer exponent expanded as a power of a rational function;
    /// beyond it the power is a kernel.</summary>
    private const int MaxIntegerPower = 64;

    /// <summary>Largest exponent of a monomial power (x^201 is one term, however large the exponent).</summary>
    private const int MaxMonomialPower = 100_000;

    private readonly KernelMode _mode;
    private readonly WorkBudget _budget;
    private readonly RangeAnalysis _ranges = new();
    private readonly Dictionary<Expr, RationalFunction> _memo = new();
    private readonly Dictionary<Expr, KernelRelation> _relations = new();

    private RationalConverter(KernelMode mode, WorkBudget budget)
    {
        _mode = mode;
        _budget = budget;
    }

    /// <summary>The relations collected so far, by kernel.</summary>
    public IReadOnlyCollection<KernelRelation> Relations => _relations.Values;

    /// <summary>
    /// Converts a group of expressions with shared kernels, reduced by the kernel relations (and in
    /// <see cref="KernelMode.Basis"/> with square roots out of the denominators, so that a zero numerator shows). The
    /// exponent and angle generators are settled first (a later exp(x/2) changes the generator of exp(x)), so the
    /// group is converted again until they no longer change.
    /// </summary>
    public static IReadOnlyList<RationalFunction> ConvertAll(IReadOnlyList<Expr> expressions, KernelMode mode,
        WorkBudget budget) =>
        ConvertAll(expressions, mode, budget, mode == KernelMode.Basis ? _ => true : _ => false);

    /// <summary>One expression, reduced (see
    /// <see cref="ConvertAll(IReadOnlyList{Expr}, KernelMode, WorkBudget)"/>).</summary>
    public static RationalFunction ConvertOne(Expr e, KernelMode mode, WorkBudget budget) =>
        ConvertAll([e], mode, budget)[0];

    /// <summary>One expression, reduced, with its denominator rationalized where
    /// <paramref name="accept"/> allows.</summary>
    public static RationalFunction ConvertRationalized(Expr e, KernelMode mode, WorkBudget budget,
        Func<Polynomial, bool> accept) => ConvertAll([e], mode, budget, accept)[0];

    private static List<RationalFunction> ConvertAll(IReadOnlyList<Expr> expressions, KernelMode mode,
        WorkBudget budget, Func<Polynomial, bool> acceptRationalized)
    {
        var families = new GeneratorFamilies();
        for (int round = 0; ; round++)
        {
            var converter = new RationalConverter(mode, budget) { _families = families };
            List<RationalFunction> results;
            try
            {
                results = [.. expressions.Select(e =>
                    converter.Rationalize(converter.Reduce(converter.Convert(e)), acceptRationalized))];
            }
            catch (DivideByZeroException) // a denominator that is identically 0: the expression is nowhere defined
            {
                throw new SymbolicException("division by zero: a denominator is identically 0");
            }
            if (!families.Changed || round >= 4) return results;
            families.Changed = false;
        }
    }

    private GeneratorFamilies _families = new();

    /// <summary>e as a rational function (not yet reduced by the relations).</summary>
    public RationalFunction Convert(Expr e)
    {
        if (_memo.TryGetValue(e, out var known)) return known;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        _budget.Spend(1);
        var result = e switch
        {
            Number n => RationalFunction.Constant(n.Value, []),
            Sum s => SumOf(s),
            Product p => ProductOf(p),
            Power { Exponent: Number { Value: { IsInteger: true } k } } p when IntegerPower(p.Base, k) is { } power
                => power,
            Power { Exponent: Number { Value: { IsInteger: false } k } } p => Radical(p.Base, k),
            Power p when !p.Exponent.IsNumber => SymbolicPower(p),
            Call c => CallOf(c),
            _ => Generator(e),
        };
        // every part in reduced form: equal parts then meet as equal polynomials, and degrees stay low
        if (e is Sum or Product or Power) result = Reduce(result);
        _memo[e] = result;
        return result;
    }

    /// <summary>b^k for an integer k: any k for a monomial, |k| ≤ <see cref="MaxIntegerPower"/> otherwise.</summary>
    private RationalFunction? IntegerPower(Expr b, Rational k)
    {
        if (BigInteger.Abs(k.Numerator) > MaxMonomialPower) return null;
        var form = Convert(b);
        bool monomial = form.Numerator.TermCount <= 1 && form.Denominator.TermCount <= 1;
        if (!monomial && BigInteger.Abs(k.Numerator) > MaxIntegerPower) return null;
        return form.Pow((int)k.Numerator, _budget);
    }

    private RationalFunction SumOf(Sum s)
    {
        var total = RationalFunction.Constant(Rational.Zero, []);
        foreach (var t in s.Terms) total = RationalFunction.Add(total, Convert(t), _budget);
        return total;
    }

    private RationalFunction ProductOf(Product p)
    {
        var total = RationalFunction.Constant(Rational.One, []);
        foreach (var f in p.Factors) total = RationalFunction.Multiply(total, Convert(f), _budget);
        return total;
    }

    /// <summary>A generator standing for e.</summary>
    private static RationalFunction Generator(Expr e) => RationalFunction.FromPolynomial(Polynomial.Generator(e));

    /// <summary>Records kernel^degree = replacement (the first relation recorded for a kernel wins).</summary>
    private void Relate(Expr kernel, int degree, RationalFunction replacement) =>
        _relations.TryAdd(kernel, new KernelRelation(kernel, degree, replacement));

    // ---------------- reduction by the relations ----------------

    /// <summary>r with every kernel's degree below the degree of its relation.</summary>
    public RationalFunction Reduce(RationalFunction r)
    {
        if (!_relations.Values.Any(k => r.Numerator.Degree(k.Kernel) >= k.Degree
            || r.Denominator.Degree(k.Kernel) >= k.Degree)) return r;
        var numerator = Reduce(r.Numerator);
        var denominator = Reduce(r.Denominator);
        return RationalFunction.Multiply(numerator, denominator.Reciprocal(), _budget);
    }

    private RationalFunction Reduce(Polynomial p)
    {
        var result = RationalFunction.FromPolynomial(p);
        // outer kernels first: their replacements only hold inner (smaller) kernels
        foreach (var relation in _relations.Values.OrderByDescending(k => k.Kernel.Depth))
        {
            if (result.Numerator.Degree(relation.Kernel) < relation.Degree
                && result.Denominator.Degree(relation.Kernel) < relation.Degree) continue;
            result = RationalFunction.Multiply(ReduceBy(result.Numerator, relation),
                ReduceBy(result.Denominator, relation).Reciprocal(), _budget);
        }
        return result;
    }

    /// <summary>p with g^k = g^(k − d)·R applied until g's degree is below d.</summary>
    private RationalFunction ReduceBy(Polynomial p, KernelRelation relation)
    {
        var current = RationalFunction.FromPolynomial(p);
        for (int guard = 0; guard < 4 * MaxIntegerPower; guard++)
        {
            var numerator = current.Numerator;
            int index = numerator.IndexOf(relation.Kernel);
            if (index < 0 || numerator.Degree(index) < relation.Degree) return current;
            var coefficients = numerator.CoefficientsIn(index);
            var low = Polynomial.Zero(numerator.Generators);
            var high = Polynomial.Zero(numerator.Generators);
            for (int k = 0; k < coefficients.Count; k++)
            {
                if (k < relation.Degree) low += Polynomial.Multiply(coefficients[k],
                    Polynomial.GeneratorPower(numerator.Generators, index, k), _budget);
                else high += Polynomial.Multiply(coefficients[k],
                    Polynomial.GeneratorPower(numerator.Generators, index, k - relation.Degree), _budget);
            }
            var replaced = RationalFunction.Add(RationalFunction.FromPolynomial(low),
                RationalFunction.Multiply(RationalFunction.FromPolynomial(high), relation.Replacement, _budget),
                _budget);
            current = RationalFunction.Multiply(replaced, RationalFunction.FromPolynomial(current.Denominator)
                .Reciprocal(), _budget);
        }
        throw new PolynomialBudgetException();
    }

    /// <summary>
    /// N/D with D linear in a kernel of degree 2 (a square root, r² = u, or |u|): (N·(a − b·r))/(a² − b²·u) for
    /// D = a + b·r, kernel after kernel, as long as <paramref name="accept"/> takes the new denominator. The new
    /// denominator vanishes wherever a − b·r does, so printed forms accept it only when it is provably nonzero.
    /// </summary>
    public RationalFunction Rationalize(RationalFunction f, Func<Polynomial, bool> accept)
    {
        for (int round = 0; round < 8; round++)
        {
            var relation = _relations.Values.FirstOrDefault(k => k.Degree == 2 && f.Denominator.Degree(k.Kernel) == 1);
            if (relation is null) return f;
            var denominator = f.Denominator;
            var index = denominator.IndexOf(relation.Kernel);
            var parts = denominator.CoefficientsIn(index);
            var conjugate = RationalFunction.FromPolynomial(parts[0] - Polynomial.Multiply(parts[1],
                Polynomial.GeneratorPower(denominator.Generators, index, 1), _budget));
            var product = Reduce(RationalFunction.Multiply(RationalFunction.FromPolynomial(denominator), conjugate,
                _budget));
            if (product.Numerator.Degree(relation.Kernel) > 0 || !accept(product.Numerator)) return f;
            var numerator = Reduce(RationalFunction.Multiply(RationalFunction.FromPolynomial(f.Numerator), conjugate,
                _budget));
            f = RationalFunction.Multiply(numerator, product.Reciprocal(), _budget);
        }
        return f;
    }

    /// <summary>The normal form of an argument, as the expression a kernel is keyed by.</summary>
    private Expr Normalized(Expr argument) =>
        _mode == KernelMode.AsWritten ? argument : Reduce(Convert(argument)).ToExpr();
}
