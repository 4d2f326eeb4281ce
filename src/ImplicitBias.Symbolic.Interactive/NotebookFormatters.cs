using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace ImplicitBias.Symbolic.Interactive;

/// <summary>
/// Renders the toolkit's values as LaTeX in notebooks: expressions, reparametrizations, derivations (the whole chain
/// and the theorem's conditions) and designs. Loading the package in .NET Interactive registers them (through its
/// extension.dib); call <see cref="Register"/> yourself when the assembly is referenced another way.
/// </summary>
public static class NotebookFormatters
{
    /// <summary>The MIME type the formatters write.</summary>
    public const string LatexMimeType = "text/latex";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers the LaTeX formatters and makes LaTeX the preferred display of
    /// these types. Idempotent.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered) return;
            Formatter.Register<Expr>(e => Display(ToLatex(e)), LatexMimeType);
            Formatter.Register<Reparametrization>(r => Display(ToLatex(r)), LatexMimeType);
            Formatter.Register<Derivation>(d => ToLatex(d), LatexMimeType);
            Formatter.Register<DesignResult>(d => Display(ToLatex(d)), LatexMimeType);
            Formatter.SetPreferredMimeTypesFor(typeof(Expr), LatexMimeType);
            Formatter.SetPreferredMimeTypesFor(typeof(Reparametrization), LatexMimeType);
            Formatter.SetPreferredMimeTypesFor(typeof(Derivation), LatexMimeType);
            Formatter.SetPreferredMimeTypesFor(typeof(DesignResult), LatexMimeType);
            _registered = true;
        }
    }

    /// <summary>The expression in LaTeX (no math delimiters).</summary>
    public static string ToLatex(Expr expression) => expression.ToLatex();

    /// <summary>ρ(w) = … with its domain, and its parameter values (no math delimiters).</summary>
    public static string ToLatex(Reparametrization reparametrization)
    {
        var sb = new StringBuilder();
        var w = Expr.Var(reparametrization.Variable).ToLatex();
        if (reparametrization.DifferenceInitialValues is { } uv)
            sb.Append($@"x = \rho(u) - \rho(v),\quad u_0 = {uv.U0.ToLatex()},\ v_0 = {uv.V0.ToLatex()},\quad ");
        sb.Append($@"\rho({w}) = {reparametrization.Rho.ToLatex()}");
        sb.Append($@",\quad {w} \in {reparametrization.Domain.ToLatex()}");
        foreach (var (name, value) in reparametrization.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            sb.Append($@",\quad {Expr.Var(name).ToLatex()} = {Expr.FromDouble(value).ToLatex()}");
        return sb.ToString();
    }

    /// <summary>The derivation chain, its image and the theorem's conditions as one align* environment.</summary>
    public static string ToLatex(Derivation derivation)
    {
        var rows = derivation.LatexRows().ToList();
        rows.Add($@"\text{{image}} &= {derivation.Image.ToLatex()}");
        foreach (var c in derivation.Conditions)
            rows.Add($@"\text{{{LatexText.Text(c.Name)}}} &: \text{{{c.Status.ToString().ToLowerInvariant()}}}");
        return LatexText.Align(rows);
    }

    /// <summary>The designed ρ (or ρ⁻¹ when only it is closed) for the wanted potential (no math delimiters).</summary>
    public static string ToLatex(DesignResult design)
    {
        var x = Expr.Var(design.Variable).ToLatex();
        var w = Expr.Var(design.ReparametrizationVariable).ToLatex();
        var sb = new StringBuilder($@"f({x}) = {design.Potential.ToLatex()}");
        if (design.Reparametrization is { } rho) sb.Append($@"\;\Longrightarrow\; \rho({w}) = {rho.ToLatex()}");
        else if (design.InverseReparametrization is { } inverse)
            sb.Append($@"\;\Longrightarrow\; \rho^{{-1}}({x}) = {inverse.ToLatex()}");
        else sb.Append(@"\;\Longrightarrow\; \rho \text{ numeric only}");
        sb.Append($@",\quad {w} \in {design.ReparametrizationDomain.ToLatex()}");
        if (!design.Verified) sb.Append(@"\quad \text{(not verified)}");
        return sb.ToString();
    }

    private static string Display(string latex) => $"$${latex}$$";
}
