using ImplicitBias.Symbolic.Algebra;
using ImplicitBias.Symbolic.Algebra.Calculus;
using ImplicitBias.Symbolic.Analysis;
using ImplicitBias.Symbolic.Models;

namespace ImplicitBias.Symbolic.Tests.Architecture;

/// <summary>
/// The internal types a layer offers the layers above on purpose (docs/ARCHITECTURE.md, "Layers"), each with what it
/// offers. Public types are offered by being public; any other internal type is the business of its own layer, and a
/// reference to it from another layer fails <see cref="LayeringTests"/>. A nested type belongs to the offer of the
/// type that contains it.
/// </summary>
public static class OfferedInternals
{
    public static IReadOnlyDictionary<Type, string> Types { get; } = new Dictionary<Type, string>
    {
        // Expressions
        [typeof(Canonical)] = "the canonicalizing constructors behind every builder, and SplitCoefficient",
        [typeof(Coefficient)] = "the numeric coefficient that Canonical.SplitCoefficient returns",
        [typeof(ExprOrder)] = "the canonical total order of expressions",
        [typeof(InverseComposition)] = "the table of compositions f(g(u)) with inverse pairs, for Simplify",
        [typeof(CompositionGuard)] = "the guards of the InverseComposition table",
        [typeof(Evaluator)] = "double-precision evaluation, the interpreter under compiled delegates",
        // Algebra (with Algebra/Polynomials)
        [typeof(ShortestForm)] = "Simplify with its options",
        [typeof(AffinePart)] = "the affine part a·x + b of an expression in x",
        [typeof(Shapes)] = "shape tests: linear in x, log|u| by the sign of u, fresh names",
        [typeof(RationalForms)] = "rational normal forms and the zero test",
        [typeof(UnivariateForms)] = "expressions read as polynomials and rational functions in one variable",
        [typeof(FieldPolynomial)] = "polynomials in one generator over the rational functions of the others",
        [typeof(SquareFreeDecomposition)] = "square-free decomposition over ℚ",
        [typeof(PolynomialFactorizer)] = "factorization over ℚ",
        [typeof(PartialFractions)] = "partial fractions over ℚ",
        [typeof(WorkBudget)] = "the bound on the work of one polynomial computation",
        // Analysis
        [typeof(LimitAnalysis)] = "symbolic one-sided limits",
        [typeof(Limit)] = "the one-sided limit LimitAnalysis returns",
        [typeof(EndLimits)] = "limits at the ends of an interval, the image and the one snap policy",
        [typeof(DomainCheck)] = "where a function is real and finite on its domain",
        [typeof(ImproperIntegral)] = "definite integrals split at singular points",
        [typeof(ScalarNumerics)] = "quadrature and the bracketed monotone inverse",
        [typeof(SignAnalysis)] = "the one \"keeps one sign\" check",
        [typeof(SignReport)] = "the result of SignAnalysis",
        // Calculus
        [typeof(InverseSolver)] = "closed-form inverse candidates, certified by the caller",
        [typeof(Certifier)] = "certification of closed forms before they leave the library",
        [typeof(DomainSampler)] = "sample points inside intervals, for certification",
        // Models
        [typeof(RowRank)] = "the rank of A and the consistency of A x = b",
    };

    /// <summary>True when the type, or a type containing it, is offered.</summary>
    public static bool Offers(Type type)
    {
        for (Type? t = type; t is not null; t = t.DeclaringType)
            if (Types.ContainsKey(t)) return true;
        return false;
    }
}
