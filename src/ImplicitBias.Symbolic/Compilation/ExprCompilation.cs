using ImplicitBias.Symbolic.Compilation;
using Linq = System.Linq.Expressions;

namespace ImplicitBias.Symbolic;

/// <summary>Evaluates input spans into output spans with one compiled function.</summary>
public delegate void BatchFunction(ReadOnlySpan<double> input, Span<double> output);

/// <summary>Compiles expressions into fast, thread-safe delegates.</summary>
public static class ExprCompilation
{
    /// <summary>A delegate computing e as a function of <paramref name="variable"/>;
    /// every other symbol must be bound.</summary>
    /// <exception cref="EvaluationException">e has a symbol other than the variable.</exception>
    public static Func<double, double> Compile(this Expr e, string variable) =>
        e.Compile(variable, new Dictionary<string, double>());

    /// <summary>A delegate of <paramref name="variable"/> with the other symbols fixed to
    /// <paramref name="parameters"/>.</summary>
    public static Func<double, double> Compile(this Expr e, string variable,
        IReadOnlyDictionary<string, double> parameters)
    {
        var x = Linq.Expression.Parameter(typeof(double), variable);
        var symbols = parameters.ToDictionary(p => p.Key, p => (Linq.Expression)Linq.Expression.Constant(p.Value));
        symbols[variable] = x;
        return Linq.Expression.Lambda<Func<double, double>>(ExprCompiler.Body(e, symbols), x).Compile();
    }

    /// <summary>
    /// A delegate for a few evaluations (checks at sample points): interpreted at first, compiled once it is called
    /// often (see <see cref="TieredFunction"/>).
    /// </summary>
    internal static Func<double, double> CompileForChecks(this Expr e, string variable,
        IReadOnlyDictionary<string, double>? parameters = null) =>
        TieredFunction.Of(e, variable, parameters ?? new Dictionary<string, double>());

    /// <summary>
    /// A delegate bounding, to first order, the rounding error of evaluating e in doubles: 64·ε·M(e) where M replaces
    /// every sum by the sum of its terms' bounds (so cancellation shows: x − sin x near 0 is evaluated far less
    /// accurately than its value), products and positive integer powers by the products of their factors' bounds, and
    /// anything else by its magnitude. Compare two evaluations of equal expressions to within their bounds.
    /// </summary>
    public static Func<double, double> CompileRoundingBound(this Expr e, string variable,
        IReadOnlyDictionary<string, double>? parameters = null)
    {
        var magnitude = MagnitudeBound(e).Compile(variable, parameters ?? new Dictionary<string, double>());
        return x => 64 * MachineEpsilon * magnitude(x);
    }

    /// <summary>The spacing of doubles at 1.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    private static Expr MagnitudeBound(Expr e) => e switch
    {
        Sum s => Expr.Add(s.Terms.Select(MagnitudeBound)),
        Product p => Expr.Multiply(p.Factors.Select(MagnitudeBound)),
        Power { Exponent: Number { Value: { IsInteger: true } k } } pw when k.Sign > 0
            => Expr.Pow(MagnitudeBound(pw.Base), pw.Exponent),
        _ => Expr.Abs(e),
    };

    /// <summary>A delegate of two variables, e.g. f(x, β).</summary>
    public static Func<double, double, double> Compile(this Expr e, string first, string second)
    {
        var x = Linq.Expression.Parameter(typeof(double), first);
        var y = Linq.Expression.Parameter(typeof(double), second);
        var symbols = new Dictionary<string, Linq.Expression> { [first] = x, [second] = y };
        return Linq.Expression.Lambda<Func<double, double, double>>(ExprCompiler.Body(e, symbols), x, y).Compile();
    }

    /// <summary>A delegate over several variables, passed in the order given.</summary>
    public static Func<double[], double> CompileVector(this Expr e, params string[] variables)
    {
        var array = Linq.Expression.Parameter(typeof(double[]), "values");
        var symbols = new Dictionary<string, Linq.Expression>();
        for (int i = 0; i < variables.Length; i++)
            symbols[variables[i]] = Linq.Expression.ArrayIndex(array, Linq.Expression.Constant(i));
        var compiled = Linq.Expression.Lambda<Func<double[], double>>(ExprCompiler.Body(e, symbols), array).Compile();
        int count = variables.Length;
        return values => values.Length == count
            ? compiled(values)
            : throw new ArgumentException(
                $"expected {count} values ({string.Join(", ", variables)}), got {values.Length}", nameof(values));
    }

    /// <summary>A batch delegate: output[i] = e(input[i]).</summary>
    public static BatchFunction CompileBatch(this Expr e, string variable) => Batch(e.Compile(variable));

    /// <summary>A batch delegate with the other symbols fixed.</summary>
    public static BatchFunction CompileBatch(this Expr e, string variable,
        IReadOnlyDictionary<string, double> parameters) =>
        Batch(e.Compile(variable, parameters));

    private static BatchFunction Batch(Func<double, double> f) => (input, output) =>
    {
        if (output.Length < input.Length) throw new ArgumentException("output is shorter than input", nameof(output));
        for (int i = 0; i < input.Length; i++) output[i] = f(input[i]);
    };
}
