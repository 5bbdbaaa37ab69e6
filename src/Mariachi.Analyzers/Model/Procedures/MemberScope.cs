using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The method or constructor a <c>Register</c> call sits in, for reading names without binding its body: a position
/// in its header (its name), where the type's members and the file's usings are in scope but nothing of the body is,
/// so binding a name there binds that name alone (a position in the body would bind, and with nullable analysis on
/// analyze, the whole body); its parameters; and whether its body declares a name (a local that would hide a member).
/// A call in a lambda, a local function, a generic method or anything else has no scope here and is bound whole.
/// </summary>
internal sealed class MemberScope
{
    private readonly ParameterListSyntax _parameters;
    private readonly SyntaxNode? _body;
    private HashSet<string>? _declared;

    private MemberScope(int position, ParameterListSyntax parameters, SyntaxNode? body)
    {
        Position = position;
        _parameters = parameters;
        _body = body;
    }

    /// <summary>A position in the member's header.</summary>
    public int Position { get; }

    /// <summary>The scope of the member <paramref name="node"/> sits in, kept in <paramref name="known"/> for the member's other calls.</summary>
    public static MemberScope? Of(SyntaxNode node, Dictionary<SyntaxNode, MemberScope> known)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case MethodDeclarationSyntax { TypeParameterList: null } method:
                    return Known(method, method.Identifier.SpanStart, method.ParameterList, (SyntaxNode?)method.Body ?? method.ExpressionBody, known);
                case ConstructorDeclarationSyntax constructor:
                    return Known(constructor, constructor.Identifier.SpanStart, constructor.ParameterList, constructor, known);
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax or GlobalStatementSyntax:
                    return null;
            }
        }

        return null;
    }

    private static MemberScope Known(SyntaxNode member, int position, ParameterListSyntax parameters, SyntaxNode? body, Dictionary<SyntaxNode, MemberScope> known)
    {
        if (!known.TryGetValue(member, out var scope))
        {
            known[member] = scope = new MemberScope(position, parameters, body);
        }

        return scope;
    }

    /// <summary>The member's parameter named <paramref name="name"/>, or null.</summary>
    public ParameterSyntax? Parameter(string name)
    {
        foreach (var parameter in _parameters.Parameters)
        {
            if (parameter.Identifier.ValueText == name)
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>True when the body declares <paramref name="name"/> (a local, a pattern or loop variable, a lambda's parameter, ...).</summary>
    public bool DeclaresInBody(string name) => (_declared ??= DeclaredInBody()).Contains(name);

    /// <summary>Every identifier token of the body that is not a use (a simple name) declares something.</summary>
    private HashSet<string> DeclaredInBody()
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (_body is null)
        {
            return declared;
        }

        foreach (var token in _body.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken)
                && token.Parent is not (SimpleNameSyntax or ConstructorDeclarationSyntax)
                && !(token.Parent is ParameterSyntax parameter && parameter.Parent == _parameters))
            {
                declared.Add(token.ValueText);
            }
        }

        return declared;
    }
}
