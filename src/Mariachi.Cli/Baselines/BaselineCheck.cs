using Mariachi.Analyzers.Baseline;
using Mariachi.Cli.Analysis;
using Mariachi.Cli.Commands;

namespace Mariachi.Cli.Baselines;

/// <summary>`mariachi check --baseline FILE`: only the findings the baseline does not accept, and the accepted ones that are gone.</summary>
internal sealed record BaselineCheck(string Path, BaselineDocument Document)
{
    /// <summary>The baseline of <c>--baseline</c>, read before the (long) check; null when the option is absent.</summary>
    public static BaselineCheck? Load(string? path, string currentDirectory) =>
        path is null ? null : new BaselineCheck(System.IO.Path.GetFullPath(path, currentDirectory), BaselineFile.Read(System.IO.Path.GetFullPath(path, currentDirectory)));

    /// <summary>The result with the accepted findings taken out, and the comparison (for <see cref="WriteGoneAsync"/>).</summary>
    public (CheckResult Result, BaselineComparison Comparison) Apply(CheckResult result)
    {
        var comparison = BaselineComparison.Compare(result.Findings, Document, System.IO.Path.GetDirectoryName(Path)!);
        return (result with { Findings = comparison.New }, comparison);
    }

    /// <summary>
    /// One line on what the baseline accepted, and each entry no finding matches any more (code fixed or removed),
    /// so the file can be tightened with `mariachi baseline --update`.
    /// </summary>
    public async Task WriteGoneAsync(BaselineComparison comparison, TextWriter writer)
    {
        var name = System.IO.Path.GetFileName(Path);
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
}
