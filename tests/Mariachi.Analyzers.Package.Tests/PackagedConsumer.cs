using System.Text.RegularExpressions;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>
/// Packs Mariachi.Analyzers and Mariachi.Abstractions (already built by the solution build, in the configuration
/// of this test assembly) into a local feed under a unique version, and restores a consumer project outside the
/// repository against it. Each test works on its own copy of the restored consumer.
/// </summary>
public partial class PackagedConsumer : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mariachi-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _folder;

    public PackagedConsumer()
        : this("Consumer")
    {
    }

    /// <summary>A consumer rendered from <paramref name="folder"/> (next to this assembly) instead of Consumer/.</summary>
    protected PackagedConsumer(string folder) => _folder = folder;

    public string Template => Path.Combine(_root, "consumer");

    public async Task InitializeAsync()
    {
        var repository = FindRepositoryRoot();
        var configuration = Configuration;
        var version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var feed = Path.Combine(_root, "feed");
        foreach (var project in new[] { "src/Mariachi.Analyzers.Package", "src/Mariachi.Abstractions" })
        {
            var pack = await DotNet.RunAsync(repository, "pack", project, "-c", configuration, "--no-build", "-o", feed, $"-p:Version={version}");
            Assert.True(pack.ExitCode == 0, $"dotnet pack {project} failed: {pack}");
        }

        CopyDirectory(Path.Combine(AppContext.BaseDirectory, _folder), Template);
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Render("Consumer.csproj.template", "Consumer.csproj", ("@VERSION@", version));
        Render("nuget.config.template", "nuget.config", ("@FEED@", feed), ("@FALLBACK@", globalPackages));

        var restore = await DotNet.RunAsync(Template, "restore");
        Assert.True(restore.ExitCode == 0, $"restore failed: {restore}");
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }

    /// <summary>A fresh copy of the restored consumer for one test.</summary>
    public string NewCopy()
    {
        var copy = Path.Combine(_root, "copy-" + Guid.NewGuid().ToString("N")[..8]);
        CopyDirectory(Template, copy);
        return copy;
    }

    /// <summary>The distinct MAR ids of a build's diagnostics of the given kind ("warning" or "error").</summary>
    public static IReadOnlySet<string> Ids(string output, string kind) =>
        DiagnosticPattern().Matches(output).Where(m => m.Groups["kind"].Value == kind).Select(m => m.Groups["id"].Value).ToHashSet();

    [GeneratedRegex(@"\b(?<kind>warning|error) (?<id>MAR\d{4}):")]
    private static partial Regex DiagnosticPattern();

    private void Render(string template, string target, params (string Token, string Value)[] replacements)
    {
        var text = File.ReadAllText(Path.Combine(Template, template));
        foreach (var (token, value) in replacements)
        {
            text = text.Replace(token, value, StringComparison.Ordinal);
        }

        File.WriteAllText(Path.Combine(Template, target), text);
        File.Delete(Path.Combine(Template, template));
    }

    /// <summary>The build configuration of this test assembly, and so of the projects it packs.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mariachi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Mariachi.sln not found above " + AppContext.BaseDirectory);
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
