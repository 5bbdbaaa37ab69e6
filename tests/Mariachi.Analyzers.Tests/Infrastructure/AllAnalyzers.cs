using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Tests.Infrastructure;

/// <summary>Runs every Mariachi analyzer over a compilation and collects what would reach users as AD0001.</summary>
internal static class AllAnalyzers
{
    /// <summary>
    /// A library compilation without source files, referencing .NET, ASP.NET Core and Mariachi.Abstractions; add a file
    /// with <c>AddSyntaxTrees</c>, which reuses the bound references.
    /// </summary>
    public static CSharpCompilation EmptyCompilation(bool references = true) => CSharpCompilation.Create(
        "UnderTest",
        [],
        references ? [.. TestReferences.NetCore, .. TestReferences.AspNetCore, .. MariachiWithoutExtensions()] : [],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    // The ASP.NET Core pack brings its own Microsoft.Extensions assemblies: two versions of one type would not bind.
    private static IEnumerable<MetadataReference> MariachiWithoutExtensions() =>
        TestReferences.Mariachi.Where(r => !Path.GetFileName(r.Display ?? string.Empty).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));

    public static SyntaxTree Parse(string code) => CSharpSyntaxTree.ParseText(code, path: "/0/Test0.cs");

    /// <summary>The exceptions the analyzers threw on <paramref name="compilation"/>, and any AD0001 reported.</summary>
    public static async Task<IReadOnlyList<string>> ExceptionsAsync(Compilation compilation, bool concurrentAnalysis = true) =>
        (await AnalyzeAsync(compilation, concurrentAnalysis)).Exceptions;

    /// <summary>Every diagnostic of <paramref name="compilation"/> (the compiler's and the analyzers'), and what the analyzers threw.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Exceptions)> AnalyzeAsync(
        Compilation compilation,
        bool concurrentAnalysis = true)
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis,
            logAnalyzerExecutionTime: false);

        var diagnostics = await compilation.WithAnalyzers(Shipped.Analyzers, options).GetAllDiagnosticsAsync();
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(diagnostic.ToString());
        }

        return (diagnostics, exceptions.ToArray());
    }
}
