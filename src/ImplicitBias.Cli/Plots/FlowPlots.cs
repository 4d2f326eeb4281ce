using System.Globalization;
using System.Text;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Symbolic;
using SkiaSharp;
using SP = ScottPlot;

namespace ImplicitBias.Cli.Plots;

/// <summary>The image formats a plot can be written in, chosen by the file extension.</summary>
internal enum PlotFormat
{
    /// <summary>Scalable vector graphics (.svg).</summary>
    Svg,
    /// <summary>Portable network graphics (.png).</summary>
    Png,
}

/// <summary>
/// Plots of the implicit-bias toolkit, drawn with ScottPlot (headless; SkiaSharp underneath) and written as SVG or PNG
/// according to the file extension:
/// <list type="bullet">
/// <item><see cref="Potential"/>: the potential f and the metric f″ of a derivation, side by
/// side, over the image of ρ;</item>
/// <item><see cref="Trajectories"/>: coordinate trajectories xₙ(t) of a flow on a log time axis;</item>
/// <item><see cref="Loss"/>: the loss against time, both axes logarithmic.</item>
/// </list>
/// A path that ends neither in .svg nor in .png, a missing folder or an unwritable file is bad input
/// (<see cref="CliUsageException"/>, exit code 2).
/// </summary>
/// <remarks>
/// ScottPlot 5 has no logarithmic axis type: log scales are drawn by plotting log₁₀ of the data, with major ticks at
/// whole decades labelled 10ᵏ and log-distributed minor ticks (<see cref="SP.TickGenerators.LogMinorTickGenerator"/>).
/// </remarks>
internal static class FlowPlots
{
    /// <summary>Samples of f and f″ across the plotted window.</summary>
    public const int PotentialSamples = 400;

    /// <summary>Coordinates drawn in colour, each with its own legend entry (the others are grey,
    /// one "others" entry).</summary>
    public const int DefaultLabeled = 8;

    /// <summary>At most this many unlabelled coordinates are drawn (the largest in
    /// magnitude at the final time).</summary>
    public const int MaxOthersDrawn = 300;

    /// <summary>At most this many points per curve on a log time axis (log-uniform thinning; the
    /// first and last are kept).</summary>
    public const int MaxPointsPerCurve = 600;

    /// <summary>Half-width of the default window in the variable w of ρ (from a finite end of the
    /// domain: its length).</summary>
    public const double DomainWindow = 3;

    /// <summary>The default x window is narrowed while it is wider than this and the image of ρ is unbounded.</summary>
    public const double MaxDefaultSpan = 25;

