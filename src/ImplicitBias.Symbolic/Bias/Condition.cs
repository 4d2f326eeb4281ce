namespace ImplicitBias.Symbolic;

/// <summary>One condition of the theorem with its verdict and reason.</summary>
public sealed record Condition(string Name, ConditionStatus Status, string Reason)
{
    /// <summary>"name: status (reason)".</summary>
    public override string ToString() => $"{Name}: {Status.ToString().ToLowerInvariant()} ({Reason})";
}
