using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Calculus;

/// <summary>
/// A table of antiderivatives: each must come back as a certified closed form, and an independent check
/// (central differences of the compiled result against the integrand) must agree. Where a known antiderivative
/// is listed, the two must differ by a constant.
/// </summary>
public class IntegrationTableTests
{
    // integrand | assumptions (";"-separated) | known antiderivative or ""
    public static TheoryData<string, string, string> Table => new()
    {
        // table entries for every node kind, with linear substitution
        { "1", "", "w" },
        { "w", "", "w^2/2" },
        { "w^7", "", "w^8/8" },
        { "(2*w+1)^5", "", "(2*w+1)^6/12" },
        { "1/w", "w>0", "log(w)" },
        { "1/w", "w<0", "log(-w)" },
        { "1/w", "w!=0", "log(abs(w))" },
        { "1/(3*w-2)", "w>1", "log(3*w-2)/3" },
        { "sqrt(w)", "w>0", "2*w^(3/2)/3" },
        { "w^(-1/3)", "w>0", "3*w^(2/3)/2" },
        { "exp(w)", "", "exp(w)" },
        { "exp(-3*w+2)", "", "-exp(-3*w+2)/3" },
        { "2^w", "", "2^w/log(2)" },
        { "log(w)", "w>0", "w*log(w) - w" },
        { "log(2*w+1)", "w>0", "" },
        { "abs(w)", "", "w*abs(w)/2" },
        { "sign(w)", "", "abs(w)" },
        { "sin(w)", "", "-cos(w)" },
        { "cos(2*w)", "", "sin(2*w)/2" },
        { "tan(w)", "-pi/2<w<pi/2", "-log(cos(w))" },
        { "sinh(w)", "", "cosh(w)" },
        { "cosh(3*w)", "", "sinh(3*w)/3" },
        { "tanh(w)", "", "log(cosh(w))" },
        { "asin(w)", "-1<w<1", "w*asin(w) + sqrt(1-w^2)" },
        { "acos(w)", "-1<w<1", "w*acos(w) - sqrt(1-w^2)" },
        { "atan(w)", "", "w*atan(w) - log(1+w^2)/2" },
        { "asinh(w)", "", "w*asinh(w) - sqrt(1+w^2)" },
        { "acosh(w)", "w>1", "w*acosh(w) - sqrt(w^2-1)" },
        { "atanh(w)", "-1<w<1", "w*atanh(w) + log(1-w^2)/2" },
        { "erf(w)", "", "w*erf(w) + exp(-w^2)/sqrt(pi)" },
        { "lambertw(w)", "w>0", "" },
        { "li2(w)", "w<1", "" },
        { "pi*w", "", "pi*w^2/2" },
        // linearity and constants
        { "3*w^2 - 2*w + 5", "", "w^3 - w^2 + 5*w" },
        { "beta*w", "", "beta*w^2/2" },
        { "exp(w) + sin(w) + 1/(1+w^2)", "", "" },
        // rational functions: division, partial fractions, log and atan terms
        { "1/(1+w^2)", "", "atan(w)" },
        { "1/(4+w^2)", "", "atan(w/2)/2" },
        { "w/(1+w^2)", "", "log(1+w^2)/2" },
        { "1/(w^2-1)", "w>1", "" },
        { "1/(w^2-1)", "-1<w<1", "-atanh(w)" },
        { "1/(w*(w+1))", "w>0", "log(w) - log(w+1)" },
        { "(w^3+1)/(w^2+w)", "w>0", "" },
        { "1/(w^2+2*w+5)", "", "atan((w+1)/2)/2" },
        { "1/(w^2-2)", "w>2", "" },
        { "1/(1+w^2)^2", "", "w/(2*(1+w^2)) + atan(w)/2" },
        { "1/(w^3+w)", "w>0", "" },
        { "(2*w+3)/(w^2+3*w+2)", "w>0", "log(w^2+3*w+2)" },
        { "1/(w-1)^3", "w>1", "-1/(2*(w-1)^2)" },
        { "w^2/(w^2+1)", "", "w - atan(w)" },
        { "1/(w^4-1)", "w>1", "" },
        { "(w+1)/(w^2+1)^2", "", "" },
        { "1/((w+1)*(w^2+1))", "w>0", "" },
        // derivative-divides substitution
        { "w*exp(w^2)", "", "exp(w^2)/2" },
        { "cos(w)*exp(sin(w))", "", "exp(sin(w))" },
        { "1/(w*log(w))", "w>1", "log(log(w))" },
        { "log(w)/w", "w>0", "log(w)^2/2" },
        { "w/sqrt(1+w^2)", "", "sqrt(1+w^2)" },
        { "exp(w)/(1+exp(w))", "", "log(1+exp(w))" },
        { "1/(1+exp(w))", "", "w - log(1+exp(w))" },
        { "sinh(w)/cosh(w)^2", "", "-1/cosh(w)" },
        { "w^2*cos(w^3)", "", "sin(w^3)/3" },
        { "atan(w)/(1+w^2)", "", "atan(w)^2/2" },
        { "exp(2*w)/(1+exp(w))", "", "" },
        { "log(1+exp(w))", "", "-li2(-exp(w))" },
        // integration by parts
        { "w*exp(w)", "", "(w-1)*exp(w)" },
        { "w^2*exp(-w)", "", "" },
        { "w*sin(w)", "", "sin(w) - w*cos(w)" },
        { "w^3*cos(2*w)", "", "" },
        { "w*sinh(w)", "", "w*cosh(w) - sinh(w)" },
        { "w^2*cosh(w)", "", "" },
        { "w*log(w)", "w>0", "w^2*log(w)/2 - w^2/4" },
        { "w^2*log(w)", "w>0", "" },
        { "sqrt(w)*log(w)", "w>0", "" },
        { "w*atan(w)", "", "" },
        { "w*asinh(w)", "", "" },
        { "w*atanh(w)", "-1<w<1", "" },
        { "log(1+w^2)", "", "w*log(1+w^2) - 2*w + 2*atan(w)" },
        { "w*exp(w)*exp(w)", "", "" },
        // powers and products of trigonometric and hyperbolic functions, reciprocals included
        { "sin(w)^2", "", "w/2 - sin(2*w)/4" },
        { "cos(w)^2", "", "w/2 + sin(2*w)/4" },
        { "sin(w)^3", "", "" },
        { "sin(w)^2*cos(w)^3", "", "" },
        { "sin(w)^4", "", "" },
        { "sin(w)*cos(w)", "", "sin(w)^2/2" },
        { "1/cos(w)", "-pi/2<w<pi/2", "" },
        { "1/sin(w)", "0<w<pi", "" },
        { "1/cos(w)^2", "-pi/2<w<pi/2", "tan(w)" },
        { "tan(w)^2", "-pi/2<w<pi/2", "tan(w) - w" },
        { "tan(w)^3", "-pi/2<w<pi/2", "" },
        { "sinh(w)^2", "", "sinh(2*w)/4 - w/2" },
        { "cosh(w)^2", "", "sinh(2*w)/4 + w/2" },
        { "sinh(w)*cosh(w)", "", "sinh(w)^2/2" },
        { "1/cosh(w)", "", "atan(sinh(w))" },
        { "1/cosh(w)^2", "", "tanh(w)" },
        { "tanh(w)^2", "", "w - tanh(w)" },
        { "sinh(w)^3", "", "" },
        { "1/sinh(w)", "w>0", "" },
        { "sin(w)*cos(3*w)", "", "" },
        { "sin(2*w)*sin(5*w)", "", "" },
        { "cosh(w)*sinh(2*w)", "", "" },
        { "exp(w)*sin(w)", "", "exp(w)*(sin(w) - cos(w))/2" },
        { "exp(2*w)*cos(3*w)", "", "" },
        { "exp(w)*cosh(w)", "", "" },
        // square roots of quadratics
        { "1/sqrt(1+w^2)", "", "asinh(w)" },
        { "1/sqrt(1-w^2)", "-1<w<1", "asin(w)" },
        { "1/sqrt(w^2-1)", "w>1", "acosh(w)" },
        { "sqrt(1+w^2)", "", "w*sqrt(1+w^2)/2 + asinh(w)/2" },
        { "sqrt(1-w^2)", "-1<w<1", "w*sqrt(1-w^2)/2 + asin(w)/2" },
        { "sqrt(w^2-1)", "w>1", "" },
        { "(1+w^2)^(-3/2)", "", "w/sqrt(1+w^2)" },
        { "(1+w^2)^(3/2)", "", "" },
        { "1/sqrt(w^2+2*w+5)", "", "asinh((w+1)/2)" },
        { "(w+1)/sqrt(4-w^2)", "-2<w<2", "" },
        { "1/sqrt(4*w^2+9)", "", "asinh(2*w/3)/2" },
        // special functions
        { "exp(-w^2)", "", "sqrt(pi)*erf(w)/2" },
        { "exp(-2*w^2+w)", "", "" },
        { "log(1+w)/w", "w>0", "-li2(-w)" },
        { "log(1-w)/w", "0<w<1", "-li2(w)" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Integrand_has_a_certified_closed_form(string integrand, string assumptions, string known)
    {
        var f = Expr.Parse(integrand, Split(assumptions));
        var result = f.Integrate("w");
        Assert.True(result.IsClosedForm, $"no closed form for {integrand}");
        Assert.NotNull(result.Certificate);
        var domain = result.Domain;
        CheckByFiniteDifferences(result.Expression!, f, domain);
        if (known.Length > 0)
        {
            var expected = Expr.Parse(known, Split(assumptions));
            AssertDifferByConstant(result.Expression!, expected, domain);
        }
    }

    /// <summary>Checks F′ ≈ f by central differences of the compiled F at points of the domain.</summary>
    internal static void CheckByFiniteDifferences(Expr antiderivative, Expr integrand, Interval domain)
    {
        var F = antiderivative.Compile("w", Parameters(antiderivative));
        var f = integrand.Compile("w", Parameters(integrand));
        int checkedPoints = 0;
        foreach (var w in SamplePoints(domain))
        {
            double h = 1e-5 * Math.Max(1, Math.Abs(w));
            if (!domain.Contains(w - h) || !domain.Contains(w + h)) continue;
            double derivative = (F(w + h) - F(w - h)) / (2 * h);
            double value = f(w);
            if (!double.IsFinite(value) || !double.IsFinite(derivative)) continue;
            Assert.True(Math.Abs(derivative - value) <= 1e-5 * Math.Max(1, Math.Abs(value)),
                $"F' = {derivative} but f = {value} at w = {w} for F = {antiderivative}");
            checkedPoints++;
        }
        Assert.True(checkedPoints >= 3, $"only {checkedPoints} points could be checked");
    }

    internal static void AssertDifferByConstant(Expr a, Expr b, Interval domain)
    {
        var fa = a.Compile("w", Parameters(a));
        var fb = b.Compile("w", Parameters(b));
        var points = SamplePoints(domain).Where(w => double.IsFinite(fa(w)) && double.IsFinite(fb(w))).ToList();
        Assert.True(points.Count >= 3);
        double offset = fa(points[0]) - fb(points[0]);
        foreach (var w in points)
            Assert.True(Math.Abs(fa(w) - fb(w) - offset) <= 1e-9 * Math.Max(1, Math.Abs(fa(w))), $"{a} and {b} differ by more than a constant at w = {w}");
    }

    internal static IEnumerable<double> SamplePoints(Interval domain)
    {
        double[] fractions = [0.07, 0.19, 0.33, 0.46, 0.58, 0.71, 0.84, 0.93];
        if (domain.IsBounded) return fractions.Select(t => domain.Lo + t * (domain.Hi - domain.Lo));
        if (double.IsFinite(domain.Lo)) return fractions.Select(t => domain.Lo + 0.05 + 6 * t);
        if (double.IsFinite(domain.Hi)) return fractions.Select(t => domain.Hi - 0.05 - 6 * t);
        return fractions.Select(t => -3.1 + 6 * t).Where(domain.Contains);
    }

    internal static Dictionary<string, double> Parameters(Expr e) =>
        e.FreeSymbols().Where(n => n != "w").ToDictionary(n => n, _ => 0.8);

    internal static string[] Split(string assumptions) =>
        assumptions.Length == 0 ? [] : assumptions.Split(';');

    [Fact]
    public void Table_has_at_least_100_integrals() => Assert.True(Table.Count() >= 100);
}
