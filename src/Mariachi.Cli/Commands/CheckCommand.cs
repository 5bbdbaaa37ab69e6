using Mariachi.Cli.Analysis;
using Mariachi.Cli.Baselines;
using Mariachi.Cli.Loading;
using Mariachi.Cli.Output;
using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Commands;

/// <summary>`mariachi check [PATH]`: every Mariachi rule over a whole solution, plus the solution-wide checks.</summary>
internal sealed class CheckCommand : ICommand
{
    public string Name => "check";

    public string Summary => "Check a solution (.sln, .slnx, .slnf, .csproj or folder; default: the current folder) against every Mariachi rule";

    public string Arguments => "[PATH]";

    public IReadOnlyList<CommandOption> Options { get; } =
    [
        CommandOption.Format(FindingsWriters.Formats),
        new("fail-on", "SEVERITY", "Exit 1 when a finding is at or above: error, warning, info, never (default warning)"),
        new("output", "FILE", "Write the report to FILE instead of standard output"),
        new("no-restore", null, "Do not run `dotnet restore` first (the solution is restored already)"),
        new("quiet", null, "No progress display"),
        new("no-baseline", null, "Report every finding (by default the baseline each project's build applies, the nearest mariachi-baseline.json at or above it, hides the ones it accepts)"),
        new("baseline", "FILE", "Apply the baseline FILE to every project instead"),
    ];

    public async Task<int> RunAsync(ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var path = SolutionPath.Resolve(arguments.SinglePath(), console.CurrentDirectory);
        var format = arguments.Choice("format", FindingsWriters.Formats);
        var failOn = FailOn.Parse(arguments.Value("fail-on"));
        var baseline = BaselineCheck.FromOptions(arguments.Value("baseline"), arguments.Has("no-baseline"), console.CurrentDirectory);
        var progress = arguments.Has("quiet") ? ProgressDisplay.None : new ProgressDisplay(console.Out, console.Error, console.IsTerminal, path.BaseDirectory());

        var result = await SolutionCheck.RunAsync(path, new CheckSettings(Restore: !arguments.Has("no-restore")), progress, cancellationToken);

        result = baseline?.Apply(result) ?? result;
        await FindingsWriters.WriteAsync(format, result, arguments.Value("output"), console);
        if (baseline is not null)
        {
            await baseline.WriteAsync(result, format == "human" && arguments.Value("output") is null ? console.Out : console.Error);
        }

        if (result.Failures.Count > 0)
        {
            return ExitCodes.UsageOrLoadError;
        }

        return result.Findings.Any(f => failOn.Fails(f.Severity)) ? ExitCodes.Findings : ExitCodes.Clean;
    }
}

/// <summary>The `--fail-on` threshold.</summary>
internal sealed record FailOn(DiagnosticSeverity? Threshold)
{
    public static FailOn Parse(string? value) => value?.ToLowerInvariant() switch
    {
        null or "warning" => new FailOn(DiagnosticSeverity.Warning),
        "error" => new FailOn(DiagnosticSeverity.Error),
        "info" => new FailOn(DiagnosticSeverity.Info),
        "never" or "none" => new FailOn((DiagnosticSeverity?)null),
        _ => throw new UsageException($"--fail-on must be error, warning, info or never; got '{value}'"),
    };

    public bool Fails(DiagnosticSeverity severity) => Threshold is { } threshold && severity >= threshold;
}
