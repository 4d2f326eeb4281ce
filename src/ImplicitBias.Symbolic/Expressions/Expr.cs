using System.Collections.Immutable;
using System.Numerics;

namespace ImplicitBias.Symbolic;

/// <summary>The closed set of structural node kinds. Function calls are further split by
/// <see cref="Function"/>.</summary>
public enum ExprKind
{
    /// <summary>Exact rational number.</summary>
    Number,
    /// <summary>Floating-point number.</summary>
    Real,
    /// <summary>Named symbol, optionally with a domain.</summary>
    Symbol,
    /// <summary>Named mathematical constant (π).</summary>
    Constant,
    /// <summary>n-ary canonical sum.</summary>
    Sum,
    /// <summary>n-ary canonical product.</summary>
    Product,
    /// <summary>Power base^exponent (also square roots and reciprocals).</summary>
    Power,
    /// <summary>Application of an elementary function.</summary>
    Call,
}

/// <summary>The elementary functions an expression may apply. sqrt is represented as the power 1/2.</summary>
public enum Function
{
    /// <summary>Exponential.</summary>
    Exp,
    /// <summary>Natural logarithm (real: NaN for non-positive arguments).</summary>
    Log,
    /// <summary>Absolute value.</summary>
    Abs,
    /// <summary>Sign: −1, 0 or 1.</summary>
    Sign,
    /// <summary>Sine.</summary>
    Sin,
    /// <summary>Cosine.</summary>
    Cos,
    /// <summary>Tangent.</summary>
    Tan,
    /// <summary>Hyperbolic sine.</summary>
    Sinh,
    /// <summary>Hyperbolic cosine.</summary>
    Cosh,
    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
    /// <summary>Inverse sine, principal branch [−π/2, π/2].</summary>
    Asin,
    /// <summary>Inverse cosine, principal branch [0, π].</summary>
    Acos,
    /// <summary>Inverse tangent.</summary>
    Atan,
    /// <summary>Inverse hyperbolic sine.</summary>
    Asinh,
    /// <summary>Inverse hyperbolic cosine, branch [0, ∞).</summary>
    Acosh,
    /// <summary>Inverse hyperbolic tangent.</summary>
    Atanh,
    /// <summary>Error function.</summary>
    Erf,
    /// <summary>Lambert W, principal branch W₀ (defined for x ≥ −1/e, values ≥ −1).</summary>
    LambertW,
    /// <summary>Dilogarithm Li₂(x) = −∫₀ˣ log(1−t)/t dt (real for x ≤ 1).</summary>
    Li2,
}

/// <summary>Named constants.</summary>
public enum MathConstant
{
    /// <summary>π.</summary>
    Pi,
}

/// <summary>
/// An immutable real-valued expression with structural equality. Values are always in canonical form:
/// the builders (operators, <see cref="Add(Expr[])"/>, <see cref="Pow(Expr, Expr)"/>,
/// <see cref="Apply"/>, …) flatten, order,
/// collect like terms and powers and fold constants. Domain-dependent identities live in Simplify.
/// </summary>
public abstract partial record Expr : IComparable<Expr>
{
    /// <summary>The deepest nesting an expression may have. Deeper input is rejected rather than risking
    /// a stack overflow in the recursive algorithms (which cannot be caught in .NET).</summary>
    public const int MaxDepth = 600;

    private readonly int _hash;

    private readonly int _nodes;

    /// <summary>A node over its children: the depth and the tree size come from theirs.</summary>
    private protected Expr(int hash, ReadOnlySpan<Expr> children)
    {
        int depth = 0;
        long nodes = 1;
        foreach (var c in children)
        {
            depth = Math.Max(depth, c.Depth);
            nodes += c._nodes;
        }
        if (++depth > MaxDepth) throw new ExpressionTooDeepException(MaxDepth);
        _hash = hash;
        Depth = depth;
        _nodes = (int)Math.Min(nodes, int.MaxValue); // a tree of shared subtrees may count past int
    }

    /// <summary>The node kind.</summary>
    public abstract ExprKind Kind { get; }

    /// <summary>Nesting depth: 1 for a leaf.</summary>
    public int Depth { get; }

    /// <summary>Child expressions in canonical order.</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;

    /// <summary>The text form; it parses back to an equal expression.</summary>
    public sealed override string ToString() => TextPrinter.Print(this);

    /// <summary>Canonical total order (used for sorting terms and factors).</summary>
    public int CompareTo(Expr? other) => other is null ? 1 : ExprOrder.Compare(this, other);

