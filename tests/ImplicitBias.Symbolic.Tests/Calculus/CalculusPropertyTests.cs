using ImplicitBias.Symbolic.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Algebra.Calculus;

namespace ImplicitBias.Symbolic.Tests.Calculus;

/// <summary>
/// Properties over generated integrands of each supported class and generated monotone functions:
/// d/dw ∫g = g, inverse(e(w)) = w, and the numeric fallbacks agree with the closed forms.
/// </summary>
public class CalculusPropertyTests
{
    private static readonly Symbol W = Expr.Var("w");
    private static readonly Symbol PositiveW = Expr.Var("w", Interval.Positive);

    private static Gen<Rational> SmallRational =>
        from n in Gen.Choose(-9, 9)
        from d in Gen.Choose(1, 4)
        select new Rational(n, d);

    private static Gen<Rational> NonZeroRational => SmallRational.Where(r => !r.IsZero);

    private static Expr Q(Rational r) => Expr.FromRational(r);

    /// <summary>
    /// Integrands from each class the integrator supports, on the whole line unless the class needs w &gt; 0.
    /// </summary>
    public static Gen<Expr> Integrands => Gen.OneOf(
        // polynomials
        from cs in Gen.ArrayOf(SmallRational, 4) select Expr.Add(cs.Select((c, k) => Q(c) * Expr.Pow(W, k))),
        // exp/sin/cos/sinh/cosh of linear arguments, times a polynomial
        from a in NonZeroRational
        from b in SmallRational
        from f in Gen.Elements(Function.Exp, Function.Sin, Function.Cos, Function.Sinh, Function.Cosh)
        from k in Gen.Choose(0, 3)
        select Expr.Pow(W, k) * Expr.Apply(f, Q(a) * W + Q(b)),
        // rational functions with linear and quadratic factors
        from r1 in SmallRational
        from r2 in SmallRational
        from c in Gen.Choose(1, 5)
        from num in Gen.ArrayOf(SmallRational, 3)
        select Expr.Add(num.Select((n, k) => Q(n) * Expr.Pow(W, k)))
            / ((W - Q(r1) - 20) * (W - Q(r2) - 40) * (Expr.Pow(W, 2) + c)),
        // trigonometric and hyperbolic powers
        from m in Gen.Choose(0, 4)
        from n in Gen.Choose(0, 4)
        from hyperbolic in Gen.Elements(true, false)
        select hyperbolic
            ? Expr.Pow(Expr.Sinh(W), m) * Expr.Pow(Expr.Cosh(W), n)
            : Expr.Pow(Expr.Sin(W), m) * Expr.Pow(Expr.Cos(W), n),
        // √(quadratic) forms with a > 0, c > 0
        from a in Gen.Choose(1, 4)
        from c in Gen.Choose(1, 4)
        from k in Gen.Elements(-3, -1, 1)
        from p in SmallRational
        select (Q(p) * W + 1) * Expr.Pow(Q(a) * Expr.Pow(W, 2) + Q(c), Expr.FromRational(new Rational(k, 2))),
        // logarithms and inverse functions times powers (parts)
        from f in Gen.Elements(Function.Atan, Function.Asinh, Function.Log)
        from k in Gen.Choose(0, 2)
        select f == Function.Log ? Expr.Pow(PositiveW, k) * Expr.Log(PositiveW) : Expr.Pow(W, k) * Expr.Apply(f, W));

    [Property(MaxTest = 150)]
    public Property Derivative_of_the_antiderivative_is_the_integrand() =>
        Prop.ForAll(Integrands.ToArbitrary(), f =>
        {
            var result = f.Integrate("w");
            if (!result.IsClosedForm) return false;
            IntegrationTableTests.CheckByFiniteDifferences(result.Expression!, f, result.Domain);
            return true;
        });

