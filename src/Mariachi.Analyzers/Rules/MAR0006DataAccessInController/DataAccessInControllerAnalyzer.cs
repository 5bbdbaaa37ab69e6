using System.Collections.Immutable;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0006: controller code (controllers, Razor PageModels, minimal-API handlers, SignalR hubs) or facade code
/// (middleware, endpoint and MVC filters, <c>app.Use</c>/<c>Run</c> lambdas) references a data-access type. Not
/// reported: dependency-injection registrations, start-up code, test projects. Only types that can hold controller
/// or facade code are looked into.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DataAccessInControllerAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DataAccessInController);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var options = OptionsCache.Of(start.Compilation, start.Options);
            if (DataAccessTypes.Create(start.Compilation, options) is not { } dataAccess)
            {
                return;
            }

            var code = new ControllerOrFacadeCode(start.Compilation, options);
            var references = new LayerReferences(
                start.Compilation, options, dataAccess.IsDataAccess, dataAccess.MayDeclare, DiagnosticDescriptors.DataAccessInController, exemptRegistrations: true);
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
