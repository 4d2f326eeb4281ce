using System.Globalization;
using ImplicitBias.Symbolic.Experiments.Sweeps;
using SP = ScottPlot;

namespace ImplicitBias.Cli.Plots;

/// <summary>
/// The summary figures of a sweep, written next to its rows (figures/): the distance against the scale on log–log
/// axes, one curve per ρ with the median and the interquartile band over seeds, and phase-transition heatmaps of the
/// success rate over M/N × k/M, one panel per ρ side by side.
/// </summary>
internal static class SweepPlots
{
    /// <summary>At most this many figures of each kind (one per combination of the other options).</summary>
    public const int MaxFigures = 12;

    /// <summary>Bins of k/M on [0, 1] in the phase-transition heatmaps.</summary>
    public const int SparsityBins = 10;

    /// <summary>Draws every figure the rows allow into <paramref name="folder"/>/figures.</summary>
    /// <returns>The files written.</returns>
    public static List<string> Write(SweepSpec spec, IReadOnlyList<SweepRow> rows, string folder)
    {
        var usable = rows.Where(r => r.Error is null && r.TruthError is not null).ToList();
        var figures = Path.Combine(folder, "figures");
        Directory.CreateDirectory(figures);
        var written = new List<string>();
        written.AddRange(ScaleFigures(spec, usable, figures));
        written.AddRange(PhaseFigures(spec, usable, figures));
        return written;
    }

    /// <summary>"w^2", "w^2 (u − v)" or "beta*sinh(w/beta), beta = 0.1": one curve or panel.</summary>
    internal static string VariantLabel(SweepRow r)
    {
        var label = r.Difference ? $"{r.Rho} (u − v)" : r.Rho;
        return r.Parameters.Count == 0 ? label
            : label + ", " + string.Join(", ", r.Parameters.Select(p => $"{p.Key} = {Number(p.Value)}"));
    }

    private static IEnumerable<string> ScaleFigures(SweepSpec spec, List<SweepRow> rows, string folder)
    {
        bool l1 = spec.Compute.Contains(SweepQuantity.L1);
        Func<SweepRow, double?> metric = l1 ? r => r.L1Distance : r => r.TruthError;
        var groups = rows.GroupBy(r => (r.M, r.N, r.K, r.Noise))
            .Where(g => g.Select(r => r.Init).Distinct().Count() > 1).OrderBy(g => g.Key).Take(MaxFigures);
        foreach (var group in groups)
        {
            using var plot = new SP.Plot();
            PlotKit.Style(plot, spec.Figures.FontSize);
            var variants = group.GroupBy(VariantLabel).ToList();
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (int v = 0; v < variants.Count; v++)
            {
                var points = ScalePoints(variants[v], metric);
                if (points.Count == 0) continue;
                AddScaleCurve(plot, points, variants[v].Key, PlotKit.ColorOf(v));
                lo = Math.Min(lo, points.Min(p => p.Q1));
                hi = Math.Max(hi, points.Max(p => p.Q3));
            }
            if (!double.IsFinite(lo)) continue;
            var (m, n, k, noise) = group.Key;
            LabelScale(plot, spec.Figures.LatexLabels, l1, $"M = {m}, N = {n}, k = {k}" +
                (noise > 0 ? $", noise {Number(noise)}" : ""));
            PlotKit.LogAxis(plot.Axes.Bottom, group.Min(r => Math.Log10(r.Init)), group.Max(r => Math.Log10(r.Init)));
            PlotKit.LogAxis(plot.Axes.Left, lo, hi);
            plot.ShowLegend(SP.Alignment.LowerRight);
            var name = $"scale-m{m}-n{n}-k{k}" + (spec.Problem.Noise.Count > 1 ? $"-noise{Number(noise)}" : "");
            foreach (var path in Save(spec, folder, name, (p, f) => PlotKit.Write(p, f, spec.Figures.Width,
                spec.Figures.Height, plot)))
                yield return path;
        }
    }

    /// <summary>
    /// log₁₀ of the scale and of the median and quartiles over seeds, for scales with a positive metric.
    /// </summary>
    private static List<(double Init, double Median, double Q1, double Q3)> ScalePoints(IEnumerable<SweepRow> rows,
        Func<SweepRow, double?> metric) =>
        rows.Where(r => r.Init > 0).GroupBy(r => r.Init).OrderBy(g => g.Key).Select(g =>
        {
            var values = g.Select(metric).OfType<double>().Select(v => Math.Max(v, 1e-16)).Order().ToArray();
            return (Init: Math.Log10(g.Key), Values: values);
        }).Where(p => p.Values.Length > 0)
        .Select(p => (p.Init, Math.Log10(Quantile(p.Values, 0.5)), Math.Log10(Quantile(p.Values, 0.25)),
            Math.Log10(Quantile(p.Values, 0.75)))).ToList();

