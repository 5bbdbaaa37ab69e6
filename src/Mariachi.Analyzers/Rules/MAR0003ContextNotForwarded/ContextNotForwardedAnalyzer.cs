using System.Collections.Immutable;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0003: with a Context in scope, a call that does not pass it on: (a) the called method has an overload (or
/// an extension overload) that is the same plus one Context; (b) null or default is passed to a Context
/// parameter; (c) an optional Context parameter is omitted. Context.Detached/System passed explicitly, calls on
/// Context itself and an overload forwarding to its sibling are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContextNotForwardedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ContextNotForwarded);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // No code can reach a Context (Mariachi referenced but not used yet, see ContextReach): nothing to find.
            var symbols = KnownSymbols.Create(start.Compilation);
            if (!ContextReach.IsPossible(symbols, start.CancellationToken))
            {
                return;
            }

            var state = new ContextForwardingState(symbols);
            start.RegisterOperationAction(
                operationContext => Analyze(operationContext, state),
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, ContextForwardingState state)
    {
        var finding = ContextForwarding.Analyze(context.Operation, state);
        if (finding is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ContextNotForwarded,
            ContextForwarding.Location(finding.Node),
            finding.Description,
            finding.PreferredName));
    }
}
