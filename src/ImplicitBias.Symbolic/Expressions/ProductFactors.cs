using System.Numerics;

namespace ImplicitBias.Symbolic;

/// <summary>
/// The first phase of <see cref="Canonical.Multiply"/>: factors flattened, numbers multiplied into one coefficient,
/// powers collected by base and exponentials into one exponent (exp(a)·exp(b) = exp(a + b)).
/// </summary>
internal sealed class ProductFactors
{
    private readonly List<Expr> _exponents = new();

    /// <summary>The numeric coefficient so far.</summary>
    public Coefficient Coefficient { get; private set; } = Coefficient.One;

    /// <summary>Each base with the factor it came from and its exponents. Products are small, so a list searched
    /// linearly beats a dictionary.</summary>
    public List<(Expr Base, Expr Original, List<Expr> Exponents)> Bases { get; } = new();

    /// <summary>Collects one factor.</summary>
    public void Add(Expr f)
    {
        switch (f)
        {
            case Number or Real: Coefficient = Coefficient.Times(Coefficient.Of(f)); break;
            case Product p: foreach (var g in p.Factors) Add(g); break;
            case Call { Function: Function.Exp } exp: _exponents.Add(exp.Argument); break;
            default:
                // A radical of a positive number is its own base: it must not collect with p^s (√2·2^x would
                // become 2^(1/2 + x), which Pow splits back); radicals are merged by MergeRadicals instead.
                var (b, e) = f is Power pw && !Canonical.IsRadical(pw) ? (pw.Base, pw.Exponent) : (f, Expr.One);
                int found = Find(b);
                if (found >= 0) Bases[found].Exponents.Add(e);
                else if (b is not Sum || !CollectOpposite(b, e, f)) Bases.Add((b, f, [e]));
                break;
        }
    }

    /// <summary>The exponentials as one factor (or a number in the coefficient).</summary>
    public void MergeExponentials()
    {
        if (_exponents.Count == 0) return;
        var exponential = Canonical.Apply(Function.Exp, Canonical.Add(_exponents));
        if (exponential.IsNumber) Coefficient = Coefficient.Times(Coefficient.Of(exponential));
        else Bases.Add((exponential, exponential, [Expr.One]));
    }

    private int Find(Expr b)
    {
        for (int i = 0; i < Bases.Count; i++)
            if (Bases[i].Base.GetHashCode() == b.GetHashCode() && Bases[i].Base.Equals(b)) return i;
        return -1;
    }

    /// <summary>
    /// A sum beside other factors is stored sign-normalized ((π − 2)·x = −x·(2 − π)), so a later power of the
    /// opposite sum must still collect with it: b^k = (−1)^k (−b)^k moves whichever side has integer exponents.
    /// </summary>
    private bool CollectOpposite(Expr b, Expr e, Expr f)
    {
        var terms = ((Sum)b).Terms;
        if (!Bases.Exists(entry => entry.Base is Sum other && other.Terms.Length == terms.Length)) return false;
        // −b term by term, structurally: multiplying the terms by −1 would meet their own sum factors and come back
        // here for each of them, exponentially in the nesting
        var negated = new Expr[terms.Length];
        for (int i = 0; i < negated.Length; i++) negated[i] = Canonical.NegateTerm(terms[i]);
        int opposite = Find(Canonical.Add(negated));
        if (opposite < 0) return false;
        var entry = Bases[opposite];
        if (e is Number { Value.IsInteger: true } k)
        {
            if (!k.Value.Numerator.IsEven) Coefficient = Coefficient.Times(Coefficient.Of(Expr.MinusOne));
            entry.Exponents.Add(e);
            return true;
        }
        if (!entry.Exponents.All(x => x is Number { Value.IsInteger: true })) return false;
        var total = entry.Exponents.Aggregate(BigInteger.Zero, (acc, x) => acc + ((Number)x).Value.Numerator);
        if (!total.IsEven) Coefficient = Coefficient.Times(Coefficient.Of(Expr.MinusOne));
        Bases[opposite] = (b, f, [.. entry.Exponents, e]);
        return true;
    }
}
