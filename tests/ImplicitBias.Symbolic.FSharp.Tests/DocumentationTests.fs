/// Every public type, module function, module value and record field of the F# layer carries an XML doc summary in
/// the documentation file that ships in its package (F# has no compiler warning for a missing one, unlike C#'s CS1591).
module ImplicitBias.Symbolic.FSharp.Tests.DocumentationTests

open System
open System.IO
open System.Reflection
open System.Runtime.CompilerServices
open System.Xml.Linq
open Microsoft.FSharp.Reflection
open Xunit

let private layer = typeof<ImplicitBias.Symbolic.FSharp.Form>.Assembly

/// member name ("T:…", "M:…(…)", "P:…") → summary text, from the XML file next to the assembly.
let private documented =
    let file = nonNull (Path.ChangeExtension(layer.Location, ".xml"))
    XDocument.Load(file).Descendants(XName.Get "member")
    |> Seq.map (fun m -> (nonNull (m.Attribute(XName.Get "name"))).Value, m.Value.Trim())
    |> Map.ofSeq

let private hasDocs (key: string) =
    documented
    |> Map.exists (fun name text ->
        (name = key
         || name.StartsWith(key + "(", StringComparison.Ordinal)
         || name.StartsWith(key + "``", StringComparison.Ordinal))
        && text <> "")

let private docName (t: Type) = (nonNull t.FullName).Replace('+', '.')

let private isGenerated (t: Type) =
    t.Name.Contains '@' || t.Name = "Tags" || t.IsDefined(typeof<CompilerGeneratedAttribute>, false)

/// The doc keys every public piece of the layer must have.
let private requiredKeys () =
    [ for t in layer.GetExportedTypes() do
          if not (isGenerated t) then
              yield $"T:{docName t}"
              if FSharpType.IsModule t then
                  let flags = BindingFlags.Public ||| BindingFlags.Static ||| BindingFlags.DeclaredOnly
                  for m in t.GetMethods flags do
                      // name$W: the compiler's witness-passing twin of an inline function
                      if not m.IsSpecialName && not (m.Name.Contains '$') then yield $"M:{docName t}.{m.Name}"
                  for p in t.GetProperties flags do
                      yield $"P:{docName t}.{p.Name}"
              elif FSharpType.IsRecord(t, BindingFlags.Public) then
                  for field in FSharpType.GetRecordFields t do
                      yield $"P:{docName t}.{field.Name}" ]

[<Fact>]
let ``every public member of the F# layer has an XML doc summary`` () =
    let keys = requiredKeys ()
    // the layer's surface: the modules, the records and the unions (a guard against the reflection finding nothing)
    Assert.True(keys.Length > 250, $"only {keys.Length} public members found")
    for expected in [ "M:ImplicitBias.Symbolic.FSharp.Expr.ofQuotation"
                      "P:ImplicitBias.Symbolic.FSharp.Derived.Potential"
                      "T:ImplicitBias.Symbolic.FSharp.Node.Sum" ] do
        Assert.True(hasDocs expected || not (List.contains expected keys), expected)
        Assert.Contains(expected, keys)
    match keys |> List.filter (hasDocs >> not) with
    | [] -> ()
    | missing ->
        Assert.Fail(
            sprintf "%d public members have no XML doc summary:\n%s" missing.Length (String.concat "\n" missing)
        )
