using System.Collections.Immutable;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0009: service code throws an exception that is not a <c>MariachiError</c>. <c>throw;</c>, a caught exception
/// thrown again, the <c>ArgumentException</c> family, cancellation and <c>ObjectDisposedException</c> are not
/// reported; neither are test projects.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawExceptionInServiceAnalyzer : DiagnosticAnalyzer
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.MinimallyQualifiedFormat;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.RawExceptionInService);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = KnownSymbols.Create(start.Compilation);
            if (symbols.MariachiError is null)
            {
                return;
            }

            var options = OptionsCache.Of(start.Compilation, start.Options);
            var isTestProject = Layers.IsTestProject(start.Compilation);
            var serviceCode = new ServiceCode(symbols);
            start.RegisterOperationAction(operation => Analyze(operation, symbols, serviceCode, options, isTestProject), OperationKind.Throw);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, ServiceCode serviceCode, OptionsCache optionsCache, bool isTestProject)
    {
        var throwOperation = (IThrowOperation)context.Operation;
        if (RawExceptions.RawThrown(throwOperation, symbols) is not { } thrown)
        {
            return;
        }

        var options = optionsCache.For(throwOperation.Syntax.SyntaxTree);
        if ((isTestProject && !options.IncludeTestProjects)
            || !serviceCode.Contains(throwOperation, context.ContainingSymbol, options))
        {
            return;
        }

        var (errorType, _) = RawExceptions.Replacement(thrown.Type!);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.RawExceptionInService,
            thrown.Syntax.GetLocation(),
            thrown.Type!.ToDisplayString(Format),
            errorType.Substring("Mariachi.".Length)));
    }
}
