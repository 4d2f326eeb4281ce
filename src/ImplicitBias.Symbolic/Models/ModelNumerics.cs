using System.Globalization;

namespace ImplicitBias.Symbolic.Models;

/// <summary>Small scalar helpers shared by losses, links and problems: accurate log1p/expm1, number text.</summary>
internal static class ModelNumerics
{
    /// <summary>log(1 + x), accurate for small |x| (Kahan's trick; the BCL's LogP1 is log(x + 1)).</summary>
    public static double Log1p(double x)
    {
        double u = 1 + x;
        if (u == 1) return x;
        if (double.IsInfinity(u)) return Math.Log(u);
        return Math.Log(u) * x / (u - 1);
    }

    /// <summary>exp(x) − 1, accurate for small |x| (Kahan's trick; the BCL's ExpM1 is exp(x) − 1).</summary>
    public static double Expm1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        if (um1 == -1) return -1;
        if (double.IsInfinity(u)) return u;
        return um1 * x / Math.Log(u);
    }

    /// <summary>The logistic function 1/(1 + e^−z), without overflow for large |z|.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0) return 1 / (1 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1 + e);
    }

    /// <summary>A number as round-trip text ("0.5", "-1E-08", "inf").</summary>
    public static string Text(double v) =>
        double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf"
            : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An approximate location as short text ("0.5", "1.23457").</summary>
    public static string Approx(double v) =>
        (Math.Abs(v) < 1e-12 ? 0.0 : v).ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Sample points ±10^(k/4) for k = −16 … 12 (1e-4 to 1e3, four per decade), sorted, without 0.</summary>
    public static double[] SymmetricSamples(double smallest = 1e-4, double largest = 1e3)
    {
        var positive = new List<double>();
        for (double k = Math.Round(4 * Math.Log10(smallest)); k <= Math.Round(4 * Math.Log10(largest)); k++)
            positive.Add(Math.Pow(10, k / 4));
        // irregular points between the decades, so special values (1, π/2) are not the only ones seen
        positive.AddRange(new[] { 0.37, 0.73, 1.29, 2.33, 3.91, 7.11 }.Where(p => p >= smallest && p <= largest));
        return [.. positive.Select(p => -p).Concat(positive).Order()];
    }

    /// <summary>Throws when a formula has symbols other than its variable.</summary>
    public static void RequireOnly(Expr formula, string variable, string what)
    {
        ArgumentNullException.ThrowIfNull(formula);
        if (!Lexicon.IsIdentifier(variable)) throw new SymbolicException($"'{variable}' is not a valid variable name");
        var others = formula.FreeSymbols().Where(n => n != variable).ToList();
        if (others.Count > 0)
            throw new SymbolicException($"the {what} {formula} has symbols other than {variable}: " +
                $"{string.Join(", ", others)} (substitute values for them)");
        if (!formula.DependsOn(variable))
            throw new SymbolicException($"the {what} {formula} does not depend on {variable}");
    }
}
