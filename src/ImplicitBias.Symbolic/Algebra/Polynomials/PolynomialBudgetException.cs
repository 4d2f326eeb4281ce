namespace ImplicitBias.Symbolic.Algebra;

/// <summary>A polynomial computation that exceeded its <see cref="WorkBudget"/>;
/// callers fall back to a weaker answer.</summary>
public sealed class PolynomialBudgetException : SymbolicException
{
    /// <summary>Creates the exception.</summary>
    public PolynomialBudgetException() : base("polynomial computation exceeded its work budget") { }
}
