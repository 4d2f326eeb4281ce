using System.Globalization;
using Tomlyn.Model;

namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>Typed access to a parsed TOML table, with errors that name the file, the table and the key.</summary>
internal sealed class TomlReader(string source)
{
    public SymbolicException Error(string table, string key, string problem) =>
        new($"{source}: {table} {key} {problem}");

    public void OnlyKeys(TomlTable table, string where, string[] known)
    {
        foreach (var key in table.Keys)
            if (Array.IndexOf(known, key) < 0)
                throw new SymbolicException($"{source}: unknown key \"{key}\" in {(where == "" ? "the spec" : where)}" +
                    $" (expected {string.Join(", ", known)})");
    }

    public TomlTable Table(TomlTable parent, string key, bool required, string where = "the spec")
    {
        if (!parent.TryGetValue(key, out var value))
            return required ? throw new SymbolicException($"{source}: {where} has no [{key}] table") : new TomlTable();
        return value as TomlTable ?? throw new SymbolicException($"{source}: {key} in {where} must be a table");
    }

    public List<TomlTable> TableArray(TomlTable parent, string key)
    {
        if (!parent.TryGetValue(key, out var value)) return [];
        return value switch
        {
            TomlTableArray array => array.ToList(),
            _ => throw new SymbolicException($"{source}: {key} must be an array of tables ([[{key}]])"),
        };
    }

    public string? Text(TomlTable table, string where, string key) =>
        !table.TryGetValue(key, out var value) ? null
        : value as string ?? throw Error(where, key, $"must be a string, found {Describe(value)}");

    public bool? Boolean(TomlTable table, string where, string key) =>
        !table.TryGetValue(key, out var value) ? null
        : value as bool? ?? throw Error(where, key, $"must be true or false, found {Describe(value)}");

    public double? Number(TomlTable table, string where, string key) =>
        !table.TryGetValue(key, out var value) ? null : AsNumber(value, where, key);

    /// <summary>A number or a list of numbers (a scalar is a list of one).</summary>
    public List<double> Numbers(TomlTable table, string where, string key) =>
        Items(table, key).Select(v => AsNumber(v, where, key)).ToList();

    /// <summary>An integer or a list of integers.</summary>
    public List<int> Integers(TomlTable table, string where, string key) =>
        Items(table, key).Select(v => v is long n && n is >= int.MinValue and <= int.MaxValue ? (int)n
            : throw Error(where, key, $"must hold integers, found {Describe(v)}")).ToList();

    /// <summary>A string or a list of strings, or null when absent.</summary>
    public List<string>? Texts(TomlTable table, string where, string key) =>
        !table.ContainsKey(key) ? null
        : Items(table, key)
            .Select(v => v as string ?? throw Error(where, key, $"must hold strings, found {Describe(v)}")).ToList();

    private static IEnumerable<object?> Items(TomlTable table, string key) =>
        !table.TryGetValue(key, out var value) ? [] : value is TomlArray array ? array : [value];

    private double AsNumber(object? value, string where, string key) => value switch
    {
        long n => n,
        double d when double.IsFinite(d) => d,
        _ => throw Error(where, key, $"must be a finite number, found {Describe(value)}"),
    };

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"the string \"{s}\"",
        bool b => b ? "true" : "false",
        long or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        TomlTable => "a table",
        TomlArray => "an array",
        _ => value.GetType().Name,
    };
}