    // ---- leaves and constants ----

    /// <summary>0.</summary>
    public static readonly Number Zero = new(Rational.Zero);
    /// <summary>1.</summary>
    public static readonly Number One = new(Rational.One);
    /// <summary>−1.</summary>
    public static readonly Number MinusOne = new(Rational.MinusOne);
    /// <summary>1/2.</summary>
    public static readonly Number Half = new(Rational.Half);
    /// <summary>2.</summary>
    public static readonly Number Two = new(new Rational(2));
    /// <summary>π.</summary>
    public static readonly Constant Pi = new(MathConstant.Pi);

    /// <summary>An exact integer.</summary>
    public static Number Integer(BigInteger value) =>
        value >= SmallIntegerMin && value <= SmallIntegerMax
            ? SmallIntegers[(int)value - SmallIntegerMin]
            : new(new Rational(value));

    // Small integers are shared: exponents and coefficients are mostly these.
    private const int SmallIntegerMin = -64, SmallIntegerMax = 256;
    private static readonly Number[] SmallIntegers =
        Enumerable.Range(SmallIntegerMin, SmallIntegerMax - SmallIntegerMin + 1)
            .Select(i => new Number(new Rational(i))).ToArray();
    /// <summary>An exact rational.</summary>
    public static Number FromRational(Rational value) => new(value);
    /// <summary>The exact rational p/q.</summary>
    public static Number Fraction(BigInteger numerator, BigInteger denominator) =>
        new(new Rational(numerator, denominator));
    /// <summary>A floating-point number (kept as a double; use <see cref="FromRational"/> for exact values).</summary>
    public static Real FromDouble(double value) => new(value);
    /// <summary>
    /// The exact rational of a double's shortest decimal form, as the parser reads literals: 0.25 → 1/4, 0.1 → 1/10,
    /// 2.0 → 2.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite (expressions hold
    /// finite numbers only).</exception>
    public static Expr Decimal(double value) =>
        double.IsFinite(value) && Rational.TryParseDecimal(
            Math.Abs(value).ToString("R", System.Globalization.CultureInfo.InvariantCulture)
                .Replace("E+", "E", StringComparison.Ordinal), out var r)
            ? FromRational(value < 0 ? -r : r)
            : FromDouble(value);
    /// <summary>A symbol on the whole real line.</summary>
    public static Symbol Var(string name) => new(name, Interval.Real);
    /// <summary>A symbol with a domain (an assumption that simplification relies on).</summary>
    public static Symbol Var(string name, Interval domain) => new(name, domain);

    // ---- canonical builders ----

    /// <summary>Canonical sum.</summary>
    public static Expr Add(params Expr[] terms) => Canonical.Add(terms);
    /// <summary>Canonical sum.</summary>
    public static Expr Add(IEnumerable<Expr> terms) => Canonical.Add(terms as IReadOnlyList<Expr> ?? terms.ToArray());
    /// <summary>Canonical product.</summary>
    public static Expr Multiply(params Expr[] factors) => Canonical.Multiply(factors);
    /// <summary>Canonical product.</summary>
    public static Expr Multiply(IEnumerable<Expr> factors) =>
        Canonical.Multiply(factors as IReadOnlyList<Expr> ?? factors.ToArray());
    /// <summary>Canonical power.</summary>
    public static Expr Pow(Expr @base, Expr exponent) => Canonical.Pow(@base, exponent);
    /// <summary>a − b.</summary>
    public static Expr Subtract(Expr a, Expr b) => Canonical.Add([a, Canonical.Multiply([MinusOne, b])]);
    /// <summary>a / b.</summary>
    public static Expr Divide(Expr a, Expr b) => Canonical.Multiply([a, Canonical.Pow(b, MinusOne)]);
    /// <summary>−a.</summary>
    public static Expr Negate(Expr a) => Canonical.Multiply([MinusOne, a]);
    /// <summary>Applies an elementary function.</summary>
    public static Expr Apply(Function function, Expr argument) => Canonical.Apply(function, argument);

