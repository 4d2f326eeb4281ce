namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// A column of the row files: its name, type and how a row gives its value (null where there is none).
/// </summary>
/// <param name="Name">The column name in Parquet, CSV and JSON Lines.</param>
/// <param name="Type">Its value type.</param>
/// <param name="Value">The value of a row.</param>
public sealed record SweepColumn(string Name, ColumnType Type, Func<SweepRow, object?> Value)
{
    /// <summary>The columns of a sweep with these parameter names, in file order.</summary>
    public static IReadOnlyList<SweepColumn> For(IReadOnlyList<string> parameters)
    {
        var columns = new List<SweepColumn>
        {
            new("row", ColumnType.Integer, r => r.Row),
            new("rho", ColumnType.Text, r => r.Rho),
            new("difference", ColumnType.Boolean, r => r.Difference),
        };
        foreach (var name in parameters)
            columns.Add(new(name, ColumnType.Real, r => r.Parameters.TryGetValue(name, out var v) ? v : null));
        columns.AddRange(
        [
            new("m", ColumnType.Integer, r => r.M),
            new("n", ColumnType.Integer, r => r.N),
            new("k", ColumnType.Integer, r => r.K),
            new("seed", ColumnType.Integer, r => r.Seed),
            new("init", ColumnType.Real, r => r.Init),
            new("noise", ColumnType.Real, r => r.Noise),
            new("problem", ColumnType.Text, r => r.Problem),
            new("truthError", ColumnType.Real, r => r.TruthError),
            new("l1Distance", ColumnType.Real, r => r.L1Distance),
            new("l2Distance", ColumnType.Real, r => r.L2Distance),
            new("success", ColumnType.Boolean, r => r.Success),
            new("predictionSeconds", ColumnType.Real, r => r.PredictionSeconds),
            new("flowDifference", ColumnType.Real, r => r.FlowDifference),
            new("flowSeconds", ColumnType.Real, r => r.FlowSeconds),
            new("flowAgree", ColumnType.Boolean, r => r.FlowAgree),
            new("error", ColumnType.Text, r => r.Error),
        ]);
        return columns;
    }
}
