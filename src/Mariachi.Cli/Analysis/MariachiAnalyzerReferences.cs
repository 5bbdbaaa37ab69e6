using System.Collections.Immutable;
using System.Reflection;
using Mariachi.Analyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Cli.Analysis;

/// <summary>
/// The Mariachi analyzers and the catalog generator this tool carries, and the swap that makes every C# project
/// use them: a project's own Mariachi.Analyzers (package or project reference) is taken out, so its generator does
/// not write the catalog twice and its analyzers do not report twice; the tool's generator goes in, so
/// <c>[assembly: ProcedureCatalogEntry]</c> reaches the projects that reference it.
/// </summary>
internal static class MariachiAnalyzerReferences
{
    private static readonly string[] OwnAssemblies = ["Mariachi.Analyzers.dll", "Mariachi.CodeFixes.dll"];

    /// <summary>The assembly that holds the rules, the generator and the descriptor catalog.</summary>
    public static Assembly AnalyzerAssembly { get; } = typeof(ProcedureCatalogGenerator).Assembly;

    /// <summary>
    /// One instance of every Mariachi analyzer for C#, without the baseline suppressor: the tool reports every
    /// finding and applies a baseline itself (`check --baseline`), so `baseline` sees what a project's baseline hides.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        [.. CreateAll<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(a => a.Languages).Where(a => a is not DiagnosticSuppressor)];

    /// <summary>The generators of the analyzer assembly (the procedure catalog).</summary>
    public static ImmutableArray<ISourceGenerator> Generators { get; } =
        CreateAll<IIncrementalGenerator, GeneratorAttribute>(a => a.Languages).Select(g => g.AsSourceGenerator()).ToImmutableArray();

    public static Solution Prepare(Solution solution)
    {
        var tool = new ToolReference();
        foreach (var project in solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToList())
        {
            var kept = project.AnalyzerReferences.Where(r => !IsMariachi(r)).Append(tool);
            solution = solution.WithProjectAnalyzerReferences(project.Id, kept);
        }

        return solution;
    }

    private static bool IsMariachi(AnalyzerReference reference) =>
        reference.FullPath is { } path && OwnAssemblies.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase);

    private static ImmutableArray<T> CreateAll<T, TAttribute>(Func<TAttribute, string[]> languages)
        where TAttribute : Attribute =>
        AnalyzerAssembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract
                && t.GetCustomAttribute<TAttribute>() is { } attribute && languages(attribute).Contains(LanguageNames.CSharp))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>
    /// The tool's generator as an analyzer reference. It carries no analyzers: the checks run them themselves with
    /// each project's options, so a compilation only pays for the generator.
    /// </summary>
    private sealed class ToolReference : AnalyzerReference
    {
        public override string? FullPath => null;

        public override string Display => "Mariachi (mariachi tool)";

        public override object Id => typeof(ToolReference);

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => [];

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => [];

        public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => Generators;

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) => language == LanguageNames.CSharp ? Generators : [];
    }
}
