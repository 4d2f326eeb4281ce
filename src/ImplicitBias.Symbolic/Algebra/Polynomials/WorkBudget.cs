namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// A bound on the work of one polynomial computation, counted in coefficient operations: gcds, factorizations and
/// normal forms of large inputs stop with a <see cref="PolynomialBudgetException"/> instead of running for minutes.
/// </summary>
internal sealed class WorkBudget
{
    /// <summary>The default allowance of one top-level computation (about a tenth of a second of work).</summary>
    public const long DefaultUnits = 2_000_000;

    private long _remaining;

    public WorkBudget(long units = DefaultUnits) => _remaining = units;

    /// <summary>Units still available.</summary>
    public long Remaining => _remaining;

    /// <summary>Takes <paramref name="units"/> from the allowance; throws once it is spent.</summary>
    public void Spend(long units)
    {
        _remaining -= units;
        if (_remaining < 0) throw new PolynomialBudgetException();
    }
}
