using ImplicitBias.Symbolic.Analysis;
using System.Globalization;
using ImplicitBias.Symbolic.Algebra.Calculus;

namespace ImplicitBias.Symbolic;

/// <summary>Certified antiderivatives and inverses, with numeric fallbacks.</summary>
public static class ExprCalculus
{
    private static readonly IReadOnlyDictionary<string, double> NoParameters = new Dictionary<string, double>();

    /// <summary>An antiderivative in <paramref name="variable"/> on its assumed domain:
    /// certified closed form or numeric.</summary>
    public static Antiderivative Integrate(this Expr integrand, string variable) =>
        integrand.Integrate(variable, NoParameters);

    /// <summary>An antiderivative, with values for the other symbols used for evaluation (the closed
    /// form stays symbolic).</summary>
    public static Antiderivative Integrate(this Expr integrand, string variable,
        IReadOnlyDictionary<string, double> parameters) =>
        integrand.Integrate(variable, parameters, effort: 1);

    /// <summary>An antiderivative searched with a fraction of the usual budgets (for optional,
    /// alternative routes).</summary>
    internal static Antiderivative Integrate(this Expr integrand, string variable,
        IReadOnlyDictionary<string, double> parameters, double effort)
    {
        var x = VariableOf(integrand, variable);
        var f = integrand.ApplyIdentities();
        var integrator = new Integrator(x, effort);
        if (integrator.Integrate(f) is { } steps)
        {
            // the shortest form; the raw candidate if only it certifies
            var forms = new[] { steps.Result.Simplify(), steps.Result }.Distinct();
            foreach (var form in forms)
                if (Certifier.CertifyAntiderivative(form, f, x, x.Domain) is { } certificate)
                    return new Antiderivative(integrand, x, form, steps, certificate, parameters);
        }
        return new Antiderivative(integrand, x, null, null, null, parameters);
    }

    /// <summary>Solves <paramref name="forSymbol"/> = e(<paramref name="variable"/>) for the variable
    /// on its assumed domain.</summary>
    /// <exception cref="NotMonotoneException">e is not monotone on the domain;
    /// the message says where e′ changes sign.</exception>
    public static Inverse Solve(this Expr e, string variable, string forSymbol) =>
        e.Solve(variable, forSymbol, NoParameters);

    /// <summary>Solves with values for the other symbols (used for checks and evaluation;
    /// the closed form stays symbolic).</summary>
    public static Inverse Solve(this Expr e, string variable, string forSymbol,
        IReadOnlyDictionary<string, double> parameters)
    {
        var w = VariableOf(e, variable);
        if (!e.DependsOn(variable)) throw new SymbolicException($"{e} does not depend on {variable}");
        if (e.DependsOn(forSymbol) || forSymbol == variable)
            throw new SymbolicException($"choose a name for the value other than the symbols of {e}");
        var derivative = e.Differentiate(variable);
        var unbound = e.FreeSymbols().Where(n => n != variable && !parameters.ContainsKey(n)).ToList();
        var checkParameters = parameters.Count > 0 || unbound.Count == 0
            ? parameters
            : DomainSampler.ParameterSets(e, variable)[0];
        var (sign, proven, changes, _) = SignAnalysis.Of(derivative, variable, w.Domain, checkParameters);
        if (sign == 0)
        {
            if (changes.Count == 0)
                throw new NotMonotoneException(
                    $"{e} is not strictly monotone on {w.Domain}: its derivative {derivative} "
                    + $"vanishes or is undefined there", changes);
            var where = string.Join(", ",
                changes.Take(5).Select(c => $"{variable} ≈ {c.ToString("G6", CultureInfo.InvariantCulture)}"));
            throw new NotMonotoneException(
                $"{e} is not monotone on {w.Domain}: its derivative {derivative} changes sign at {where}", changes);
        }
        var image = e.Range();
        var x = Expr.Var(forSymbol, image);
        Expr? closed = null;
        string branch = "numeric (safeguarded Newton with bracketing)";
        if (InverseSolver.Candidate(e, w, x) is var (candidate, candidateBranch)
            && InverseSolver.SamplesAgree(e, w, x, candidate))
        {
            closed = candidate.Simplify();
            branch = candidateBranch;
        }
        Func<double, double>? evaluate = null;
        if (unbound.Count == 0)
        {
            if (closed is not null) evaluate = closed.CompileForChecks(forSymbol, parameters);
            else
            {
                var g = e.CompileForChecks(variable, parameters);
                var dg = derivative.CompileForChecks(variable, parameters);
                var domain = w.Domain;
                bool increasing = sign > 0;
                evaluate = value => ScalarNumerics.InvertMonotone(g, dg, domain, increasing, value);
            }
        }
        return new Inverse(e, w, forSymbol, image, closed, branch, sign > 0, proven, evaluate, unbound);
    }

    /// <summary>The symbol named <paramref name="variable"/> in e (with its domain),
    /// or a fresh real one if e does not contain it.</summary>
    private static Symbol VariableOf(Expr e, string variable)
    {
        if (!Lexicon.IsIdentifier(variable)) throw new SymbolicException($"'{variable}' is not a valid variable name");
        var matches = e.Symbols().Where(s => s.Name == variable).ToList();
        if (matches.Count > 1) throw new SymbolicException($"'{variable}' occurs with different domains in {e}");
        return matches.Count == 1 ? matches[0] : Expr.Var(variable);
    }
}
