namespace ImplicitBias.Cli;

/// <summary>The exit codes of <c>ibias</c>; scripts depend on them.</summary>
public static class ExitCodes
{
    /// <summary>The command ran.</summary>
    public const int Success = 0;
    /// <summary><c>verify</c> computed the flow and the prediction, and they disagree (or the
    /// flow did not converge).</summary>
    public const int Disagree = 1;
    /// <summary>Bad input: a syntax error, an unknown function, a bad or missing option,
    /// an unbound symbol, ….</summary>
    public const int BadInput = 2;
    /// <summary>An unexpected internal error (a bug in ibias or the library).</summary>
    public const int Internal = 3;
    /// <summary><c>sweep</c> was interrupted (Ctrl+C): the finished rows are kept, and a rerun resumes.</summary>
    public const int Interrupted = 130;
}
