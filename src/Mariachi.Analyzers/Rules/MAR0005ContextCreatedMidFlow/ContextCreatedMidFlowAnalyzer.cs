using System.Collections.Immutable;
using System.Linq;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0005: <c>Context.Create(...)</c> (or a Context constructor) where a Context is already in scope. Detached and
/// System are the explicit opt-outs and are never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContextCreatedMidFlowAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ContextCreatedMidFlow);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // A creation is reported only where a Context is in scope: none where no code can reach one (ContextReach).
            var symbols = KnownSymbols.Create(start.Compilation);
            if (!ContextReach.IsPossible(symbols, start.CancellationToken))
            {
                return;
            }

            start.RegisterOperationAction(
                operationContext => Analyze(operationContext, symbols),
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols)
    {
        if (!ContextCreation.IsNewFlow(context.Operation, symbols))
        {
            return;
        }

        var competitors = ContextCreation.Competitors(context.Operation, symbols);
        if (competitors.IsEmpty)
        {
            return;
        }

        var preferred = competitors.FirstOrDefault(c => c.IsAccessible);
        var name = preferred.Symbol?.Name ?? competitors[0].Name;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ContextCreatedMidFlow, context.Operation.Syntax.GetLocation(), name));
    }
}
