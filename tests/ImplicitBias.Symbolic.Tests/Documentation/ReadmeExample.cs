using System.Text;

namespace ImplicitBias.Symbolic.Tests.Documentation;

/// <summary>
/// A <c>$ ibias …</c> line of a README.md code block and the output shown for it: either after " → " on the same
/// line, or the lines below it up to the next "$ " line or the end of the block. A shown line that starts with
/// "..." cuts the output short (the rest is not shown); "..." inside a line stands for text left out.
/// </summary>
/// <param name="Line">The 1-based line of the command in README.md.</param>
/// <param name="Command">The command as written after "$ ", starting with "ibias".</param>
/// <param name="Shown">The output lines shown, without trailing whitespace, up to the elision.</param>
/// <param name="Elided">True when a "..." line cuts the shown output short.</param>
public sealed record ReadmeExample(int Line, string Command, IReadOnlyList<string> Shown, bool Elided)
{
    private const string Prompt = "$ ";
    private const string Arrow = " → ";
    private const string Fence = "```";

    /// <summary>The arguments after "ibias", split as a shell splits them (double and single quotes).</summary>
    public string[] Arguments => Words(Command)[1..];

    /// <summary>Every <c>$ ibias</c> example of the README's code blocks, in order.</summary>
    public static IReadOnlyList<ReadmeExample> All(IReadOnlyList<string> readme)
    {
        var examples = new List<ReadmeExample>();
        bool inBlock = false;
        for (int i = 0; i < readme.Count; i++)
        {
            if (readme[i].StartsWith(Fence, StringComparison.Ordinal)) inBlock = !inBlock;
            else if (inBlock && readme[i].StartsWith(Prompt + "ibias ", StringComparison.Ordinal))
                examples.Add(At(readme, i));
        }
        return examples;
    }

    private static ReadmeExample At(IReadOnlyList<string> readme, int i)
    {
        var text = readme[i][Prompt.Length..];
        int arrow = text.IndexOf(Arrow, StringComparison.Ordinal);
        if (arrow >= 0) return new(i + 1, text[..arrow].TrimEnd(), [text[(arrow + Arrow.Length)..].Trim()], false);
        var shown = new List<string>();
        for (int j = i + 1; j < readme.Count; j++)
        {
            var line = readme[j];
            if (line.StartsWith(Fence, StringComparison.Ordinal) || line.StartsWith(Prompt, StringComparison.Ordinal))
                break;
            if (line.TrimStart().StartsWith("...", StringComparison.Ordinal))
                return new(i + 1, text.TrimEnd(), shown, true);
            shown.Add(line.TrimEnd());
        }
        while (shown.Count > 0 && shown[^1].Length == 0) shown.RemoveAt(shown.Count - 1);
        return new(i + 1, text.TrimEnd(), shown, false);
    }

    /// <summary>Words of a command line: spaces separate them, quotes group and are removed.</summary>
    public static string[] Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char ch in command)
        {
            if (quote != '\0')
            {
                if (ch == quote) quote = '\0';
                else word.Append(ch);
            }
            else if (ch is '"' or '\'') (quote, inWord) = (ch, true);
            else if (ch == ' ')
            {
                if (inWord) words.Add(word.ToString());
                (word, inWord) = (new StringBuilder(), false);
            }
            else
            {
                word.Append(ch);
                inWord = true;
            }
        }
        if (quote != '\0') throw new ArgumentException($"unclosed quote in: {command}", nameof(command));
        if (inWord) words.Add(word.ToString());
        return [.. words];
    }
}
