/// The theorem library (ImplicitBias.Symbolic.Testing) from F#: reparametrizations written as quotations, the theorems
/// as FsCheck properties, the generators composed with FsCheck.FSharp. No casts.
module ImplicitBias.Symbolic.FSharp.Tests.TheoremLibraryTests

open System
open Xunit
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open ImplicitBias.Symbolic
open ImplicitBias.Symbolic.FSharp
open ImplicitBias.Symbolic.Testing

// Module-level values: the library caches derivations and compiled functions per reparametrization instance.
let private sinhRho = Reparam.ofQuotation <@ fun w -> sinh w @>
let private cubicRho = Reparam.ofQuotation <@ fun w -> w ** 3.0 + w @>
let private scaledSinh =
    Reparam.ofQuotation2 <@ fun beta w -> beta * sinh (w / beta) @> |> Reparam.withParameters [ "beta", 0.25 ]
let private square = Reparam.ofQuotation <@ fun w -> w * w @> |> Reparam.withDomain Domain.positive

/// Small flow problems keep each case in milliseconds.
let private small = TheoremOptions(MaxRows = 4, MaxColumns = 20)

let private failureMessage (property: Property) : string option =
    try
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), property)
        None
    with e -> Some e.Message

[<Property(MaxTest = 60)>]
let ``mirror identity of quoted reparametrizations`` () =
    Theorems.MirrorIdentity sinhRho .&. Theorems.MirrorIdentity cubicRho .&. Theorems.MirrorIdentity scaledSinh

[<Property(MaxTest = 40)>]
let ``symbolic derivatives of the chain match finite differences`` () =
    Theorems.Derivatives cubicRho .&. Theorems.Derivatives scaledSinh

[<Property(MaxTest = 40)>]
let ``design round trip of quoted reparametrizations`` () =
    Theorems.DesignRoundTrip sinhRho .&. Theorems.DesignRoundTrip square

[<Fact>]
let ``the flow limit of a quoted reparametrization is its Bregman projection`` () =
    Check.One(Config.QuickThrowOnFailure.WithMaxTest(6), Theorems.FlowLimit(scaledSinh, small))

[<Fact>]
let ``all theorems at once, each labelled`` () =
    Check.One(Config.QuickThrowOnFailure.WithMaxTest(4), Theorems.All(square, small))

[<Fact>]
let ``a wrong claimed metric fails with the point and the product`` () =
    // ρ = w² on (0, ∞) has f″(x) = 1/(4x); claim 1/(2x): the product f″·ρ′² is 2 everywhere
    match failureMessage (Theorems.MirrorIdentity(square, fun x -> 1.0 / (2.0 * x))) with
    | None -> Assert.Fail "the wrong metric passed"
    | Some message ->
        Assert.Contains("the claimed f″", message)
        let marker = "expected f″(x)·ρ′² = 1, got "
        let at = message.IndexOf(marker, StringComparison.Ordinal)
        Assert.True(at >= 0, message)
        let got = message.Substring(at + marker.Length).Split(' ').[0]
        Assert.Equal(2.0, Double.Parse(got, Globalization.CultureInfo.InvariantCulture), 12)

[<Fact>]
let ``a claimed metric written as a quotation is checked the same way`` () =
    let claimed = Expr.ofQuotation <@ fun x -> 1.0 / (4.0 * x) @>
    Check.One(Config.QuickThrowOnFailure.WithMaxTest(50), Theorems.MirrorIdentity(square, claimed))
    Assert.True((failureMessage (Theorems.MirrorIdentity(square, Expr.ofQuotation <@ fun x -> 1.0 / x @>))).IsSome)

[<Fact>]
let ``a reparametrization outside the theorem fails the flow property with the reason`` () =
    // w² on the whole line is not monotone: nothing is derived, and the property says why
    let notMonotone = Reparam.ofQuotation <@ fun w -> w * w @>
    match failureMessage (Theorems.FlowLimit(notMonotone, small)) with
    | None -> Assert.Fail "the flow property passed for a non-monotone ρ"
    | Some message -> Assert.Contains("monotonicity", message)

[<Property(MaxTest = 30)>]
let ``the library's generators compose with FsCheck.FSharp`` () =
    // a family of ρ from the library, each checked against the mirror identity
    let family = ReparametrizationGen.ScaledSinh(0.1, 4.0) |> Gen.map id
    Prop.forAll (Arb.fromGen family) (fun r -> Theorems.MirrorIdentity r)

[<Fact>]
let ``generated problems satisfy N >= 3M + 6 and start inside the domain`` () =
    let specs = ProblemGen.Specs(square, small) |> Gen.sampleWithSize 30 40
    Assert.Equal(40, specs.Length)
    for spec in specs do
        Assert.True(spec.Columns >= 3 * spec.Rows + 6, string spec)
        Assert.True(spec.Rows <= 4 && spec.Columns <= 20, string spec)
        let problem = spec.Create()
        Assert.All(problem.W0, fun w -> Assert.True(Domain.positive |> Domain.contains w, $"w0 = {w}"))

[<Fact>]
let ``interior points of a quoted reparametrization's domain`` () =
    let bounded =
        Reparam.ofQuotation <@ fun w -> tan w @>
        |> Reparam.withDomain (Domain.between (-Math.PI / 2.0) (Math.PI / 2.0))
    let points = PointGen.Interior bounded |> Gen.sampleWithSize 50 200
    Assert.All(points, fun w -> Assert.True(abs w < Math.PI / 2.0, $"w = {w}"))
