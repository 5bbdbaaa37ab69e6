using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0006's layers: controller code (MAR0001's <see cref="ControllerCode"/>, plus SignalR <c>Hub</c> subclasses)
/// and facade code (<see cref="FacadeCode"/>). Decides per type whether and where to look.
/// </summary>
internal sealed class ControllerOrFacadeCode : ILayerCode
{
    public const string Controller = "Controller";
    public const string Facade = "Facade";

    private readonly OptionsCache _options;
    private readonly KnownSymbols _symbols;
    private readonly ControllerCode _controllers;
    private readonly FacadeCode _facades;

    public ControllerOrFacadeCode(Compilation compilation, OptionsCache options)
    {
        _options = options;
        _symbols = KnownSymbols.Create(compilation);
        _controllers = new ControllerCode(compilation, _symbols);
        _facades = new FacadeCode(compilation);
    }

    /// <summary>The analysis of <paramref name="type"/>'s members that are controller or facade code, or null.</summary>
    public TypeSyntaxActions.TypeAnalysis? For(INamedTypeSymbol type, LayerReferences references, CancellationToken cancellationToken)
    {
        var scope = _controllers.ScopeOf(type, _options, cancellationToken);
        if (scope == TypeScope.Controller || IsInHub(type))
        {
            return references.For(Controller, null);
        }

        if (IsInFacadeType(type))
        {
            return references.For(Facade, null);
        }

        return scope == TypeScope.Mixed || _facades.MayHoldPipelineLambdas(type, cancellationToken) ? references.For(null, Classify) : null;
    }

    private string? Classify(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (_facades.IsInPipelineLambda(node, model, cancellationToken))
        {
            return Facade;
        }

        var options = _options.For(node.SyntaxTree);
        return _controllers.Classify(node, model, options, cancellationToken, out var codeType) switch
        {
            ControllerCodeKind.None => null,

            // A service method passed to MapGet is the service's own code: its data access is where it belongs.
            ControllerCodeKind.HandlerMethod when codeType is { IsRecord: false } && Layers.IsService(codeType, model.Compilation, options) => null,
            _ => Controller,
        };
    }

    private bool IsInFacadeType(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (_facades.IsInFacadeType(type, _options.For(reference.SyntaxTree)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInHub(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (TypeNames.DerivesFrom(current, "Microsoft.AspNetCore.SignalR", "Hub"))
            {
                return true;
            }
        }

        return false;
    }
}
