using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Bench.AnalyzerCost;

/// <summary>An analyzer under measurement and the label its time is reported under.</summary>
internal sealed record MeasuredAnalyzer(string Label, string Group, DiagnosticAnalyzer Analyzer)
{
    public const string MariachiGroup = "Mariachi";

    public bool IsMariachi => Group == MariachiGroup;

    public ImmutableArray<string> Ids => [.. Analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// The rule this analyzer belongs to in the per-rule tables: its diagnostic ids, or, for a suppressor (which
    /// reports none), the label <see cref="SuppressorRule"/>.
    /// </summary>
    public string Reports => Analyzer is DiagnosticSuppressor ? "suppresses baselined MAR diagnostics" : string.Join(", ", Ids);

    public string Rule => Analyzer is DiagnosticSuppressor ? SuppressorRule : string.Join("+", Ids);

    /// <summary>The per-rule label of Mariachi's baseline suppressor (its suppression ids are MARB0001, MARB0002, ...).</summary>
    public const string SuppressorRule = "baseline suppressor (MARB*)";
}

/// <summary>
/// The analyzers of one run: every Mariachi analyzer (found by reflection, so new rules are measured without changing
/// the bench), CA2016 from Microsoft.CodeAnalysis.NetAnalyzers and RS0030 from Microsoft.CodeAnalysis.BannedApiAnalyzers,
/// both loaded from the analyzer assemblies of their packages as a compiler would load them.
/// </summary>
internal static class AnalyzerSet
{
    public const string Ca2016 = "CA2016";
    public const string Rs0030 = "RS0030";

    public static IReadOnlyList<MeasuredAnalyzer> Load()
    {
        var result = new List<MeasuredAnalyzer>();

        // Mariachi.Analyzers.dll is built next to the bench (project reference) and loaded as the compiler loads it.
        var mariachi = new AnalyzerFileReference(Path.Combine(AppContext.BaseDirectory, "Mariachi.Analyzers.dll"), new FolderAnalyzerLoader(AppContext.BaseDirectory));
        foreach (var analyzer in mariachi.GetAnalyzers(LanguageNames.CSharp).OrderBy(a => a.GetType().FullName, StringComparer.Ordinal))
        {
            var ids = analyzer is DiagnosticSuppressor
                ? MeasuredAnalyzer.SuppressorRule
                : string.Join("+", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
            result.Add(new MeasuredAnalyzer($"{ids} {analyzer.GetType().Name.Replace("Analyzer", string.Empty, StringComparison.Ordinal)}", MeasuredAnalyzer.MariachiGroup, analyzer));
        }

        if (result.Count == 0)
        {
            throw new InvalidOperationException("No Mariachi analyzer was found in Mariachi.Analyzers.dll.");
        }

        var thirdParty = Path.Combine(AppContext.BaseDirectory, "third-party-analyzers");
        result.Add(FromPackage(Path.Combine(thirdParty, "netanalyzers"), "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll", Ca2016));
        result.Add(FromPackage(Path.Combine(thirdParty, "bannedapi"), "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll", Rs0030));
        return result;
    }

    /// <summary>The source generators of Mariachi.Analyzers.dll (the procedure catalog generator), loaded as the compiler loads them.</summary>
    public static IReadOnlyList<ISourceGenerator> LoadGenerators() =>
        new AnalyzerFileReference(Path.Combine(AppContext.BaseDirectory, "Mariachi.Analyzers.dll"), new FolderAnalyzerLoader(AppContext.BaseDirectory))
            .GetGenerators(LanguageNames.CSharp);

    /// <summary>The analyzer of <paramref name="id"/> in a package's C# analyzer assembly (its dependencies sit beside it).</summary>
    private static MeasuredAnalyzer FromPackage(string folder, string assemblyFile, string id)
    {
        var path = Path.Combine(folder, assemblyFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The analyzer assembly for {id} is missing; build the bench so it is copied from its package.", path);
        }

        var loader = new FolderAnalyzerLoader(folder);
        var reference = new AnalyzerFileReference(path, loader);
        var errors = new List<string>();
        reference.AnalyzerLoadFailed += (_, e) => errors.Add($"{e.TypeName}: {e.Message}");
        var matches = reference.GetAnalyzers(LanguageNames.CSharp)
            .Where(a => a.SupportedDiagnostics.Any(d => d.Id == id))
            .ToList();
        if (matches.Count != 1)
        {
            throw new InvalidOperationException(
                $"Expected one analyzer for {id} in {path}, found {matches.Count}. {string.Join("; ", errors.Take(5))}");
        }

        return new MeasuredAnalyzer($"{id} {matches[0].GetType().Name}", id, matches[0]);
    }

    /// <summary>Loads analyzer assemblies into the default context, resolving their dependencies from one folder.</summary>
    private sealed class FolderAnalyzerLoader : IAnalyzerAssemblyLoader
    {
        private readonly string _folder;

        public FolderAnalyzerLoader(string folder)
        {
            _folder = folder;
            AssemblyLoadContext.Default.Resolving += (context, name) =>
            {
                var candidate = Path.Combine(_folder, name.Name + ".dll");
                return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
            };
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath)
        {
            var name = AssemblyName.GetAssemblyName(fullPath);
            var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name));
            return loaded ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }
    }
}
