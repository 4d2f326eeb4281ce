using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// The NumPy .npy format, versions 1.0, 2.0 and 3.0: the magic "\x93NUMPY", the version, the header length (2 bytes
/// in 1.0, 4 after), a Python dict literal <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3, 5), }</c>
/// padded with spaces, then the data. Reads the little-endian real types '&lt;f8', '&lt;f4', '&lt;i8', '&lt;i4' (and
/// byte strings '|S…' for scipy's "format"), in C or Fortran order; writes version 1.0, C order. The header's claim
/// is checked against what the stream holds before the data is allocated.
/// </summary>
internal static partial class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // numpy refuses headers over 10 000 bytes by default; a header far beyond that is not a numeric array.
    private const int MaxHeaderLength = 1 << 16;

    // Data arrives in chunks, so a header (or a zip entry) that lies about the size costs what is really there.
    private const int ChunkBytes = 1 << 24;

    /// <summary>Reads a numeric array.</summary>
    /// <param name="stream">Positioned at the magic.</param>
    /// <param name="available">How many bytes the stream claims to hold from here.</param>
    /// <param name="name">The array's name in the problem.</param>
    /// <param name="label">How messages call it (<c>array "y"</c>).</param>
    public static NamedArray Read(Stream stream, long available, string name, string label)
    {
        var header = ReadHeader(stream, label);
        var (size, integer) = header.Descr switch
        {
            "<f8" => (8, false),
            "<f4" => (4, false),
            "<i8" => (8, true),
            "<i4" => (4, true),
            _ => throw new SymbolicException(UnsupportedType(label, header.Descr)),
        };
        long count = ElementCount(header.Shape, label);
        var chunks = ReadData(stream, count * size, available - header.Length, label, header);
        var values = new double[count];
        int index = 0;
        foreach (var chunk in chunks)
        {
            Decode(chunk, values.AsSpan(index, chunk.Length / size), header.Descr);
            index += chunk.Length / size;
        }
        if (header.FortranOrder) values = ToCOrder(values, header.Shape, label);
        return new NamedArray(name, label, header.Shape, values, integer);
    }

    /// <summary>Reads a single byte string ('|S3' in scipy's "format": b'csr') or a Unicode one ('&lt;U3').</summary>
    public static string ReadText(Stream stream, long available, string label)
    {
        var header = ReadHeader(stream, label);
        bool bytes = header.Descr.StartsWith("|S", StringComparison.Ordinal);
        bool unicode = header.Descr.StartsWith("<U", StringComparison.Ordinal);
        if (!(bytes || unicode) || !int.TryParse(header.Descr.AsSpan(2), CultureInfo.InvariantCulture, out int width)
            || width < 1 || width > 64)
            throw new SymbolicException($"{label} has dtype '{header.Descr}'; expected a short string such as b'csr'");
        if (ElementCount(header.Shape, label) != 1)
            throw new SymbolicException(
                $"{label} has shape {NamedArray.ShapeString(header.Shape)}; expected one string");
        int size = unicode ? 4 * width : width;
        var data = ReadData(stream, size, available - header.Length, label, header).Single();
        string text = unicode ? Encoding.UTF32.GetString(data) : Encoding.Latin1.GetString(data);
        return text.TrimEnd('\0');
    }

    /// <summary>Writes '&lt;f8' values in C order.</summary>
    public static void Write(Stream stream, ReadOnlySpan<double> values, params long[] shape)
    {
        WriteHeader(stream, "<f8", shape);
        var buffer = new byte[8 * Math.Min(values.Length, 8192)];
        for (int start = 0; start < values.Length; start += 8192)
        {
            var part = values.Slice(start, Math.Min(8192, values.Length - start));
            for (int i = 0; i < part.Length; i++)
                BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(8 * i), part[i]);
            stream.Write(buffer, 0, 8 * part.Length);
        }
    }

    /// <summary>Writes '&lt;i4' values (scipy's indices and indptr), C order.</summary>
    public static void Write(Stream stream, ReadOnlySpan<int> values, params long[] shape)
    {
        WriteHeader(stream, "<i4", shape);
        var buffer = new byte[4 * values.Length];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(4 * i), values[i]);
        stream.Write(buffer);
    }

    /// <summary>Writes '&lt;i8' values (scipy's shape), C order.</summary>
    public static void Write(Stream stream, ReadOnlySpan<long> values, params long[] shape)
    {
        WriteHeader(stream, "<i8", shape);
        var buffer = new byte[8 * values.Length];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(8 * i), values[i]);
        stream.Write(buffer);
    }

    /// <summary>Writes a 0-d byte string ('|S3' for b'csr').</summary>
    public static void WriteText(Stream stream, string ascii)
    {
        WriteHeader(stream, $"|S{ascii.Length}");
        stream.Write(Encoding.ASCII.GetBytes(ascii));
    }

    private sealed record Header(string Descr, bool FortranOrder, long[] Shape, long Length);

    private static Header ReadHeader(Stream stream, string label)
    {
        Span<byte> prefix = stackalloc byte[8];
        if (!TryFill(stream, prefix) || !prefix[..6].SequenceEqual(Magic))
            throw new SymbolicException($"{label} is not a NumPy .npy array (no \\x93NUMPY magic)");
        int major = prefix[6];
        if (major is < 1 or > 3)
            throw new SymbolicException(
                $"{label} has .npy format version {major}.{prefix[7]}; expected 1.0, 2.0 or 3.0");
        Span<byte> lengthBytes = stackalloc byte[4];
        var lengthField = lengthBytes[..(major == 1 ? 2 : 4)];
        if (!TryFill(stream, lengthField)) throw new SymbolicException($"{label} is truncated inside its header");
        long length = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthField)
            : BinaryPrimitives.ReadUInt32LittleEndian(lengthField);
        if (length > MaxHeaderLength)
            throw new SymbolicException($"{label} has a header of {length} bytes (at most {MaxHeaderLength})");
        var text = new byte[length];
        if (!TryFill(stream, text)) throw new SymbolicException($"{label} is truncated inside its header");
        var (descr, fortran, shape) = ParseHeader(Encoding.UTF8.GetString(text), label);
        return new Header(descr, fortran, shape, 8 + lengthField.Length + length);
    }

    private static (string Descr, bool FortranOrder, long[] Shape) ParseHeader(string text, string label)
    {
        var match = HeaderPattern().Match(text);
        var keys = KeyPattern().Matches(text).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
        if (!match.Success || !keys.SequenceEqual(["descr", "fortran_order", "shape"]))
            throw new SymbolicException(
                $"{label} has a header that is not a plain array's ({text.Trim()}); structured dtypes are not read");
        var shape = new List<long>();
        foreach (var part in match.Groups["shape"].Value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0) continue;
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long dimension))
                throw new SymbolicException($"{label} has a bad shape ({match.Groups["shape"].Value})");
            shape.Add(dimension);
        }
        return (match.Groups["descr"].Value, match.Groups["fortran"].Value == "True", [.. shape]);
    }

    [GeneratedRegex(@"^\s*\{(?=.*'descr'\s*:\s*'(?<descr>[^']*)')(?=.*'fortran_order'\s*:\s*(?<fortran>True|False))"
        + @"(?=.*'shape'\s*:\s*\((?<shape>[^()]*)\)).*\}\s*$", RegexOptions.Singleline)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"'(\w+)'\s*:")]
    private static partial Regex KeyPattern();

    private static long ElementCount(long[] shape, string label)
    {
        long count = 1;
        foreach (long dimension in shape)
        {
            count = dimension == 0 ? 0 : count <= Array.MaxLength / dimension ? count * dimension : long.MaxValue;
            if (count > Array.MaxLength)
                throw new SymbolicException(
                    $"{label} has shape {NamedArray.ShapeString(shape)}, more than {Array.MaxLength} entries");
        }
        return count;
    }

    /// <summary>The data in chunks of at most <see cref="ChunkBytes"/>, each a whole number of elements.</summary>
    private static List<byte[]> ReadData(Stream stream, long bytes, long available, string label, Header header)
    {
        if (bytes > available)
            throw new SymbolicException(Truncated(label, header, bytes, available));
        var chunks = new List<byte[]>();
        for (long done = 0; done < bytes;)
        {
            var chunk = new byte[Math.Min(ChunkBytes, bytes - done)];
            int read = stream.ReadAtLeast(chunk, chunk.Length, throwOnEndOfStream: false);
            if (read < chunk.Length) throw new SymbolicException(Truncated(label, header, bytes, done + read));
            chunks.Add(chunk);
            done += chunk.Length;
        }
        return chunks;
    }

    private static string Truncated(string label, Header header, long needed, long available) =>
        $"{label} is truncated: shape {NamedArray.ShapeString(header.Shape)} of '{header.Descr}' needs {needed} "
        + $"bytes of data, the file has {Math.Max(0, available)}";

    private static string UnsupportedType(string label, string descr) => descr.Length > 0 && descr[0] == '>'
        ? $"{label} has dtype '{descr}', big-endian; save it little-endian (a.astype('<f8'))"
        : $"{label} has dtype '{descr}'; expected a real float or integer type ('<f8', '<f4', '<i8' or '<i4')";

    private static void Decode(ReadOnlySpan<byte> bytes, Span<double> values, string descr)
    {
        switch (descr)
        {
            case "<f8":
                for (int i = 0; i < values.Length; i++)
                    values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]);
                break;
            case "<f4":
                for (int i = 0; i < values.Length; i++)
                    values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
                break;
            case "<i8":
                for (int i = 0; i < values.Length; i++)
                    values[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(8 * i)..]);
                break;
            default:
                for (int i = 0; i < values.Length; i++)
                    values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]);
                break;
        }
    }

    /// <summary>Fortran order to C order; only 2-d arrays differ (0-d and 1-d are the same in both).</summary>
    private static double[] ToCOrder(double[] values, long[] shape, string label)
    {
        if (shape.Length < 2) return values;
        if (shape.Length > 2)
            throw new SymbolicException($"{label} has shape {NamedArray.ShapeString(shape)}; expected a 2-d matrix");
        var c = new double[values.Length];
        long rows = shape[0], columns = shape[1];
        for (long i = 0; i < rows; i++)
            for (long j = 0; j < columns; j++)
                c[i * columns + j] = values[j * rows + i];
        return c;
    }

    private static void WriteHeader(Stream stream, string descr, params long[] shape)
    {
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {NamedArray.ShapeString(shape)}, }}";
        // numpy pads the header with spaces and a newline so that the data starts at a multiple of 64 bytes
        int length = dict.Length + 1;
        length += (64 - (10 + length) % 64) % 64;
        var header = new byte[10 + length];
        Magic.CopyTo(header, 0);
        header[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), (ushort)length);
        Encoding.ASCII.GetBytes(dict.PadRight(length - 1) + "\n", header.AsSpan(10));
        stream.Write(header);
    }

    private static bool TryFill(Stream stream, Span<byte> buffer) =>
        stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;
}
