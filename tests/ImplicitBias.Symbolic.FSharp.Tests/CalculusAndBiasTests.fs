module CalculusAndBiasTests

open System
open Xunit
open ImplicitBias.Symbolic

// Calculus and the derivation chain, called the way an F# user would.

[<Theory>]
[<InlineData("1/cosh(w)", "", "atan(sinh(w))")>]
[<InlineData("w*exp(w)", "", "w*exp(w) - exp(w)")>]
[<InlineData("1/w", "w>0", "log(w)")>]
let ``certified antiderivatives`` (integrand: string, assumption: string, expected: string) =
    let f = if assumption = "" then Expr.Parse integrand else Expr.Parse(integrand, assumption)
    let result = f.Integrate "w"
    Assert.True result.IsClosedForm
    Assert.NotNull result.Certificate
    let F = (nonNull result.Expression).Compile "w"
    let G = (Expr.Parse expected).Compile "w"
    // equal up to a constant
    let offset = F.Invoke 0.7 - G.Invoke 0.7
    for w in [ 0.2; 1.3; 2.9 ] do
        Assert.Equal(offset, F.Invoke w - G.Invoke w, 10)

[<Fact>]
let ``no closed form falls back to quadrature`` () =
    let result = (Expr.Parse "exp(w^3)").Integrate "w"
    Assert.False result.IsClosedForm
    let struct (value, error) = result.Definite(0.0, 1.0)
    Assert.Equal(1.3419044179774198, value, 9)
    Assert.True(error < 1e-9)

[<Fact>]
let ``inverse on the branch of the domain`` () =
    let inverse = (Expr.Parse("w^2", "w<0")).Solve("w", "x")
    Assert.Equal("-sqrt(x)", string (nonNull inverse.Expression))
    Assert.Equal(-3.0, inverse.Evaluate 9.0, 12)

[<Fact>]
let ``a non monotone function says where`` () =
    let error = Assert.Throws<NotMonotoneException>(fun () -> (Expr.Parse "w^2").Solve("w", "x") |> ignore)
    Assert.Contains(0.0, error.SignChanges)

[<Fact>]
let ``derivation of sinh`` () =
    let d = Reparametrization.Parse("sinh(w)").Derive()
    Assert.Equal(Form.Explicit, d.Form)
    Assert.Equal(Expr.Parse "x*atan(x) - log(1 + x^2)/2", nonNull (nonNull d.Potential).Expression)
    Assert.Equal(0.5, (nonNull d.Metric).Evaluate 1.0, 14)
    let conditions = d.Conditions |> Seq.map (fun c -> c.Name, c.Status) |> Map.ofSeq
    Assert.Equal(ConditionStatus.Holds, conditions["Legendre type"])

[<Fact>]
let ``parameters bound from an F# map`` () =
    let d = Reparametrization.Parse("beta*sinh(w/beta)", parameters = Map [ "beta", 0.25 ]).Derive()
    let potential = nonNull d.Potential
    Assert.Equal(Expr.Parse "x*atan(4*x)/4 - log(1 + 16*x^2)/32", nonNull potential.Expression)
    // D_f(1, 0.2) from the potential and the mirror map
    let f x = potential.Evaluate x
    let expected = f 1.0 - f 0.2 - (nonNull d.MirrorMap).Evaluate 0.2 * 0.8
    Assert.Equal(expected, d.BregmanDivergence(1.0, 0.2), 14)

[<Fact>]
let ``the hyperbolic entropy from the two variable square`` () =
    let alpha = Expr.Var("alpha", Interval.Positive)
    let d = Reparametrization.Create(Expr.Parse "w^2", "w", Interval.Positive).Difference(alpha, alpha).Derive()
    let values = Map [ "alpha", 0.5 ]
    let f = (nonNull (nonNull d.Potential).Expression).Compile("x", values)
    let expected x = 0.25 * (x * Math.Asinh(x / 0.5) - sqrt (x * x + 0.25))
    let offset = f.Invoke 0.3 - expected 0.3
    let slope = f.Invoke 1.3 - expected 1.3 - offset
    for x in [ -2.0; 0.9; 3.0 ] do
        Assert.Equal(offset + slope * (x - 0.3), f.Invoke x - expected x, 10)

[<Fact>]
let ``design gives sinh back`` () =
    let result = PotentialDesign.Design("x*atan(x) - log(1+x^2)/2")
    Assert.True result.Verified
    Assert.Equal(Expr.Parse "sinh(w)", nonNull result.Reparametrization)

// The bracketed monotone inverse, from F# functions: increasing, decreasing, and a value outside the image.
[<Theory>]
[<InlineData("exp(w)", "(-inf,inf)", 2.0, 0.69314718055994529)>]
[<InlineData("-w^3", "(-inf,inf)", 8.0, -2.0)>]
[<InlineData("tan(w)", "(-pi/2,pi/2)", 1.0, 0.78539816339744828)>]
let ``monotone inversion solves f(w) = y`` (f: string, domain: string, value: float, expected: float) =
    let g = (Expr.Parse f).Compile "w"
    let w = Analysis.MonotoneInversion.Solve((fun v -> g.Invoke v), DomainText.Parse domain, value)
    Assert.Equal(expected, w, 10)

[<Fact>]
let ``monotone inversion outside the image is NaN`` () =
    let w = Analysis.MonotoneInversion.Solve(Func<float, float>(tanh), Interval.Real, 2.0)
    Assert.True(Double.IsNaN w)
