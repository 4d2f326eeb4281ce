using System.Diagnostics;
using System.Text.RegularExpressions;
using ImplicitBias.Symbolic.Tests.Support;

namespace ImplicitBias.Symbolic.Tests.Latex;

/// <summary>
/// The LaTeX of every table row is usable in a paper: ASCII only (pdflatex without Unicode packages), no line break
/// before the end of an environment, and one document of all of it compiles with pdflatex.
/// </summary>
public partial class LatexCompilationTests
{
    [Fact]
    public void Every_piece_is_ascii()
    {
        foreach (var piece in LatexDocument.Pieces)
        {
            int at = piece.Body.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f');
            Assert.True(at < 0, $"{piece.Source}: U+{(at < 0 ? 0 : piece.Body[at]):X4} at {at} in {piece.Body}");
        }
    }

    [Fact]
    public void No_environment_ends_with_a_line_break()
    {
        foreach (var piece in LatexDocument.Pieces)
            Assert.False(TrailingBreak().IsMatch(piece.Body), $"{piece.Source}: {piece.Body}");
    }

    [PdflatexFact]
    public void The_document_of_every_piece_compiles_with_pdflatex()
    {
        var source = LatexDocument.Source();
        var dir = Directory.CreateTempSubdirectory("ibias-latex-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "table.tex"), source);
            var (exitCode, output) = RunPdflatex(dir.FullName);
            var logPath = Path.Combine(dir.FullName, "table.log");
            var log = File.Exists(logPath) ? File.ReadAllText(logPath) : output;
            Assert.True(exitCode == 0 && File.Exists(Path.Combine(dir.FullName, "table.pdf")),
                $"pdflatex exited with {exitCode}:{Environment.NewLine}{Errors(log, source)}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output) RunPdflatex(string directory)
    {
        var start = new ProcessStartInfo(PdflatexFactAttribute.Executable!)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in new[] { "-halt-on-error", "-interaction=nonstopmode", "-no-shell-escape", "table.tex" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "pdflatex did not finish in 5 minutes" + Environment.NewLine + stdout);
        }
        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>The log's error lines ("! …" and the context after them) and the source of the failing line.</summary>
    private static string Errors(string log, string source)
    {
        var lines = log.Split('\n');
        var errors = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('!')) continue;
            errors.AddRange(lines.Skip(i).Take(6).Select(l => l.TrimEnd('\r')));
        }
        var texLines = source.Split('\n');
        foreach (Match m in SourceLine().Matches(log))
        {
            int n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var label = texLines.Take(n).LastOrDefault(l => l.StartsWith("% ", StringComparison.Ordinal));
            errors.Add($"at line {n}, in the piece {label}");
        }
        return errors.Count > 0 ? string.Join(Environment.NewLine, errors) : log;
    }

    [GeneratedRegex(@"\\\\\s*\\end\{")]
    private static partial Regex TrailingBreak();

    [GeneratedRegex(@"^l\.(\d+)", RegexOptions.Multiline)]
    private static partial Regex SourceLine();
}
