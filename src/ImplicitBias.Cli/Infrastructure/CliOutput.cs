using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ImplicitBias.Cli.Infrastructure;

/// <summary>Result output: plain text for people, one JSON object (camelCase, one line) for scripts.</summary>
internal static class CliOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Keep '+', '<', '>' and non-ASCII readable; the output goes to a terminal or a pipe, never into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // a non-finite number (a flow that blew up) is written as null rather than failing the whole output
        Converters = { new FiniteDoubleConverter() },
    };

    /// <summary>Source-generated metadata (no reflection at startup), with the options above.</summary>
    public static CliJsonContext Json { get; } = new(Options);

    /// <summary>Writes one JSON object on one line.</summary>
    public static int WriteJson<T>(CliContext context, T value, JsonTypeInfo<T> type)
    {
        context.Out.WriteLine(JsonSerializer.Serialize(value, type));
        return ExitCodes.Success;
    }

    /// <summary>Writes a line of plain text.</summary>
    public static int WriteText(CliContext context, string text)
    {
        context.Out.WriteLine(text);
        return ExitCodes.Success;
    }

    /// <summary>Shortest round-trip form of a double, invariant culture ("NaN", "Infinity",
    /// "-Infinity" when not finite).</summary>
    public static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>JSON of the commands that produce an expression (simplify, diff, latex).</summary>
/// <param name="Input">The expression text as given.</param>
/// <param name="Result">The result in text form (parses back to the same expression).</param>
/// <param name="Latex">The result as LaTeX.</param>
internal sealed record ExprJson(string Input, string Result, string Latex);

/// <summary>JSON of <c>expr eval</c>.</summary>
/// <param name="Input">The expression text as given.</param>
/// <param name="Value">The value; null when it is not finite (see <paramref name="Note"/>).</param>
/// <param name="Note">Present only when <paramref name="Value"/> is null: "NaN", "+Infinity"
/// or "-Infinity" and why.</param>
internal sealed record EvalJson(
    string Input,
    double? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);

/// <summary>Every type the CLI writes as JSON. Add new result records here.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ExprJson))]
[JsonSerializable(typeof(EvalJson))]
[JsonSerializable(typeof(ImplicitBias.Cli.Commands.IntegrateJson))]
[JsonSerializable(typeof(ImplicitBias.Cli.Commands.IntegrationStepJson))]
[JsonSerializable(typeof(ImplicitBias.Cli.Commands.SolveJson))]
[JsonSerializable(typeof(ImplicitBias.Cli.Commands.AnalyzeJson))]
[JsonSerializable(typeof(List<ImplicitBias.Cli.Commands.CatalogRowJson>))]
[JsonSerializable(typeof(ImplicitBias.Cli.Commands.DesignJson))]
[JsonSerializable(typeof(ImplicitBias.Cli.Commands.PlotJson))]
[JsonSerializable(typeof(ImplicitBias.Cli.Commands.VerifyJson))]
[JsonSerializable(typeof(ImplicitBias.Cli.Commands.SweepJson))]
[JsonSerializable(typeof(ImplicitBias.Cli.Commands.GeneratedProblemJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
