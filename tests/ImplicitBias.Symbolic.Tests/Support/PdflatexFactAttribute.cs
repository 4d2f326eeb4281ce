namespace ImplicitBias.Symbolic.Tests.Support;

/// <summary>
/// A fact that needs pdflatex: skipped, and reported as skipped with the reason, when no pdflatex is on PATH
/// (.ci/run installs texlive-latex-base), so a machine without it does not pass it as if it had compiled anything.
/// </summary>
public sealed class PdflatexFactAttribute : FactAttribute
{
    /// <summary>The pdflatex executable found on PATH, or null.</summary>
    public static string? Executable { get; } = Find();

    /// <summary>Skips unless pdflatex was found.</summary>
    public PdflatexFactAttribute()
    {
        if (Executable is null) Skip = "pdflatex is not on PATH: install texlive-latex-base to compile the LaTeX";
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, "pdflatex"), Path.Combine(dir, "pdflatex.exe") })
            .FirstOrDefault(File.Exists);
    }
}
