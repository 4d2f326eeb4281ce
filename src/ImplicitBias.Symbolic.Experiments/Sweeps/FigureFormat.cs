namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>An image format for the summary figures of a sweep.</summary>
public enum FigureFormat
{
    /// <summary>Scalable vector graphics.</summary>
    Svg,
    /// <summary>Portable network graphics.</summary>
    Png,
}
