using System.Text.Json;
using System.Text.Json.Serialization;
using Mariachi.Cli.Analysis;

namespace Mariachi.Cli.Output;

/// <summary>
/// `--format json`: one object with the tool, the summary, every finding (paths relative to the solution's folder,
/// 1-based lines and columns), what failed to load and the baselines applied. Field names are a contract for scripts; add, never rename.
/// </summary>
internal static class JsonReport
{
    public const int SchemaVersion = 1;

    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task WriteAsync(CheckResult result, TextWriter writer)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(Create(result), Options));
    }

    public static Report Create(CheckResult result) => new(
        SchemaVersion,
        new ToolInfo("mariachi", ToolVersion.Current),
        result.Display,
        new Summary(
            result.Findings.Count,
            result.Findings.Count(f => f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error),
            result.Findings.Count(f => f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning),
            result.Findings.Count(f => f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Info),
            result.Projects.Count,
            result.Failures.Count,
            Math.Round(result.Elapsed.TotalSeconds, 2)),
        result.Findings.Select(f => new FindingEntry(
            f.Id,
            HumanReport.SeverityName(f.Severity),
            f.Title,
            f.Message,
            f.HelpLink,
            HumanReport.Relative(result, f.FilePath),
            f.Line,
            f.Column,
            f.EndLine,
            f.EndColumn,
            f.Project,
            f.TargetFrameworks?.Split(", "))).ToList(),
        result.Projects,
        result.Failures.Select(f => new FailureEntry(HumanReport.Relative(result, f.Path), f.Reason)).ToList(),
        result.LoadWarnings.Select(f => new FailureEntry(HumanReport.Relative(result, f.Path), f.Reason)).ToList(),
        result.AppliedBaselines?.Select(b => new BaselineEntry(
            HumanReport.Relative(result, b.Path),
            b.Comparison.Accepted,
            b.Comparison.New.Count,
            b.Comparison.Gone.Select(e => new GoneEntry(e.Key.Rule, e.Key.File, e.Key.Symbol, e.Key.Source, e.Count)).ToList())).ToList());

    internal sealed record Report(
        int Version,
        ToolInfo Tool,
        string Path,
        Summary Summary,
        IReadOnlyList<FindingEntry> Findings,
        IReadOnlyList<string> Projects,
        IReadOnlyList<FailureEntry> LoadFailures,
        IReadOnlyList<FailureEntry> LoadWarnings,
        IReadOnlyList<BaselineEntry>? Baselines);

    internal sealed record ToolInfo(string Name, string Version);

    internal sealed record Summary(int Findings, int Errors, int Warnings, int Info, int Projects, int LoadFailures, double Seconds);

    internal sealed record FindingEntry(
        string Id,
        string Severity,
        string Title,
        string Message,
        string? HelpLink,
        string File,
        int Line,
        int Column,
        int EndLine,
        int EndColumn,
        string Project,
        IReadOnlyList<string>? TargetFrameworks);

    internal sealed record FailureEntry(string Path, string Reason);

    /// <summary>A baseline the check applied (absent with --no-baseline): what it accepted, and its entries no finding matches any more.</summary>
    internal sealed record BaselineEntry(string File, int Accepted, int New, IReadOnlyList<GoneEntry> Gone);

    /// <summary>A baseline entry no finding matched (`mariachi baseline --update` drops it); keys as in the file, paths relative to the baseline.</summary>
    internal sealed record GoneEntry(string Rule, string File, string Symbol, string Source, int Count);
}
