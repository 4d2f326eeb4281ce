using System.Text;
using System.Text.Json;

namespace ImplicitBias.Cli.Infrastructure;

/// <summary>
/// <c>verify --init</c> with a <c>--problem</c> file: the option overrides the file's initial point. The file's
/// "w0", "x0", "init", "u0" and "v0" are dropped and "init" is set to the option's value; everything else is kept,
/// so the problem reader still checks and reports the rest of the file.
/// </summary>
internal static class ProblemStart
{
    /// <summary>The fields that give the initial point of a problem file.</summary>
    private static readonly string[] StartFields = ["w0", "x0", "init", "u0", "v0"];

    /// <summary>The options the problem reader parses with (comments and trailing commas are allowed).</summary>
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// The problem text with its initial point replaced by "init": <paramref name="init"/>; text that is not a JSON
    /// object comes back unchanged, for the problem reader to report.
    /// </summary>
    public static string WithInit(string json, double init)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, Options); }
        catch (JsonException) { return json; }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return json;
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var property in document.RootElement.EnumerateObject())
                    if (Array.IndexOf(StartFields, property.Name) < 0) property.WriteTo(writer);
                writer.WriteNumber("init", init);
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
