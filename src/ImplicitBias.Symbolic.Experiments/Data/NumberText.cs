using System.Globalization;

namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// A number as the file messages and writers give it: round-trip digits, and "inf" and "-inf" as the core's messages
/// write them (the core's helper is internal to it).
/// </summary>
internal static class NumberText
{
    public static string Of(double v) => double.IsInfinity(v)
        ? (v > 0 ? "inf" : "-inf") : v.ToString("R", CultureInfo.InvariantCulture);
}
