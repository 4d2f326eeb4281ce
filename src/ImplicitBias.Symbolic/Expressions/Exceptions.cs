namespace ImplicitBias.Symbolic;

/// <summary>Base of the errors the symbolic library reports for bad input (never for its own bugs).</summary>
public class SymbolicException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SymbolicException(string message) : base(message) { }
    /// <summary>Creates the exception with a cause.</summary>
    public SymbolicException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>Text that is not a valid expression, with the 1-based column where parsing stopped.</summary>
public sealed class ParseException : SymbolicException
{
    /// <summary>Creates the exception.</summary>
    public ParseException(string input, int column, string problem)
        : base($"column {column}: {problem}")
    {
        Input = input;
        Column = column;
        Problem = problem;
    }
    /// <summary>The text being parsed.</summary>
    public string Input { get; }
    /// <summary>1-based column of the offending character (Input.Length + 1 for the end).</summary>
    public int Column { get; }
    /// <summary>What was wrong or expected, without the position.</summary>
    public string Problem { get; }
}

/// <summary>An expression nested deeper than <see cref="Expr.MaxDepth"/>.</summary>
public sealed class ExpressionTooDeepException : SymbolicException
{
    /// <summary>Creates the exception.</summary>
    public ExpressionTooDeepException(int limit) : base($"expression nested deeper than {limit} levels") { }
}

/// <summary>An expression that cannot be evaluated or compiled as asked (unbound symbol, …).</summary>
public sealed class EvaluationException : SymbolicException
{
    /// <summary>Creates the exception.</summary>
    public EvaluationException(string message) : base(message) { }
}
