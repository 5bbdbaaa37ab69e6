using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Analysis;

/// <summary>
/// The findings of a multi-targeting project, whose every target framework is compiled and analyzed as a build does:
/// a finding all of them report is reported once, as for a single-target project; one only some of them report
/// (code under <c>#if NET8_0</c>, an API one framework lacks) is reported once with those frameworks named.
/// </summary>
internal static partial class TargetFrameworkFindings
{
    /// <param name="frameworks">One project file's projects, one per target framework, each with its findings.</param>
    public static IEnumerable<Finding> Merge(IReadOnlyList<(Project Project, IEnumerable<Finding> Findings)> frameworks)
    {
        if (frameworks.Count == 1)
        {
            return frameworks[0].Findings;
        }

        var names = frameworks.Select(f => TargetFramework(f.Project)).ToList();
        var seenIn = new Dictionary<Finding, List<string>>();
        for (var i = 0; i < frameworks.Count; i++)
        {
            foreach (var finding in frameworks[i].Findings.Distinct())
            {
                if (!seenIn.TryGetValue(finding, out var where))
                {
                    seenIn[finding] = where = [];
                }

                where.Add(names[i]);
            }
        }

        return seenIn.Select(s => s.Value.Count == frameworks.Count ? s.Key : s.Key with { TargetFrameworks = string.Join(", ", s.Value) });
    }

    /// <summary>The target framework MSBuildWorkspace puts in a multi-targeting project's name ("Shop(net8.0)"); else the name.</summary>
    public static string TargetFramework(Project project) =>
        FrameworkSuffix().Match(project.Name) is { Success: true } match ? match.Groups["framework"].Value : project.Name;

    [GeneratedRegex(@"\((?<framework>[^()]+)\)$")]
    private static partial Regex FrameworkSuffix();
}
