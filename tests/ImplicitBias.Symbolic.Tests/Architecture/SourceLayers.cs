using System.Text.RegularExpressions;

namespace ImplicitBias.Symbolic.Tests.Architecture;

/// <summary>
/// The layer of every type of src/ImplicitBias.Symbolic, read from the source tree at test time: a type belongs to the
/// folder of the file that declares it (namespaces cannot tell, since several folders put their public types in the
/// root namespace <c>ImplicitBias.Symbolic</c>). Files use file-scoped namespaces, so a top-level declaration starts
/// a line; nested and compiler-generated types belong to the top-level type that contains them.
/// </summary>
public sealed partial class SourceLayers
{
    private readonly Dictionary<string, Layer> byName;

    private SourceLayers(Dictionary<string, Layer> byName) => this.byName = byName;

    /// <summary>The folders of the library, first match wins (so Algebra/Calculus before Algebra).</summary>
    private static readonly (string Folder, Layer Layer)[] Folders =
    [
        ("Expressions/", Layer.Expressions),
        ("Compilation/", Layer.Compilation),
        ("Algebra/Calculus/", Layer.Calculus),
        ("Algebra/", Layer.Algebra),
        ("Analysis/", Layer.Analysis),
        ("Bias/", Layer.Bias),
        ("Models/", Layer.Models),
        ("Flow/", Layer.Flow),
    ];

    /// <summary>The table for the library's sources in this repository.</summary>
    public static SourceLayers Library { get; } = Read(Path.Combine(RepositoryRoot(), "src", "ImplicitBias.Symbolic"));

    /// <summary>Full metadata names of the declared top-level types (generic ones with their arity, as in
    /// <c>Name`1</c>).</summary>
    public IEnumerable<string> TypeNames => byName.Keys;

    /// <summary>The layer of a type of the library, null for a type the sources do not declare (another assembly,
    /// or a top-level type the compiler made).</summary>
    public Layer? LayerOf(Type type) =>
        byName.TryGetValue(Outermost(type).FullName ?? "", out var layer) ? layer : null;

    /// <summary>The top-level type that contains a nested one (lambdas' closures, iterators, nested records).</summary>
    public static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    private static SourceLayers Read(string root)
    {
        var table = new Dictionary<string, Layer>();
        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            var layer = LayerOfFile(file);
            var text = File.ReadAllText(Path.Combine(root, file));
            var ns = NamespaceLine().Match(text).Groups["name"].Value;
            foreach (Match m in TopLevelDeclaration().Matches(text))
                table.TryAdd($"{ns}.{m.Groups["name"].Value}{Arity(m.Groups["parameters"].Value)}", layer);
        }
        return new SourceLayers(table);
    }

    private static Layer LayerOfFile(string file)
    {
        foreach (var (folder, layer) in Folders)
            if (file.StartsWith(folder, StringComparison.Ordinal)) return layer;
        throw new InvalidOperationException($"{file} is in no layer: give its folder a row in SourceLayers.Folders");
    }

    private static string Arity(string parameters) =>
        parameters.Length == 0 ? "" : $"`{parameters.Count(c => c == ',') + 1}";

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ImplicitBias.Symbolic.sln")))
            dir = dir.Parent;
        return dir?.FullName
            ?? throw new InvalidOperationException("no ImplicitBias.Symbolic.sln above the test output");
    }

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|partial|readonly|ref|unsafe)\s+)*"
        + @"(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?|delegate\s+[\w<>\[\],.?\s]+?)\s+"
        + @"(?<name>\w+)\s*(?<parameters><[^>]*>)?", RegexOptions.Multiline)]
    private static partial Regex TopLevelDeclaration();
}
