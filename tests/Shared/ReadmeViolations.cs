using System.Text.RegularExpressions;

namespace Mariachi.Tests.Shared;

/// <summary>The README's "Every rule firing" block: what building samples/Violations prints, one line per finding.</summary>
internal static partial class ReadmeViolations
{
    /// <summary>The MAR lines of the README's console block after <c>dotnet build samples/Violations</c>.</summary>
    public static IReadOnlyList<string> Lines(string readme)
    {
        var block = ViolationsBlock().Match(readme);
        Assert.True(block.Success, "README.md has no ```console block starting with '$ dotnet build samples/Violations'");
        var lines = block.Groups["output"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        return lines;
    }

    /// <summary>The lines of the README of the repository.</summary>
    public static IReadOnlyList<string> Lines() => Lines(File.ReadAllText(Path.Combine(Repository.Root, "README.md")));

    [GeneratedRegex(@"```console\n\$ dotnet build samples/Violations\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ViolationsBlock();
}
