namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>The value type of a column of sweep rows.</summary>
public enum ColumnType
{
    /// <summary>A 32-bit integer.</summary>
    Integer,
    /// <summary>A double, or null.</summary>
    Real,
    /// <summary>true or false, or null.</summary>
    Boolean,
    /// <summary>Text, or null.</summary>
    Text,
}
