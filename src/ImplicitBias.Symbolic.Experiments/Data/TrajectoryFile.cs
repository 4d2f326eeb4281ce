using System.Globalization;
using CsvHelper;
using Parquet;
using Parquet.Schema;

namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// A sampled flow trajectory as a table in long form, one row per sample and coordinate: <c>sample</c>, <c>time</c>,
/// <c>loss</c>, <c>coordinate</c> (from 0) and <c>x</c>. Long form keeps the schema fixed whatever N is; pivot on
/// coordinate for one column per coordinate (pandas <c>pivot</c>, polars <c>pivot</c>, R <c>pivot_wider</c>).
/// </summary>
public static class TrajectoryFile
{
    /// <summary>Writes the samples as Parquet (.parquet) or CSV (.csv), atomically.</summary>
    /// <exception cref="SymbolicException">Another extension, or the file cannot be written.</exception>
    public static void Write(string path, IReadOnlyList<(double Time, double[] X, double Loss)> samples)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".parquet" or ".csv"))
            throw new SymbolicException($"{Path.GetFileName(path)}: a trajectory is written as .parquet or .csv");
        AtomicFile.Write(path, temporary =>
        {
            if (extension == ".csv") WriteCsv(temporary, samples);
            else WriteParquet(temporary, samples).GetAwaiter().GetResult();
        });
    }

    /// <summary>The column names, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["sample", "time", "loss", "coordinate", "x"];

    private static void WriteCsv(string path, IReadOnlyList<(double Time, double[] X, double Loss)> samples)
    {
        using var writer = new StreamWriter(path);
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, false);
        csv.WriteRecord(Columns.ToArray());
        for (int s = 0; s < samples.Count; s++)
            for (int n = 0; n < samples[s].X.Length; n++)
                csv.WriteRecord(
                [
                    S(s), R(samples[s].Time), R(samples[s].Loss), S(n), R(samples[s].X[n]),
                ]);
    }

    private static async Task WriteParquet(string path, IReadOnlyList<(double Time, double[] X, double Loss)> samples)
    {
        var fields = new DataField[]
        {
            new DataField<int>("sample"), new DataField<double>("time"), new DataField<double>("loss"),
            new DataField<int>("coordinate"), new DataField<double>("x"),
        };
        int rows = samples.Sum(s => s.X.Length);
        var (sample, time, loss, coordinate, x) =
            (new int[rows], new double[rows], new double[rows], new int[rows], new double[rows]);
        int r = 0;
        for (int s = 0; s < samples.Count; s++)
            for (int n = 0; n < samples[s].X.Length; n++, r++)
                (sample[r], time[r], loss[r], coordinate[r], x[r]) =
                    (s, samples[s].Time, samples[s].Loss, n, samples[s].X[n]);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<int>(fields[0], sample);
        await group.WriteAsync<double>(fields[1], time);
        await group.WriteAsync<double>(fields[2], loss);
        await group.WriteAsync<int>(fields[3], coordinate);
        await group.WriteAsync<double>(fields[4], x);
    }

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
