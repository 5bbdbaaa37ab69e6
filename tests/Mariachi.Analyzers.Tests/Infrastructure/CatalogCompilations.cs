using Mariachi.Analyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Tests.Infrastructure;

/// <summary>Compilations against .NET and Mariachi.Abstractions, run through the catalog generator.</summary>
internal static class CatalogCompilations
{
    public const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;

        """;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>A library compilation named <paramref name="assemblyName"/> of <paramref name="sources"/> (each prefixed with <see cref="Usings"/>).</summary>
    public static CSharpCompilation Create(string assemblyName, IEnumerable<string> sources, params MetadataReference[] extra) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(Usings + source, ParseOptions, path: $"/{assemblyName}/File{i}.cs")),
            TestReferences.NetCore.Concat(TestReferences.Mariachi).Concat(extra),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new ProcedureCatalogGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The compilation with the generator's output added; fails on any compiler error in it.</summary>
    public static Compilation Generate(Compilation compilation, out string? catalog)
    {
        Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        catalog = output.SyntaxTrees.FirstOrDefault(t => t.FilePath.EndsWith(ProcedureCatalogGenerator.HintName, StringComparison.Ordinal))?.ToString();
        return output;
    }

    /// <summary>The generated assembly of <paramref name="sources"/>, as a reference for another compilation.</summary>
    public static MetadataReference Library(string assemblyName, params string[] sources) => Library(assemblyName, [], sources);

    /// <summary>As <see cref="Library(string, string[])"/>, compiled against <paramref name="references"/> too.</summary>
    public static MetadataReference Library(string assemblyName, MetadataReference[] references, params string[] sources)
    {
        var output = Generate(Create(assemblyName, sources, references), out _);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
