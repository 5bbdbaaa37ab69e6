using Mariachi.Analyzers.Baseline;
using Mariachi.Cli.Analysis;
using Mariachi.Cli.Baselines;
using Mariachi.Cli.Loading;
using Mariachi.Cli.Output;

namespace Mariachi.Cli.Commands;

/// <summary>
/// `mariachi baseline [PATH]`: writes today's findings to <c>mariachi-baseline.json</c> next to the solution, so
/// `check --baseline` and `dotnet build` report only new ones. `--update` only tightens an existing baseline (drops
/// what is gone, lowers counts); new findings go in only with `--add-new`.
/// </summary>
internal sealed class BaselineCommand : ICommand
{
    public string Name => "baseline";

    public string Summary => "Write mariachi-baseline.json (next to the solution) with today's findings; --update tightens it";

    public string Arguments => "[PATH]";

    public IReadOnlyList<CommandOption> Options { get; } =
    [
        new("update", null, "Tighten the existing baseline: drop entries whose findings are gone, never add new ones"),
        new("add-new", null, "With --update: also accept today's new findings"),
        new("output", "FILE", "Write the baseline to FILE instead of mariachi-baseline.json next to the solution"),
        new("no-restore", null, "Do not run `dotnet restore` first (the solution is restored already)"),
        new("quiet", null, "No progress display"),
    ];

    public async Task<int> RunAsync(ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var path = SolutionPath.Resolve(arguments.SinglePath(), console.CurrentDirectory);
        var update = arguments.Has("update");
        if (arguments.Has("add-new") && !update)
        {
            throw new UsageException("--add-new goes with --update (without --update every finding is written anyway)");
        }

        var file = Path.GetFullPath(arguments.Value("output") ?? BaselineFile.DefaultPath(path.BaseDirectory()), console.CurrentDirectory);
        var existing = update ? BaselineFile.Read(file) : null;
        var progress = arguments.Has("quiet") ? ProgressDisplay.None : new ProgressDisplay(console.Out, console.Error, console.IsTerminal, path.BaseDirectory());

        var result = await SolutionCheck.RunAsync(path, new CheckSettings(Restore: !arguments.Has("no-restore")), progress, cancellationToken);
        if (result.Failures.Count > 0)
        {
            await FindingsWriters.WriteAsync("human", result, null, console);
            await console.Error.WriteLineAsync("mariachi baseline: not written, some projects did not load");
            return ExitCodes.UsageOrLoadError;
        }

        var directory = Path.GetDirectoryName(file)!;
        var name = Path.GetRelativePath(console.CurrentDirectory, file);
        if (existing is null)
        {
            var keys = new FindingKeys(directory);
            var document = BaselineDocument.FromFindings(result.Findings.Select(keys.For).OfType<BaselineKey>());
            BaselineFile.Write(file, document);
            await console.Out.WriteLineAsync($"wrote {name}: {document.Entries.Sum(e => e.Count)} findings in {document.Entries.Length} entries");
            return ExitCodes.Clean;
        }

        var comparison = BaselineComparison.Compare(result.Findings, existing, directory);
        var gone = comparison.Gone.ToDictionary(e => e.Key, e => e.Count);
        var kept = existing.Entries
            .Select(e => new BaselineEntry(e.Key, e.Count - gone.GetValueOrDefault(e.Key)))
            .Where(e => e.Count > 0);
        var added = arguments.Has("add-new") ? BaselineDocument.FromFindings(comparison.NewKeyed.Select(n => n.Key)).Entries : [];
        var merged = new BaselineDocument(kept.Concat(added).GroupBy(e => e.Key).Select(g => new BaselineEntry(g.Key, g.Sum(e => e.Count))));
        BaselineFile.Write(file, merged);

        await console.Out.WriteLineAsync(
            $"updated {name}: {gone.Values.Sum()} gone findings dropped, {added.Sum(e => e.Count)} new added, {merged.Entries.Sum(e => e.Count)} findings in {merged.Entries.Length} entries");
        foreach (var entry in comparison.Gone)
        {
            await console.Out.WriteLineAsync($"  dropped: {entry.Key.Rule} {entry.Key.File} {entry.Key.Symbol}: {entry.Key.Source}");
        }

        if (added.IsEmpty && comparison.New.Count > 0)
        {
            var list = arguments.Value("output") is null ? "`mariachi check`" : $"`mariachi check --baseline {name}`";
            await console.Out.WriteLineAsync($"  {comparison.New.Count} new findings not added (fix them, or accept them with --update --add-new); {list} lists them");
        }

        return ExitCodes.Clean;
    }
}
