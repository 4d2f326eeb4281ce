using System.Text;
using System.Text.Json;

namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// The JSON problem layout of <see cref="Problem.FromJson"/>: <c>{"A": [[...], ...], "y": [...]}</c> with the
/// optional "truth", "w0", "x0", "u0", "v0" (arrays) and "init" (a number), and the ignored "name", "description" and
/// "comment"; any other field is an error (most likely a typo). Comments and trailing commas are allowed. Written
/// with one row of A per line.
/// </summary>
internal static class JsonProblemFormat
{
    private static readonly string[] Known =
        ["A", "y", .. ProblemArrays.VectorNames, "init", "name", "description", "comment"];

    /// <summary>Reads the problem's arrays from JSON text.</summary>
    public static ProblemArrays Read(Stream stream)
    {
        using var document = Parse(stream);
        var fields = Fields(document.RootElement);
        if (!fields.TryGetValue("A", out var aElement))
            throw new SymbolicException("no \"A\" (the M×N matrix, an array of rows)");
        var a = Matrix(aElement);
        if (!fields.TryGetValue("y", out var yElement))
            throw new SymbolicException("no \"y\" (the data, one entry per row of A)");
        var y = Vector(yElement, "y", a.Rows, "one per row of A");
        var vectors = new Dictionary<string, double[]>();
        foreach (var name in ProblemArrays.VectorNames)
            if (fields.TryGetValue(name, out var element))
                vectors[name] = Vector(element, name, a.Columns, "one per column of A");
        double? init = fields.TryGetValue("init", out var initElement) ? Number(initElement, "init") : null;
        return ProblemArrays.Create(a, y, vectors, init);
    }

    /// <summary>Writes the arrays (a CSR A made dense), numbers in their shortest round-trip form.</summary>
    public static void Write(Stream stream, ProblemArrays arrays)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var a = arrays.A.ToDense();
        int columns = arrays.A.Columns;
        text.WriteLine("{");
        text.WriteLine("  \"A\": [");
        for (int i = 0; i < arrays.A.Rows; i++)
        {
            string comma = i + 1 < arrays.A.Rows ? "," : "";
            text.WriteLine($"    {List(a.AsSpan(i * columns, columns).ToArray())}{comma}");
        }
        text.Write("  ]");
        text.Write($",\n  \"y\": {List(arrays.Y)}");
        foreach (var name in ProblemArrays.VectorNames)
            if (arrays.Vector(name) is { } vector) text.Write($",\n  \"{name}\": {List(vector)}");
        if (arrays.Init is { } init) text.Write($",\n  \"init\": {NumberText.Of(init)}");
        text.WriteLine("\n}");
    }

    private static JsonDocument Parse(Stream stream)
    {
        try
        {
            return JsonDocument.Parse(stream,
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new SymbolicException($"not valid JSON: {e.Message}", e);
        }
    }

    private static Dictionary<string, JsonElement> Fields(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new SymbolicException(
                $"the problem must be a JSON object such as {{\"A\": [[...]], \"y\": [...]}}, found {root.ValueKind}");
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (Array.IndexOf(Known, property.Name) < 0)
                throw new SymbolicException(
                    $"unknown field \"{property.Name}\" (expected {string.Join(", ", Known.Select(f => $"\"{f}\""))})");
            if (!fields.TryAdd(property.Name, property.Value))
                throw new SymbolicException($"the field \"{property.Name}\" appears twice");
        }
        return fields;
    }

    private static DenseMatrix Matrix(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
            throw new SymbolicException("\"A\" must be a non-empty array of rows (arrays of numbers)");
        int rows = element.GetArrayLength(), columns = -1, i = 0;
        var values = new List<double>();
        foreach (var row in element.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array)
                throw new SymbolicException($"row {i} of A is not an array of numbers (found {row.ValueKind})");
            int length = row.GetArrayLength();
            if (columns < 0) columns = length;
            else if (length != columns)
                throw new SymbolicException($"row {i} of A has {length} entries, expected {columns}");
            int j = 0;
            foreach (var entry in row.EnumerateArray()) values.Add(Number(entry, $"A[{i}][{j++}]"));
            i++;
        }
        return new DenseMatrix(rows, columns, values.ToArray());
    }

    private static double[] Vector(JsonElement element, string name, int expected, string hint)
    {
        if (element.ValueKind != JsonValueKind.Array)
            throw new SymbolicException($"\"{name}\" must be an array of numbers, found {element.ValueKind}");
        var values = element.EnumerateArray().Select((entry, i) => Number(entry, $"{name}[{i}]")).ToArray();
        if (values.Length != expected)
            throw new SymbolicException($"{name} has {values.Length} entries, expected {expected} ({hint})");
        return values;
    }

    private static double Number(JsonElement element, string label) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out double v) && double.IsFinite(v)
            ? v : throw new SymbolicException($"{label} is not a finite number (found {element.GetRawText()})");

    private static string List(IEnumerable<double> values) => $"[{string.Join(", ", values.Select(NumberText.Of))}]";
}
