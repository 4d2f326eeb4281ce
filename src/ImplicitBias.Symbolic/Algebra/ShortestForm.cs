using System.Runtime.CompilerServices;

namespace ImplicitBias.Symbolic.Algebra;

/// <summary>
/// Simplify: the canonical form and the guarded identities (<see cref="Simplifier"/>), then candidates — the
/// rational normal form (Cancel), the factored form, one fraction (Together), the expanded form, the form over
/// the kernel basis and that form with exponentials paired into hyperbolic functions —, each finished by the
/// identities, and the smallest under <see cref="Expr.PrintedSize"/> is
/// kept (the input itself included, so the result is never larger). Arguments of functions and bases of roots are
/// simplified first, the same way. Every candidate is computed within a work budget, and expressions above
/// <see cref="MaxCandidateNodes"/> nodes only get the identities.
/// </summary>
internal sealed class ShortestForm
{
    /// <summary>Largest expression, in nodes, whose candidate forms are searched.</summary>
    public const int MaxCandidateNodes = 2000;

    /// <summary>Entries after which a shared memo starts over (a long derivation must not grow unbounded).</summary>
    private const int MaxMemoEntries = 50_000;

    // the memo of the innermost Shared scope on this thread: the Simplify calls of one derivation meet the same
    // subterms again and again (ρ′, 1/ρ′, its integral, the forms in x), and a shortest form depends on the term only
    [ThreadStatic] private static ShortestForm? _shared;

    /// <summary>
    /// Work units the rational candidates of one Simplify call may spend together: each conversion is bounded on its
    /// own, but a nested input converts every subterm (Π(1 + atan^k(w)²) of a 38-level chain: seconds of expansions).
    /// </summary>
    private const long ConversionUnits = 10 * WorkBudget.DefaultUnits;

    private readonly Dictionary<Expr, Expr> _memo = new();
    private WorkBudget _conversions = new(ConversionUnits);

    private ShortestForm() { }

    public static Expr Simplify(Expr e)
    {
        var search = _shared ?? new ShortestForm();
        if (search._memo.Count > MaxMemoEntries) search._memo.Clear();
        search._conversions = new WorkBudget(ConversionUnits);
        return search.Shortest(e);
    }

    /// <summary>
    /// Until disposed, Simplify on this thread shares one memo (nested scopes share the outer one). Deriving one
    /// chain in a scope searches each subterm once.
    /// </summary>
    public static IDisposable Shared() => _shared is null ? new Scope() : NoScope.Instance;

    private sealed class Scope : IDisposable
    {
        public Scope() => _shared = new ShortestForm();
        public void Dispose() => _shared = null;
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();
        public void Dispose() { }
    }

    private Expr Shortest(Expr e)
    {
        if (e.Children.Count == 0) return e;
        if (_memo.TryGetValue(e, out var known)) return known;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        // the winner is searched again until nothing shorter turns up (its own candidates differ from e's: a
        // combined fraction may expand to a shorter sum), so that simplify is idempotent
        var best = Search(e);
        for (int round = 1; round < MaxRounds && !best.Equals(e) && best.Children.Count > 0; round++)
        {
            var again = Search(best);
            if (again.Equals(best)) break;
            best = again;
        }
        _memo[e] = best;
        _memo.TryAdd(best, best); // final: met again as a rebuilt argument, it is not searched again
        return best;
    }

    private const int MaxRounds = 4;

    /// <summary>One round: the identities, the forms with shortest kernels, termwise and rational candidates.</summary>
    private Expr Search(Expr e)
    {
        var identities = Simplifier.Simplify(e);
        var best = identities;
        if (identities.NodeCount() <= MaxCandidateNodes)
        {
            var inner = Simplifier.Simplify(WithSimplifiedKernels(identities));
            best = Smaller(best, inner);
            if (inner is Sum or Product) best = Smaller(best, Termwise(inner));
            var fromInner = best;
            foreach (var candidate in Candidates(inner)) best = Smaller(best, candidate);
            // a rational form rebuilds kernels: the winner gets its kernels in shortest form too
            if (!ReferenceEquals(best, fromInner))
            {
                best = Smaller(best, Attempt(() => Finished(best)) ?? best);
                if (best is Sum or Product) best = Smaller(best, Termwise(best));
            }
        }
        return Smaller(best, e);
    }

    /// <summary>
    /// The smaller of two forms; the first on a tie. Forms above twice <see cref="MaxCandidateNodes"/> nodes are
    /// compared by node count alone: their printed size walks every shared subterm again.
    /// </summary>
    private static Expr Smaller(Expr current, Expr candidate)
    {
        int limit = 2 * MaxCandidateNodes;
        if (candidate.NodeCount() > limit || current.NodeCount() > limit)
            return candidate.NodeCount() < current.NodeCount() ? candidate : current;
        return candidate.PrintedSize() < current.PrintedSize() ? candidate : current;
    }

