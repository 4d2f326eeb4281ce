namespace ImplicitBias.Symbolic.Analysis;

/// <summary>Why an expression is not real and finite at a point.</summary>
public enum SingularityKind
{
    /// <summary>A zero of a denominator (a negative power, tan, a logarithm at 0): the value is infinite.</summary>
    Pole,
    /// <summary>An end of a stretch where a function's argument leaves its domain (√ or log of a negative).</summary>
    DomainBoundary,
}
