namespace ImplicitBias.Symbolic.Analysis;

/// <summary>A point where an expression stops being real and finite, the subterm responsible, and why.</summary>
/// <param name="Point">The point, to about 1e-14 relative.</param>
/// <param name="Kind">A pole, or the boundary of a stretch outside a function's domain.</param>
/// <param name="Cause">The subterm that is singular there, e.g. tan(w) or (w - 2)^(-2).</param>
public sealed record Singularity(double Point, SingularityKind Kind, Expr Cause)
{
    /// <summary>"a pole at w = 1.5708 (of tan(w))".</summary>
    public string Describe(string variable) =>
        $"{(Kind == SingularityKind.Pole ? "a pole" : "the edge of its domain")} at {variable} = " +
        $"{Interval.EndText(Point)} (of {Cause})";
}
