namespace ImplicitBias.Symbolic.Tests.Support;

/// <summary>
/// A fact that runs only when heavy tests are asked for (<see cref="HeavyTheoryAttribute.Enabled"/>: IBIAS_HEAVY=1),
/// skipped otherwise. Mark it with <c>[Trait("Category", "Heavy")]</c> as well.
/// </summary>
public sealed class HeavyFactAttribute : FactAttribute
{
    /// <summary>Skips unless <see cref="HeavyTheoryAttribute.Enabled"/>.</summary>
    public HeavyFactAttribute()
    {
        if (!HeavyTheoryAttribute.Enabled) Skip = "heavy: set IBIAS_HEAVY=1 to run (with --filter Category=Heavy)";
    }
}
