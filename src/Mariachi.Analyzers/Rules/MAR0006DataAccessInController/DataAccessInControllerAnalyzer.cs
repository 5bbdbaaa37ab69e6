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
public sealed class DataAccessInControllerAnalyzer : LayerReferenceAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DataAccessInController);

    private protected override (ILayerCode Code, LayerReferences References)? Start(Compilation compilation, OptionsCache options)
    {
        if (DataAccessTypes.Create(compilation, options) is not { } dataAccess)
        {
            return null;
        }

        var references = new LayerReferences(
            compilation, options, dataAccess.IsDataAccess, dataAccess.MayDeclare, DiagnosticDescriptors.DataAccessInController, exemptRegistrations: true);
        return (new ControllerOrFacadeCode(compilation, options), references);
    }
}
