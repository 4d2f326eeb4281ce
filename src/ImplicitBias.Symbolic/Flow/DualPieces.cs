namespace ImplicitBias.Symbolic;

/// <summary>The dual coordinates of a problem: z₀, ψ, ψ′ and f*, for the one- and two-variable forms.</summary>
internal sealed record DualPieces(
    double[] Z0, Func<double, double> Psi, Func<double, double> PsiPrime, Func<double, double>? Conjugate)
{
    public static DualPieces Of(Problem problem, Derivation derivation)
    {
        RequireSameReparametrization(problem, derivation);
        if (!derivation.IsDerived || derivation.InverseMirrorMap is null)
        {
            var failed = derivation.Conditions.Where(c => c.Status == ConditionStatus.Fails)
                .Select(c => $"{c.Name}: {c.Reason}").ToList();
            throw new SymbolicException("the prediction needs the inverse mirror map ψ, which "
                + $"{derivation.Reparametrization} does not have"
                + (failed.Count > 0 ? $" ({string.Join("; ", failed)})" : " (see its conditions)"));
        }
        var r = derivation.Reparametrization;
        var psi = derivation.InverseMirrorMap.Function;
        var conjugate = derivation.Conjugate?.Form == Form.Explicit ? derivation.Conjugate.Function : null;
        int n = problem.Model.Columns;
        if (r.IsDifference)
        {
            // ψ(z) = ρ(Φ⁻¹(Φ(u₀) + z)) − ρ(Φ⁻¹(Φ(v₀) − z)) was derived for scalar u₀, v₀: the problem must use them
            // everywhere
            var (u0, v0) = r.DifferenceInitialValues!.Value;
            double uv = u0.Evaluate(), vv = v0.Evaluate();
            for (int i = 0; i < n; i++)
                if (problem.W0[i] != uv || problem.V0![i] != vv)
                    throw new SymbolicException($"the prediction for x = ρ(u) − ρ(v) needs u₀ = {uv} and v₀ = {vv} "
                        + $"in every coordinate (coordinate {i} differs)");
            var psiExpr = derivation.InverseMirrorMap.Expression!;
            var z = derivation.InverseMirrorMap.Argument;
            var psiPrime = psiExpr.Differentiate(z).Compile(z);
            return new DualPieces(new double[n], psi, psiPrime, conjugate);
        }
        var phi = derivation.DualCoordinate!.Function;
        var z0 = problem.W0.Select(phi).ToArray();
        // ψ′(z) = ρ′(Φ⁻¹(z))², since Φ′ = 1/ρ′
        var rhoPrime = derivation.Derivative.Compile(r.Variable);
        var phiInverse = derivation.DualInverse!.Function;
        Func<double, double> prime = zv => { double d = rhoPrime(phiInverse(zv)); return d * d; };
        return new DualPieces(z0, psi, prime, conjugate);
    }

    /// <summary>A derivation answers for one reparametrization: the problem must run in the same one.</summary>
    public static void RequireSameReparametrization(Problem problem, Derivation derivation)
    {
        var (p, d) = (problem.Reparametrization, derivation.Reparametrization);
        if (ReferenceEquals(p, d)) return;
        if (p.Rho != d.Rho || p.Variable != d.Variable || p.Domain != d.Domain
            || !p.DifferenceInitialValues.Equals(d.DifferenceInitialValues))
            throw new SymbolicException($"the derivation is of {d}, but the problem runs in {p}");
    }
}
