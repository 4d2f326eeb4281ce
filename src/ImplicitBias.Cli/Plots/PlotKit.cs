using System.Globalization;
using System.Text;
using ImplicitBias.Cli.Infrastructure;
using SkiaSharp;
using SP = ScottPlot;

namespace ImplicitBias.Cli.Plots;

/// <summary>What every figure of the tool shares: colours, style, log axes and atomic SVG/PNG writing.</summary>
internal static class PlotKit
{
    /// <summary>Category10 without its grey, which is kept for the "others" curves.</summary>
    private static readonly SP.Color[] SeriesColors =
        [.. new[] { 0, 1, 2, 3, 4, 5, 6, 8, 9 }.Select(new SP.Palettes.Category10().GetColor)];

    /// <summary>The colour of series <paramref name="i"/> (cycling).</summary>
    public static SP.Color ColorOf(int i) => SeriesColors[i % SeriesColors.Length];

    /// <summary>
    /// Readable defaults: tick and legend labels of <paramref name="tickFontSize"/>, titles 3 points larger, a visible
    /// minor grid.
    /// </summary>
    public static void Style(SP.Plot plot, float tickFontSize = 13)
    {
        plot.Axes.Title.Label.FontSize = tickFontSize + 3;
        foreach (var axis in new SP.IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.FontSize = tickFontSize + 3;
            axis.TickLabelStyle.FontSize = tickFontSize;
        }
        plot.Legend.FontSize = tickFontSize;
        plot.Grid.MajorLineColor = SP.Colors.Black.WithOpacity(0.12);
        plot.Grid.MinorLineColor = SP.Colors.Black.WithOpacity(0.05);
        plot.Grid.MinorLineWidth = 1;
    }

    /// <summary>Makes an axis that shows log₁₀ of the data look logarithmic: ticks labelled 10ᵏ,
    /// log-spaced minor ticks.</summary>
    public static void LogAxis(SP.IAxis axis, double minLog, double maxLog)
    {
        var ticks = new SP.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new SP.TickGenerators.LogMinorTickGenerator(),
            // whole decades only when the range spans enough of them to have two such ticks
            IntegerTicksOnly = Math.Floor(maxLog) - Math.Ceiling(minLog) >= 1,
            LabelFormatter = LogLabel,
        };
        axis.TickGenerator = ticks;
    }

    /// <summary>The label of a tick at log₁₀ value <paramref name="e"/>: 10ᵏ at whole decades,
    /// else the value itself.</summary>
    internal static string LogLabel(double e)
    {
        double k = Math.Round(e);
        if (Math.Abs(e - k) < 1e-9) return "10" + Superscript((int)k);
        return Math.Pow(10, e).ToString("G3", CultureInfo.InvariantCulture);
    }

    private static string Superscript(int k)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var sb = new StringBuilder();
        if (k < 0) sb.Append('⁻');
        foreach (char c in Math.Abs(k).ToString(CultureInfo.InvariantCulture)) sb.Append(digits[c - '0']);
        return sb.ToString();
    }

    /// <summary>Writes a plot as SVG or PNG, atomically.</summary>
    public static void Write(string path, PlotFormat format, int width, int height, SP.Plot plot) =>
        CliFiles.WriteAtomically(path, temporary =>
        {
            if (format == PlotFormat.Svg) plot.SaveSvg(temporary, width, height);
            else plot.SavePng(temporary, width, height);
        });

    /// <summary>Writes panels side by side as SVG or PNG, atomically.</summary>
    public static void Write(string path, PlotFormat format, int width, int height, SP.Multiplot figure) =>
        CliFiles.WriteAtomically(path, temporary =>
        {
            if (format == PlotFormat.Png)
            {
                SP.IMultiplotExtensions.SavePng(figure, temporary, width, height);
                return;
            }
            // On its first render a multiplot drew each panel twice into the SVG; a first render off-screen leaves
            // one copy of each panel in the file.
            SP.IMultiplotExtensions.Render(figure, width, height).Dispose();
            using var stream = File.Create(temporary);
            // The SVG document is complete only once the canvas is disposed.
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
                figure.Render(canvas, new SP.PixelRect(0, width, height, 0));
        });
}