    /// <summary>√u, represented as u^(1/2).</summary>
    public static Expr Sqrt(Expr u) => Pow(u, Half);
    /// <summary>exp u.</summary>
    public static Expr Exp(Expr u) => Apply(Function.Exp, u);
    /// <summary>log u (natural).</summary>
    public static Expr Log(Expr u) => Apply(Function.Log, u);
    /// <summary>|u|.</summary>
    public static Expr Abs(Expr u) => Apply(Function.Abs, u);
    /// <summary>sign u.</summary>
    public static Expr Sign(Expr u) => Apply(Function.Sign, u);
    /// <summary>sin u.</summary>
    public static Expr Sin(Expr u) => Apply(Function.Sin, u);
    /// <summary>cos u.</summary>
    public static Expr Cos(Expr u) => Apply(Function.Cos, u);
    /// <summary>tan u.</summary>
    public static Expr Tan(Expr u) => Apply(Function.Tan, u);
    /// <summary>sinh u.</summary>
    public static Expr Sinh(Expr u) => Apply(Function.Sinh, u);
    /// <summary>cosh u.</summary>
    public static Expr Cosh(Expr u) => Apply(Function.Cosh, u);
    /// <summary>tanh u.</summary>
    public static Expr Tanh(Expr u) => Apply(Function.Tanh, u);
    /// <summary>asin u.</summary>
    public static Expr Asin(Expr u) => Apply(Function.Asin, u);
    /// <summary>acos u.</summary>
    public static Expr Acos(Expr u) => Apply(Function.Acos, u);
    /// <summary>atan u.</summary>
    public static Expr Atan(Expr u) => Apply(Function.Atan, u);
    /// <summary>asinh u.</summary>
    public static Expr Asinh(Expr u) => Apply(Function.Asinh, u);
    /// <summary>acosh u.</summary>
    public static Expr Acosh(Expr u) => Apply(Function.Acosh, u);
    /// <summary>atanh u.</summary>
    public static Expr Atanh(Expr u) => Apply(Function.Atanh, u);
    /// <summary>erf u.</summary>
    public static Expr Erf(Expr u) => Apply(Function.Erf, u);
    /// <summary>W₀(u), the principal branch of Lambert W.</summary>
    public static Expr LambertW(Expr u) => Apply(Function.LambertW, u);
    /// <summary>Li₂(u), the dilogarithm.</summary>
    public static Expr Li2(Expr u) => Apply(Function.Li2, u);

    // ---- operators ----

    /// <summary>Sum.</summary>
    public static Expr operator +(Expr a, Expr b) => Add(a, b);
    /// <summary>Difference.</summary>
    public static Expr operator -(Expr a, Expr b) => Subtract(a, b);
    /// <summary>Product.</summary>
    public static Expr operator *(Expr a, Expr b) => Multiply(a, b);
    /// <summary>Quotient.</summary>
    public static Expr operator /(Expr a, Expr b) => Divide(a, b);
    /// <summary>Negation.</summary>
    public static Expr operator -(Expr a) => Negate(a);
    // Numbers mixed with expressions are exact: an int is an integer, a double the rational of its shortest decimal
    // form (see Decimal). The explicit overloads make this work from F#,
    // which applies no implicit conversions to operators.

    /// <summary>Sum with an exact number.</summary>
    public static Expr operator +(Expr a, double b) => Add(a, Decimal(b));
    /// <summary>Sum with an exact number.</summary>
    public static Expr operator +(double a, Expr b) => Add(Decimal(a), b);
    /// <summary>Difference with an exact number.</summary>
    public static Expr operator -(Expr a, double b) => Subtract(a, Decimal(b));
    /// <summary>Difference with an exact number.</summary>
    public static Expr operator -(double a, Expr b) => Subtract(Decimal(a), b);
    /// <summary>Product with an exact number.</summary>
    public static Expr operator *(Expr a, double b) => Multiply(a, Decimal(b));
    /// <summary>Product with an exact number.</summary>
    public static Expr operator *(double a, Expr b) => Multiply(Decimal(a), b);
    /// <summary>Quotient by an exact number.</summary>
    public static Expr operator /(Expr a, double b) => Divide(a, Decimal(b));
    /// <summary>Quotient of an exact number.</summary>
    public static Expr operator /(double a, Expr b) => Divide(Decimal(a), b);
    /// <summary>Sum with an integer.</summary>
    public static Expr operator +(Expr a, int b) => Add(a, Integer(b));
    /// <summary>Sum with an integer.</summary>
    public static Expr operator +(int a, Expr b) => Add(Integer(a), b);
    /// <summary>Difference with an integer.</summary>
    public static Expr operator -(Expr a, int b) => Subtract(a, Integer(b));
    /// <summary>Difference with an integer.</summary>
    public static Expr operator -(int a, Expr b) => Subtract(Integer(a), b);
    /// <summary>Product with an integer.</summary>
    public static Expr operator *(Expr a, int b) => Multiply(a, Integer(b));
    /// <summary>Product with an integer.</summary>
    public static Expr operator *(int a, Expr b) => Multiply(Integer(a), b);
    /// <summary>Quotient by an integer.</summary>
    public static Expr operator /(Expr a, int b) => Divide(a, Integer(b));
    /// <summary>Quotient of an integer.</summary>
    public static Expr operator /(int a, Expr b) => Divide(Integer(a), b);
    /// <summary>A power with an exact exponent (F#'s <c>w ** 2.0</c>).</summary>
    public static Expr Pow(Expr @base, double exponent) => Pow(@base, Decimal(exponent));
    /// <summary>A power with an integer exponent.</summary>
    public static Expr Pow(Expr @base, int exponent) => Pow(@base, Integer(exponent));
    /// <summary>An exact integer.</summary>
    public static implicit operator Expr(int value) => Integer(value);
    /// <summary>An exact rational.</summary>
    public static implicit operator Expr(Rational value) => FromRational(value);
    /// <summary>The exact rational of the double's shortest decimal form (see <see cref="Decimal"/>);
    /// <see cref="FromDouble"/> keeps a floating-point number.</summary>
    public static implicit operator Expr(double value) => Decimal(value);

