using FsCheck;
using FsCheck.Fluent;
using ImplicitBias.Symbolic.Algebra;
using ImplicitBias.Symbolic.Testing;
using static ImplicitBias.Symbolic.Tests.Core.TestSupport;

namespace ImplicitBias.Symbolic.Tests.Algebra;

/// <summary>
/// Properties of the rational normal form over random rational expressions in symbols, a parameter and kernels:
/// zero is recognized exactly when the expression is numerically zero, gcds divide and leave coprime cofactors,
/// and Together, Cancel and Factor preserve values.
/// </summary>
public class RationalFormPropertyTests
{
    private const int Tests = 200;

    private static void Check<T>(Gen<T> gen, Func<T, bool> property) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(Tests), Prop.ForAll(gen.ToArbitrary(), property));

    private static readonly Symbol X = Expr.Var("x"), Y = Expr.Var("y"), A = Expr.Var("a");

    /// <summary>Kernels defined on the whole line, each with an equal form written through other kernels.</summary>
    private static readonly (Expr Kernel, Expr Equal)[] Kernels =
    [
        (Expr.Sinh(X), (Expr.Exp(X) - Expr.Exp(-X)) / 2),
        (Expr.Cosh(2 * X), 1 + 2 * Expr.Pow(Expr.Sinh(X), 2)),
        (Expr.Sin(2 * Y), 2 * Expr.Sin(Y) * Expr.Cos(Y)),
        (Expr.Exp(2 * X), Expr.Pow(Expr.Exp(X), 2)),
        (Expr.Pow(Expr.Sqrt(1 + Expr.Pow(X, 2)), 3), (1 + Expr.Pow(X, 2)) * Expr.Sqrt(1 + Expr.Pow(X, 2))),
        (Expr.Tanh(Y), Expr.Sinh(Y) / Expr.Cosh(Y)),
        (Expr.Cos(X + Y), Expr.Cos(X) * Expr.Cos(Y) - Expr.Sin(X) * Expr.Sin(Y)),
        (Expr.Pow(Expr.Abs(Y), 2), Expr.Pow(Y, 2)),
    ];

    private static Gen<Expr> Atom =>
        Gen.OneOf(Gen.Elements<Expr>(X, Y, A), Gen.Elements(Kernels).Select(k => k.Kernel));

    private static Gen<Expr> Monomial =>
        from c in Gen.Choose(-4, 4)
        from count in Gen.Choose(0, 2)
        from factors in Gen.ArrayOf(Atom, count)
        from exponents in Gen.ArrayOf(Gen.Choose(1, 2), 2)
        select Expr.Multiply(factors.Select((f, i) => Expr.Pow(f, exponents[i % 2])).Prepend(Expr.Integer(c)));

    private static Gen<Expr> PolynomialExpr =>
        from n in Gen.Choose(1, 3)
        from terms in Gen.ArrayOf(Monomial, n)
        select Expr.Add(terms);

    /// <summary>P, P/Q, P/Q + R/S, (P/Q)·(R/S) or P/(Q + R/S), with nonzero denominators.</summary>
    private static Gen<Expr> RationalExpr =>
        from shape in Gen.Choose(0, 4)
        from p in PolynomialExpr
        from q in PolynomialExpr
        from r in PolynomialExpr
        from s in PolynomialExpr
        select Build(shape, p, q, r, s);

    private static Expr Build(int shape, Expr p, Expr q, Expr r, Expr s)
    {
        // 3 + x² + a² keeps a denominator away from zero however q was drawn
        Expr Safe(Expr d) => 3 + Expr.Pow(X, 2) + Expr.Pow(A, 2) + Expr.Pow(d, 2);
        return shape switch
        {
            0 => p,
            1 => p / Safe(q),
            2 => p / Safe(q) + r / Safe(s),
            3 => p / Safe(q) * (r / Safe(s)),
            _ => p / (Safe(q) + Expr.Pow(r / Safe(s), 2)),
        };
    }

    private static readonly Dictionary<string, double>[] Points =
    [
        new() { ["x"] = 0.37, ["y"] = -1.21, ["a"] = 2.3 },
        new() { ["x"] = -0.83, ["y"] = 0.52, ["a"] = -0.7 },
        new() { ["x"] = 1.19, ["y"] = 2.07, ["a"] = 0.41 },
    ];

    /// <summary>e with every kernel replaced by its equal form written through other kernels.</summary>
    private static Expr Rewritten(Expr e) => Kernels.Aggregate(e, (acc, k) => acc.Substitute(k.Kernel, k.Equal));

    private static bool NumericallyZero(Expr e, Expr scale) =>
        Points.All(p => Math.Abs(e.Evaluate(p)) <= 1e-9 * Math.Max(1, Math.Abs(scale.Evaluate(p))));

    [Fact]
    public void An_expression_minus_an_equal_form_is_recognized_as_zero()
    {
        Check(RationalExpr, e =>
        {
            var difference = e - Rewritten(e).Expand();
            return difference.IsIdenticallyZero() && NumericallyZero(difference, e);
        });
    }

    [Fact]
    public void The_zero_test_agrees_with_numeric_evaluation()
    {
        Check(from e in RationalExpr from f in RationalExpr select (e, f), pair =>
        {
            var difference = pair.e - Rewritten(pair.f);
            bool numericallyZero = NumericallyZero(difference, pair.e);
            return difference.IsIdenticallyZero() == numericallyZero;
        });
    }

    [Fact]
    public void Gcd_divides_both_and_leaves_coprime_cofactors()
    {
        Check(from a in PolynomialExpr from b in PolynomialExpr from c in PolynomialExpr select (a, b, c), t =>
        {
            var (a, b, c) = (Polynomial.FromExpr(t.a), Polynomial.FromExpr(t.b), Polynomial.FromExpr(t.c));
            var (ac, bc) = (a * c, b * c);
            if (ac.IsZero || bc.IsZero) return true;
            var g = Polynomial.Gcd(ac, bc);
            var (p, q) = (ac.TryDivide(g), bc.TryDivide(g));
            return p is not null && q is not null && Polynomial.Gcd(p, q).IsConstant
                && (c.IsZero || g.TryDivide(c) is not null);
        });
    }

    [Fact]
    public void Simplify_never_returns_a_larger_form()
    {
        Check(Gen.OneOf(RationalExpr, ExprGen.CaseArbitrary().Generator.Select(c => c.Expression)),
            e => e.Simplify().PrintedSize() <= e.PrintedSize());
    }

    [Fact]
    public void Together_Cancel_and_Factor_preserve_values()
    {
        Check(RationalExpr, e =>
        {
            foreach (var form in new[] { e.Together(), e.Cancel(), e.Factor() })
                foreach (var p in Points)
                {
                    double before = e.Evaluate(p), after = form.Evaluate(p);
                    if (double.IsFinite(before) && !Close(before, after, 1e-9)) return false;
                }
            return true;
        });
    }
}
