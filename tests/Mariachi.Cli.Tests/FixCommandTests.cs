namespace Mariachi.Cli.Tests;

/// <summary>`mariachi fix` on a copy of samples/Violations: the fixable findings go, the rest are listed.</summary>
public sealed class FixCommandTests
{
    [Fact]
    public async Task The_fixable_rules_disappear_from_the_files_and_the_rest_are_listed()
    {
        var tool = await InstalledTool.GetAsync();
        var copy = SampleCopies.Copy("Violations");
        var sources = SourceStamps();

        var fix = await tool.RunAsync(copy, "fix", "--quiet");

        Assert.True(fix.ExitCode == 1, fix.ToString());
        var service = await File.ReadAllTextAsync(Path.Combine(copy, "Services", "OrderService.cs"));
        Assert.DoesNotContain("SaveAsync(null!", service, StringComparison.Ordinal);
        Assert.DoesNotContain("throw new InvalidOperationException", service, StringComparison.Ordinal);
        Assert.Contains("public Task ShipAsync(Context ctx, Guid id)", service, StringComparison.Ordinal);
        Assert.Contains("changed Services/OrderService.cs", fix.Output, StringComparison.Ordinal);
        var remaining = fix.Output[fix.Output.IndexOf("findings remain (no fix applies):", StringComparison.Ordinal)..];
        foreach (var fixedRule in new[] { "MAR0003", "MAR0005", "MAR0008", "MAR0009", "MAR0011", "MAR0012" })
        {
            Assert.False(remaining.Contains(fixedRule + ":", StringComparison.Ordinal), fixedRule + " remains:\n" + fix);
        }

        // MAR0002's fix needs an IConfiguration in scope, which the sample's service does not have.
        foreach (var unfixable in new[] { "MAR0002", "MAR0004", "MAR0006", "MAR0007", "MAR0013", "MAR0014" })
        {
            Assert.True(remaining.Contains(unfixable + ":", StringComparison.Ordinal), unfixable + " is not listed:\n" + fix);
        }

        // The sample's project references the repository's src/ (loaded with it): none of those files is touched.
        Assert.Equal(sources, SourceStamps());
    }

    private static List<(string, DateTime)> SourceStamps() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (f, File.GetLastWriteTimeUtc(f)))
            .Order()
            .ToList();
}
