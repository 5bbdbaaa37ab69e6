using System.Globalization;
using System.Text;
using Mariachi.Cli.Analysis;
using Mariachi.Cli.Fixing;
using Mariachi.Cli.Loading;
using Mariachi.Cli.Output;

namespace Mariachi.Cli.Commands;

/// <summary>
/// `mariachi fix [PATH] [--rule ID...]`: applies every available Mariachi code fix (FixAll, the IDE's code actions)
/// to the solution's projects, writes the changed files, and lists the findings no fix repaired.
/// </summary>
internal sealed class FixCommand : ICommand
{
    public string Name => "fix";

    public string Summary => "Apply every available Mariachi code fix and write the files; list what remains unfixable";

    public string Arguments => "[PATH]";

    public IReadOnlyList<CommandOption> Options { get; } =
    [
        new("rule", "ID", "Fix only this rule (repeatable, or comma-separated: --rule MAR0003,MAR0005)", Repeatable: true),
        new("no-restore", null, "Do not run `dotnet restore` first (the solution is restored already)"),
        new("quiet", null, "No progress display"),
    ];

    public async Task<int> RunAsync(ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var path = SolutionPath.Resolve(arguments.SinglePath(), console.CurrentDirectory);
        var rules = arguments.Values("rule").Select(r => r.ToUpperInvariant()).ToList();
        var unknown = rules.Where(r => !MariachiAnalyzerReferences.Analyzers.Any(a => a.SupportedDiagnostics.Any(d => d.Id == r))).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown rule {string.Join(", ", unknown)}; rules with a fix: {string.Join(", ", MariachiCodeFixes.FixableIds.Order(StringComparer.Ordinal))}");
        }

        var progress = arguments.Has("quiet") ? ProgressDisplay.None : new ProgressDisplay(console.Out, console.Error, console.IsTerminal, path.BaseDirectory());
        var loaded = await SolutionLoader.LoadAsync(path, !arguments.Has("no-restore"), progress, cancellationToken);
        progress.Done();
        foreach (var failure in loaded.Failures)
        {
            await console.Error.WriteLineAsync($"{failure.Path}: {failure.Reason}");
        }

        if (loaded.Failures.Count > 0)
        {
            await console.Error.WriteLineAsync("mariachi fix: nothing written, some projects did not load");
            return ExitCodes.UsageOrLoadError;
        }

        var outcome = await SolutionFixer.FixAsync(loaded.Solution, loaded.Projects, rules, MariachiAnalyzerReferences.Analyzers, cancellationToken);
        var root = path.BaseDirectory();
        foreach (var changed in outcome.Changed)
        {
            var text = await outcome.Solution.GetDocument(changed.Id)!.GetTextAsync(cancellationToken);
            await File.WriteAllTextAsync(changed.Path, text.ToString(), text.Encoding ?? new UTF8Encoding(false), cancellationToken);
        }

        await WriteAsync(outcome, root, console.Out);
        return outcome.Unfixable.Count == 0 ? ExitCodes.Clean : ExitCodes.Findings;
    }

    private static async Task WriteAsync(FixOutcome outcome, string root, TextWriter writer)
    {
        var fixedCount = outcome.Fixed.Values.Sum();
        var byRule = string.Join(", ", outcome.Fixed.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} x{f.Value}"));
        await writer.WriteLineAsync(fixedCount == 0 ? "Nothing fixed." : $"Fixed {fixedCount} findings ({byRule}) in {outcome.Changed.Count} files:");
        foreach (var changed in outcome.Changed)
        {
            await writer.WriteLineAsync($"  changed {Relative(root, changed.Path)} ({changed.LinesChanged} lines)");
        }

        if (outcome.Unfixable.Count == 0)
        {
            await writer.WriteLineAsync("Nothing left to fix.");
            return;
        }

        await writer.WriteLineAsync($"{outcome.Unfixable.Count} findings remain (no fix applies):");
        foreach (var diagnostic in outcome.Unfixable)
        {
            var span = diagnostic.Location.GetMappedLineSpan();
            var where = span.IsValid ? $"{Relative(root, span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : "(no location)";
            await writer.WriteLineAsync($"  {where}: {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
