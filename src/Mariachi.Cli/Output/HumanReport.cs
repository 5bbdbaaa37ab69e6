using System.Globalization;
using Mariachi.Cli.Analysis;
using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Output;

/// <summary>
/// The default report: findings grouped by file, each with its source line and a caret under the flagged span,
/// the rule's help link, then a summary by rule and project and the totals.
/// </summary>
internal static class HumanReport
{
    public static async Task WriteAsync(CheckResult result, TextWriter writer, bool colour)
    {
        var paint = new Paint(colour && Environment.GetEnvironmentVariable("NO_COLOR") is null or "");
        var sources = new SourceLines();
        foreach (var failure in result.Failures)
        {
            await writer.WriteLineAsync($"{paint.Red("error")}: could not load {Relative(result, failure.Path)}: {FirstLine(failure.Reason)}");
        }

        foreach (var project in result.LoadWarnings.GroupBy(w => w.Path))
        {
            var more = project.Count() > 1 ? $" (and {project.Count() - 1} more, see --format json)" : "";
            var name = project.Key.Length == 0 ? "the solution" : Relative(result, project.Key);
            await writer.WriteLineAsync($"{paint.Yellow("warning")}: {name} loaded with problems: {FirstLine(project.First().Reason)}{more}");
        }

        if (result.Failures.Count + result.LoadWarnings.Count > 0)
        {
            await writer.WriteLineAsync();
        }

        foreach (var file in result.Findings.GroupBy(f => f.FilePath))
        {
            await writer.WriteLineAsync(paint.Bold(file.Key.Length == 0 ? "(no file)" : Relative(result, file.Key)));
            foreach (var finding in file)
            {
                await WriteFindingAsync(writer, finding, sources, paint);
            }

            await writer.WriteLineAsync();
        }

        await WriteSummaryAsync(result, writer);
    }

    /// <summary>A path relative to the checked solution's folder, with forward slashes.</summary>
    public static string Relative(CheckResult result, string path) =>
        path.Length == 0 ? path : Path.GetRelativePath(result.BaseDirectory, path).Replace('\\', '/');

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    /// <summary>MSBuild's reason without what it quotes below it (the BuildHost's own log lines); JSON keeps it whole.</summary>
    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();

    private static async Task WriteFindingAsync(TextWriter writer, Finding finding, SourceLines sources, Paint paint)
    {
        var severity = SeverityName(finding.Severity);
        severity = finding.Severity == DiagnosticSeverity.Error ? paint.Red(severity) : finding.Severity == DiagnosticSeverity.Warning ? paint.Yellow(severity) : severity;
        var frameworks = finding.TargetFrameworks is { } only ? $" (only in {only})" : "";
        await writer.WriteLineAsync($"  {finding.Line}:{finding.Column}  {severity} {paint.Bold(finding.Id)}: {finding.Message}{frameworks}");
        if (finding.FilePath.Length > 0 && sources.Line(finding.FilePath, finding.Line) is { } line)
        {
            var gutter = finding.Line.ToString(CultureInfo.InvariantCulture);
            var start = Math.Clamp(finding.Column - 1, 0, line.Length);
            var end = finding.EndLine == finding.Line ? Math.Clamp(finding.EndColumn - 1, start, line.Length) : line.Length;
            // Keep tabs under tabs so the caret lines up whatever the tab width.
            var pad = new string([.. line[..start].Select(c => c == '\t' ? '\t' : ' ')]);
            await writer.WriteLineAsync($"    {gutter} | {line}");
            await writer.WriteLineAsync($"    {new string(' ', gutter.Length)} | {pad}{paint.Yellow(new string('^', Math.Max(1, end - start)))}");
        }

        if (finding.HelpLink is not null)
        {
            await writer.WriteLineAsync($"    {paint.Dim(finding.HelpLink)}");
        }
    }

    private static async Task WriteSummaryAsync(CheckResult result, TextWriter writer)
    {
        if (result.Findings.Count > 0)
        {
            var rows = result.Findings
                .GroupBy(f => (f.Id, f.Title, f.Project))
                .OrderBy(g => g.Key.Id, StringComparer.Ordinal).ThenBy(g => g.Key.Project, StringComparer.Ordinal)
                .Select(g => new[] { g.Key.Id, g.Key.Title, g.Key.Project, g.Count().ToString(CultureInfo.InvariantCulture) })
                .ToList();
            await TextTable.WriteAsync(writer, ["Rule", "Title", "Project", "Findings"], rows, rightAligned: 3);
            await writer.WriteLineAsync();
        }

        var counts = string.Join(", ", new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Info }
            .Select(s => (Severity: s, Count: result.Findings.Count(f => f.Severity == s)))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {SeverityName(c.Severity)}{(c.Count == 1 ? "" : "s")}"));
        var findings = result.Findings.Count == 0 ? "No Mariachi findings" : $"{result.Findings.Count} finding{(result.Findings.Count == 1 ? "" : "s")} ({counts})";
        var failed = result.Failures.Count == 0 ? "" : $"; {result.Failures.Count} could not be loaded";
        await writer.WriteLineAsync(
            $"{findings} in {result.Projects.Count} project{(result.Projects.Count == 1 ? "" : "s")}{failed} ({result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s).");
    }

    private readonly record struct Paint(bool On)
    {
        public string Red(string text) => Wrap("31", text);

        public string Yellow(string text) => Wrap("33", text);

        public string Bold(string text) => Wrap("1", text);

        public string Dim(string text) => Wrap("2", text);

        private string Wrap(string code, string text) => On ? $"\u001b[{code}m{text}\u001b[0m" : text;
    }
}
