namespace ImplicitBias.Symbolic.Experiments.Data;

/// <summary>
/// Reading and writing one file with every failure turned into a <see cref="SymbolicException"/> whose message
/// starts with the file's name ("p.npz: array \"y\" has 19 entries, expected 20 (one per row of A)"); writes are
/// atomic (a temporary file in the same folder, then renamed over the target).
/// </summary>
internal static class DataFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>The name messages use for a file: its name without the folder.</summary>
    public static string Name(string path) => Path.GetFileName(path);

    /// <summary>Opens the file for reading and runs <paramref name="read"/> on it.</summary>
    public static T Read<T>(string path, Func<FileStream, T> read) => Run(path, () =>
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        return read(stream);
    });

    /// <summary>Runs <paramref name="action"/>, naming <paramref name="path"/> in whatever it throws.</summary>
    public static T Run<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SymbolicException e)
        {
            throw new SymbolicException($"{Name(path)}: {e.Message}", e);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SymbolicException($"{Name(path)}: no such file ({Path.GetFullPath(path)})", e);
        }
        catch (EndOfStreamException e)
        {
            throw new SymbolicException($"{Name(path)}: the file ends too early (truncated?)", e);
        }
        catch (InvalidDataException e)
        {
            throw new SymbolicException($"{Name(path)}: the file is damaged ({e.Message})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SymbolicException($"{Name(path)}: cannot be read ({e.Message})", e);
        }
    }

    /// <summary>
    /// Writes the file atomically: <paramref name="write"/> fills a new temporary file next to it, which then
    /// replaces <paramref name="path"/>, so a failure never leaves a half-written target behind.
    /// </summary>
    public static void Write(string path, Action<FileStream> write) =>
        AtomicFile.Write(path, temporary =>
        {
            // ReadWrite: PureHDF's writer seeks back and reads what it wrote.
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
                BufferSize);
            try { write(stream); }
            catch (SymbolicException e) { throw new SymbolicException($"{Name(path)}: {e.Message}", e); }
            stream.Flush(flushToDisk: true);
        });

    /// <summary>Deletes the file if it is there.</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SymbolicException($"{Name(path)}: cannot be removed ({e.Message})", e);
        }
    }

    /// <summary>Deletes the file if it is there; a failure to delete a leftover is not worth an error.</summary>
    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the temporary file stays; the target itself is already complete or untouched
        }
    }
}
