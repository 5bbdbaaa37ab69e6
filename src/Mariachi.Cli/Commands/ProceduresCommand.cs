using Mariachi.Cli.Loading;
using Mariachi.Cli.Output;
using Mariachi.Cli.Procedures;

namespace Mariachi.Cli.Commands;

/// <summary>
/// `mariachi procedures [PATH]`: the solution's procedure catalog (name, input -> output, where registered, who
/// calls it, events published and subscribed), or a picture of controllers -> procedures -> services.
/// </summary>
internal sealed class ProceduresCommand : ICommand
{
    public string Name => "procedures";

    public string Summary => "Print the solution's procedure catalog, or draw it (--format mermaid or dot)";

    public string Arguments => "[PATH]";

    public IReadOnlyList<CommandOption> Options { get; } =
    [
        CommandOption.Format(ProcedureRendering.Formats),
        new("no-restore", null, "Do not run `dotnet restore` first (the solution is restored already)"),
        new("quiet", null, "No progress display"),
    ];

    public async Task<int> RunAsync(ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var path = SolutionPath.Resolve(arguments.SinglePath(), console.CurrentDirectory);
        var format = arguments.Choice("format", ProcedureRendering.Formats);
        var progress = arguments.Has("quiet") ? ProgressDisplay.None : new ProgressDisplay(console.Out, console.Error, console.IsTerminal, path.BaseDirectory());
        var loaded = await SolutionLoader.LoadAsync(path, !arguments.Has("no-restore"), progress, cancellationToken);
        progress.Done();
        foreach (var failure in loaded.Failures)
        {
            await console.Error.WriteLineAsync($"{failure.Path}: {failure.Reason}");
        }

        var map = await ProcedureMapBuilder.BuildAsync(loaded.Solution, loaded.Projects, path.BaseDirectory(), cancellationToken);
        await console.Out.WriteAsync(ProcedureRendering.Render(map, format));
        return loaded.Failures.Count > 0 ? ExitCodes.UsageOrLoadError : ExitCodes.Clean;
    }
}
