namespace ImplicitBias.Symbolic.Tests.Cli;

/// <summary>JSON output never carries NaN or Infinity: a non-finite double is null.</summary>
public class JsonNumberTests
{
    [Fact]
    public void Non_finite_doubles_are_written_as_null()
    {
        var value = new ImplicitBias.Cli.Commands.ValueJson(1, double.NaN, double.PositiveInfinity, -2.5);
        var text = System.Text.Json.JsonSerializer.Serialize(value,
            ImplicitBias.Cli.Infrastructure.CliOutput.Json.ValueJson);
        Assert.Equal("{\"x\":1,\"f\":null,\"df\":null,\"d2f\":-2.5}", text);
    }
}
