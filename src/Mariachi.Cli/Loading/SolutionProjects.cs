using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mariachi.Cli.Loading;

/// <summary>
/// The project files a solution lists (.sln, .slnx, .slnf). MSBuildWorkspace also loads the projects they reference
/// from outside the solution, for their compilations; only the listed ones are checked.
/// </summary>
internal static partial class SolutionProjects
{
    /// <returns>Full paths, or null when the file cannot be read (MSBuild then reports the problem).</returns>
    public static IReadOnlySet<string>? Read(string solutionFile)
    {
        try
        {
            var folder = Path.GetDirectoryName(solutionFile)!;
            var text = File.ReadAllText(solutionFile);
            IEnumerable<string> paths = Path.GetExtension(solutionFile).ToLowerInvariant() switch
            {
                ".slnx" => XDocument.Parse(text).Descendants().Where(e => e.Name.LocalName == "Project").Select(e => (string?)e.Attribute("Path")).OfType<string>(),
                ".slnf" => FilterProjects(text, folder, out folder),
                _ => SlnProject().Matches(text).Select(m => m.Groups["path"].Value),
            };
            return paths.Where(p => p.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
                .Select(p => Path.GetFullPath(Path.Combine(folder, p.Replace('\\', Path.DirectorySeparatorChar))))
                .ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A solution filter's projects, relative to the solution it filters (whose folder it returns).</summary>
    private static List<string> FilterProjects(string json, string folder, out string solutionFolder)
    {
        using var document = JsonDocument.Parse(json);
        var solution = document.RootElement.GetProperty("solution");
        solutionFolder = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, solution.GetProperty("path").GetString()!.Replace('\\', Path.DirectorySeparatorChar))))!;
        return solution.GetProperty("projects").EnumerateArray().Select(p => p.GetString()!).ToList();
    }

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*"",\s*""(?<path>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex SlnProject();
}
