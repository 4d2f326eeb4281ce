namespace ImplicitBias.Symbolic.Tests.Latex;

/// <summary>One piece of LaTeX the toolkit wrote, ready to sit in a document body, and what wrote it.</summary>
public sealed record LatexPiece(string Source, string Body);
