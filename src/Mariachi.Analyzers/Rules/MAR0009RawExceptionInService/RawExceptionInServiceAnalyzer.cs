using System;
using System.Collections.Immutable;
using System.Threading;
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
        // Generated code is skipped here rather than by the driver, which would walk every file with a finding (see HandWrittenCode).
        context.ConfigureGeneratedCodeAnalysis(HandWrittenCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            // Decided from the references' names; MariachiError and the service model are resolved at the first throw.
            var symbols = KnownSymbols.Create(start.Compilation);
            if (!symbols.ReferencesMariachi)
            {
                return;
            }

            var options = OptionsCache.Of(start.Compilation, start.Options);
            var serviceCode = new Lazy<ServiceCode>(() => new ServiceCode(symbols), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterOperationAction(operation => Analyze(operation, symbols, serviceCode, options), OperationKind.Throw);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, Lazy<ServiceCode> serviceCode, OptionsCache optionsCache)
    {
        var throwOperation = (IThrowOperation)context.Operation;
        if (context.IsGeneratedCode
            || symbols.MariachiError is null || RawExceptions.RawThrown(throwOperation, symbols) is not { } thrown)
        {
            return;
        }

        var options = optionsCache.For(throwOperation.Syntax.SyntaxTree);
        if ((symbols.IsTestProject && !options.IncludeTestProjects)
            || !serviceCode.Value.Contains(throwOperation, context.ContainingSymbol, options)
            || !HandWrittenCode.IsReportable(thrown.Syntax))
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
