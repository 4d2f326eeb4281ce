namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>A command line being drawn: fixed words, options that appear by chance, and the positional input.</summary>
internal sealed class ArgumentList(RandomOptions options, params string[] command)
{
    private readonly List<string> _items = [.. command];
    private string? _positional;

    /// <summary>Appends the words.</summary>
    public ArgumentList Add(params string[] words)
    {
        _items.AddRange(words);
        return this;
    }

    /// <summary>Appends the option and its value with the given chance in percent (its value drawn anyway).</summary>
    public ArgumentList Sometimes(int percent, string option, string? value = null) =>
        options.Chance(percent) ? Add(value is null ? [option] : [option, value]) : this;

    /// <summary>The positional argument (an expression); one that starts with '-' goes last, after "--".</summary>
    public ArgumentList Input(string text)
    {
        _positional = text;
        return this;
    }

    /// <summary>The arguments, as the shell would pass them.</summary>
    public string[] ToArray()
    {
        if (_positional is null) return [.. _items];
        if (_positional.StartsWith('-')) return [.. _items, "--", _positional];
        int command = _items.TakeWhile(w => !w.StartsWith("--", StringComparison.Ordinal)).Count();
        return [.. _items.GetRange(0, command), _positional, .. _items.GetRange(command, _items.Count - command)];
    }
}
