using System.Security.Cryptography;
using System.Text;

namespace ImplicitBias.Symbolic.Experiments.Sweeps;

/// <summary>
/// A sweep: reparametrizations × problem options × seeds, read from a TOML spec by <see cref="SweepSpecReader"/>.
/// Every combination is one row (<see cref="SweepGrid"/>).
/// </summary>
/// <param name="Seeds">The seeds of the problems of each cell (<c>seeds = 20</c> means 1 … 20).</param>
/// <param name="Compute">What each row computes; always holds <see cref="SweepQuantity.Prediction"/>.</param>
/// <param name="Rhos">The reparametrizations.</param>
/// <param name="Problem">The problem options.</param>
/// <param name="Figures">How the summary figures are drawn.</param>
/// <param name="Tolerance">The agreement tolerance of the flow check, as <c>ibias verify --tolerance</c>.</param>
/// <param name="Method">The flow integrator, as <c>ibias verify --method</c>.</param>
public sealed record SweepSpec(IReadOnlyList<int> Seeds, IReadOnlySet<SweepQuantity> Compute,
    IReadOnlyList<RhoSpec> Rhos, ProblemGrid Problem, FigureOptions Figures, double Tolerance, FlowMethod Method)
{
    /// <summary>
    /// A fingerprint of everything that decides the rows (not the figure options): a resumed run or a merge of
    /// shards checks that its rows came from the same sweep.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var text = new StringBuilder();
            text.Append("seeds=").AppendJoin(',', Seeds).Append(";compute=").AppendJoin(',', Compute.Order());
            foreach (var rho in Rhos)
            {
                text.Append(";rho=").Append(rho.Formula).Append('|').Append(rho.Variable).Append('|')
                    .Append(rho.Domain).Append('|').Append(rho.Difference);
                foreach (var p in rho.Parameters)
                    text.Append('|').Append(p.Name).Append('=').AppendJoin(',', p.Values.Select(R));
            }
            var g = Problem;
            text.Append(";m=").AppendJoin(',', g.Rows).Append(";n=").AppendJoin(',', g.Columns)
                .Append(";k=").AppendJoin(',', g.Sparsity).Append(";init=").AppendJoin(',', g.Init.Select(R))
                .Append(";noise=").AppendJoin(',', g.Noise.Select(R)).Append(";loss=").Append(g.Loss)
                .Append(";link=").Append(g.Link).Append(";files=").AppendJoin('|', g.Files)
                .Append(";tolerance=").Append(R(Tolerance)).Append(";method=")
                .Append(Method);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
        }
    }

    /// <summary>The folder that relative problem files are read from (the spec's folder).</summary>
    public string BaseDirectory { get; init; } = ".";

    /// <summary>The names of the parameters of all reparametrizations, in order of first appearance.</summary>
    public IReadOnlyList<string> ParameterNames =>
        Rhos.SelectMany(r => r.Parameters.Select(p => p.Name)).Distinct().ToList();

    private static string R(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
