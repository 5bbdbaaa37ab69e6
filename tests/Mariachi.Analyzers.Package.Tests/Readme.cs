using System.Text.RegularExpressions;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>Reads the repository README, so that tests run what it shows and it cannot drift from them.</summary>
internal static partial class Readme
{
    private static readonly Lazy<string> Text = new(() =>
        File.ReadAllText(Path.Combine(PackagedConsumer.FindRepositoryRoot(), "README.md")).ReplaceLineEndings("\n"));

    /// <summary>The text of the level-2 section <paramref name="title"/>, up to the next level-2 heading.</summary>
    public static string Section(string title)
    {
        var text = Text.Value;
        var start = text.IndexOf($"\n## {title}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section '## {title}'");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    /// <summary>The contents of the fenced code blocks of <paramref name="language"/> in <paramref name="section"/>.</summary>
    public static IReadOnlyList<string> CodeBlocks(string section, string language) =>
        Fence().Matches(section).Where(m => m.Groups["language"].Value == language).Select(m => m.Groups["code"].Value).ToList();

    /// <summary>The code blocks announced by an HTML comment <c>&lt;!-- adopt: name --&gt;</c>, by name.</summary>
    public static IReadOnlyDictionary<string, string> MarkedBlocks(string section, string marker) =>
        MarkedFence().Matches(section)
            .Where(m => m.Groups["marker"].Value == marker)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value, StringComparer.Ordinal);

    /// <summary>The packages of the <c>dotnet add package</c> commands in <paramref name="section"/>.</summary>
    public static IReadOnlyList<string> AddedPackages(string section) =>
        AddPackage().Matches(section).Select(m => m.Groups["id"].Value).ToList();

    [GeneratedRegex(@"^```(?<language>\w*)\n(?<code>.*?)^```$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^<!-- (?<marker>\w+): (?<name>[\w.]+) -->\n```\w*\n(?<code>.*?)^```$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex MarkedFence();

    [GeneratedRegex(@"dotnet add package (?<id>[\w.]+)")]
    private static partial Regex AddPackage();
}
