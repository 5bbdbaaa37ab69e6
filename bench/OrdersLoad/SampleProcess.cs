using System.Diagnostics;

namespace Mariachi.Bench.OrdersLoad;

/// <summary>One process of samples/Orders (the API or the worker), started from its build output with its settings.</summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;

    private SampleProcess(string name, Process process)
    {
        _name = name;
        _process = process;
    }

    public static SampleProcess Start(string repository, string project, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(repository, "samples", "Orders", project, "bin", "Release", "net10.0", project + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the bench in Release first (dotnet build bench/OrdersLoad -c Release).");
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        process.OutputDataReceived += (_, line) => Echo(project, line.Data);
        process.ErrorDataReceived += (_, line) => Echo(project, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SampleProcess(project, process);
    }

    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Echo(string project, string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            Console.Error.WriteLine($"  [{project}] {line}");
        }
    }
}
