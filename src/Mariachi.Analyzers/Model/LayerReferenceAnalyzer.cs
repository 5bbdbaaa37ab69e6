using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Core;

/// <summary>The part of a layer rule that decides, per type, where the layer's code is (and so where to look for the references).</summary>
internal interface ILayerCode
{
    /// <summary>The analysis of <paramref name="type"/>'s own members that are the layer's code, or null when none are.</summary>
    TypeSyntaxActions.TypeAnalysis? For(INamedTypeSymbol type, LayerReferences references, CancellationToken cancellationToken);
}

/// <summary>
/// The shared start of the rules that report a layer's references to forbidden types (MAR0006, MAR0007): one options
/// cache per compilation, nothing registered where no forbidden type can exist, test projects skipped unless a file
/// opts in, and each type handed to the rule's <see cref="ILayerCode"/>.
/// </summary>
public abstract class LayerReferenceAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(HandWrittenCode.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var options = OptionsCache.Of(start.Compilation, start.Options);
            if (Start(start.Compilation, options) is not { } layer)
            {
                return;
            }

            var isTestProject = Layers.IsTestProject(start.Compilation);
            start.RegisterSymbolStartAction(
                type =>
                {
                    if (!type.IsGeneratedCode
                        && (!isTestProject || LayerReferences.IncludesTests(type.Symbol, options))
                        && layer.Code.For((INamedTypeSymbol)type.Symbol, layer.References, type.CancellationToken) is { } analysis)
                    {
                        TypeSyntaxActions.Register(type, analysis);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    /// <summary>The rule's layer code and references for <paramref name="compilation"/>; null when no forbidden type can exist there.</summary>
    private protected abstract (ILayerCode Code, LayerReferences References)? Start(Compilation compilation, OptionsCache options);
}
