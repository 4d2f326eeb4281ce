namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>The seeded sources one subcommand's cases are drawn from, and the folder its output files go to.</summary>
internal sealed class FuzzInputs
{
    /// <summary>Draws with the given seed; files are written below <paramref name="folder"/>.</summary>
    public FuzzInputs(int seed, string folder)
    {
        var random = new Random(seed);
        Expressions = new RandomExpressions(random);
        Options = new RandomOptions(random);
        Folder = folder;
    }

    /// <summary>Random expression text.</summary>
    public RandomExpressions Expressions { get; }

    /// <summary>Random option values.</summary>
    public RandomOptions Options { get; }

    /// <summary>Where output files go.</summary>
    public string Folder { get; }

    /// <summary>A new command line starting with the given words.</summary>
    public ArgumentList Command(params string[] words) => new(Options, words);

    /// <summary>The usual variable w, sometimes x.</summary>
    public string Variable() => Options.Chance(85) ? "w" : "x";
}
