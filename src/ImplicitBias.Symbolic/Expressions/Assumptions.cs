using System.Collections;
using System.Collections.Immutable;

namespace ImplicitBias.Symbolic;

/// <summary>
/// Domains for named symbols, e.g. w &gt; 0 or −1 &lt; w &lt; 1. Parsing with assumptions gives the named symbols
/// these domains; simplification then relies on them.
/// </summary>
public sealed class Assumptions : IReadOnlyDictionary<string, Interval>
{
    private readonly ImmutableDictionary<string, Interval> _domains;

    private Assumptions(ImmutableDictionary<string, Interval> domains) => _domains = domains;

    /// <summary>No assumptions: every symbol ranges over the real line.</summary>
    public static Assumptions None { get; } =
        new(ImmutableDictionary<string, Interval>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>These assumptions plus one more (intersected with an existing one for the same name).</summary>
    public Assumptions With(string name, Interval domain)
    {
        if (!Lexicon.IsIdentifier(name))
            throw new ArgumentException($"'{name}' is not a valid symbol name.", nameof(name));
        return new(_domains.SetItem(name,
            _domains.TryGetValue(name, out var old) ? Intersect(old, domain, name) : domain));
    }

    /// <summary>Parses assumptions such as "w&gt;0", "w&gt;=0", "w&lt;0", "-1&lt;w&lt;1",
    /// "w!=0", "0&lt;w&lt;pi/2".</summary>
    /// <exception cref="ParseException">An assumption is malformed.</exception>
    public static Assumptions Parse(params IEnumerable<string> assumptions)
    {
        var result = None;
        foreach (var text in assumptions)
        {
            ArgumentNullException.ThrowIfNull(text);
            var (name, domain) = ParseOne(text);
            try { result = result.With(name, domain); }
            catch (ArgumentException contradiction) { throw new ParseException(text, 1, contradiction.Message); }
        }
        return result;
    }

    /// <summary>The domain of a symbol, the real line when none is assumed.</summary>
    public Interval DomainOf(string name) => _domains.TryGetValue(name, out var d) ? d : Interval.Real;

    /// <summary>A piece of an assumption's text with its 0-based offset, so errors can name the column.</summary>
    private readonly record struct Part(string Text, int Start)
    {
        public string Trimmed => Text.Trim();
        /// <summary>Offset of the first non-blank character (of the end, for a blank part).</summary>
        public int TrimmedStart => Start + (Text.Length - Text.TrimStart().Length);
    }

    private static (string Name, Interval Domain) ParseOne(string text)
    {
        // Split on comparison operators, keeping them: "a<w<=b" → [a, <, w, <=, b].
        var parts = new List<Part>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            string? op = text[i] switch
            {
                '<' or '>' when i + 1 < text.Length && text[i + 1] == '=' => text.Substring(i, 2),
                '!' when i + 1 < text.Length && text[i + 1] == '=' => "!=",
                '<' or '>' => text[i].ToString(),
                _ => null,
            };
            if (op is null) continue;
            parts.Add(new Part(text[start..i], start));
            parts.Add(new Part(op, i));
            i += op.Length - 1;
            start = i + 1;
        }
        parts.Add(new Part(text[start..], start));
        var shapes = "expected an assumption like 'w>0', 'w>=0', 'w<0', 'w!=0' or '-1<w<1'";
        if (parts.Count == 3)
        {
            var (left, op, right) = (parts[0], parts[1].Text, parts[2]);
            if (Lexicon.IsIdentifier(left.Trimmed))
                return (left.Trimmed, Bound(left.Trimmed, op, Constant(right, text), text));
            if (Lexicon.IsIdentifier(right.Trimmed) && op != "!=")
                return (right.Trimmed, Bound(right.Trimmed, Flip(op), Constant(left, text), text));
        }
        else if (parts.Count == 5 && Lexicon.IsIdentifier(parts[2].Trimmed)
            && parts[1].Text is "<" or "<=" && parts[3].Text is "<" or "<=")
        {
            double lo = Constant(parts[0], text), hi = Constant(parts[4], text);
            if (!(lo < hi) || double.IsPositiveInfinity(lo) || double.IsNegativeInfinity(hi))
                throw new ParseException(text, 1, $"empty interval: {lo} is not below {hi}");
            return (parts[2].Trimmed, new Interval(lo, hi, parts[1].Text == "<", parts[3].Text == "<"));
        }
        throw new ParseException(text, 1, shapes);
    }

