using System.Text.RegularExpressions;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>samples/Violations copied out of the repository, its Mariachi project references turned into package references.</summary>
public sealed partial class PackagedViolations() : RestoredProject("mariachi-violations-")
{
    private protected override async Task WriteAsync(LocalFeed feed)
    {
        var sample = Path.Combine(Repository.Root, "samples", "Violations");
        ScratchFolder.CopySources(sample, Template);

        var project = Path.Combine(Template, "Violations.csproj");
        var text = AnalyzerProjectReference().Replace(await File.ReadAllTextAsync(project), string.Empty);
        text = ToPackageReferences(text, feed);
        Assert.DoesNotContain("ProjectReference", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(project, text);

        await WriteBuildPropsAsync();
    }

    // The package brings the analyzers; the sample's direct analyzer reference goes.
    [GeneratedRegex(@"\s*<ProjectReference Include=""[^""]+Mariachi\.Analyzers\.csproj""[^>]*/>")]
    private static partial Regex AnalyzerProjectReference();
}
