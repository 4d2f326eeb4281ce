/// The experiments from F#: a sweep run from a TOML spec, the ℓ1 and ℓ2 baselines with the dual certificate of the
/// ℓ1 LP, and a problem written to a NumPy file and read back.
module ExperimentsTests

open System.IO
open Xunit
open FsCheck
open FsCheck.Xunit
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.Experiments.Baselines
open ImplicitBias.Symbolic.Experiments.Data
open ImplicitBias.Symbolic.Experiments.Sweeps

let private withFolder (f: string -> unit) =
    let folder = Directory.CreateTempSubdirectory("ibias-fsharp-").FullName
    try f folder finally Directory.Delete(folder, true)

let private spec = """
[sweep]
seeds = 2
compute = ["prediction", "l1", "l2"]
[[rho]]
formula = "w^2"
domain = "(0,inf)"
difference = true
[problem]
m = [10, 20]
n = 40
k = 2
init = [0.1, 0.001]
"""

[<Fact>]
let ``a sweep from F# has one row per cell and seed, and the small scale is closer to basis pursuit`` () =
    withFolder (fun folder ->
        let sweep = SweepSpecReader.Parse spec
        let directory = SweepDirectory.ForRun(Path.Combine(folder, "out"), sweep, spec, SweepShard.All)
        let result = SweepRunner.Run(sweep, directory, SweepShard.All, 2)
        Assert.Equal(8, result.Rows.Count)
        Assert.All(result.Rows, fun r -> Assert.Null r.Error)
        let distance scale =
            result.Rows
            |> Seq.filter (fun r -> r.Init = scale && r.M = 20)
            |> Seq.averageBy (fun r -> r.L1Distance.Value)
        Assert.True(distance 0.001 < distance 0.1)
        Assert.True(File.Exists(Path.Combine(folder, "out", "rows.parquet"))))

/// Basis pursuit on random 20×50 problems: the dual certificate of the LP holds, whatever k.
[<Property(MaxTest = 15)>]
let ``the l1 baseline carries its own dual certificate`` (seed: PositiveInt) (k: PositiveInt) =
    let rho = Reparametrization.Parse("w")
    let problem = Problem.Generate(20, 50, min 15 k.Get, seed.Get, rho, 0.0, Loss.Square, Link.Identity)
    let l1 = BasisPursuit.Solve(problem.Model)
    let report = DualCertificate.Check(problem.Model, l1, 1e-7)
    l1.Status = BaselineStatus.Optimal && report.Holds

[<Fact>]
let ``the l2 baseline interpolates and a generated problem survives a NumPy round trip`` () =
    withFolder (fun folder ->
        let rho = Reparametrization.Parse("sinh(w)")
        let problem = Problem.Generate(8, 20, 3, 7, rho, 0.1, Loss.Square, Link.Identity)
        let l2 = MinimumNorm.Solve(problem.Model)
        Assert.True l2.Interpolating
        let path = Path.Combine(folder, "p.npz")
        ProblemFiles.Write(path, ProblemArrays.FromProblem problem)
        let back = ProblemFiles.Read(path).ToProblem(rho, Loss.Square, Link.Identity)
        Assert.Equal<float>(problem.Truth, back.Truth)
        Assert.Equal<float>(problem.Model.Y.ToArray(), back.Model.Y.ToArray()))
