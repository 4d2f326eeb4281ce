namespace ImplicitBias.Symbolic;

/// <summary>Whether a condition of the implicit-bias theorem holds.</summary>
public enum ConditionStatus
{
    /// <summary>Proven (symbolically, or by exact evaluation).</summary>
    Holds,
    /// <summary>Disproven, with the counterexample or the reason in the condition.</summary>
    Fails,
    /// <summary>Could not be decided; the reason says what sampling showed.</summary>
    Unknown,
}
