using System.Collections.Immutable;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0011: a constant name passed to <c>Register</c>, <c>CallAsync</c> or <c>new Procedure&lt;TIn, TOut&gt;(...)</c>
/// that breaks the procedure-name rule, or to <c>PublishAsync</c> / <c>SubscribeAsync</c> that breaks the event-name
/// rule (<see cref="InvalidNames"/>). Reported at the argument (the literal itself when it is one). A handle passed to
/// <c>Register</c> or <c>CallAsync</c> is judged where it is created. Test projects are skipped unless configured
/// otherwise: they pass bad names on purpose to test the run-time check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidProcedureOrEventNameAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidProcedureOrEventName);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Every call checked needs an ICommunication, an IEventBus or a Procedure, Mariachi types: none where no
            // code can reach one (ContextReach, shared with MAR0003-MAR0005 and MAR0014).
            var symbols = KnownSymbols.Create(start.Compilation);
            if (!ContextReach.IsPossible(symbols, start.CancellationToken) || !symbols.HasMariachi)
            {
                return;
            }

            var options = Layers.IsTestProject(start.Compilation) ? OptionsCache.Of(start.Compilation, start.Options) : null;
            start.RegisterOperationAction(
                operation =>
                {
                    if (NameArgument(operation.Operation, symbols, out var isEvent) is { } argument
                        && (options is null || options.For(operation.Operation.Syntax.SyntaxTree).IncludeTestProjects))
                    {
                        Analyze(operation, argument, isEvent);
                    }
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        });
    }

    private static IArgumentOperation? NameArgument(IOperation operation, KnownSymbols symbols, out bool isEvent)
    {
        isEvent = false;
        switch (operation)
        {
            case IInvocationOperation invocation:
                var argument = ProcedureModel.NameArgumentOfCall(invocation, symbols, out var kind);
                isEvent = kind is ProcedureCallKind.Publish or ProcedureCallKind.Subscribe;
                return argument;
            case IObjectCreationOperation creation:
                return ProcedureModel.NameArgumentOfCreation(creation, symbols);
            default:
                return null;
        }
    }

    private static void Analyze(OperationAnalysisContext context, IArgumentOperation argument, bool isEvent)
    {
        // A Procedure handle has no constant value: it is judged at its `new Procedure<,>(...)`.
        if (argument.IsImplicit
            || argument.Value.ConstantValue is not { HasValue: true, Value: string name }
            || InvalidNames.Problem(name, isEvent) is not { } problem)
        {
            return;
        }

        var proposal = NameProposal.For(name, isEvent);
        var properties = proposal is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(InvalidNames.ProposalProperty, proposal);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.InvalidProcedureOrEventName,
            argument.Value.Syntax.GetLocation(),
            properties,
            isEvent ? "Event" : "Procedure",
            name,
            problem,
            InvalidNames.Advice(proposal, isEvent)));
    }
}
