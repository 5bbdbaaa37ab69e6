using Mariachi.Analyzers.Baseline;
using Mariachi.Cli.Analysis;
using Mariachi.Cli.Commands;

namespace Mariachi.Cli.Baselines;

/// <summary>
/// The baseline part of `mariachi check`: only the findings no baseline accepts are reported, and each baseline's
/// entries that are gone are listed. By default every project gets the baseline its build applies
/// (<see cref="ProjectBaselines"/>); `--baseline FILE` applies one file to every project; `--no-baseline` none.
/// </summary>
internal sealed class BaselineCheck
{
    private readonly string? _fixedPath;
    private readonly BaselineDocument? _fixed;

    private BaselineCheck(string? fixedPath, BaselineDocument? document)
    {
        _fixedPath = fixedPath;
        _fixed = document;
    }

    /// <summary>
    /// The baselines `check` applies: null with <c>--no-baseline</c>; <c>--baseline FILE</c> read before the (long)
    /// check; otherwise each project's own, found after loading.
    /// </summary>
    public static BaselineCheck? FromOptions(string? file, bool none, string currentDirectory)
    {
        if (file is not null && none)
        {
            throw new UsageException("--baseline and --no-baseline exclude each other");
        }

        if (none)
        {
            return null;
        }

        var path = file is null ? null : System.IO.Path.GetFullPath(file, currentDirectory);
        return new BaselineCheck(path, path is null ? null : BaselineFile.Read(path));
    }

    /// <summary>The result with the accepted findings taken out and each baseline's comparison in <see cref="CheckResult.AppliedBaselines"/>.</summary>
    /// <exception cref="UsageException">A project's baseline does not read (MAR0901's message, with file and position).</exception>
    public CheckResult Apply(CheckResult result)
    {
        string? BaselineOf(Finding finding) => _fixedPath ?? result.Baselines.GetValueOrDefault(finding.ProjectFile);

        var paths = _fixedPath is null ? result.Baselines.Values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() : [_fixedPath];
        var remaining = result.Findings.Where(f => BaselineOf(f) is null).ToList();
        var comparisons = new List<(string, BaselineComparison)>();
        foreach (var path in paths)
        {
            var document = _fixed ?? BaselineFile.Read(path);
            var directory = System.IO.Path.GetDirectoryName(path)!;
            var comparison = BaselineComparison.Compare([.. result.Findings.Where(f => BaselineOf(f) == path)], document, directory);
            // Gone as `baseline --update` sees it: no finding of any project matches the entry, also of a project
            // that does not apply this baseline (MariachiUseBaseline=false).
            var gone = _fixedPath is null ? BaselineComparison.Compare(result.Findings, document, directory).Gone : comparison.Gone;
            remaining.AddRange(comparison.New);
            comparisons.Add((path, comparison with { Gone = gone }));
        }

        return result with { Findings = remaining.Order(Finding.Order).ToList(), AppliedBaselines = comparisons };
    }

    /// <summary>
    /// One line per baseline on what it accepted, and each entry no finding matches any more (code fixed or removed),
    /// so the file can be tightened with `mariachi baseline --update`.
    /// </summary>
    public async Task WriteAsync(CheckResult applied, TextWriter writer)
    {
        var baselines = applied.AppliedBaselines ?? [];
        foreach (var (path, comparison) in baselines)
        {
            var name = System.IO.Path.GetRelativePath(applied.BaseDirectory, path).Replace('\\', '/');
            await writer.WriteLineAsync($"{name}: {comparison.Accepted} accepted, {comparison.New.Count} new, {comparison.Gone.Sum(e => e.Count)} gone");
            foreach (var entry in comparison.Gone)
            {
                var times = entry.Count > 1 ? $" (x{entry.Count})" : string.Empty;
                await writer.WriteLineAsync($"  gone: {entry.Key.Rule} {entry.Key.File} {entry.Key.Symbol}: {entry.Key.Source}{times}");
            }

            if (comparison.Gone.Count > 0)
            {
                await writer.WriteLineAsync("  run `mariachi baseline --update` to drop them from the baseline");
            }
        }

        if (_fixedPath is null && baselines.Any(b => b.Comparison.Accepted > 0))
        {
            await writer.WriteLineAsync("  accepted findings are not shown: `mariachi check --no-baseline` shows every finding");
        }
    }
}