    [Property(MaxTest = 100)]
    public Property Numeric_quadrature_agrees_with_the_closed_form() =>
        Prop.ForAll(Integrands.ToArbitrary(), Gen.Choose(1, 20).ToArbitrary(), (f, width) =>
        {
            var result = f.Integrate("w");
            if (!result.IsClosedForm) return false;
            double a = result.Domain.Contains(0.3) ? 0.3 : 1.3, b = a + width / 10.0;
            var F = result.Expression!.Compile("w");
            var (numeric, error) = ScalarNumerics.Quadrature(f.Compile("w"), a, b);
            double exact = F(b) - F(a);
            return Math.Abs(exact - numeric) <= 1e-8 * Math.Max(1, Math.Abs(exact)) + 10 * error;
        });

    /// <summary>Strictly monotone functions with their domains.</summary>
    public static Gen<Expr> MonotoneFunctions => Gen.OneOf(
        from a in NonZeroRational from b in SmallRational select Q(a) * W + Q(b),
        from a in NonZeroRational from b in SmallRational select Q(a) * Expr.Pow(W, 3) + Q(b),
        from a in NonZeroRational from b in SmallRational select Expr.Exp(Q(a) * W) + Q(b),
        from a in NonZeroRational select Expr.Sinh(Q(a) * W),
        from a in NonZeroRational select Expr.Tanh(Q(a) * W),
        from a in NonZeroRational select Expr.Atan(Q(a) * W),
        from k in Gen.Elements(new Rational(1, 2), new Rational(2), new Rational(3), new Rational(5, 2))
        select Expr.Pow(PositiveW, Q(k)),
        from c in Gen.Choose(1, 5) select PositiveW / (PositiveW + c),
        from c in Gen.Choose(1, 5) select Expr.Log(PositiveW + c),
        from a in Gen.Choose(1, 3) select Expr.Exp(Q(a) * PositiveW) + Expr.Exp(-Q(a) * PositiveW),
        from a in Gen.Choose(1, 3) select Expr.Pow(W, 3) + Q(a) * W);

    [Property(MaxTest = 150)]
    public Property Inverse_of_the_value_is_the_point() =>
        Prop.ForAll(MonotoneFunctions.ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (e, index) =>
        {
            var inverse = e.Solve("w", "x");
            var domain = inverse.Domain;
            double w = domain.IsPositive ? index / 8.0 : (index - 20) / 8.0;
            if (!domain.Contains(w)) return true;
            double x = e.Evaluate("w", w);
            if (!double.IsFinite(x) || Math.Abs(x) > 1e12) return true;
            double back = inverse.Evaluate(x);
            // forward residual: well conditioned even where e is flat
            double again = e.Evaluate("w", back);
            return Math.Abs(again - x) <= 1e-10 * Math.Max(1, Math.Abs(x));
        });

    [Property(MaxTest = 100)]
    public Property Numeric_inverse_agrees_with_the_closed_form() =>
        Prop.ForAll(MonotoneFunctions.ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (e, index) =>
        {
            var inverse = e.Solve("w", "x");
            if (!inverse.IsClosedForm) return true;
            var domain = inverse.Domain;
            double w = domain.IsPositive ? index / 8.0 : (index - 20) / 8.0;
            if (!domain.Contains(w)) return true;
            double x = e.Evaluate("w", w);
            if (!double.IsFinite(x) || Math.Abs(x) > 1e12) return true;
            var g = e.Compile("w");
            var dg = e.Differentiate("w").Compile("w");
            double numeric = ScalarNumerics.InvertMonotone(g, dg, domain, inverse.Increasing, x);
            double closed = inverse.Evaluate(x);
            // where e is flat (tanh far out) w is ill-conditioned: allow the error a rounding of x causes, |dx|/|e′(w)|
            double conditioned = 1e-12 * Math.Max(1, Math.Abs(x)) / Math.Abs(dg(closed));
            return Math.Abs(g(numeric) - x) <= 1e-10 * Math.Max(1, Math.Abs(x))
                && Math.Abs(numeric - closed) <= 1e-6 * Math.Max(1, Math.Abs(closed)) + conditioned;
        });
}
