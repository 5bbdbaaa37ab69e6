using System.Globalization;
using System.Text.RegularExpressions;
using Mariachi.Analyzers.Baseline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>
/// <c>dotnet build</c> honours <c>mariachi-baseline.json</c> through the package: a copy of samples/Violations with a
/// baseline of today's findings builds clean, moving code keeps it clean, and a new violation is the one warning.
/// </summary>
public sealed partial class BaselineBuildTests(PackagedViolations violations) : IClassFixture<PackagedViolations>
{
    private const string NewViolation = "    public string? Country() => Environment.GetEnvironmentVariable(\"DEFAULT_COUNTRY\");\n";

    [Fact]
    public async Task A_baseline_of_todays_findings_builds_clean_until_a_new_violation_which_is_the_one_warning()
    {
        var copy = violations.NewCopy();
        var before = await DotNet.RunAsync(copy, "build", "--no-restore");
        var findings = Findings(before.Output);
        Assert.True(findings.Count >= 19, before.ToString());

        await File.WriteAllTextAsync(Path.Combine(copy, BaselineDocument.FileName), BaselineDocument.FromFindings(findings.Select(f => Key(f, copy))).Write());
        var clean = await DotNet.RunAsync(copy, "build", "--no-restore");

        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Empty(Findings(clean.Output));

        // Lines shift in two files, and one new environment read appears.
        var service = Path.Combine(copy, "Services", "OrderService.cs");
        var text = await File.ReadAllTextAsync(service);
        text = text.Replace("namespace Violations.Services;\n", "namespace Violations.Services;\n\n// Moved down.\n\n", StringComparison.Ordinal);
        text = text.Insert(text.LastIndexOf('}'), NewViolation);
        await File.WriteAllTextAsync(service, text);
        var controller = Path.Combine(copy, "Controllers", "OrdersController.cs");
        await File.WriteAllTextAsync(controller, "// A header comment.\n\n" + await File.ReadAllTextAsync(controller));
        var after = await DotNet.RunAsync(copy, "build", "--no-restore");

        var line = text.Split('\n').ToList().IndexOf(NewViolation.TrimEnd('\n')) + 1;
        Assert.Equal([("Services/OrderService.cs", line, "MAR0002")], Findings(after.Output).Select(f => (Relative(f.Path, copy), f.Line, f.Id)));

        // The property turns the baseline off: everything comes back.
        var off = await DotNet.RunAsync(copy, "build", "--no-restore", "-p:MariachiUseBaseline=false");
        Assert.Equal(findings.Count + 1, Findings(off.Output).Count);
    }

    [Fact]
    public async Task A_baseline_that_does_not_read_is_reported_and_suppresses_nothing()
    {
        var copy = violations.NewCopy();
        await File.WriteAllTextAsync(Path.Combine(copy, BaselineDocument.FileName), "{\n  \"version\": 1,\n  \"entries\": [,]\n}\n");

        var build = await DotNet.RunAsync(copy, "build", "--no-restore");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("mariachi-baseline.json(3,15): warning MAR0901: The Mariachi baseline is invalid: expected a JSON value", build.Output, StringComparison.Ordinal);
        Assert.True(Findings(build.Output).Count >= 19, build.ToString());
    }

    /// <summary>The distinct MAR warnings of a build in source files (path, line, column, id).</summary>
    private static List<(string Path, int Line, int Column, string Id)> Findings(string output) =>
        Warning().Matches(output)
            .Select(m => (m.Groups["path"].Value, Parse(m.Groups["line"].Value), Parse(m.Groups["column"].Value), m.Groups["id"].Value))
            .Distinct()
            .ToList();

    /// <summary>The key the tool writes for a finding, computed from the file as the build's suppressor computes it.</summary>
    private static BaselineKey Key((string Path, int Line, int Column, string Id) finding, string folder)
    {
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(finding.Path), path: finding.Path);
        var position = tree.GetText().Lines[finding.Line - 1].Start + finding.Column - 1;
        var descriptor = new DiagnosticDescriptor(finding.Id, "t", "m", "Mariachi", DiagnosticSeverity.Warning, isEnabledByDefault: true);
        var diagnostic = Diagnostic.Create(descriptor, Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(position, 1)));
        return BaselineKeys.For(diagnostic, folder, CancellationToken.None) ?? throw new InvalidOperationException("no key for " + finding);
    }

    private static string Relative(string path, string folder) => Path.GetRelativePath(folder, path).Replace('\\', '/');

    private static int Parse(string number) => int.Parse(number, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<path>[^\s(][^(\r\n]*\.cs)\((?<line>\d+),(?<column>\d+)\): warning (?<id>MAR\d{4}):")]
    private static partial Regex Warning();
}
