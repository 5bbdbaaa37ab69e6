using System.Text.RegularExpressions;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>
/// A project written into a scratch folder outside the repository and restored against the <see cref="LocalFeed"/>
/// of every packed Mariachi package, once per fixture. Each test works on its own copy.
/// </summary>
public abstract partial class RestoredProject(string prefix) : IAsyncLifetime
{
    private readonly ScratchFolder _scratch = new(prefix);

    /// <summary>The scratch folder every copy lives in.</summary>
    protected string Scratch => _scratch.Root;

    /// <summary>The restored project the copies are made from.</summary>
    public string Template => Path.Combine(_scratch.Root, "template");

    public async Task InitializeAsync()
    {
        var feed = await LocalFeed.GetAsync();
        Directory.CreateDirectory(Template);
        await WriteAsync(feed);
        feed.WriteNuGetConfig(Template);

        var restore = await DotNet.RunAsync(Template, "restore");
        Assert.True(restore.ExitCode == 0, $"restore failed: {restore}");
    }

    public Task DisposeAsync()
    {
        _scratch.Delete();
        return Task.CompletedTask;
    }

    /// <summary>A fresh copy of the restored project for one test.</summary>
    public string NewCopy() => _scratch.NewCopy(Template);

    /// <summary>Writes the project into <see cref="Template"/>, referencing the packages at the feed's version.</summary>
    private protected abstract Task WriteAsync(LocalFeed feed);

    /// <summary>A sample's project references to Mariachi's own projects turned into references to their packages.</summary>
    private protected static string ToPackageReferences(string project, LocalFeed feed) =>
        MariachiProjectReference().Replace(project, m => $"<PackageReference Include=\"{m.Groups["package"].Value}\" Version=\"{feed.Version}\" />");

    /// <summary>
    /// What the repository's Directory.Build.props (and a sample's own, for <paramref name="targetFramework"/>) give a
    /// sample copied out of it: no analyzers' project reference (the packages bring them), warnings left as warnings.
    /// </summary>
    private protected Task WriteBuildPropsAsync(string? targetFramework = null) =>
        File.WriteAllTextAsync(Path.Combine(Template, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                {(targetFramework is null ? string.Empty : $"<TargetFramework>{targetFramework}</TargetFramework>")}
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <LangVersion>latest</LangVersion>
                <RestorePackagesPath>$(MSBuildThisFileDirectory)packages</RestorePackagesPath>
              </PropertyGroup>
            </Project>
            """);

    [GeneratedRegex(@"<ProjectReference Include=""[.\\/]+src[\\/][^""]+[\\/](?<package>Mariachi\.[A-Za-z.]+)\.csproj"" />")]
    private static partial Regex MariachiProjectReference();
}
