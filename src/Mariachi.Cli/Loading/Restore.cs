using System.Diagnostics;

namespace Mariachi.Cli.Loading;

/// <summary>
/// `dotnet restore` of what PATH names before loading, as `dotnet build` does: a design-time build does not restore,
/// and an unrestored project loads without its package references (its code then binds to nothing).
/// </summary>
internal static class Restore
{
    /// <returns>Failures with restore's error lines; empty when every restore succeeded.</returns>
    public static async Task<IReadOnlyList<LoadFailure>> RunAsync(SolutionPath path, CancellationToken cancellationToken)
    {
        var failures = new List<LoadFailure>();
        foreach (var target in path.SolutionFile is { } solution ? [solution] : path.ProjectFiles)
        {
            var (exitCode, output) = await RunDotNetAsync(Path.GetDirectoryName(target)!, cancellationToken, "restore", target, "-v:q", "-nologo");
            if (exitCode != 0)
            {
                var errors = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
                failures.Add(new LoadFailure(target, "restore failed: " + (errors.Count > 0 ? string.Join(Environment.NewLine, errors) : output.Trim())));
            }
        }

        return failures;
    }

    private static async Task<(int ExitCode, string Output)> RunDotNetAsync(string workingDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotNetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The dotnet host running this tool (a tool always runs under one), else the one on PATH.</summary>
    private static string DotNetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}
