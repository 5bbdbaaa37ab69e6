using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Bench.AnalyzerCost;

/// <summary>
/// What a build of the synthetic solution sees: the .NET and ASP.NET Core reference packs of the SDK, Mariachi.Abstractions
/// with its Microsoft.Extensions dependencies, the compiler options of a Release build, a .globalconfig with the Mariachi
/// options (one of them misspelt, for MAR0900) and a BannedSymbols.txt that bans <c>Environment.GetEnvironmentVariable</c>.
/// </summary>
internal sealed class CompilationSetup
{
    public const string BannedSymbols = "M:System.Environment.GetEnvironmentVariable(System.String);Read settings through IConfiguration";

    private CompilationSetup(ImmutableArray<MetadataReference> references, string description)
    {
        References = references;
        Description = description;
    }

    public ImmutableArray<MetadataReference> References { get; }

    /// <summary>Where the references came from, for the report.</summary>
    public string Description { get; }

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Parse);

    /// <summary>
    /// Single-threaded (concurrentBuild: false), like the analyzer pass, so compile time and analyzer time are both
    /// thread time and compare directly on a shared two-core machine.
    /// </summary>
    public static CSharpCompilationOptions CompilationOptions { get; } = new CSharpCompilationOptions(
            OutputKind.ConsoleApplication,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false,
            deterministic: true)
        // As the SDK does: assembly version unification between Mariachi's Microsoft.Extensions 8 and the framework's 10.
        .WithSpecificDiagnosticOptions([
            new KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress),
            new KeyValuePair<string, ReportDiagnostic>("CS1702", ReportDiagnostic.Suppress),
        ]);

    public static CompilationSetup Discover()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> <dotnet root>/packs
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var packs = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", "packs"));
        var netcore = LatestRefPack(packs, "Microsoft.NETCore.App.Ref");
        var aspnet = LatestRefPack(packs, "Microsoft.AspNetCore.App.Ref");
        var paths = Directory.GetFiles(netcore, "*.dll").Concat(Directory.GetFiles(aspnet, "*.dll")).ToList();
        var frameworkNames = paths.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Mariachi.Abstractions and the Microsoft.Extensions packages it needs, as copied next to this bench; the
        // framework's copy wins where both have an assembly, as in a web project.
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(p => Path.GetFileName(p) is var name
                && (name is "Mariachi.Abstractions.dll" or "Mariachi.Adapters.InMemory.dll" || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
                && !frameworkNames.Contains(Path.GetFileNameWithoutExtension(p)))
            .ToList();
        if (!local.Any(p => p.EndsWith("Mariachi.Abstractions.dll", StringComparison.Ordinal)))
        {
            throw new FileNotFoundException("Mariachi.Abstractions.dll is not next to the bench.");
        }

        paths.AddRange(local);
        var references = paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        return new CompilationSetup(
            references,
            $"{Path.GetRelativePath(packs, netcore)}, {Path.GetRelativePath(packs, aspnet)}, Mariachi.Abstractions, Mariachi.Adapters.InMemory + {local.Count - 2} Microsoft.Extensions assemblies");
    }

    public static ImmutableArray<SyntaxTree> Parse(IReadOnlyList<SourceFile> files) =>
        [.. files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, Encoding.UTF8), ParseOptions, f.Path))];

    public CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees) =>
        CSharpCompilation.Create("Shop", trees, References, CompilationOptions);

    /// <summary>The analyzer options of the synthetic project: its .globalconfig and BannedSymbols.txt.</summary>
    public static AnalyzerOptions AnalyzerOptions { get; } = new(
        [
            new InMemoryAdditionalText("/src/Shop/BannedSymbols.txt", BannedSymbols),
            // MAR0901: a baseline left broken by a merge (so the baseline suppressor suppresses nothing here).
            new InMemoryAdditionalText("/src/Shop/mariachi-baseline.json", "{\n  \"version\": 1,\n  \"entries\": [\n<<<<<<< HEAD\n"),
        ],
        new OneOptionsProvider(new DictionaryConfigOptions(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["mariachi.service_suffixes"] = "Service, Manager",
            ["mariachi.controller_suffixes"] = "Controller",
            ["mariachi.config_namespaces"] = "Configuration, Config, Settings",
            ["mariachi.environment_allow_list"] = "PORT, ADMIN_PORT, WEBHOOK_PORT",
            // MAR0900: a misspelt key, the kind of mistake the rule exists for.
            ["mariachi.service_sufixes"] = "Handler",
        })));

    private static string LatestRefPack(string packs, string name)
    {
        var root = Path.Combine(packs, name);
        var best = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(d => d.Version is not null && Directory.Exists(Path.Combine(d.Dir, "ref", "net10.0")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Dir)
                .FirstOrDefault()
            : null;
        return best is null
            ? throw new DirectoryNotFoundException($"No {name} reference pack for net10.0 under {packs}: the SDK install is incomplete.")
            : Path.Combine(best, "ref", "net10.0");
    }
}
