using System.Collections.Frozen;
using System.Text;

namespace ImplicitBias.Symbolic;

/// <summary>
/// ASCII-safe LaTeX for the toolkit's plain-text notation and messages (which use Unicode: ρ, Φ⁻¹, f″, →, ∞, −),
/// so that what it writes compiles with pdflatex without Unicode packages.
/// </summary>
public static class LatexText
{
    // Lowercase Greek and the capitals that differ from Latin ones: the letters that have a LaTeX macro.
    private static readonly (char Letter, string Name)[] GreekLetters =
    [
        ('α', "alpha"), ('β', "beta"), ('γ', "gamma"), ('δ', "delta"), ('ε', "epsilon"), ('ζ', "zeta"), ('η', "eta"),
        ('θ', "theta"), ('ι', "iota"), ('κ', "kappa"), ('λ', "lambda"), ('μ', "mu"), ('ν', "nu"), ('ξ', "xi"),
        ('π', "pi"), ('ρ', "rho"), ('σ', "sigma"), ('ς', "varsigma"), ('τ', "tau"), ('υ', "upsilon"), ('φ', "phi"),
        ('χ', "chi"), ('ψ', "psi"), ('ω', "omega"),
        ('Γ', "Gamma"), ('Δ', "Delta"), ('Θ', "Theta"), ('Λ', "Lambda"), ('Ξ', "Xi"), ('Π', "Pi"), ('Σ', "Sigma"),
        ('Υ', "Upsilon"), ('Φ', "Phi"), ('Ψ', "Psi"), ('Ω', "Omega"),
    ];

    private static readonly FrozenDictionary<char, string> GreekMacros =
        GreekLetters.ToFrozenDictionary(g => g.Letter, g => "\\" + g.Name);

    private static readonly FrozenSet<string> GreekNames =
        GreekLetters.Select(g => g.Name).ToFrozenSet(StringComparer.Ordinal);

    // Math-mode forms of the other non-ASCII notation the toolkit writes; keys of two characters are tried first.
    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>
    {
        ["⁻¹"] = "^{-1}", ["−"] = "-", ["–"] = "-", ["′"] = "'", ["″"] = "''", ["²"] = "^{2}", ["³"] = "^{3}",
        ["ᵀ"] = "^{T}", ["₀"] = "_{0}", ["₁"] = "_{1}", ["₂"] = "_{2}", ["→"] = @"\to", ["⟹"] = @"\Longrightarrow",
        ["∞"] = @"\infty", ["∫"] = @"\int", ["≤"] = @"\le", ["≥"] = @"\ge", ["≠"] = @"\ne", ["≈"] = @"\approx",
        ["∈"] = @"\in", ["·"] = @"\cdot", ["×"] = @"\times", ["⊙"] = @"\odot", ["∘"] = @"\circ", ["‖"] = @"\|",
        ["ℓ"] = @"\ell", ["ℝ"] = @"\mathbb{R}", ["√"] = @"\surd",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True for a name written as a Greek macro when it names a symbol ("beta" → \beta).</summary>
    internal static bool IsGreekName(string name) => GreekNames.Contains(name);

    /// <summary>
    /// Content for <c>\text{…}</c>: LaTeX's special characters escaped, and every non-ASCII character written as
    /// ASCII ("−" as "-", "→ −∞" as <c>$\to$ $-\infty$</c>, "ρ" as <c>$\rho$</c>); an unknown one becomes "?".
    /// </summary>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        bool inMath = false;
        for (int i = 0; i < text.Length; i++)
        {
            string? math = TextMath(text, ref i);
            // adjacent symbols share one $…$: "$\to$$\infty$" would open display math
            bool toMath = math is not null && (inMath || NeedsMath(math) || NeedsMath(NextMath(text, i + 1)));
            if (inMath != toMath) { sb.Append('$'); inMath = toMath; }
            sb.Append(math ?? (char.IsAscii(text[i]) ? EscapeAscii(text[i]) : "?"));
        }
        if (inMath) sb.Append('$');
        return sb.ToString();
    }

    /// <summary>
    /// Rows (each with its own <c>&amp;</c> alignment point) as an <c>align*</c> environment, with a line break
    /// between rows and none after the last.
    /// </summary>
    public static string Align(IEnumerable<string> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        sb.AppendLine(@"\begin{align*}");
        sb.AppendJoin(@" \\" + Environment.NewLine, rows.Select(r => "  " + r));
        sb.AppendLine();
        sb.AppendLine(@"\end{align*}");
        return sb.ToString();
    }

    /// <summary>The toolkit's Unicode math notation ("Φ⁻¹(z)", "w = ρ⁻¹(x)") in LaTeX math mode, ASCII only.</summary>
    internal static string Math(string notation)
    {
        var sb = new StringBuilder(notation.Length);
        for (int i = 0; i < notation.Length; i++)
        {
            if (char.IsAscii(notation[i])) { sb.Append(notation[i]); continue; }
            var math = MathOf(notation, ref i) ?? "?";
            sb.Append(math);
            // "\Phi w", not "\Phiw"; "\Phi(w)" needs no space
            if (math[0] == '\\' && char.IsAsciiLetter(math[^1]) && i + 1 < notation.Length
                && char.IsAsciiLetter(notation[i + 1]))
                sb.Append(' ');
        }
        return sb.ToString();
    }

    // macros, scripts and primes exist in math mode only, and the default text font has no <, > or |;
    // "-" reads the same in text
    private static bool NeedsMath(string? math) => math is ['\\' or '^' or '_' or '\'' or '<' or '>' or '|', ..];

    private static string? NextMath(string text, int i) => i < text.Length ? TextMath(text, ref i) : null;

    // the math form of what is at i when it has no text form: a non-ASCII character, or <, > and |
    private static string? TextMath(string text, ref int i) =>
        text[i] is '<' or '>' or '|' ? text[i].ToString() : char.IsAscii(text[i]) ? null : MathOf(text, ref i);

    /// <summary>The math form of the non-ASCII character or pair at i (i moves past a pair), or null.</summary>
    private static string? MathOf(string text, ref int i)
    {
        if (i + 1 < text.Length && Symbols.TryGetValue(text.Substring(i, 2), out var pair)) { i++; return pair; }
        if (Symbols.TryGetValue(text[i].ToString(), out var single)) return single;
        return GreekMacros.GetValueOrDefault(text[i]);
    }

    private static string EscapeAscii(char ch) => ch switch
    {
        '\\' => @"\textbackslash{}",
        '{' or '}' or '%' or '&' or '#' or '_' or '$' => "\\" + ch,
        '^' => @"\^{}",
        '~' => @"\~{}",
        _ when char.IsControl(ch) => " ",
        _ => ch.ToString(),
    };
}
