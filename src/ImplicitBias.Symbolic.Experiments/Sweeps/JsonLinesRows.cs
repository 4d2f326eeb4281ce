using System.Text;
using System.Text.Json;

namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// Rows as JSON Lines, one object per line with the columns of <see cref="SweepColumn.For"/>. It is also the
/// journal of a running sweep: each finished row is appended and flushed, so an interrupted run keeps its rows and a
/// rerun skips them.
/// </summary>
public static class JsonLinesRows
{
    /// <summary>One row as a line (no newline).</summary>
    public static string Line(SweepRow row, IReadOnlyList<SweepColumn> columns)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var column in columns)
            {
                json.WritePropertyName(column.Name);
                switch (column.Value(row))
                {
                    case null: json.WriteNullValue(); break;
                    case int i: json.WriteNumberValue(i); break;
                    case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
                    case double: json.WriteNullValue(); break;
                    case bool b: json.WriteBooleanValue(b); break;
                    case string s: json.WriteStringValue(s); break;
                    case var other: throw new InvalidOperationException($"column {column.Name} holds {other}");
                }
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The rows of a journal. A line cut short (a run killed while writing it: not complete JSON) is dropped, and
    /// its row is computed again; a complete JSON line that is not a row is an error naming the file and the line.
    /// </summary>
    /// <exception cref="SymbolicException">A line that is not a row.</exception>
    public static List<SweepRow> Read(string path, IReadOnlyList<string> parameters)
    {
        var rows = new List<SweepRow>();
        var lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            try { rows.Add(Parse(lines[i], parameters)); }
            catch (JsonException) { } // cut short
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                throw new SymbolicException($"{path}: line {i + 1} is not a sweep row: {e.Message}", e);
            }
        }
        return rows;
    }

    private static SweepRow Parse(string line, IReadOnlyList<string> parameters)
    {
        using var document = JsonDocument.Parse(line);
        var o = document.RootElement;
        double? Real(string name) => o.GetProperty(name).ValueKind == JsonValueKind.Null ? null
            : o.GetProperty(name).GetDouble();
        bool? Flag(string name) => o.GetProperty(name).ValueKind == JsonValueKind.Null ? null
            : o.GetProperty(name).GetBoolean();
        var values = new Dictionary<string, double>();
        foreach (var name in parameters)
            if (Real(name) is { } v) values[name] = v;
        return new SweepRow
        {
            Row = o.GetProperty("row").GetInt32(), Rho = o.GetProperty("rho").GetString()!,
            Difference = o.GetProperty("difference").GetBoolean(), Parameters = values,
            M = o.GetProperty("m").GetInt32(), N = o.GetProperty("n").GetInt32(), K = o.GetProperty("k").GetInt32(),
            Seed = o.GetProperty("seed").GetInt32(), Init = Real("init")!.Value, Noise = Real("noise")!.Value,
            Problem = o.GetProperty("problem").GetString(),
            TruthError = Real("truthError"), L1Distance = Real("l1Distance"), L2Distance = Real("l2Distance"),
            Success = Flag("success"), PredictionSeconds = Real("predictionSeconds"),
            FlowDifference = Real("flowDifference"), FlowSeconds = Real("flowSeconds"), FlowAgree = Flag("flowAgree"),
            Error = o.GetProperty("error").GetString(),
        };
    }
}