    // ---- parsing ----

    /// <summary>Parses text such as "beta*sinh(w/beta)"; symbols lie on the whole real line.</summary>
    /// <exception cref="ParseException">The text is not a valid expression; the exception names the column.</exception>
    public static Expr Parse(string text) => Parser.Parse(text, Assumptions.None);

    /// <summary>Parses text, giving each symbol named in <paramref name="assumptions"/> its domain.</summary>
    public static Expr Parse(string text, Assumptions assumptions) => Parser.Parse(text, assumptions);

    /// <summary>Parses text with assumptions written as "w>0", "-1&lt;w&lt;1", "w!=0", ….</summary>
    public static Expr Parse(string text, params string[] assumptions) =>
        Parser.Parse(text, Assumptions.Parse(assumptions));

    /// <summary>The LaTeX form.</summary>
    public string ToLatex() => LatexPrinter.Print(this);

    /// <summary>True for exact or floating numbers.</summary>
    public bool IsNumber => Kind is ExprKind.Number or ExprKind.Real;

    /// <summary>Structural hash shared by the node constructors.</summary>
    private protected static int HashOf(ExprKind kind, ReadOnlySpan<Expr> children)
    {
        var h = new HashCode();
        h.Add(kind);
        foreach (var c in children) h.Add(c._hash);
        return h.ToHashCode();
    }
}

/// <summary>An exact rational number.</summary>
public sealed record Number : Expr
{
    internal Number(Rational value) : base(HashCode.Combine(ExprKind.Number, value), []) => Value = value;
    /// <summary>The value.</summary>
    public Rational Value { get; }
    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Number;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];
    /// <inheritdoc/>
    public bool Equals(Number? other) => other is not null && Value == other.Value;
    /// <inheritdoc/>
    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>A finite floating-point number.</summary>
public sealed record Real : Expr
{
    internal Real(double value) : base(HashCode.Combine(ExprKind.Real, value), [])
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value,
                "Floating-point expression values must be finite.");
        Value = value == 0 ? 0.0 : value; // one zero: -0.0 and 0.0 are the same expression
    }
    /// <summary>The value.</summary>
    public double Value { get; }
    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Real;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];
    /// <inheritdoc/>
    public bool Equals(Real? other) => other is not null && Value.Equals(other.Value);
    /// <inheritdoc/>
    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>A named symbol with the domain it is assumed to range over.</summary>
public sealed record Symbol : Expr
{
    internal Symbol(string name, Interval domain) : base(HashCode.Combine(ExprKind.Symbol, name, domain), [])
    {
        if (!Lexicon.IsIdentifier(name))
            throw new ArgumentException(
                $"'{name}' is not a valid symbol name (letters, digits and '_', starting with a letter; "
                + $"not a function name or 'pi').", nameof(name));
        Name = name;
        Domain = domain;
    }
    /// <summary>The name.</summary>
    public string Name { get; }
    /// <summary>The assumed domain (the whole real line unless stated).</summary>
    public Interval Domain { get; }
    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Symbol;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];
    /// <inheritdoc/>
    public bool Equals(Symbol? other) => other is not null && Name == other.Name && Domain.Equals(other.Domain);
    /// <inheritdoc/>
    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>A named constant.</summary>
