using System.Numerics;

namespace ImplicitBias.Symbolic.Algebra;

internal sealed partial class RationalConverter
{
    /// <summary>Largest multiple k of an angle expanded into sin and cos of the angle (sin kθ, cos kθ).</summary>
    private const int MaxAngleMultiple = 24;

    private RationalFunction CallOf(Call c)
    {
        switch (c.Function)
        {
            case Function.Abs: return Absolute(c);
            case Function.Sign: return SignOf(c);
            case Function.Exp: return Exponential(c.Argument);
        }
        if (_mode == KernelMode.AsWritten) return Generator(c);
        return c.Function switch
        {
            Function.Sinh => Hyperbolic(c.Argument, sign: -1, Rational.Half),
            Function.Cosh => Hyperbolic(c.Argument, sign: 1, Rational.Half),
            Function.Tanh => TanhOf(c.Argument),
            Function.Sin or Function.Cos or Function.Tan => Trigonometric(c),
            _ => Opaque(c),
        };
    }

    /// <summary>A kernel keyed by the normal form of its argument.</summary>
    private RationalFunction Opaque(Call c)
    {
        var kernel = Expr.Apply(c.Function, Normalized(c.Argument));
        return kernel is Call ? Generator(kernel) : Convert(kernel);
    }

    /// <summary>|u| with |u|² = u².</summary>
    private RationalFunction Absolute(Call c)
    {
        var kernel = Expr.Abs(Normalized(c.Argument));
        if (kernel is not Call) return Convert(kernel);
        Relate(kernel, 2, Convert(c.Argument).Pow(2, _budget));
        return Generator(kernel);
    }

    /// <summary>sign(u) with sign³ = sign, and sign² = 1 where u ≠ 0.</summary>
    private RationalFunction SignOf(Call c)
    {
        var kernel = Expr.Sign(Normalized(c.Argument));
        if (kernel is not Call) return Convert(kernel);
        var generator = Generator(kernel);
        if (_ranges.IsNonZero(c.Argument)) Relate(kernel, 2, RationalFunction.Constant(Rational.One, []));
        else Relate(kernel, 3, generator);
        return generator;
    }

    /// <summary>exp(Σ cᵢ mᵢ) = Π exp(gᵢ mᵢ)^(cᵢ/gᵢ): exponentials always multiply this way.</summary>
    private RationalFunction Exponential(Expr argument)
    {
        var exponent = Reduce(Convert(argument));
        var terms = TermsOf(exponent);
        if (terms is null) return Generator(Expr.Exp(exponent.ToExpr()));
        var result = RationalFunction.Constant(Rational.One, []);
        foreach (var (monomial, coefficient) in terms)
            result = RationalFunction.Multiply(result, ExponentialOf(monomial, coefficient), _budget);
        return result;
    }

    /// <summary>
    /// exp(c·m): a power of the family generator, or in the basis an algebraic form when m is a logarithm or an inverse
    /// hyperbolic function (<see cref="InverseExponentials"/>).
    /// </summary>
    private RationalFunction ExponentialOf(Expr monomial, Rational c)
    {
        if (_mode == KernelMode.Basis && monomial is Call inner
            && InverseExponentials.Of(inner, c, _ranges) is { } algebraic) return Convert(algebraic);
        return FamilyPower(GeneratorFamily.Exponential, null, monomial, c, Expr.Exp);
    }

    /// <summary>(e^u + sign·e^(−u))·scale: cosh (sign 1) and sinh (sign −1) with scale ½.</summary>
    private RationalFunction Hyperbolic(Expr argument, int sign, Rational scale)
    {
        var e = Exponential(argument);
        var sum = RationalFunction.Add(e, RationalFunction.Constant(sign, []) * e.Reciprocal(), _budget);
        return RationalFunction.Constant(scale, []) * sum;
    }

    /// <summary>tanh u = (e^(2u) − 1)/(e^(2u) + 1).</summary>
    private RationalFunction TanhOf(Expr argument)
    {
        var square = Exponential(argument).Pow(2, _budget);
        var one = RationalFunction.Constant(Rational.One, []);
        return RationalFunction.Multiply(square - one, (square + one).Reciprocal(), _budget);
    }

