using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Mariachi.Benchmarks.Tests;

/// <summary>Runs a benchmark program from its own build output (same configuration as these tests) and captures what it prints.</summary>
internal static class BenchProgram
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string project, string arguments, TimeSpan timeout)
    {
        var dll = Path.Combine(Metadata("BenchRoot"), project, "bin", Metadata("BenchConfiguration"), "net10.0", project + ".dll");
        Assert.True(File.Exists(dll), $"{dll} was not built: the test project references the benchmark projects so they build first.");

        var workingDirectory = Directory.CreateTempSubdirectory("mariachi-bench-smoke-").FullName;
        var start = new ProcessStartInfo(DotnetHost(), $"\"{dll}\" {arguments}")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"timed out after {timeout}{Environment.NewLine}{await output}{Environment.NewLine}{await error}");
        }
        finally
        {
            TryDelete(workingDirectory);
        }

        var text = new StringBuilder().AppendLine(await output).AppendLine(await error).ToString();
        return (process.ExitCode, text);
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Metadata(string key) =>
        typeof(BenchProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
