using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Baseline;

/// <summary>
/// The member a node sits in, named from syntax alone (<c>Shop.Orders.OrderService.CreateAsync</c>): namespaces,
/// types (with their generic arity, <c>Repository`1</c>) and the innermost member, without parameter lists, so an
/// overload or a changed signature elsewhere keeps the name. Code outside any member is named by its type, and
/// top-level statements by <c>&lt;top-level&gt;</c>.
/// </summary>
internal static class EnclosingSymbol
{
    public const string TopLevel = "<top-level>";

    public static string Of(SyntaxNode? node)
    {
        var parts = new List<string>();
        string? member = null;
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    parts.Add(WithoutWhitespace(ns.Name.ToString()));
                    break;
                case BaseTypeDeclarationSyntax type when type.Identifier.ValueText.Length > 0:
                    parts.Add(type.Identifier.ValueText + Arity((type as TypeDeclarationSyntax)?.TypeParameterList));
                    break;
                case DelegateDeclarationSyntax @delegate:
                    parts.Add(@delegate.Identifier.ValueText + Arity(@delegate.TypeParameterList));
                    break;
                default:
                    if (member is null && parts.Count == 0)
                    {
                        member = MemberName(current);
                        if (member is not null)
                        {
                            parts.Add(member);
                        }
                    }

                    break;
            }
        }

        parts.Reverse();
        return string.Join(".", parts);
    }

    private static string? MemberName(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText + Arity(method.TypeParameterList),
        ConstructorDeclarationSyntax constructor => constructor.Modifiers.Any(SyntaxKind.StaticKeyword) ? ".cctor" : ".ctor",
        DestructorDeclarationSyntax => "Finalize",
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        IndexerDeclarationSyntax => "this[]",
        EventDeclarationSyntax @event => @event.Identifier.ValueText,
        VariableDeclaratorSyntax variable when variable.Parent?.Parent is BaseFieldDeclarationSyntax => variable.Identifier.ValueText,
        // The field's type (before any declarator) belongs to its first field, as a reader would say.
        BaseFieldDeclarationSyntax field when field.Declaration.Variables.Count > 0 => field.Declaration.Variables[0].Identifier.ValueText,
        OperatorDeclarationSyntax op => "operator " + op.OperatorToken.ValueText,
        ConversionOperatorDeclarationSyntax conversion => "operator " + WithoutWhitespace(conversion.Type.ToString()),
        EnumMemberDeclarationSyntax enumMember => enumMember.Identifier.ValueText,
        GlobalStatementSyntax => TopLevel,
        _ => null,
    };

    private static string Arity(TypeParameterListSyntax? list) =>
        list is null || list.Parameters.Count == 0 ? string.Empty : "`" + list.Parameters.Count.ToString(CultureInfo.InvariantCulture);

    private static string WithoutWhitespace(string text) => BaselineKeys.NormalizeSource(text).Replace(" ", string.Empty);
}
