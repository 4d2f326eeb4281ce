using System.Text;
using ImplicitBias.Symbolic.Interactive;
using ImplicitBias.Symbolic.Tests.Cli;
using ImplicitBias.Symbolic.Tests.Support;
using Microsoft.DotNet.Interactive.Formatting;

namespace ImplicitBias.Symbolic.Tests.Latex;

/// <summary>
/// Everything the toolkit writes as LaTeX, for the reference tables: the derivation chain of every catalog
/// reparametrization (library, notebook formatters, <c>ibias analyze --latex</c> for a few), designs, the
/// antiderivatives of tests/data/integrals.json and the inverses of tests/data/inversions.json.
/// </summary>
public static class LatexDocument
{
    private static readonly Lazy<IReadOnlyList<LatexPiece>> Cached = new(Collect);

    /// <summary>Every piece, built once.</summary>
    public static IReadOnlyList<LatexPiece> Pieces => Cached.Value;

    /// <summary>An article (amsmath, amssymb) holding every piece, each after a comment naming its source.</summary>
    public static string Source()
    {
        var sb = new StringBuilder();
        sb.AppendLine(@"\documentclass{article}");
        sb.AppendLine(@"\usepackage{amsmath}");
        sb.AppendLine(@"\usepackage{amssymb}");
        sb.AppendLine(@"\begin{document}");
        foreach (var piece in Pieces)
        {
            sb.Append("% ").AppendLine(piece.Source.ReplaceLineEndings(" "));
            sb.AppendLine(piece.Body.TrimEnd());
            sb.AppendLine();
        }
        sb.AppendLine(@"\end{document}");
        return sb.ToString();
    }

    private static IReadOnlyList<LatexPiece> Collect()
    {
        NotebookFormatters.Register();
        var pieces = new List<LatexPiece>();
        foreach (var entry in ReparametrizationCatalog.Entries)
            AddDerivation(pieces, $"catalog {entry.Name}", entry.ToReparametrization());
        foreach (var c in Catalog.All)
        {
            var r = Reparametrization.Create(Expr.Parse(c.Rho), c.Variable, c.Domain, c.Params);
            AddDerivation(pieces, $"reparametrizations.json {c.Name}", r);
            var values = c.Params.ToDictionary(p => p.Key, p => Expr.Decimal(p.Value));
            var potential = Expr.Parse(c.Potential).Substitute(values);
            AddDesign(pieces, $"design for {c.Name}", potential.ToString(), DomainText.Format(r.Derive().Image));
        }
        var square = Reparametrization.Parse("w^2", domain: "(0,inf)");
        AddDerivation(pieces, "two-variable w^2, u0 = v0 = 1/2", square.Difference(0.5, 0.5));
        var alpha = Expr.Var("alpha", Interval.Positive);
        AddDerivation(pieces, "two-variable w^2, u0 = v0 = alpha", square.Difference(alpha, alpha));
        AddCli(pieces);
        AddIntegrals(pieces);
        AddInversions(pieces);
        return pieces;
    }

    private static void AddDerivation(List<LatexPiece> pieces, string source, Reparametrization r)
    {
        var d = r.Derive();
        pieces.Add(new(source + ": Derivation.ToLatex", d.ToLatex()));
        pieces.Add(new(source + ": notebook Reparametrization", r.ToDisplayString(NotebookFormatters.LatexMimeType)));
        pieces.Add(new(source + ": notebook Derivation", d.ToDisplayString(NotebookFormatters.LatexMimeType)));
        pieces.Add(Display($"{source}: rho", r.Rho));
        pieces.Add(Display($"{source}: rho'", d.Derivative));
        pieces.Add(new($"{source}: image", $@"\[ {d.Image.ToLatex()} \]"));
        if (d.PotentialOfW is { } ofW) pieces.Add(Display($"{source}: f(rho(w))", ofW));
        if (d.BregmanDivergenceExpression() is { } bregman) pieces.Add(Display($"{source}: D_f", bregman));
        foreach (var c in d.Chain)
        {
            if (c.Expression is { } e) pieces.Add(Display($"{source}: {c.Name}", e));
            if (c.OfW is { } w) pieces.Add(Display($"{source}: {c.Name} in w", w));
        }
    }

    private static void AddDesign(List<LatexPiece> pieces, string source, string potential, string domain)
    {
        var design = PotentialDesign.Design(potential, domain: domain);
        pieces.Add(new(source, design.ToDisplayString(NotebookFormatters.LatexMimeType)));
    }

    private static void AddCli(List<LatexPiece> pieces)
    {
        string[][] runs =
        [
            ["analyze", "sinh(w)", "--latex"],
            ["analyze", "tan(w)", "--domain", "(-pi/2,pi/2)", "--latex"],
            ["analyze", "beta*sinh(w/beta)", "--param", "beta=0.25", "--latex"],
            ["analyze", "w^3+w", "--latex"],
            ["analyze", "w^L", "--domain", "(0,inf)", "--assume", "L>0", "--latex"],
            ["analyze", "log(1+exp(w))", "--latex"],
        ];
        foreach (var args in runs)
            pieces.Add(new("ibias " + string.Join(' ', args), CliRunner.AssertSuccess(CliRunner.Run(args)).Out));
        foreach (var text in new[] { "beta*sinh(w/beta)", "exp(-2*w)/(6*(1 + w)^2)", "2*3^w" })
        {
            var latex = CliRunner.AssertSuccess(CliRunner.Run("expr", "latex", text)).OutLine;
            pieces.Add(new("ibias expr latex " + text, $@"\[ {latex} \]"));
        }
    }

    private static void AddIntegrals(List<LatexPiece> pieces)
    {
        foreach (var c in CalculusTables.Integrals)
        {
            var f = Expr.Parse(c.Integrand, c.Assume.ToArray());
            var result = f.Integrate("w");
            pieces.Add(Display($"integrals.json {c.Integrand}: integrand", f));
            if (result.Expression is { } antiderivative)
                pieces.Add(Display($"integrals.json {c.Integrand}", antiderivative));
            pieces.Add(new($"integrals.json {c.Integrand}: domain", $@"\[ {result.Domain.ToLatex()} \]"));
        }
    }

    private static void AddInversions(List<LatexPiece> pieces)
    {
        foreach (var c in CalculusTables.Inversions)
        {
            var e = Expr.Parse(c.Function, c.Assume.ToArray());
            var parameters = e.FreeSymbols().Where(n => n != "w").ToDictionary(n => n, _ => 0.7);
            Inverse inverse;
            try { inverse = e.Solve("w", "x", parameters); }
            catch (NotMonotoneException) { continue; }
            if (inverse.Expression is { } closed) pieces.Add(Display($"inversions.json {c.Function}", closed));
            pieces.Add(new($"inversions.json {c.Function}: image", $@"\[ {inverse.Image.ToLatex()} \]"));
        }
    }

    private static LatexPiece Display(string source, Expr e) => new(source, $@"\[ {e.ToLatex()} \]");
}
