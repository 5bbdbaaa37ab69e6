namespace Mariachi.Cli.Analysis;

/// <summary>How a check runs (the options `check` and `baseline` share).</summary>
/// <param name="Restore">Run `dotnet restore` before loading, as `dotnet build` does.</param>
internal sealed record CheckSettings(bool Restore = true);
