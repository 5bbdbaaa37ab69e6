using System.Reflection;
using System.Text.RegularExpressions;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Tests;

/// <summary>Keeps the descriptor catalog, the analyzers, the fixes, the rule docs, release tracking and the README in sync.</summary>
public sealed partial class CatalogTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(DiagnosticDescriptors).Assembly;
    private static readonly string DocsDirectory = Path.Combine(AppContext.BaseDirectory, "docs");

    public static TheoryData<string> RuleIds => new(DiagnosticDescriptors.All.Select(d => d.Id).Distinct());

    [Fact]
    public void Ids_match_their_constants_and_descriptors_sharing_an_id_differ_only_in_tags()
    {
        var constants = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetRawConstantValue()!).Order();
        Assert.Equal(constants, DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Order());
        foreach (var group in DiagnosticDescriptors.All.GroupBy(d => d.Id).Where(g => g.Count() > 1))
        {
            Assert.Single(group.Select(d => (d.Title.ToString(), d.MessageFormat.ToString(), d.Category, d.DefaultSeverity, d.HelpLinkUri)).Distinct());
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_doc_page_titled_like_its_descriptor_and_a_help_link_to_it(string id)
    {
        var descriptor = DiagnosticDescriptors.All.First(d => d.Id == id);
        var page = Path.Combine(DocsDirectory, id + ".md");

        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");
        Assert.Equal($"# {id}: {descriptor.Title}", File.ReadLines(page).First());
        Assert.EndsWith($"docs/rules/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        var text = File.ReadAllText(page);
        foreach (var section in new[] { "## What it reports", "## Why", "## Fix", "## Options", "## Suppress" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_doc_page_belongs_to_a_rule()
    {
        var pages = Directory.GetFiles(DocsDirectory, "MAR*.md").Select(Path.GetFileNameWithoutExtension);

        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Order(), pages.Order());
    }

    [Fact]
    public void Release_tracking_lists_every_rule_once_with_its_category_and_severity()
    {
        var expected = DiagnosticDescriptors.All.Select(d => (d.Id, d.Category, d.DefaultSeverity.ToString())).Distinct().OrderBy(r => r.Id);
        var releases = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "releases"), "AnalyzerReleases.*.md")
            .SelectMany(File.ReadLines)
            .Select(line => ReleaseRow().Match(line))
            .Where(match => match.Success)
            .Select(match => (Id: match.Groups["id"].Value, Category: match.Groups["category"].Value, Severity: match.Groups["severity"].Value))
            .ToList();

        Assert.Equal(expected, releases.OrderBy(r => r.Id));
    }

    [Fact]
    public void Every_descriptor_is_supported_by_exactly_one_analyzer_from_the_catalog()
    {
        var supported = Analyzers().SelectMany(a => a.SupportedDiagnostics).ToList();
        // The tool-only rules (the mariachi tool reports them over a whole solution) are explicitly not analyzers'.
        var analyzerRules = DiagnosticDescriptors.All.Where(d => !DiagnosticDescriptors.ToolOnly.Any(t => ReferenceEquals(t, d))).ToList();

        Assert.All(analyzerRules, d => Assert.Single(supported, s => ReferenceEquals(s, d)));
        Assert.Equal(analyzerRules.Count, supported.Count);
        Assert.Equal([DiagnosticIds.ServiceWithoutTest], DiagnosticDescriptors.ToolOnly.Select(d => d.Id));
        Assert.All(DiagnosticDescriptors.ToolOnly, d => Assert.DoesNotContain(supported, s => s.Id == d.Id));
    }

    [Fact]
    public void Every_analyzer_is_csharp_only_and_every_fix_targets_a_catalog_rule_with_the_shared_fix_all()
    {
        var fixes = Shipped.CodeFixes;

        Assert.All(AnalyzerAssembly.GetTypes().Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)), type =>
            Assert.Equal([LanguageNames.CSharp], type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()!.Languages));
        Assert.NotEmpty(fixes);
        Assert.All(fixes, fix =>
        {
            // MAR0008's fix changes declarations and calls across the solution, so its FixAll is one solution
            // change (operations that call each other are fixed together) rather than the shared per-document one.
            if (fix is Mariachi.CodeFixes.ContextNotFirstCodeFix)
            {
                Assert.Contains(FixAllScope.Solution, fix.GetFixAllProvider()!.GetSupportedFixAllScopes());
            }
            else
            {
                // A fix that rewrites a name where it is declared (another document) edits the solution instead.
                Assert.True(fix is EditorCodeFixProvider or LiteralRewriteCodeFixProvider, fix.GetType().Name);
            }

            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, DiagnosticDescriptors.All.Select(d => d.Id)));
            Assert.NotNull(fix.GetFixAllProvider());
        });
    }

    [Fact]
    public void Only_the_compilation_wide_MAR0004_analyzer_and_MAR0014_are_compilation_end_analyzers()
    {
        var endAnalyzers = Analyzers()
            .Where(a => a.SupportedDiagnostics.Any(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)))
            .Select(a => a.GetType().Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["DuplicateProcedureNameAnalyzer", "ServiceNotExposedAnalyzer"], endAnalyzers);
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, DiagnosticDescriptors.DuplicateProcedureNameInMember.CustomTags);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_readme_links_every_rule(string id)
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));

        Assert.Contains($"(docs/rules/{id}.md)", readme, StringComparison.Ordinal);
    }

    private static IEnumerable<DiagnosticAnalyzer> Analyzers() => Shipped.Analyzers;

    [GeneratedRegex(@"^(?<id>MAR\d{4})\s*\|\s*(?<category>\w+)\s*\|\s*(?<severity>\w+)\s*\|")]
    private static partial Regex ReleaseRow();
}
