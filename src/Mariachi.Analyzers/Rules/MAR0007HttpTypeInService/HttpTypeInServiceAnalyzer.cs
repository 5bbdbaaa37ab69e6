using System.Collections.Immutable;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0007: service code (service types, procedure modules, <c>Register</c> handler lambdas) references an HTTP
/// server type (<c>HttpContext</c>, <c>IResult</c>, <c>ControllerBase</c>, ...). HTTP clients are not server types.
/// Compilations that do not reference ASP.NET Core, and types that hold no service code, cost nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpTypeInServiceAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HttpTypeInService);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var options = OptionsCache.Of(start.Compilation, start.Options);
            if (!HttpServerTypes.MayExist(start.Compilation, options))
            {
                return;
            }

            var code = new ServiceCodeScope(KnownSymbols.Create(start.Compilation), options);
            var references = new LayerReferences(
                start.Compilation, options, HttpServerTypes.IsHttpServerType, HttpServerTypes.MayDeclare, DiagnosticDescriptors.HttpTypeInService, exemptRegistrations: false);
            var isTestProject = Layers.IsTestProject(start.Compilation);
            start.RegisterSymbolStartAction(
                type =>
                {
                    if (!isTestProject || LayerReferences.IncludesTests(type.Symbol, options))
                    {
                        code.Register(type, references);
                    }
                },
                SymbolKind.NamedType);
        });
    }
}
