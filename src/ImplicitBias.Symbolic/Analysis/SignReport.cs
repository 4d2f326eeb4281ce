namespace ImplicitBias.Symbolic.Analysis;

/// <summary>The sign a derivative keeps on an interval, and where it does not.</summary>
/// <param name="Sign">+1 or −1 when it keeps that sign (zeros without a sign change allowed), 0 when it changes
/// sign or vanishes everywhere.</param>
/// <param name="Proven">True when decided exactly (range analysis, or Sturm sequences of a rational function), false
/// when read off samples.</param>
/// <param name="Changes">The points where it changes sign.</param>
/// <param name="Vanishing">Where it is 0 without changing sign: one point (From == To) or a stretch.</param>
internal sealed record SignReport(int Sign, bool Proven, IReadOnlyList<double> Changes,
    (double From, double To)? Vanishing);
