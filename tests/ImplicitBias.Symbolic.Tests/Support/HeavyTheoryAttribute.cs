namespace ImplicitBias.Symbolic.Tests.Support;

/// <summary>
/// A theory that runs only when the environment variable IBIAS_HEAVY is set to 1 (it is skipped otherwise, so the
/// default <c>dotnet test</c> stays fast). Mark it with <c>[Trait("Category", "Heavy")]</c> as well:
/// <c>IBIAS_HEAVY=1 dotnet test tests/ImplicitBias.Symbolic.Tests --filter Category=Heavy</c>.
/// </summary>
public sealed class HeavyTheoryAttribute : TheoryAttribute
{
    /// <summary>True when heavy tests were asked for.</summary>
    public static bool Enabled => Environment.GetEnvironmentVariable("IBIAS_HEAVY") == "1";

    /// <summary>Skips unless <see cref="Enabled"/>.</summary>
    public HeavyTheoryAttribute()
    {
        if (!Enabled) Skip = "heavy: set IBIAS_HEAVY=1 to run (with --filter Category=Heavy)";
    }
}