    private static string Flip(string op) => op switch { "<" => ">", ">" => "<", "<=" => ">=", ">=" => "<=", _ => op };

    private static Interval Bound(string name, string op, double value, string text)
    {
        // w > inf, w < -inf (and w >= ±inf, which no real number satisfies) leave nothing
        bool empty = op switch
        {
            ">" or ">=" => double.IsPositiveInfinity(value),
            "<" or "<=" => double.IsNegativeInfinity(value),
            _ => false,
        };
        if (empty)
            throw new ParseException(text, 1, $"empty interval: no real {name} {op} {(value > 0 ? "inf" : "-inf")}");
        return op switch
        {
            ">" => new Interval(value, double.PositiveInfinity, loOpen: true),
            ">=" => new Interval(value, double.PositiveInfinity),
            "<" => new Interval(double.NegativeInfinity, value, hiOpen: true),
            "<=" => new Interval(double.NegativeInfinity, value),
            "!=" when value == 0 => Interval.NonZero,
            _ => throw new ParseException(text, 1, "only '!=0' is supported as an exclusion"),
        };
    }

    private static double Constant(Part part, string whole)
    {
        var t = part.Trimmed;
        int column = part.TrimmedStart + 1;
        if (t is "inf" or "+inf" or "infinity") return double.PositiveInfinity;
        if (t is "-inf" or "-infinity") return double.NegativeInfinity;
        if (t.Length == 0) throw new ParseException(whole, column, "expected a number as the bound");
        Expr e;
        try { e = Expr.Parse(t); }
        catch (ParseException p) { throw new ParseException(whole, column - 1 + p.Column, p.Problem); }
        if (e.FreeSymbols().Count > 0) throw new ParseException(whole, column, $"bound '{t}' must be a number");
        var v = e.Evaluate();
        if (double.IsNaN(v)) throw new ParseException(whole, column, $"bound '{t}' is not a real number");
        return v;
    }

    private static Interval Intersect(Interval a, Interval b, string name)
    {
        var (lo, loOpen) = a.Lo > b.Lo ? (a.Lo, a.LoOpen)
            : b.Lo > a.Lo ? (b.Lo, b.LoOpen)
            : (a.Lo, a.LoOpen || b.LoOpen);
        var (hi, hiOpen) = a.Hi < b.Hi ? (a.Hi, a.HiOpen)
            : b.Hi < a.Hi ? (b.Hi, b.HiOpen)
            : (a.Hi, a.HiOpen || b.HiOpen);
        if (lo > hi || (lo == hi && (loOpen || hiOpen)))
            throw new ArgumentException($"Assumptions on '{name}' contradict each other.");
        return new Interval(lo, hi, loOpen, hiOpen, a.ExcludesZero || b.ExcludesZero);
    }

    /// <inheritdoc/>
    public Interval this[string key] => _domains[key];
    /// <inheritdoc/>
    public IEnumerable<string> Keys => _domains.Keys;
    /// <inheritdoc/>
    public IEnumerable<Interval> Values => _domains.Values;
    /// <inheritdoc/>
    public int Count => _domains.Count;
    /// <inheritdoc/>
    public bool ContainsKey(string key) => _domains.ContainsKey(key);
    /// <inheritdoc/>
    public bool TryGetValue(string key, out Interval value) => _domains.TryGetValue(key, out value);
    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Interval>> GetEnumerator() => _domains.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
