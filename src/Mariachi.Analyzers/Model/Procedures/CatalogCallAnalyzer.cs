using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The shared start of the rules that judge a <c>CallAsync</c> of a constant name against the procedure catalog
/// (MAR0012, MAR0013): nothing is registered without Mariachi's communication types or where no code can reach
/// them (<see cref="ContextReach"/>), and a call is handed on only where the catalog can know (the compilation
/// registers procedures or references a catalog).
/// </summary>
public abstract class CatalogCallAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(HandWrittenCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            // A CallAsync needs an ICommunication, a Mariachi type: none where no code can reach one (ContextReach).
            var symbols = KnownSymbols.Create(start.Compilation);
            if (ContextReach.IsPossible(symbols, start.CancellationToken) && symbols.HasMariachi && symbols.Communication is not null)
            {
                start.RegisterOperationAction(operation => AnalyzeInvocation(operation, symbols), OperationKind.Invocation);
            }
        });
    }

    /// <summary>True when <paramref name="call"/> has something to report against <paramref name="catalog"/>.</summary>
    private protected abstract bool Finds(ProcedureCallSite call, ProcedureCatalog catalog, KnownSymbols symbols);

    /// <summary>Reports what <see cref="Finds"/> found, against the catalog read from the code.</summary>
    private protected abstract void Report(OperationAnalysisContext context, ProcedureCallSite call, ProcedureCatalog catalog, KnownSymbols symbols);

    private void AnalyzeInvocation(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod?.Name != ProcedureModel.CallName
            || context.IsGeneratedCode
            || ProcedureCallSite.Create(invocation, symbols) is not { } call)
        {
            return;
        }

        // Built once per compilation, and only where a call with a constant name is found.
        var catalog = ProcedureCatalog.Get(symbols, context.CancellationToken);
        if (!catalog.CanKnow || !Finds(call, catalog, symbols))
        {
            return;
        }

        // A catalog read from the generator's file clears calls cheaply; what it flags is judged against the code.
        catalog = catalog.FromCode(symbols, context.CancellationToken);
        if (catalog.CanKnow && Finds(call, catalog, symbols) && HandWrittenCode.IsReportable(invocation.Syntax))
        {
            Report(context, call, catalog, symbols);
        }
    }
}
