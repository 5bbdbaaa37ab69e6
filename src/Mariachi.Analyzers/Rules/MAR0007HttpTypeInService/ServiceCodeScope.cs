using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0007's layer, <see cref="ServiceCode"/> decided per type: the members of service types (data excepted, as
/// MAR0001 decides) and procedure modules, and the handlers passed to <c>Register</c>.
/// </summary>
internal sealed class ServiceCodeScope : ILayerCode
{
    public const string Service = "Service";

    private readonly OptionsCache _options;
    private readonly ServiceCode _serviceCode;

    public ServiceCodeScope(KnownSymbols symbols, OptionsCache options)
    {
        _options = options;
        _serviceCode = new ServiceCode(symbols);
    }

    /// <summary>The analysis of <paramref name="type"/>'s members that are service code, or null.</summary>
    public TypeSyntaxActions.TypeAnalysis? For(INamedTypeSymbol type, LayerReferences references, CancellationToken cancellationToken)
    {
        var serviceIn = 0;
        var declarations = type.DeclaringSyntaxReferences;
        foreach (var declaration in declarations)
        {
            if (_serviceCode.IsInServiceType(type, _options.For(declaration.SyntaxTree)))
            {
                serviceIn++;
            }
        }

        if (serviceIn > 0 && serviceIn == declarations.Length)
        {
            return references.For(Service, null);
        }

        return serviceIn > 0 || ServiceCode.MayHoldHandlers(declarations, cancellationToken) ? references.For(null, Classify) : null;
    }

    private string? Classify(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (_serviceCode.IsInRegisteredHandler(node, model, cancellationToken))
        {
            return Service;
        }

        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is TypeDeclarationSyntax declaration)
            {
                return model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type
                    && _serviceCode.IsInServiceType(type, _options.For(node.SyntaxTree))
                    ? Service
                    : null;
            }
        }

        return null;
    }
}
