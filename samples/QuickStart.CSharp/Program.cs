using ImplicitBias.Symbolic;

// Parse with an assumption, simplify, differentiate, print LaTeX and compile.
var rho = Expr.Parse("beta*sinh(w/beta)", "beta>0");
Console.WriteLine($"rho          = {rho}");
var derivative = rho.Differentiate("w");
Console.WriteLine($"rho'         = {derivative}");
Console.WriteLine($"LaTeX        = {derivative.ToLatex()}");
Console.WriteLine($"sqrt(w^2)    = {Expr.Parse("sqrt(w^2)", "w>=0").Simplify()} (w >= 0)");
var f = derivative.Compile("w", new Dictionary<string, double> { ["beta"] = 0.25 });
Console.WriteLine($"rho'(0.3)    = {f(0.3)} at beta = 0.25");
