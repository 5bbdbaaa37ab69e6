using System.Collections.Immutable;
using Mariachi.Analyzers.Catalog;
using Mariachi.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Cli.Analysis.SolutionWide;

/// <summary>
/// MAR0012 and MAR0013 for pure clients (the API of a NATS split calls procedures that another process
/// registers): the analyzers stay silent there because their catalog cannot be complete. The tool gives them the
/// whole solution's catalog, as an assembly holding every project's generated <c>[assembly: ProcedureCatalogEntry]</c>
/// referenced by the client's compilation, and runs the same two analyzers on it: same rule, same messages, same
/// "did you mean". Test projects' registrations (fakes) are not part of the catalog.
/// </summary>
internal static class PureClientCalls
{
    public const string CatalogAssemblyName = "Mariachi.SolutionCatalog";

    public static async Task<List<(ProjectFacts Project, ImmutableArray<Diagnostic> Diagnostics)>> CheckAsync(
        IReadOnlyList<ProjectFacts> projects, CancellationToken cancellationToken)
    {
        var clients = projects.Where(p => p.IsPureClient(cancellationToken)).ToList();
        var registering = projects.Where(p => !p.IsTest && p.Registrations.Count > 0).ToList();
        if (clients.Count == 0 || registering.Count == 0)
        {
            return [];
        }

        var catalog = (await CatalogCompilationAsync(registering, cancellationToken)).ToMetadataReference();
        var results = new List<(ProjectFacts, ImmutableArray<Diagnostic>)>();
        foreach (var client in clients)
        {
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new UnknownProcedureAnalyzer(), new CallDoesNotMatchRegistrationAnalyzer());
            var diagnostics = await client.Compilation.AddReferences(catalog)
                .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(client.Options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync(cancellationToken);
            results.Add((client, diagnostics));
        }

        return results;
    }

    private static async Task<Compilation> CatalogCompilationAsync(List<ProjectFacts> registering, CancellationToken cancellationToken)
    {
        var trees = new List<SyntaxTree>();
        foreach (var project in registering)
        {
            var generated = await project.Project.GetSourceGeneratedDocumentsAsync(cancellationToken);
            if (generated.FirstOrDefault(d => d.HintName == ProcedureCatalogGenerator.HintName) is { } document)
            {
                var text = await document.GetTextAsync(cancellationToken);
                trees.Add(CSharpSyntaxTree.ParseText(text, (CSharpParseOptions?)project.Project.ParseOptions, path: project.Name + "/" + document.HintName, cancellationToken: cancellationToken));
            }
        }

        var references = registering.SelectMany(p => p.Compilation.References)
            .Concat(registering.Select(p => p.Compilation.ToMetadataReference()))
            .Distinct()
            .ToList();
        return CSharpCompilation.Create(CatalogAssemblyName, trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
