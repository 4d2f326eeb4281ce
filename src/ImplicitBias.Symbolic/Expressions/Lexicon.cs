using System.Collections.Frozen;

namespace ImplicitBias.Symbolic;

/// <summary>The names the text form uses: functions, constants and valid identifiers.</summary>
public static class Lexicon
{
    /// <summary>The text name of a function (as parsed and printed).</summary>
    public static string NameOf(Function function) => function switch
    {
        Function.Exp => "exp",
        Function.Log => "log",
        Function.Abs => "abs",
        Function.Sign => "sign",
        Function.Sin => "sin",
        Function.Cos => "cos",
        Function.Tan => "tan",
        Function.Sinh => "sinh",
        Function.Cosh => "cosh",
        Function.Tanh => "tanh",
        Function.Asin => "asin",
        Function.Acos => "acos",
        Function.Atan => "atan",
        Function.Asinh => "asinh",
        Function.Acosh => "acosh",
        Function.Atanh => "atanh",
        Function.Erf => "erf",
        Function.LambertW => "lambertw",
        Function.Li2 => "li2",
    };

    /// <summary>The text name of a constant.</summary>
    public static string NameOf(MathConstant constant) => constant switch { MathConstant.Pi => "pi" };

    /// <summary>The name of the square root, which is stored as a power 1/2.</summary>
    public const string Sqrt = "sqrt";

    /// <summary>The name of Euler's number, which is stored as exp(1) (so e^w is exp(w)).</summary>
    public const string EulerNumber = "e";

    private static readonly FrozenDictionary<string, Function> FunctionsByName =
        Enum.GetValues<Function>().ToFrozenDictionary(NameOf);

    private static readonly FrozenDictionary<string, MathConstant> ConstantsByName =
        Enum.GetValues<MathConstant>().ToFrozenDictionary(NameOf);

    /// <summary>Every function name the parser accepts, sqrt included.</summary>
    public static IEnumerable<string> FunctionNames => FunctionsByName.Keys.Append(Sqrt).Order(StringComparer.Ordinal);

    /// <summary>Looks up a function by its text name (not sqrt, which is a power).</summary>
    public static bool TryGetFunction(string name, out Function function) =>
        FunctionsByName.TryGetValue(name, out function);

    /// <summary>Looks up a constant by name.</summary>
    public static bool TryGetConstant(string name, out MathConstant constant) =>
        ConstantsByName.TryGetValue(name, out constant);

    /// <summary>True for a name usable as a symbol: ASCII letter first, then letters,
    /// digits or '_'; not reserved.</summary>
    public static bool IsIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0])) return false;
        foreach (var c in name) if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        return !IsReserved(name);
    }

    /// <summary>Function and constant names cannot name symbols.</summary>
    public static bool IsReserved(string name) =>
        name == Sqrt || name == EulerNumber || FunctionsByName.ContainsKey(name) || ConstantsByName.ContainsKey(name)
        || name is "inf" or "infinity";
}
