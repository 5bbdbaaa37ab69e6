namespace Mariachi.Cli.Tests;

/// <summary>
/// The tool's runs on the samples, each made once per test run and shared by the tests that read it (a run loads
/// and analyzes a whole solution: tens of seconds on a busy machine).
/// </summary>
internal static class SampleRuns
{
    private static readonly Lazy<Task<string>> ViolationsCopy = new(() => Task.Run(() => SampleCopies.Copy("Violations")));
    private static readonly Lazy<Task<ToolRun>> ViolationsJson = new(() => RunOnViolationsAsync("--format", "json"));
    private static readonly Lazy<Task<ToolRun>> ViolationsSarif = new(() => RunOnViolationsAsync("--format", "sarif", "--no-restore"));
    private static readonly Lazy<Task<ToolRun>> ViolationsHuman = new(() => RunOnViolationsAsync("--fail-on", "error", "--no-restore"));

    /// <summary>`mariachi check --format json` on a copy of samples/Violations (the first run: it restores the copy).</summary>
    public static Task<ToolRun> ViolationsAsJsonAsync() => ViolationsJson.Value;

    /// <summary>`mariachi check --format sarif` on the same copy.</summary>
    public static async Task<ToolRun> ViolationsAsSarifAsync()
    {
        await ViolationsJson.Value;
        return await ViolationsSarif.Value;
    }

    /// <summary>`mariachi check --fail-on error` (human output) on the same copy.</summary>
    public static async Task<ToolRun> ViolationsAsHumanAsync()
    {
        await ViolationsJson.Value;
        return await ViolationsHuman.Value;
    }

    public static Task<string> ViolationsFolderAsync() => ViolationsCopy.Value;

    private static async Task<ToolRun> RunOnViolationsAsync(params string[] options)
    {
        var tool = await InstalledTool.GetAsync();
        var folder = await ViolationsCopy.Value;
        return await tool.RunAsync(folder, ["check", .. options]);
    }
}