public sealed record Constant : Expr
{
    internal Constant(MathConstant which) : base(HashCode.Combine(ExprKind.Constant, which), []) => Which = which;
    /// <summary>Which constant.</summary>
    public MathConstant Which { get; }
    /// <summary>Its double value.</summary>
    public double Value => Which switch { MathConstant.Pi => Math.PI };
    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Constant;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => [];
    /// <inheritdoc/>
    public bool Equals(Constant? other) => other is not null && Which == other.Which;
    /// <inheritdoc/>
    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>A canonical sum of at least two terms: numeric term first,
/// like terms collected, the rest ordered.</summary>
public sealed record Sum : Expr
{
    internal Sum(ImmutableArray<Expr> terms)
        : base(HashOf(ExprKind.Sum, terms.AsSpan()), terms.AsSpan()) => Terms = terms;

    private Expr[]? _evaluationOrder;

    /// <summary>
    /// The terms in the order evaluation and compiled code add them: cheap terms first, calls and roots last, so
    /// their latency overlaps the rest. Evaluation and compilation share it, which keeps them equal bit for bit.
    /// </summary>
    internal Expr[] EvaluationOrder => _evaluationOrder ??= [.. Terms.OrderBy(Cost)];

    private static int Cost(Expr e) => e switch
    {
        Number or Real or Constant or Symbol => 0,
        Power { Exponent: Number { Value.IsInteger: true } } p => 1 + Cost(p.Base),
        Power p => 8 + Cost(p.Base) + Cost(p.Exponent),
        Call c => 8 + Cost(c.Argument),
        _ => e.Children.Sum(Cost),
    };
    /// <summary>The terms.</summary>
    public ImmutableArray<Expr> Terms { get; }
    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Sum;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => Terms;
    /// <inheritdoc/>
    public bool Equals(Sum? other) => other is not null && GetHashCode() == other.GetHashCode()
        && Terms.AsSpan().SequenceEqual(other.Terms.AsSpan());
    /// <inheritdoc/>
    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>A canonical product of at least two factors: numeric coefficient first,
/// powers of a base collected.</summary>
public sealed record Product : Expr
{
    internal Product(ImmutableArray<Expr> factors)
        : base(HashOf(ExprKind.Product, factors.AsSpan()), factors.AsSpan()) => Factors = factors;
    /// <summary>The factors.</summary>
    public ImmutableArray<Expr> Factors { get; }
    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Product;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => Factors;
    /// <inheritdoc/>
    public bool Equals(Product? other) => other is not null && GetHashCode() == other.GetHashCode()
        && Factors.AsSpan().SequenceEqual(other.Factors.AsSpan());
    /// <inheritdoc/>
    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>base^exponent with real semantics: odd roots of negative numbers are real, even roots NaN.</summary>
public sealed record Power : Expr
{
    internal Power(Expr @base, Expr exponent) : this([@base, exponent]) { }

    private Power(Expr[] children) : base(HashOf(ExprKind.Power, children), children)
    {
        _children = children;
        Base = children[0];
        Exponent = children[1];
    }
    /// <summary>The base.</summary>
    public Expr Base { get; }
    /// <summary>The exponent.</summary>
    public Expr Exponent { get; }
    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Power;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _children;
    private readonly Expr[] _children;
    /// <inheritdoc/>
    public bool Equals(Power? other) => other is not null && GetHashCode() == other.GetHashCode()
        && Base.Equals(other.Base) && Exponent.Equals(other.Exponent);
    /// <inheritdoc/>
    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>An elementary function applied to an argument.</summary>
public sealed record Call : Expr
{
    internal Call(Function function, Expr argument)
        : base(HashCode.Combine(ExprKind.Call, function, argument.GetHashCode()), [argument])
    {
        Function = function;
        Argument = argument;
        _children = [argument];
    }
    /// <summary>The function.</summary>
    public Function Function { get; }
    /// <summary>The argument.</summary>
    public Expr Argument { get; }
    /// <inheritdoc/>
    public override ExprKind Kind => ExprKind.Call;
    /// <inheritdoc/>
    public override IReadOnlyList<Expr> Children => _children;
    private readonly Expr[] _children;
    /// <inheritdoc/>
    public bool Equals(Call? other) => other is not null && GetHashCode() == other.GetHashCode()
        && Function == other.Function && Argument.Equals(other.Argument);
    /// <inheritdoc/>
    public override int GetHashCode() => base.GetHashCode();
}
