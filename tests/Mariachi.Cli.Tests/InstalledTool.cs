namespace Mariachi.Cli.Tests;

/// <summary>
/// The `mariachi` tool as a user gets it: packed into a local feed and installed with `dotnet tool install
/// --tool-path`, once per test run, shared by every test. <see cref="RunAsync"/> runs it as a process.
/// </summary>
internal sealed class InstalledTool
{
    private static readonly Lazy<Task<InstalledTool>> Installed = new(InstallAsync);

    private InstalledTool(string executable) => Executable = executable;

    /// <summary>The installed `mariachi` shim.</summary>
    public string Executable { get; }

    public static Task<InstalledTool> GetAsync() => Installed.Value;

    /// <summary>Runs `mariachi arguments…` in <paramref name="workingDirectory"/>; standard output and error apart.</summary>
    public async Task<ToolRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        var result = await Processes.RunAsync(Executable, workingDirectory, TimeSpan.FromMinutes(8), arguments);
        return new ToolRun(result.ExitCode, result.Output, result.Error);
    }

    private static async Task<InstalledTool> InstallAsync()
    {
        var feed = await LocalFeed.GetToolAsync();
        var scratch = new ScratchFolder("mariachi-tool-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => scratch.Delete();
        Directory.CreateDirectory(scratch.Root);
        feed.WriteNuGetConfig(scratch.Root);
        var tools = Path.Combine(scratch.Root, "tools");
        var install = await DotNet.RunAsync(scratch.Root, "tool", "install", "Mariachi.Cli", "--tool-path", tools, "--version", feed.Version);
        Assert.True(install.ExitCode == 0, $"dotnet tool install failed: {install}");
        return new InstalledTool(Path.Combine(tools, OperatingSystem.IsWindows() ? "mariachi.exe" : "mariachi"));
    }
}

/// <summary>One run of the tool.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
