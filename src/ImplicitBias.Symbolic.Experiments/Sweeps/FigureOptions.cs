namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>The <c>[figures]</c> table of a sweep spec: how the summary figures are drawn.</summary>
/// <param name="Width">The width in pixels.</param>
/// <param name="Height">The height in pixels.</param>
/// <param name="FontSize">The font size of labels and ticks.</param>
/// <param name="Formats">The formats each figure is written in.</param>
/// <param name="LatexLabels">
/// Axis labels in mathematical notation (α, ‖x̂ − x_ℓ1‖∞, M/N) rather than the column names.
/// </param>
public sealed record FigureOptions(int Width, int Height, float FontSize, IReadOnlyList<FigureFormat> Formats,
    bool LatexLabels)
{
    /// <summary>800×600, 14 pt, SVG and PNG, mathematical labels.</summary>
    public static FigureOptions Default { get; } = new(800, 600, 14, [FigureFormat.Svg, FigureFormat.Png], true);
}
