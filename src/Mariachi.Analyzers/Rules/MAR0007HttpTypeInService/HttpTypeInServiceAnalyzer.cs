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
public sealed class HttpTypeInServiceAnalyzer : LayerReferenceAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HttpTypeInService);

    private protected override (ILayerCode Code, LayerReferences References)? Start(Compilation compilation, OptionsCache options)
    {
        if (!HttpServerTypes.MayExist(compilation, options))
        {
            return null;
        }

        var references = new LayerReferences(
            compilation,
            options,
            HttpServerTypes.IsHttpServerType,
            HttpServerTypes.UnlistedDeclarers(compilation),
            DiagnosticDescriptors.HttpTypeInService,
            exemptRegistrations: false,
            HttpServerTypes.ReferencedNames(compilation));
        return (new ServiceCodeScope(KnownSymbols.Create(compilation), options), references);
    }
}