    /// <summary>
    /// sin, cos and tan of Σ cᵢ mᵢ through sin and cos of one angle gᵢ·mᵢ per monomial: the addition formulas
    /// combine the terms and (cos θ + i sin θ)^k gives the multiples; sin² θ = 1 − cos² θ relates each pair.
    /// </summary>
    private RationalFunction Trigonometric(Call c)
    {
        var angle = Reduce(Convert(c.Argument));
        var terms = TermsOf(angle);
        if (terms is null || terms.Count > 4) return Generator(Expr.Apply(c.Function, angle.ToExpr()));
        var sin = RationalFunction.Constant(Rational.Zero, []);
        var cos = RationalFunction.Constant(Rational.One, []);
        foreach (var (monomial, coefficient) in terms)
        {
            var (g, multiple) = _families.Split(GeneratorFamily.Angle, null, monomial, coefficient);
            if (BigInteger.Abs(multiple) > MaxAngleMultiple) return Generator(Expr.Apply(c.Function, angle.ToExpr()));
            var (s, k) = MultipleAngle(Expr.FromRational(g) * monomial, (int)multiple);
            (sin, cos) = (RationalFunction.Add(RationalFunction.Multiply(sin, k, _budget),
                    RationalFunction.Multiply(cos, s, _budget), _budget),
                RationalFunction.Add(RationalFunction.Multiply(cos, k, _budget),
                    -RationalFunction.Multiply(sin, s, _budget), _budget));
        }
        return c.Function switch
        {
            Function.Sin => sin,
            Function.Cos => cos,
            _ => RationalFunction.Multiply(sin, cos.Reciprocal(), _budget),
        };
    }

    /// <summary>(sin kθ, cos kθ) as polynomials in sin θ and cos θ,
    /// from the binomial expansion of (C + iS)^k.</summary>
    private (RationalFunction Sin, RationalFunction Cos) MultipleAngle(Expr theta, int k)
    {
        var (s, c) = AlgebraicAngle(theta) ?? KernelAngle(theta);
        int n = Math.Abs(k);
        var sin = RationalFunction.Constant(Rational.Zero, []);
        var cos = RationalFunction.Constant(Rational.Zero, []);
        BigInteger binomial = BigInteger.One;
        for (int j = 0; j <= n; j++)
        {
            var term = RationalFunction.Multiply(c.Pow(n - j, _budget), s.Pow(j, _budget), _budget);
            var signed = RationalFunction.Constant((j / 2) % 2 == 0 ? binomial : -binomial, []) * term;
            if (j % 2 == 0) cos = RationalFunction.Add(cos, signed, _budget);
            else sin = RationalFunction.Add(sin, signed, _budget);
            binomial = binomial * (n - j) / (j + 1);
        }
        return (k < 0 ? -sin : sin, cos);
    }

    /// <summary>sin θ and cos θ as kernels related by sin² = 1 − cos² (or exact values).</summary>
    private (RationalFunction Sin, RationalFunction Cos) KernelAngle(Expr theta)
    {
        var (s, sinKernel) = AngleFunction(Function.Sin, theta);
        var (c, cosKernel) = AngleFunction(Function.Cos, theta);
        if (sinKernel is not null && cosKernel is not null)
            Relate(sinKernel, 2, RationalFunction.Constant(Rational.One, []) - c.Pow(2, _budget));
        return (s, c);
    }

    /// <summary>
    /// sin θ and cos θ of an inverse trigonometric function, algebraically: (u, √(1 − u²)) for asin u,
    /// (√(1 − u²), u) for acos u, (u, 1)/√(1 + u²) for atan u.
    /// </summary>
    private (RationalFunction Sin, RationalFunction Cos)? AlgebraicAngle(Expr theta)
    {
        if (_mode != KernelMode.Basis
            || theta is not Call { Function: Function.Asin or Function.Acos or Function.Atan } c)
            return null;
        var u = c.Argument;
        var one = Expr.One;
        var (sin, cos) = c.Function switch
        {
            Function.Asin => (u, Expr.Sqrt(one - Expr.Pow(u, 2))),
            Function.Acos => (Expr.Sqrt(one - Expr.Pow(u, 2)), u),
            _ => (u / Expr.Sqrt(one + Expr.Pow(u, 2)), one / Expr.Sqrt(one + Expr.Pow(u, 2))),
        };
        return (Convert(sin), Convert(cos));
    }

    /// <summary>
    /// sin θ or cos θ: an exact value when the builders know one (θ a multiple of π/12), else ± a kernel (the
    /// builders take the sign out of an odd function), which is returned too.
    /// </summary>
    private (RationalFunction Value, Call? Kernel) AngleFunction(Function f, Expr theta) => Expr.Apply(f, theta) switch
    {
        Call call => (Generator(call), call),
        Product { Factors: [Number { Value: var m }, Call call] } when m == Rational.MinusOne
            => (-Generator(call), call),
        var value => (Convert(value), null),
    };
}