    /// <summary>The format of <paramref name="path"/> from its extension (case-insensitive); <paramref name="option"/>
    /// names it in the error.</summary>
    /// <exception cref="CliUsageException">The extension is neither .svg nor .png.</exception>
    public static PlotFormat FormatOf(string path, string option = "--out")
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase)) return PlotFormat.Svg;
        if (extension.Equals(".png", StringComparison.OrdinalIgnoreCase)) return PlotFormat.Png;
        throw new CliUsageException($"{option} must end in .svg or .png (got '{path}')");
    }

    /// <summary>
    /// Two panels side by side: the potential f(x) (up to an affine function) and the metric f″(x) = 1/ρ′(ρ⁻¹(x))²,
    /// over <paramref name="range"/> or, by default, the window <see cref="DefaultWindow"/> of the image of ρ. The
    /// metric panel switches to a log scale when f″ varies by more than a factor 1000 (as it does near a singular end).
    /// </summary>
    /// <param name="d">A derivation whose chain was derived (<see cref="Derivation.IsDerived"/>), with
    /// every parameter bound.</param>
    /// <param name="path">The output file, .svg or .png.</param>
    /// <param name="range">The x window, inside the image of ρ; null for the default window.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <returns>The x window that was plotted.</returns>
    /// <exception cref="CliUsageException">Bad path, ρ not a bijection, a symbolic parameter, or a window
    /// outside the image.</exception>
    public static (double Lo, double Hi) Potential(Derivation d, string path, (double Lo, double Hi)? range = null,
        int width = 1200, int height = 520)
    {
        ArgumentNullException.ThrowIfNull(d);
        var format = FormatOf(path);
        CheckPlottable(d);
        var (lo, hi) = range ?? DefaultWindow(d);
        if (!(double.IsFinite(lo) && double.IsFinite(hi) && lo < hi))
            throw new CliUsageException($"the x window [{Number(lo)}, {Number(hi)}] must be finite with lo < hi");
        if (!d.Image.Contains(lo) || !d.Image.Contains(hi))
            throw new CliUsageException($"the x window [{Number(lo)}, {Number(hi)}] must lie inside the image " +
                $"{DomainText.Format(d.Image)} of ρ");
        var (xs, fs, ms) = PotentialSamplesOn(d, lo, hi);
        var w = d.Reparametrization.Variable;
        var rho = $"ρ({w}) = {Shorten(d.Reparametrization.Rho.ToString(), 32)}";
        var domain = d.Reparametrization.Domain.IsReal ? "" : $", {w} ∈ {ShortInterval(d.Reparametrization.Domain)}";
        var left = PotentialPanel(d, xs, fs, $"{rho}{domain}", w);
        var right = MetricPanel(d, xs, ms, $"{rho}{domain}", w);
        var figure = new SP.Multiplot(left);
        figure.Subplots.Add(right);
        figure.Layout = new SP.MultiplotLayouts.Columns();
        try { PlotKit.Write(path, format, width, height, figure); }
        finally
        {
            left.Dispose();
            right.Dispose();
        }
        return (lo, hi);
    }

    /// <summary>f and f″ at evenly spaced points of [lo, hi], skipping points where either is not finite.</summary>
    private static (double[] X, double[] F, double[] Metric) PotentialSamplesOn(Derivation d, double lo, double hi)
    {
        var xs = new List<double>(PotentialSamples);
        var fs = new List<double>(PotentialSamples);
        var ms = new List<double>(PotentialSamples);
        try
        {
            for (int i = 0; i < PotentialSamples; i++)
            {
                double x = lo + (hi - lo) * i / (PotentialSamples - 1);
                double fx = d.Potential!.Evaluate(x), mx = d.Metric!.Evaluate(x);
                if (!double.IsFinite(fx) || !double.IsFinite(mx)) continue;
                xs.Add(x);
                fs.Add(fx);
                ms.Add(mx);
            }
        }
        catch (EvaluationException e) { throw new CliUsageException($"cannot evaluate the potential: {e.Message}"); }
        if (xs.Count < 2)
            throw new CliUsageException($"the potential has no finite values on [{Number(lo)}, {Number(hi)}]");
        return (xs.ToArray(), fs.ToArray(), ms.ToArray());
    }

    /// <summary>The left panel: f over the window.</summary>
    private static SP.Plot PotentialPanel(Derivation d, double[] xs, double[] fs, string of, string w)
    {
        var left = new SP.Plot();
        PlotKit.Style(left);
        var f = left.Add.Scatter(xs, fs);
        f.LegendText = Shorten(d.Potential!.Expression is { } fe ? $"f(x) = {fe}"
            : $"f(x), {FormName(d.Potential.Form)} form");
        f.LineWidth = 2;
        f.MarkerSize = 0;
        f.Color = PlotKit.ColorOf(0);
        left.Title($"potential f of {of}");
        left.XLabel("x = ρ(" + w + ")");
        left.YLabel("f(x)  (up to an affine function)");
        left.ShowLegend(SP.Alignment.UpperCenter);
        return left;
    }

    /// <summary>The right panel: f″ over the window, on a log scale when it spans more than three decades.</summary>
    private static SP.Plot MetricPanel(Derivation d, double[] xs, double[] ms, string of, string w)
    {
        var right = new SP.Plot();
        PlotKit.Style(right);
        double min = ms.Min(), max = ms.Max();
        bool logMetric = min > 0 && max / min > 1e3;
        var m = right.Add.Scatter(xs, logMetric ? ms.Select(Math.Log10).ToArray() : ms);
        m.LegendText = Shorten(d.Metric!.Expression is { } me ? $"f″(x) = {me}"
            : $"f″(x) = 1/ρ′(ρ⁻¹(x))², {FormName(d.Metric.Form)} form");
        m.LineWidth = 2;
        m.MarkerSize = 0;
        m.Color = PlotKit.ColorOf(1);
        if (logMetric) PlotKit.LogAxis(right.Axes.Left, Math.Log10(min), Math.Log10(max));
        right.Title($"metric f″ of {of}");
        right.XLabel("x = ρ(" + w + ")");
        right.YLabel(logMetric ? "f″(x) = 1/ρ′(ρ⁻¹(x))²  (log scale)" : "f″(x) = 1/ρ′(ρ⁻¹(x))²");
        right.ShowLegend(SP.Alignment.UpperCenter);
        return right;
    }

    /// <summary>
    /// Coordinate trajectories xₙ(t) against time on a log axis. <paramref name="coordinates"/>[n][k] is coordinate n
    /// at <paramref name="times"/>[k]; points with t ≤ 0 (the initial point at t = 0, say) cannot be shown on a log
    /// axis and are left out. The <paramref name="maxLabeled"/> coordinates largest in magnitude at the final time are
    /// drawn in colour with their own legend entries (by index order); the others are grey, under one "others" entry,
    /// at most <see cref="MaxOthersDrawn"/> of them.
    /// </summary>
    /// <param name="times">Increasing times.</param>
    /// <param name="coordinates">One trajectory per coordinate, each as long as <paramref name="times"/>.</param>
    /// <param name="labels">One legend label per coordinate, e.g. "x0" (0-based, as in JSON and errors).</param>
    /// <param name="path">The output file, .svg or .png.</param>
    /// <param name="title">The title (default: "coordinate trajectories xₙ(t)").</param>
    /// <param name="maxLabeled">How many coordinates get their own legend entry.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    public static void Trajectories(double[] times, double[][] coordinates, IReadOnlyList<string> labels, string path,
        string? title = null, int maxLabeled = DefaultLabeled, int width = 1100, int height = 620)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(coordinates);
        ArgumentNullException.ThrowIfNull(labels);
        var format = FormatOf(path);
        if (labels.Count != coordinates.Length)
            throw new ArgumentException($"{labels.Count} labels for {coordinates.Length} coordinates", nameof(labels));
        for (int n = 0; n < coordinates.Length; n++)
            if (coordinates[n] is null || coordinates[n].Length != times.Length)
                throw new ArgumentException($"coordinate {n} has {coordinates[n]?.Length ?? 0} values for " +
                    $"{times.Length} times", nameof(coordinates));
        ArgumentOutOfRangeException.ThrowIfNegative(maxLabeled);
        var kept = LogThinned(times,
            Enumerable.Range(0, times.Length).Where(k => times[k] > 0 && double.IsFinite(times[k])).ToList());
        if (kept.Count == 0) throw new ArgumentException("no positive time to show on a log axis", nameof(times));
        int last = kept[^1];

        var byFinalSize = Enumerable.Range(0, coordinates.Length)
            .OrderByDescending(n => double.IsFinite(coordinates[n][last]) ? Math.Abs(coordinates[n][last]) : -1)
            .ThenBy(n => n).ToList();
        var labeled = byFinalSize.Take(maxLabeled).Order().ToList();
        var others = byFinalSize.Skip(maxLabeled).Take(MaxOthersDrawn).Order().ToList();
        int otherCount = coordinates.Length - labeled.Count;

        using var plot = new SP.Plot();
        PlotKit.Style(plot);
        double[] logTimes = kept.Select(k => Math.Log10(times[k])).ToArray();
        bool first = true;
        foreach (int n in others) // grey first, so the labelled curves are drawn on top
        {
            var s = plot.Add.Scatter(logTimes, kept.Select(k => coordinates[n][k]).ToArray());
            s.LineWidth = 1;
            s.MarkerSize = 0;
            s.Color = SP.Colors.Gray.WithOpacity(0.55);
            if (first)
            {
                s.LegendText = others.Count < otherCount ? $"others ({otherCount}; {others.Count} largest drawn)"
                    : $"others ({otherCount})";
                first = false;
            }
        }
        for (int i = 0; i < labeled.Count; i++)
        {
            int n = labeled[i];
            var s = plot.Add.Scatter(logTimes, kept.Select(k => coordinates[n][k]).ToArray());
            s.LineWidth = 2;
            s.MarkerSize = 0;
            s.Color = PlotKit.ColorOf(i);
            s.LegendText = labels[n];
        }
        PlotKit.LogAxis(plot.Axes.Bottom, logTimes[0], logTimes[^1]);
        plot.Title(title ?? "coordinate trajectories xₙ(t)");
        plot.XLabel("time t  (log scale)");
        plot.YLabel("xₙ(t)");
        plot.ShowLegend(SP.Edge.Right);
        PlotKit.Write(path, format, width, height, plot);
    }

    /// <summary>
    /// The loss against time, both axes logarithmic. Points with t ≤ 0 or a loss ≤ 0 (exactly zero, say) cannot be
    /// shown on log axes and are left out.
    /// </summary>
    /// <param name="times">Increasing times.</param>
    /// <param name="loss">The loss at each time.</param>
    /// <param name="path">The output file, .svg or .png.</param>
    /// <param name="title">The title (default: "loss L(t)").</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    public static void Loss(double[] times, double[] loss, string path, string? title = null, int width = 900,
        int height = 600)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(loss);
        var format = FormatOf(path);
        if (loss.Length != times.Length)
            throw new ArgumentException($"{loss.Length} loss values for {times.Length} times", nameof(loss));
        var kept = LogThinned(times, Enumerable.Range(0, times.Length)
            .Where(k => times[k] > 0 && double.IsFinite(times[k]) && loss[k] > 0 && double.IsFinite(loss[k])).ToList());
        if (kept.Count == 0)
            throw new ArgumentException("no point with a positive time and a positive loss to show on log axes",
                nameof(loss));

        using var plot = new SP.Plot();
        PlotKit.Style(plot);
        double[] xs = kept.Select(k => Math.Log10(times[k])).ToArray();
        double[] ys = kept.Select(k => Math.Log10(loss[k])).ToArray();
        var s = plot.Add.Scatter(xs, ys);
        s.LineWidth = 2;
        s.MarkerSize = 0;
        s.Color = PlotKit.ColorOf(3);
        s.LegendText = "loss L(t)";
        PlotKit.LogAxis(plot.Axes.Bottom, xs.Min(), xs.Max());
        PlotKit.LogAxis(plot.Axes.Left, ys.Min(), ys.Max());
        plot.Title(title ?? "loss L(t)");
        plot.XLabel("time t  (log scale)");
        plot.YLabel("loss  (log scale)");
        plot.ShowLegend(SP.Alignment.UpperRight);
        PlotKit.Write(path, format, width, height, plot);
    }

    /// <summary>
    /// The default x window of <see cref="Potential"/>: ρ maps a window of its domain — [−3, 3] on the real line,
    /// 3 long from a finite end of a half-line, the domain less 2% at each end when bounded — onto x values; the window
    /// is narrowed (in w) while the x range is wider than <see cref="MaxDefaultSpan"/> and the image is unbounded. The
    /// margins keep it away from singular ends of the image.
    /// </summary>
    public static (double Lo, double Hi) DefaultWindow(Derivation d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var image = d.Image;
        if (d.Reparametrization.IsDifference) return ImageWindow(image);
        Func<double, double> rho;
        try { rho = d.Reparametrization.Rho.Compile(d.Reparametrization.Variable); }
        catch (EvaluationException e) { throw new CliUsageException($"cannot evaluate ρ: {e.Message}"); }
        var domain = d.Reparametrization.Domain;
        bool unbounded = double.IsInfinity(image.Lo) || double.IsInfinity(image.Hi);
        (double Lo, double Hi) result = (double.NaN, double.NaN);
        for (double scale = 1; scale >= 0.02; scale *= 0.8)
        {
            var (wa, wb) = DomainWindowAt(domain, scale);
            double xa = rho(wa), xb = rho(wb);
            if (!double.IsFinite(xa) || !double.IsFinite(xb) || xa == xb) continue;
            result = (Math.Min(xa, xb), Math.Max(xa, xb));
            if (!unbounded || result.Hi - result.Lo <= MaxDefaultSpan) break;
        }
        if (double.IsNaN(result.Lo) || !image.Contains(result.Lo) || !image.Contains(result.Hi))
            return ImageWindow(image);
        return result;
    }

    private static (double Lo, double Hi) DomainWindowAt(Interval domain, double scale)
    {
        double lo = domain.Lo, hi = domain.Hi, reach = DomainWindow * scale, margin = 0.02 * DomainWindow;
        return (double.IsFinite(lo), double.IsFinite(hi)) switch
        {
            (false, false) => (-reach, reach),
            (true, false) => (lo + Math.Min(margin, reach / 2), lo + reach),
            (false, true) => (hi - reach, hi - Math.Min(margin, reach / 2)),
            (true, true) => (lo + 0.02 * (hi - lo), hi - 0.02 * (hi - lo)),
        };
    }

    /// <summary>A window of the image itself (used when ρ cannot be mapped): 2% in from the ends of a bounded
    /// image, else 10 long.</summary>
    private static (double Lo, double Hi) ImageWindow(Interval image)
    {
        double lo = image.Lo, hi = image.Hi;
        return (double.IsFinite(lo), double.IsFinite(hi)) switch
        {
            (false, false) => (-10, 10),
            (true, false) => (lo + 0.05, lo + 10),
            (false, true) => (hi - 10, hi - 0.05),
            (true, true) => (lo + 0.02 * (hi - lo), hi - 0.02 * (hi - lo)),
        };
    }

    /// <summary>Throws the bad-input error for a derivation that cannot be plotted: not derived, or with
    /// symbolic parameters.</summary>
    public static void CheckPlottable(Derivation d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (!d.IsDerived)
        {
            var failing = d.Conditions.Where(c => c.Status == ConditionStatus.Fails).ToList();
            if (failing.Count == 0) failing = d.Conditions.Where(c => c.Status != ConditionStatus.Holds).ToList();
            var why = failing.Count > 0
                ? string.Join("; ", failing.Select(c => $"{c.Name} {StatusWord(c.Status)}: {c.Reason}"))
                : "the chain could not be derived";
            throw new CliUsageException($"cannot plot: ρ({d.Reparametrization.Variable}) = {d.Reparametrization.Rho} " +
                $"is not a bijection of {DomainText.Format(d.Reparametrization.Domain)} ({why})");
        }
        var symbolic = d.Reparametrization.SymbolicParameters;
        if (symbolic.Count > 0)
            throw new CliUsageException("cannot plot with symbolic parameters: give " +
                $"{string.Join(", ", symbolic.Select(s => $"--param {s.Name}=…"))}");
    }

    private static string StatusWord(ConditionStatus s) => s switch
    {
        ConditionStatus.Holds => "holds",
        ConditionStatus.Fails => "fails",
        ConditionStatus.Unknown => "is unknown"
    };

    private static string FormName(Form f) => f switch
    {
        Form.Explicit => "explicit",
        Form.Parametric => "parametric",
        Form.Numeric => "numeric"
    };

    /// <summary>At most <see cref="MaxPointsPerCurve"/> of the given indices, spread evenly in log t
    /// (first and last kept).</summary>
    private static List<int> LogThinned(double[] times, List<int> indices)
    {
        if (indices.Count <= MaxPointsPerCurve) return indices;
        double a = Math.Log10(times[indices[0]]), b = Math.Log10(times[indices[^1]]);
        double step = (b - a) / (MaxPointsPerCurve - 1);
        var kept = new List<int> { indices[0] };
        double next = a + step;
        for (int i = 1; i < indices.Count - 1; i++)
        {
            if (Math.Log10(times[indices[i]]) < next) continue;
            kept.Add(indices[i]);
            next = Math.Log10(times[indices[i]]) + step;
        }
        kept.Add(indices[^1]);
        return kept;
    }

    private static string Shorten(string text, int max = 60) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>"(lo, hi)" with ends to 4 significant digits, for titles.</summary>
    private static string ShortInterval(Interval i)
    {
        static string End(double v) => double.IsPositiveInfinity(v) ? "inf"
            : double.IsNegativeInfinity(v) ? "-inf"
            : v.ToString("G4", CultureInfo.InvariantCulture);
        return $"{(i.LoOpen ? '(' : '[')}{End(i.Lo)}, {End(i.Hi)}{(i.HiOpen ? ')' : ']')}";
    }

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