    /// <summary>
    /// e with the arguments of its calls and the bases and exponents of its non-integer powers simplified. It does
    /// not descend into a kernel: <see cref="Shortest"/> simplifies the kernel's parts, so each subterm is searched
    /// once (descending would search every rebuilt argument again, exponentially in the nesting).
    /// </summary>
    private Expr WithSimplifiedKernels(Expr e)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return e switch
        {
            Call c => Rebuild(c, [Shortest(c.Argument)]),
            Power { Exponent: not Number { Value.IsInteger: true } } p =>
                Rebuild(p, [Shortest(p.Base), Shortest(p.Exponent)]),
            Sum or Product or Power => Rebuild(e, [.. e.Children.Select(WithSimplifiedKernels)]),
            _ => e,
        };
    }

    /// <summary>The node over new children, or the node itself when the builders reject them.</summary>
    private static Expr Rebuild(Expr node, Expr[] children)
    {
        try { return node.WithChildren(children); }
        catch (SymbolicException) { return node; }
    }

    /// <summary>
    /// The rational forms of e, each finished by the identities: one conversion as written gives Cancel, Together and
    /// Factor; one in the kernel basis (only when e has kernels the basis rewrites) gives the basis form, its
    /// hyperbolic pairing (when it has exponentials) and its doubled angles (when it has angles).
    /// </summary>
    private IEnumerable<Expr> Candidates(Expr e)
    {
        if (!HasRationalStructure(e)) yield break;
        // a sum of more terms than e prints characters cannot be shorter: expansions stop there
        int terms = Math.Min(e.PrintedSize(), Expander.MaxTerms);
        var forms = new List<Func<Expr?>> { () => Expander.Expand(e, terms) };
        if (Attempt(() => RationalForms.Canceled(e, _conversions)) is { } written && TermCount(written) <= terms)
        {
            forms.Add(written.ToExpr);
            forms.Add(() => RationalForms.TogetherOf(written, e));
            if (written.Numerator.TotalDegree > 1 || written.Denominator.TotalDegree > 1)
                forms.Add(() => RationalForms.FactorOf(written));
        }
        if (HasBasisKernels(e) && Attempt(() => RationalConverter.ConvertOne(e, KernelMode.Basis, _conversions))
            is { } basis && TermCount(basis) <= terms)
        {
            forms.Add(basis.ToExpr);
            if (basis.Generators.Any(g => g is Call { Function: Function.Exp }))
                forms.Add(() => RationalForms.HyperbolicOf(basis, terms));
            if (basis.Generators.Any(g => g is Call { Function: Function.Cos }))
                forms.Add(() => RationalForms.DoubledAnglesOf(basis));
        }
        foreach (var form in forms)
            if (Attempt(() => Bounded(form()) is { } candidate ? Simplifier.Simplify(candidate) : null) is { } finished)
                yield return finished;
    }

    /// <summary>
    /// A sum or product of the shortest forms of its terms or factors: a term can have a short form (x/(1 + x²/β²)
    /// is β²x/(β² + x²)) that no rational form of the whole sum shows.
    /// </summary>
    private Expr Termwise(Expr e) => Simplifier.Simplify(Rebuild(e, [.. e.Children.Select(Shortest)]));

    /// <summary>A candidate with its kernels in shortest form (rational forms rebuild them),
    /// then the identities.</summary>
    private Expr Finished(Expr candidate) => Simplifier.Simplify(WithSimplifiedKernels(candidate));

    /// <summary>
    /// The candidate, or null when it is far larger than any input searched: expanded angles of nested kernels share
    /// subterms, and walking such a form as a tree (to print or measure it) takes exponential time.
    /// </summary>
    private static Expr? Bounded(Expr? candidate) =>
        candidate is not null && candidate.NodeCount() <= 2 * MaxCandidateNodes ? candidate : null;

    /// <summary>The value, or null when the computation exceeds its budget or meets an undefined operation.</summary>
    private static T? Attempt<T>(Func<T?> compute) where T : class
    {
        try { return compute(); }
        catch (SymbolicException) { return null; }
    }

    /// <summary>
    /// Kernels the basis writes otherwise: trigonometric and hyperbolic functions, exponentials of other functions,
    /// and functions of compound arguments (whose arguments the basis brings to normal form).
    /// </summary>
    private static bool HasBasisKernels(Expr e)
    {
        var stack = new Stack<Expr>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is Call c && (c.Function is Function.Sin or Function.Cos or Function.Tan or Function.Sinh
                or Function.Cosh or Function.Tanh || c.Argument is Sum or Product or Power or Call)) return true;
            foreach (var child in node.Children) stack.Push(child);
        }
        return false;
    }

    private static int TermCount(RationalFunction form) => form.Numerator.TermCount + form.Denominator.TermCount;

    /// <summary>Only sums, products and powers can be brought to another rational form.</summary>
    private static bool HasRationalStructure(Expr e) => e is Sum or Product or Power;
}
