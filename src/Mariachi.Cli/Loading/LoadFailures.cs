using System.Text.RegularExpressions;

namespace Mariachi.Cli.Loading;

/// <summary>Turns MSBuildWorkspace's failure messages into a project path and MSBuild's reason.</summary>
internal static partial class LoadFailures
{
    public static LoadFailure FromWorkspace(string message)
    {
        var match = ProcessingFile().Match(message);
        return match.Success
            ? new LoadFailure(match.Groups["path"].Value, match.Groups["reason"].Value.Trim())
            : new LoadFailure("", message.Trim());
    }

    public static IReadOnlyList<LoadFailure> Distinct(IEnumerable<LoadFailure> failures) =>
        failures.GroupBy(f => (f.Path, f.Reason)).Select(g => g.First()).ToList();

    // "Msbuild failed when processing the file '/x/A.csproj' with message: /x/A.csproj(3,5): error MSB4025: ..."
    [GeneratedRegex(@"processing the file '(?<path>[^']+)'(?: with message:)?(?<reason>.*)", RegexOptions.Singleline)]
    private static partial Regex ProcessingFile();
}
