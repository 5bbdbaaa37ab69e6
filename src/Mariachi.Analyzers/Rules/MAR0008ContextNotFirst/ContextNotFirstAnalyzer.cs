using System.Collections.Immutable;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0008: an operation (<see cref="Operations"/>) whose first parameter is not <c>Mariachi.Context</c>. Reported at
/// the Context parameter when there is one further on, else at the method's name. An interface member and its
/// implementations are reported once, at the interface member. Compilations where no code can reach a Context
/// (<see cref="ContextReach"/>) and test projects cost nothing; types that are not services are left before their
/// methods are looked at.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContextNotFirstAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property that tells the fix which case it has: <see cref="Move"/> or <see cref="Insert"/>.</summary>
    public const string KindProperty = "kind";

    public const string Move = "move";

    public const string Insert = "insert";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ContextNotFirst);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(HandWrittenCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = KnownSymbols.Create(start.Compilation);
            if (!ContextReach.IsPossible(symbols, start.CancellationToken))
            {
                return;
            }

            var options = OptionsCache.Of(start.Compilation, start.Options);
            var operations = new Operations(symbols, options);
            var isTestProject = Layers.IsTestProject(start.Compilation);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var method = (IMethodSymbol)symbolContext.Symbol;
                    if (!symbolContext.IsGeneratedCode
                        && (!isTestProject || LayerReferences.IncludesTests(method, options))
                        && operations.IsJudged(method, symbolContext.CancellationToken))
                    {
                        Report(symbolContext, method, symbols);
                    }
                },
                SymbolKind.Method);
        });
    }

    private static void Report(SymbolAnalysisContext context, IMethodSymbol method, KnownSymbols symbols)
    {
        var parameters = method.Parameters;
        if (parameters.Length > 0 && symbols.IsContext(parameters[0].Type))
        {
            return;
        }

        for (var i = 1; i < parameters.Length; i++)
        {
            if (symbols.IsContext(parameters[i].Type) && !parameters[i].Locations.IsEmpty)
            {
                if (!HandWrittenCode.IsReportable(parameters[i].Locations[0]))
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ContextNotFirst,
                    parameters[i].Locations[0],
                    ImmutableDictionary<string, string?>.Empty.Add(KindProperty, Move),
                    method.Name,
                    $"takes its Context '{parameters[i].Name}' as parameter {i + 1}; move it first"));
                return;
            }
        }

        if (!method.Locations.IsEmpty && HandWrittenCode.IsReportable(method.Locations[0]))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ContextNotFirst,
                method.Locations[0],
                ImmutableDictionary<string, string?>.Empty.Add(KindProperty, Insert),
                method.Name,
                "does not take a Context; take the caller's Context as its first parameter"));
        }
    }
}
