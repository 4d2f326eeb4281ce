namespace ImplicitBias.Symbolic.Experiments;

/// <summary>Writes a file so that readers see the old content or the new, never a half-written file.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Runs <paramref name="write"/> on a temporary path next to <paramref name="path"/>, then renames it over
    /// <paramref name="path"/> (a rename within one folder is atomic). The temporary file is removed on failure.
    /// </summary>
    /// <exception cref="SymbolicException">The folder is missing, or writing or renaming failed (a full disk).
    /// </exception>
    public static void Write(string path, Action<string> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder))
            throw new SymbolicException(
                $"{Path.GetFileName(full)}: cannot be written (the folder {folder} does not exist)");
        var temporary = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp" +
            Path.GetExtension(full));
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SymbolicException($"{Path.GetFileName(full)}: cannot be written ({e.Message})", e);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
