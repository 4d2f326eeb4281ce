using ImplicitBias.Symbolic;
using ImplicitBias.Symbolic.Experiments;

namespace ImplicitBias.Cli.Infrastructure;

/// <summary>
/// Files the tool reads and writes: inputs must be regular files below a size limit; outputs are written to a
/// temporary file in the same folder and renamed over the target, so an existing file is never left truncated and a
/// full disk is an error line, not a half-written file.
/// </summary>
internal static class CliFiles
{
    /// <summary>Largest input file read (2 GB).</summary>
    public const long MaxInputBytes = 2_000_000_000;

    /// <summary>The text of a regular file of at most <see cref="MaxInputBytes"/> bytes.</summary>
    /// <exception cref="CliUsageException">It is missing, not a regular file, too large or unreadable.</exception>
    public static string ReadText(string what, string path)
    {
        try
        {
            if (Directory.Exists(path)) throw new CliUsageException($"cannot read the {what} '{path}': it is a folder");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            // pipes, sockets and devices cannot seek: their size is unknown and reading may never end
            if (!stream.CanSeek) throw new CliUsageException($"cannot read the {what} '{path}': not a regular file");
            if (stream.Length > MaxInputBytes)
                throw new CliUsageException($"cannot read the {what} '{path}': {stream.Length} bytes is over " +
                    $"the limit of {MaxInputBytes} bytes (2 GB)");
            return Bounded(stream, what, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException
            or NotSupportedException)
        {
            throw new CliUsageException($"cannot read the {what} '{path}': {e.Message}");
        }
    }

    // a device such as /dev/zero seeks and reports length 0, yet never ends: the limit holds for what is read
    private static string Bounded(Stream stream, string what, string path)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxInputBytes)
                throw new CliUsageException(
                    $"cannot read the {what} '{path}': over the limit of {MaxInputBytes} bytes (2 GB)");
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Checks, before any work, that the folder of an output path exists.</summary>
    /// <exception cref="CliUsageException">It does not.</exception>
    public static void RequireFolder(string option, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new CliUsageException($"{option} '{path}': the folder '{folder}' does not exist");
    }

    /// <summary>Writes through <paramref name="write"/> (given a path to write to) atomically onto path.</summary>
    /// <exception cref="CliUsageException">The folder is missing.</exception>
    /// <exception cref="SymbolicException">Writing or renaming failed (a full disk).</exception>
    public static void WriteAtomically(string path, Action<string> write)
    {
        RequireFolder("--out", path);
        AtomicFile.Write(path, write);
    }
}
