using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>MAR0010's diagnostic for one site, and what its fix needs to know about it.</summary>
internal static class AdapterSite
{
    /// <summary>Set on diagnostics at a written type that can become the adapter's one abstraction.</summary>
    public const string ReplaceableProperty = "ReplaceWithAbstraction";

    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.MinimallyQualifiedFormat;

    /// <summary>
    /// The diagnostic at <paramref name="syntax"/>; <paramref name="site"/> starts the message ("Creates", "Field 'x'
    /// is typed as", ...). A written type with exactly one abstraction to put in its place is marked fixable.
    /// </summary>
    public static Diagnostic Create(SyntaxNode syntax, INamedTypeSymbol adapter, string site)
    {
        var abstractions = AdapterTypes.Abstractions(adapter);
        var instead = abstractions.Length == 1
            ? "'" + abstractions[0].ToDisplayString(Format) + "'"
            : "the Mariachi abstraction it implements (" + string.Join(" or ", abstractions.Select(a => "'" + a.ToDisplayString(Format) + "'")) + ")";
        var properties = abstractions.Length == 1 && site != "Creates"
            ? ImmutableDictionary<string, string?>.Empty.Add(ReplaceableProperty, abstractions[0].ToDisplayString(Format))
            : ImmutableDictionary<string, string?>.Empty;
        return Diagnostic.Create(
            DiagnosticDescriptors.AdapterUsedDirectly,
            syntax.GetLocation(),
            properties,
            site,
            adapter.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(Format),
            instead);
    }
}
