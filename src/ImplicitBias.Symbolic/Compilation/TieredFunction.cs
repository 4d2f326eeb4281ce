namespace ImplicitBias.Symbolic.Compilation;

/// <summary>
/// A function of one variable that is interpreted for its first calls and compiles itself once it is used more.
/// Checks at a few points (certification, sampling, end limits) never pay the fraction of a millisecond a compiled
/// delegate costs to build; evaluation and compilation agree bit for bit, so the switch is invisible.
/// </summary>
internal sealed class TieredFunction
{
    private const int InterpretedCalls = 64;

    private readonly Expr _expression;
    private readonly string _variable;
    private readonly IReadOnlyDictionary<string, double> _parameters;
    private Func<double, double>? _compiled;
    private int _calls;

    private TieredFunction(Expr expression, string variable, IReadOnlyDictionary<string, double> parameters)
    {
        _expression = expression;
        _variable = variable;
        _parameters = parameters;
    }

    /// <summary>The delegate; like Compile, it rejects a symbol that is neither the variable nor a parameter.</summary>
    /// <exception cref="EvaluationException">e has a symbol without a value.</exception>
    public static Func<double, double> Of(Expr e, string variable, IReadOnlyDictionary<string, double> parameters)
    {
        var missing = e.FreeSymbols().Where(s => s != variable && !parameters.ContainsKey(s)).ToList();
        if (missing.Count > 0)
            throw new EvaluationException(
                $"cannot compile: no variable or value for {string.Join(", ", missing.Select(m => $"'{m}'"))}");
        return new TieredFunction(e, variable, parameters).Invoke;
    }

    private double Invoke(double x)
    {
        var compiled = Volatile.Read(ref _compiled);
        if (compiled is not null) return compiled(x);
        if (Interlocked.Increment(ref _calls) > InterpretedCalls)
        {
            compiled = _expression.Compile(_variable, _parameters); // a race compiles twice, harmlessly
            Volatile.Write(ref _compiled, compiled);
            return compiled(x);
        }
        var bindings = new Dictionary<string, double>(_parameters) { [_variable] = x };
        return Evaluator.Evaluate(_expression, bindings);
    }
}
