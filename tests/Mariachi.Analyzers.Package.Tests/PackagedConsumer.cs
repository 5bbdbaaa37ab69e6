using System.Text.RegularExpressions;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>
/// A console consumer (Consumer/) that breaks every rule, referencing Mariachi.Abstractions from the packed feed.
/// </summary>
public partial class PackagedConsumer : RestoredProject
{
    private readonly string _folder;

    public PackagedConsumer()
        : this("Consumer")
    {
    }

    /// <summary>A consumer rendered from <paramref name="folder"/> (next to this assembly) instead of Consumer/.</summary>
    protected PackagedConsumer(string folder)
        : base("mariachi-e2e-") => _folder = folder;

    private protected override Task WriteAsync(LocalFeed feed)
    {
        ScratchFolder.CopyDirectory(Path.Combine(AppContext.BaseDirectory, _folder), Template);
        Render("Consumer.csproj.template", "Consumer.csproj", ("@VERSION@", feed.Version));
        return Task.CompletedTask;
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
    public static string Configuration => Repository.Configuration;

    public static string FindRepositoryRoot() => Repository.Root;
}
