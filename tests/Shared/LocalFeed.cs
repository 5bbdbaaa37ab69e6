using System.Globalization;
using System.Security;

namespace Mariachi.Tests.Shared;

/// <summary>
/// Every Mariachi package, packed once per test run into a local feed as the README's Install section does (the
/// solution, already built in this test assembly's configuration), under a unique version so that no copy NuGet
/// cached from an earlier run, or from a user's own install, is restored in its place.
/// </summary>
internal sealed class LocalFeed
{
    /// <summary>The command the README documents; the fixture runs it on the existing build into a temporary feed.</summary>
    public const string PackCommand = "dotnet pack Mariachi.sln -c Release -o artifacts/packages";

    private static readonly Lazy<Task<LocalFeed>> Packed = new(() => PackAsync("Mariachi.sln"));
    private static readonly Lazy<Task<LocalFeed>> PackedTool = new(() => PackAsync("src/Mariachi.Cli/Mariachi.Cli.csproj"));

    private LocalFeed(string directory, string version, DotNet.Result pack)
    {
        Directory = directory;
        Version = version;
        Pack = pack;
    }

    /// <summary>The folder that holds the .nupkg and .snupkg files.</summary>
    public string Directory { get; }

    /// <summary>The version every package was stamped with.</summary>
    public string Version { get; }

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public DotNet.Result Pack { get; }

    public static Task<LocalFeed> GetAsync() => Packed.Value;

    /// <summary>Only the `mariachi` tool package (Mariachi.Cli), packed once per run: a tool carries its dependencies.</summary>
    public static Task<LocalFeed> GetToolAsync() => PackedTool.Value;

    /// <summary>
    /// Writes a nuget.config that restores Mariachi from this feed only, and everything else from the machine's
    /// package folder (no network).
    /// </summary>
    public void WriteNuGetConfig(string consumerDirectory)
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(consumerDirectory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{SecurityElement.Escape(Directory)}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{SecurityElement.Escape(globalPackages)}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    private static async Task<LocalFeed> PackAsync(string target)
    {
        // Shared by every fixture of the run, so it goes when the test process does.
        var scratch = new ScratchFolder("mariachi-feed-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => scratch.Delete();
        var version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var feed = Path.Combine(scratch.Root, "packages");

        var pack = await DotNet.RunAsync(
            Repository.Root,
            "pack", target, "-c", Repository.Configuration, "--no-build", "-o", feed, $"-p:Version={version}");

        Assert.True(pack.ExitCode == 0, $"dotnet pack {target} failed: {pack}");
        return new LocalFeed(feed, version, pack);
    }
}
