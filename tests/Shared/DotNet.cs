using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Mariachi.Tests.Shared;

/// <summary>Runs the dotnet CLI as a user would, without the MSBuild settings of the test host leaking in.</summary>
internal static partial class DotNet
{
    public sealed record Result(int ExitCode, string Output)
    {
        /// <summary>The lines of MSBuild warnings (<c>file(1,2): warning CODE: …</c>), not the summary's count.</summary>
        public IReadOnlyList<string> Warnings => Output.Split('\n').Where(line => WarningLine().IsMatch(line)).ToList();

        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] arguments)
    {
        await using var process = Start(workingDirectory, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Starts dotnet and returns at once; disposing the result kills what is still running.</summary>
    public static Running Start(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        AsUser(start);
        return new Running(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>
    /// The environment of a process run as a user would run it: dotnet test exports MSBuild paths for its own build,
    /// and a nested build (or the mariachi tool's MSBuild) must find its own.
    /// </summary>
    public static void AsUser(ProcessStartInfo start)
    {
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
    }

    /// <summary>A started dotnet process and everything it has printed so far.</summary>
    public sealed class Running : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly Task _pumps;

        internal Running(Process process)
        {
            _process = process;
            _pumps = Task.WhenAll(Pump(process.StandardOutput), Pump(process.StandardError));
        }

        public bool HasExited => _process.HasExited;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public async Task<Result> WaitForExitAsync(CancellationToken cancellationToken)
        {
            await _process.WaitForExitAsync(cancellationToken);
            await _pumps;
            return new Result(_process.ExitCode, Output);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // It had already exited.
            }

            await _pumps;
            _process.Dispose();
        }

        private async Task Pump(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
    }

    [GeneratedRegex(@": warning( [A-Z]+\d+)?\s*:")]
    private static partial Regex WarningLine();
}
