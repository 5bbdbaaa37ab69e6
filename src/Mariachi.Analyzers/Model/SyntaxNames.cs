using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>Reads names from syntax alone, for filters that run before anything is bound.</summary>
internal static class SyntaxNames
{
    /// <summary>The identifier a name or member access ends with (<c>Shop.Orders.OrderService</c> -> OrderService).</summary>
    public static string? LastIdentifier(SyntaxNode? node) => node switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => LastIdentifier(qualified.Right),
        AliasQualifiedNameSyntax alias => LastIdentifier(alias.Name),
        MemberAccessExpressionSyntax access => LastIdentifier(access.Name),
        _ => null,
    };
}
