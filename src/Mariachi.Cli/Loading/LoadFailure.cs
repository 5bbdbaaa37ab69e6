namespace Mariachi.Cli.Loading;

/// <summary>A project (or the solution) that MSBuild could not load, with MSBuild's own reason.</summary>
internal sealed record LoadFailure(string Path, string Reason);
