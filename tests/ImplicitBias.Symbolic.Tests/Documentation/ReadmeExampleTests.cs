using System.Text.RegularExpressions;
using ImplicitBias.Cli;
using static ImplicitBias.Symbolic.Tests.Cli.CliRunner;

namespace ImplicitBias.Symbolic.Tests.Documentation;

/// <summary>
/// README.md's examples run in-process and print exactly what the README shows, so the README cannot drift from the
/// tool: every <c>$ ibias …</c> of a code block (<see cref="ReadmeExample"/>), and the commands the prose quotes
/// with their output. Only trailing whitespace is ignored, and the timings the tool prints are masked.
/// </summary>
public class ReadmeExampleTests
{
    private static readonly string[] Readme = File.ReadAllLines(ReadmePath());

    private static readonly IReadOnlyList<ReadmeExample> Examples = ReadmeExample.All(Readme);

    /// <summary>README commands that are not run, and why.</summary>
    private static readonly Dictionary<string, string> NotCompared = new()
    {
        ["ibias plot \"sinh(w)\" --out sinh.svg"] = "it writes sinh.svg and the README shows no output",
        ["ibias analyze \"sinh(w)\" --json"] = "a benchmark row: the README gives the time of the run, not its output",
    };

    /// <summary>Commands the prose quotes, and the output line it quotes for them.</summary>
    private static readonly Dictionary<string, string> ProseOutputs = new()
    {
        ["ibias analyze \"tan(w)\" --domain \"(-pi/2,pi/2)\""] = "ρ(w) = tan(w) on (-pi/2,pi/2)",
        ["ibias expr integrate \"1/(w-2)^2\" --var w --from 0 --to 3"] =
            "error: the integral diverges: a pole at w = 2 (of 1/(2 - w)^2)",
    };

    /// <summary>
    /// Timings of the text output, masked ("#") in the README and the output alike. A timing in a table cell may set
    /// the width of its column, so output with such a table is compared cell by cell: padding and rules collapsed.
    /// </summary>
    private static readonly Regex[] Timings =
    [
        new(@"(?<=derived in )\d+(\.\d+)?(?= ms)"),
        new(@"(?<=│ flow seconds +│ )[0-9.E+-]+"),
        new(@"(?<=│ prediction +│ .*, )[0-9.E+-]+(?= s)"),
    ];

    private static readonly string[] FileOptions = ["--out", "--plot", "--problem"];

    private static string ReadmePath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ImplicitBias.Symbolic.sln")))
                return Path.Combine(folder.FullName, "README.md");
        throw new FileNotFoundException($"no ImplicitBias.Symbolic.sln above {AppContext.BaseDirectory}");
    }

    public static TheoryData<int, string> CodeExamples()
    {
        var data = new TheoryData<int, string>();
        foreach (var example in Examples.Where(e => !NotCompared.ContainsKey(e.Command)))
            data.Add(example.Line, example.Command);
        return data;
    }

    public static TheoryData<string> QuotedInProse() => [.. ProseOutputs.Keys];

    /// <summary>The commands the prose quotes with arguments (inline code may break across lines).</summary>
    private static List<string> ProseCommands()
    {
        var prose = string.Join(" ", Readme.Where((line, i) => !line.StartsWith("```", StringComparison.Ordinal)
            && !InCodeBlock(i)));
        return Regex.Matches(prose, "`(ibias [^`]*\"[^`]*)`").Select(m => m.Groups[1].Value).ToList();
    }

    private static bool InCodeBlock(int line) =>
        Readme.Take(line + 1).Count(l => l.StartsWith("```", StringComparison.Ordinal)) % 2 == 1;

    /// <summary>Output lines without trailing whitespace or trailing empty lines.</summary>
    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static List<string> Masked(IEnumerable<string> lines, bool layout) => lines
        .Select(l => Timings.Aggregate(l, (text, timing) => timing.Replace(text, "#")))
        .Select(l => layout ? Regex.Replace(Regex.Replace(l.Trim(), " {2,}", " "), "─+", "─") : l)
        .ToList();

    /// <summary>A shown line equals the printed one; "..." inside it stands for any text.</summary>
    private static bool Matches(string shown, string printed) => shown.Contains("...", StringComparison.Ordinal)
        ? Regex.IsMatch(printed, "^" + string.Join(".*", shown.Split("...").Select(Regex.Escape)) + "$")
        : shown == printed;

    [Theory]
    [MemberData(nameof(CodeExamples))]
    public void A_code_example_prints_what_the_readme_shows(int line, string command)
    {
        var example = Examples.Single(e => e.Line == line && e.Command == command);
        var run = Run(example.Arguments);
        var printed = Lines(run.Out + run.Error);
        bool error = example.Shown.Any(l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal(error ? ExitCodes.BadInput : ExitCodes.Success, run.ExitCode);
        bool layout = printed.Any(l => l.StartsWith('│') && Timings.Any(t => t.IsMatch(l)));
        var shown = Masked(example.Shown, layout);
        var actual = Masked(printed, layout);
        string whole = $"README.md line {line}, `{command}` prints:\n{string.Join("\n", printed)}";
        if (!example.Elided)
            Assert.True(shown.Count == actual.Count, $"{shown.Count} lines shown, {actual.Count} printed. {whole}");
        Assert.True(actual.Count >= shown.Count, $"{shown.Count} lines shown, only {actual.Count} printed. {whole}");
        for (int i = 0; i < shown.Count; i++)
            Assert.True(Matches(shown[i], actual[i]),
                $"output line {i + 1}: shown\n{shown[i]}\nprinted\n{actual[i]}\n{whole}");
    }

    [Theory]
    [MemberData(nameof(QuotedInProse))]
    public void A_command_quoted_in_prose_prints_the_quoted_line(string command)
    {
        var prose = string.Join(" ", Readme);
        Assert.Contains($"`{command}`", prose);
        Assert.Contains($"`{ProseOutputs[command]}`", prose);
        var run = Run(ReadmeExample.Words(command)[1..]);
        Assert.Contains(ProseOutputs[command], Lines(run.Out + run.Error).Select(l => l.Trim()));
    }

    [Fact]
    public void Every_command_quoted_in_prose_is_compared_or_says_why_not()
    {
        var prose = ProseCommands();
        foreach (var command in prose)
            Assert.True(ProseOutputs.ContainsKey(command) || NotCompared.ContainsKey(command)
                || Examples.Any(e => e.Command == command),
                $"README quotes `{command}`: add its output to ProseOutputs or the reason to NotCompared");
        foreach (var listed in ProseOutputs.Keys.Concat(NotCompared.Keys))
            Assert.True(prose.Contains(listed) || Examples.Any(e => e.Command == listed),
                $"README no longer has `{listed}`");
    }

    [Fact]
    public void Commands_that_write_files_or_read_problems_are_listed_as_not_compared()
    {
        var commands = ProseCommands().Concat(Examples.Select(e => e.Command));
        foreach (var command in commands.Where(c => ReadmeExample.Words(c).Intersect(FileOptions).Any()))
            Assert.True(NotCompared.ContainsKey(command),
                $"`{command}` uses files: list it in NotCompared, with the reason");
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("design")]
    [InlineData("verify")]
    [InlineData("expr")]
    public void The_readme_has_code_examples_of(string subcommand) =>
        Assert.Contains(Examples, e => e.Arguments[0] == subcommand);
}
