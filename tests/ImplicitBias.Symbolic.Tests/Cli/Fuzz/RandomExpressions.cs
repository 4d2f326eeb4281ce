using System.Globalization;

namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>
/// Seeded random expression text in one variable (and the parameter beta): trees over every function the parser
/// knows, expressions singular inside the usual domains (poles, log of negatives, asin beyond ±1, …), chains of one
/// function up to <see cref="Expr.MaxDepth"/> levels deep, extreme constants, and a few mutated (mostly malformed)
/// texts. Every subexpression is parenthesized, so the text means the tree that was drawn.
/// </summary>
internal sealed class RandomExpressions(Random random)
{
    /// <summary>Every function name the parser knows.</summary>
    public static readonly string[] Functions =
    [
        "sqrt", "exp", "log", "abs", "sign", "sin", "cos", "tan", "sinh", "cosh", "tanh", "asin", "acos", "atan",
        "asinh", "acosh", "atanh", "erf", "lambertw", "li2",
    ];

    /// <summary>Huge, tiny and long constants, and constants beyond double range.</summary>
    public static readonly string[] Extremes =
    [
        "1e308", "-1e308", "1e-308", "5e-324", "1e300", "1e-300", "1e400", "1e-400", "2^1023", "2^-1074",
        "exp(700)", "exp(-745)", "123456789012345678901234567890", "0.000000000000000000001", "10^20", "1e15 + 1",
    ];

    private static readonly string[] Operators = ["+", "-", "*", "/", "^"];

    private static readonly string[] Exponents = ["2", "3", "-1", "-2", "1/2", "0.5", "-1/3", "7", "0", "2/3"];

    private static readonly string[] Constants = ["0", "1", "2", "-1", "0.5", "3", "pi", "e", "1/3", "-2.5", "pi/2"];

    private static readonly string[] Noise = ["(", ")", "+", "*", "^", ",", "@", "=", " ", "x", "1e", "foo("];

    /// <summary>Any expression in <paramref name="v"/>: trees, singular ones, chains, extremes, malformed.</summary>
    public string Any(string v) => random.Next(20) switch
    {
        < 9 => Tree(v, random.Next(1, 5)),
        < 13 => Singular(v),
        < 15 => DeepChain(v),
        < 17 => $"({Tree(v, 2)}) {Pick(Operators)} ({Extreme()})",
        < 18 => $"({Singular(v)}) {Pick(Operators)} ({Tree(v, 2)})",
        _ => Mutated(Tree(v, 3)),
    };

    /// <summary>A random tree of the given depth: functions, operators, <paramref name="v"/> and beta.</summary>
    public string Tree(string v, int depth)
    {
        if (depth <= 0) return Leaf(v);
        return random.Next(10) switch
        {
            < 4 => $"{Pick(Functions)}({Tree(v, depth - 1)})",
            < 6 => $"({Tree(v, depth - 1)}) {Pick(Operators[..4])} ({Tree(v, random.Next(depth))})",
            6 => $"({Tree(v, depth - 1)})^({Pick(Exponents)})",
            7 => $"-({Tree(v, depth - 1)})",
            8 => $"({Pick(Constants)})*({Tree(v, depth - 1)}) + ({Pick(Constants)})",
            _ => Leaf(v),
        };
    }

    private string Leaf(string v) => random.Next(12) switch
    {
        < 6 => v,
        < 8 => "beta",
        < 11 => Pick(Constants),
        _ => Extreme(),
    };

    private static readonly string[] Monotone =
    [
        "exp({0})", "sinh({0})", "atan({0})", "tanh({0})", "asinh({0})", "({0})^3", "({0})^3 + ({0})", "2*({0}) + 1",
        "-({0})", "erf({0})", "({0}) + exp({0})", "beta*({0})", "({0})^2", "log({0})", "sqrt({0})", "1/({0})",
    ];

    /// <summary>A composition of one to three functions, each monotone on the line or on a half-line.</summary>
    public string MonotoneChain(string v)
    {
        string e = v;
        for (int i = random.Next(1, 4); i > 0; i--) e = string.Format(CultureInfo.InvariantCulture, Pick(Monotone), e);
        return e;
    }

    /// <summary>A huge, tiny or out-of-range constant.</summary>
    public string Extreme() => Pick(Extremes);

    /// <summary>
    /// An expression with trouble at or near <paramref name="v"/> = c for a small c: a pole, a function outside its
    /// domain, a branch point, or an undefined stretch.
    /// </summary>
    public string Singular(string v)
    {
        string c = Pick(["0", "1", "-1", "2", "0.5", "pi/4", "-2"]);
        int k = random.Next(1, 4);
        return random.Next(16) switch
        {
            0 => $"1/({v} - ({c}))",
            1 => $"({Tree(v, 1)} + 3)/({v} - ({c}))^{k}",
            2 => $"tan({v})",
            3 => $"1/sin({v})",
            4 => $"log({v} - ({c}))",
            5 => $"log(-1 - {v}^2)",
            6 => $"asin({k + 1}*{v})",
            7 => $"acos({v} + 3)",
            8 => $"sqrt(({c}) - {v})",
            9 => $"acosh({v})",
            10 => $"atanh({v}/({c} + 3))",
            11 => $"1/({v}^2 - ({c})^2)",
            12 => $"1/(exp({v}) - 1)",
            13 => $"lambertw({v} - 5)",
            14 => $"li2({v} + 2)",
            _ => $"{v}^(-1/2) + 1/log({v})",
        };
    }

    /// <summary>One function applied to itself up to <see cref="Expr.MaxDepth"/> times (sometimes past it).</summary>
    public string DeepChain(string v)
    {
        int levels = random.Next(4) switch
        {
            0 => Expr.MaxDepth,
            1 => Expr.MaxDepth - random.Next(1, 4),
            2 => random.Next(2, Expr.MaxDepth + 1),
            _ => random.Next(2, 60),
        };
        string f = Pick(Functions), inner = random.Next(2) == 0 ? v : $"{v} + {Pick(Constants)}";
        return string.Concat(Enumerable.Repeat(f + "(", levels)) + inner + new string(')', levels);
    }

    /// <summary>The text with one character dropped, one noise token inserted, or one parenthesis cut.</summary>
    public string Mutated(string text)
    {
        int at = random.Next(text.Length + 1);
        return random.Next(3) switch
        {
            0 when text.Length > 1 => text.Remove(Math.Min(at, text.Length - 1), 1),
            1 => text.Insert(at, Pick(Noise)),
            _ => text.TrimEnd(')'),
        };
    }

    /// <summary>One of the items.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
