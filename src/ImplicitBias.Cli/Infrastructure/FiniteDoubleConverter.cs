using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImplicitBias.Cli.Infrastructure;

/// <summary>
/// Doubles in the JSON output: a non-finite value (a flow that blew up) is written as null, never as the strings
/// "NaN" or "Infinity" that JSON readers reject or take for text; the text output names such values.
/// </summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override bool HandleNull => false;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
