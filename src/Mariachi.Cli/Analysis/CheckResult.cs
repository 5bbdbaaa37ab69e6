using Mariachi.Cli.Baselines;
using Mariachi.Cli.Loading;

namespace Mariachi.Cli.Analysis;

/// <summary>What a check found: findings in <see cref="Finding.Order"/>, the projects checked, what failed to load.</summary>
internal sealed record CheckResult(
    string Display,
    string BaseDirectory,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Projects,
    IReadOnlyList<LoadFailure> Failures,
    IReadOnlyList<LoadFailure> LoadWarnings,
    TimeSpan Elapsed)
{
    /// <summary>Each checked project file's baseline (full path), or null: the one its build applies.</summary>
    public IReadOnlyDictionary<string, string?> Baselines { get; init; } = new Dictionary<string, string?>();

    /// <summary>The baselines applied to the findings (full path and what each accepted), or null when none was asked for.</summary>
    public IReadOnlyList<(string Path, BaselineComparison Comparison)>? AppliedBaselines { get; init; }
}