    private static void AddScaleCurve(SP.Plot plot, List<(double Init, double Median, double Q1, double Q3)> points,
        string label, SP.Color color)
    {
        double[] xs = points.Select(p => p.Init).ToArray();
        var band = plot.Add.FillY(xs, points.Select(p => p.Q1).ToArray(), points.Select(p => p.Q3).ToArray());
        band.FillColor = color.WithOpacity(0.2);
        band.LineWidth = 0;
        var median = plot.Add.Scatter(xs, points.Select(p => p.Median).ToArray());
        median.Color = color;
        median.LineWidth = 2;
        median.MarkerSize = 6;
        median.LegendText = label;
    }

    private static void LabelScale(SP.Plot plot, bool latex, bool l1, string options)
    {
        plot.XLabel(latex ? "initial scale α" : "init");
        plot.YLabel(latex ? (l1 ? "‖x̂ − x_ℓ1‖∞ (median, IQR over seeds)" : "‖x̂ − x*‖∞ (median, IQR over seeds)")
            : l1 ? "l1Distance (median and quartiles)" : "truthError (median and quartiles)");
        plot.Title(options);
    }

    private static IEnumerable<string> PhaseFigures(SweepSpec spec, List<SweepRow> rows, string folder)
    {
        var groups = rows.GroupBy(r => (r.N, r.Init, r.Noise))
            .Where(g => g.Select(r => r.M).Distinct().Count() > 1 || g.Select(r => r.K).Distinct().Count() > 1)
            .OrderBy(g => g.Key).Take(MaxFigures);
        foreach (var group in groups)
        {
            var panels = group.GroupBy(VariantLabel).Select(v => PhasePanel(spec.Figures, v.Key, v.ToList()))
                .ToList();
            var figure = new SP.Multiplot(panels[0]);
            foreach (var panel in panels.Skip(1)) figure.Subplots.Add(panel);
            figure.Layout = new SP.MultiplotLayouts.Columns();
            var (n, init, noise) = group.Key;
            var name = $"phase-n{n}-init{Number(init)}" + (noise > 0 ? $"-noise{Number(noise)}" : "");
            try
            {
                foreach (var path in Save(spec, folder, name, (p, f) => PlotKit.Write(p, f,
                    spec.Figures.Width * panels.Count * 3 / 4, spec.Figures.Height, figure)))
                    yield return path;
            }
            finally
            {
                foreach (var panel in panels) panel.Dispose();
            }
        }
    }

    /// <summary>The success rate over seeds in bins of M/N (one per M) and of k/M (ten on [0, 1]).</summary>
    private static SP.Plot PhasePanel(FigureOptions options, string label, List<SweepRow> rows)
    {
        var plot = new SP.Plot();
        PlotKit.Style(plot, options.FontSize);
        var ms = rows.Select(r => r.M).Distinct().Order().ToArray();
        var rate = new double[SparsityBins, ms.Length];
        var count = new int[SparsityBins, ms.Length];
        foreach (var r in rows)
        {
            int column = Array.IndexOf(ms, r.M);
            int bin = Math.Min(SparsityBins - 1, (int)Math.Floor(Math.Clamp((double)r.K / r.M, 0, 1) * SparsityBins));
            int row = SparsityBins - 1 - bin; // row 0 is drawn at the top
            rate[row, column] += r.Success == true ? 1 : 0;
            count[row, column]++;
        }
        for (int i = 0; i < SparsityBins; i++)
            for (int j = 0; j < ms.Length; j++)
                rate[i, j] = count[i, j] == 0 ? double.NaN : rate[i, j] / count[i, j];
        var heatmap = plot.Add.Heatmap(rate);
        heatmap.Colormap = new SP.Colormaps.Viridis();
        heatmap.ManualRange = new SP.Range(0, 1);
        // the extent gives the centres of the corner cells: one column per M, ten rows of k/M on [0, 1]
        double n = rows[0].N, halfBin = 0.5 / SparsityBins;
        heatmap.Extent = new SP.CoordinateRect(ms[0] / n, ms[^1] / n, halfBin, 1 - halfBin);
        plot.Add.ColorBar(heatmap);
        double halfColumn = ms.Length > 1 ? (ms[1] - ms[0]) / n / 2 : 0.5 * ms[0] / n;
        plot.Axes.SetLimits(ms[0] / n - halfColumn, ms[^1] / n + halfColumn, 0, 1);
        plot.Title($"{label}: success rate");
        plot.XLabel(options.LatexLabels ? "δ = M/N" : "M/N");
        plot.YLabel(options.LatexLabels ? "ϱ = k/M" : "k/M");
        return plot;
    }

    private static IEnumerable<string> Save(SweepSpec spec, string folder, string name,
        Action<string, PlotFormat> write)
    {
        foreach (var format in spec.Figures.Formats)
        {
            var path = Path.Combine(folder, name + (format == FigureFormat.Svg ? ".svg" : ".png"));
            write(path, format == FigureFormat.Svg ? PlotFormat.Svg : PlotFormat.Png);
            yield return path;
        }
    }

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static string Number(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
