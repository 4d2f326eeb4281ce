using System.CommandLine;
using ImplicitBias.Cli;
using ImplicitBias.Cli.Infrastructure;
using ImplicitBias.Symbolic.Tests.Cli.Fuzz;
using ImplicitBias.Symbolic.Tests.Support;
using Xunit.Abstractions;

namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary>
/// Seeded random input for every subcommand of ibias (issue 11, item 5): structured random expressions, singular
/// ones, deep chains and extreme constants, with random domains and options. Every case must keep the output
/// contract (<see cref="CliContract"/>) and finish within 10 s. The default run draws a few hundred cases;
/// IBIAS_HEAVY=1 draws many more. Each row prints its mean and worst time per case.
/// </summary>
public sealed class CliFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ibias-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Subcommand, cases, seed of the default run.</summary>
    public static TheoryData<string, int, int> Default => new()
    {
        { "expr simplify", 60, 101 },
        { "expr diff", 60, 102 },
        { "expr eval", 60, 103 },
        { "expr latex", 40, 104 },
        { "expr together", 40, 105 },
        { "expr cancel", 40, 106 },
        { "expr factor", 40, 107 },
        { "expr expand", 40, 108 },
        { "expr apart", 40, 109 },
        { "expr integrate", 60, 110 },
        { "expr solve", 40, 111 },
        { "analyze", 60, 112 },
        { "design", 40, 113 },
        { "plot", 20, 114 },
        { "verify", 15, 115 },
        { "problem generate", 30, 116 },
        { "sweep", 15, 117 },
        { "sweep merge", 15, 118 },
    };

    /// <summary>Subcommand, cases, seed of the heavy run.</summary>
    public static TheoryData<string, int, int> Heavy => new()
    {
        { "expr simplify", 2000, 201 },
        { "expr diff", 2000, 202 },
        { "expr eval", 2000, 203 },
        { "expr latex", 1000, 204 },
        { "expr together", 1000, 205 },
        { "expr cancel", 1000, 206 },
        { "expr factor", 1000, 207 },
        { "expr expand", 1000, 208 },
        { "expr apart", 1000, 209 },
        { "expr integrate", 2000, 210 },
        { "expr solve", 1000, 211 },
        { "analyze", 1000, 212 },
        { "design", 1000, 213 },
        { "plot", 300, 214 },
        { "verify", 150, 215 },
        { "problem generate", 500, 216 },
        { "sweep", 150, 217 },
        { "sweep merge", 150, 218 },
    };

    [Theory]
    [MemberData(nameof(Default))]
    public void Random_input_keeps_the_output_contract(string subcommand, int cases, int seed) =>
        Fuzz(subcommand, cases, seed);

    [HeavyTheory]
    [Trait("Category", "Heavy")]
    [MemberData(nameof(Heavy))]
    public void Random_input_keeps_the_output_contract_heavy(string subcommand, int cases, int seed) =>
        Fuzz(subcommand, cases, seed);

    private static string Chain(string f, int levels, string inner) =>
        string.Concat(Enumerable.Repeat(f + "(", levels)) + inner + new string(')', levels);

    /// <summary>Inputs the fuzzer found breaking the contract (what they did before the fix in the comment).</summary>
    public static TheoryData<string[]> Found => new()
    {
        new[] { "expr", "diff", Chain("sin", 598, "w"), "--var", "w" }, // 28 s: Differentiator, cubic in the depth
        new[] { "expr", "diff", Chain("acos", 400, "w"), "--var", "w", "--json" }, // 8 s
        new[] { "expr", "diff", Chain("tan", 300, "x"), "--var", "x", "--assume", "x<0", "--json" },
        new[] { "expr", "solve", Chain("acosh", 568, "w + 0"), "--var", "w", "--for", "y", "--json" }, // 24 s
        new[] { "design", "exp(x)", "--domain", "(-inf,0)", "--assume", "0<x<pi/2" }, // exit 3: contradiction
    };

    [Theory]
    [MemberData(nameof(Found))]
    public void Inputs_found_by_fuzzing_keep_the_contract(string[] args)
    {
        var run = TimedRun.Of(args);
        Assert.True(CliContract.Violation(run) is null, $"{run.Display}: {CliContract.Violation(run)}");
    }

    [Fact]
    public void Every_subcommand_has_a_generator_and_a_row_in_both_runs()
    {
        var leaves = Leaves(CliApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, Debug: false)), "")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(leaves, SubcommandGenerators.All.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(leaves, Default.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
        Assert.Equal(leaves, Heavy.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    /// <summary>Every command that runs (a leaf, or one with subcommands and an action of its own, as sweep).</summary>
    private static IEnumerable<string> Leaves(Command command, string path) =>
        (command.Action is not null && path.Length > 0 ? [path] : Enumerable.Empty<string>())
            .Concat(command.Subcommands.SelectMany(c => Leaves(c, path.Length == 0 ? c.Name : $"{path} {c.Name}")));

    private void Fuzz(string subcommand, int cases, int seed)
    {
        var inputs = new FuzzInputs(seed, _folder);
        var generate = SubcommandGenerators.All[subcommand];
        var session = new FuzzSession(subcommand, output);
        for (int i = 0; i < cases; i++) session.Case(generate(inputs));
        session.AssertClean();
    }
}
