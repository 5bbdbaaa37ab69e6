using System.Collections.Immutable;
using Mariachi.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Cli.Analysis.SolutionWide;

/// <summary>
/// Reports diagnostics a solution-wide check has already computed for one compilation, through the analyzer driver:
/// the project's .editorconfig/.globalconfig severities, NoWarn, warnings as errors, #pragma and [SuppressMessage]
/// then apply to them exactly as to the analyzers' own.
/// </summary>
#pragma warning disable RS1001 // Not a shipped analyzer: created by the tool per compilation, never loaded from an assembly.
internal sealed class PrecomputedAnalyzer(IReadOnlyList<Diagnostic> diagnostics) : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DiagnosticDescriptors.DuplicateProcedureName, DiagnosticDescriptors.ServiceWithoutTest];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxTreeAction(tree =>
        {
            foreach (var diagnostic in diagnostics.Where(d => d.Location.SourceTree == tree.Tree))
            {
                tree.ReportDiagnostic(diagnostic);
            }
        });
    }

    /// <summary>Which of <paramref name="diagnostics"/> survive <paramref name="compilation"/>'s configuration, with its severities.</summary>
    public static async Task<ImmutableArray<Diagnostic>> FilterAsync(
        Compilation compilation, AnalyzerOptions options, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (diagnostics.Count == 0)
        {
            return [];
        }

        var analyzer = new PrecomputedAnalyzer(diagnostics);
        return await compilation
            .WithAnalyzers([analyzer], new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(cancellationToken);
    }
}
