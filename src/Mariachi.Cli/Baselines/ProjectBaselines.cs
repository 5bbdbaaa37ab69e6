using Mariachi.Analyzers.Baseline;
using Mariachi.Cli.Loading;
using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Baselines;

/// <summary>
/// The baseline each checked project's build applies, so that a plain `mariachi check` gives the build's verdict:
/// <list type="number">
/// <item>the <c>mariachi-baseline.json</c> among the project's additional files: the analyzer package puts the nearest
/// one at or above the project folder there (none with <c>MariachiUseBaseline=false</c>), or the project lists it;</item>
/// <item>none when the project imports the package's build targets (its <c>Mariachi.gate.globalconfig</c> is among its
/// analyzer config files) but has no baseline among its additional files, or when it lists more than one (the
/// build's MAR0901);</item>
/// <item>otherwise (the analyzers referenced as a project, or not at all) the nearest <c>mariachi-baseline.json</c> at
/// or above the project folder, the package's rule.</item>
/// </list>
/// </summary>
internal static class ProjectBaselines
{
    private const string GateConfig = "Mariachi.gate.globalconfig";

    /// <summary>Project file -> the full path of its baseline, or null.</summary>
    public static IReadOnlyDictionary<string, string?> Find(LoadedSolution loaded) =>
        loaded.Projects
            .Select(id => loaded.Solution.GetProject(id)!)
            .Where(p => p.FilePath is not null)
            .ToDictionary(p => p.FilePath!, For, StringComparer.Ordinal);

    private static string? For(Project project)
    {
        var listed = project.AnalyzerOptions.AdditionalFiles
            .Where(f => BaselineFiles.IsBaseline(f.Path))
            .Select(f => Path.GetFullPath(f.Path))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (listed.Count > 0)
        {
            return listed.Count == 1 ? listed[0] : null;
        }

        return project.AnalyzerConfigDocuments.Any(d => string.Equals(Path.GetFileName(d.FilePath), GateConfig, StringComparison.OrdinalIgnoreCase))
            ? null
            : Nearest(Path.GetDirectoryName(project.FilePath!)!);
    }

    /// <summary>MSBuild's GetDirectoryNameOfFileAbove: this folder, then each parent.</summary>
    private static string? Nearest(string folder)
    {
        for (var current = folder; current is not null; current = Path.GetDirectoryName(current))
        {
            var candidate = Path.Combine(current, BaselineDocument.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
