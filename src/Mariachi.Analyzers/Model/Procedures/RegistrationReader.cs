using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Reads a <c>Register</c> call's name and types for the catalog (the analyzers' scan and the generator) without
/// binding its handler where it can: binding the whole call binds its lambda against every <c>Register</c> overload,
/// while the catalog needs only the name and the two types. On an <see cref="ICommunication"/> receiver with two
/// positional arguments, and where every <c>Register</c> in scope is Mariachi's, the types come from explicit type
/// arguments (<c>Register&lt;TIn, TOut&gt;(...)</c>, the type syntax bound alone) or from the declared type of the
/// <c>Procedure&lt;TIn, TOut&gt;</c> handle passed as the name (a field or property, its symbol looked up alone); the
/// name from a literal, a <c>const</c> or that handle. Anything else (types inferred from the lambda, a name folded
/// from an interpolation, a call on an implementation) is bound whole, as before.
/// </summary>
internal sealed class RegistrationReader
{
    private readonly SemanticModel _model;
    private readonly KnownSymbols _symbols;
    private readonly NameLookup _lookup;

    /// <summary>Per scope of usings (namespace declaration or file): whether every Register found there is Mariachi's.</summary>
    private readonly Dictionary<SyntaxNode, bool> _onlyMariachiInScope = new Dictionary<SyntaxNode, bool>();

    /// <summary>Per method or constructor: its header position, parameters and the names its body declares.</summary>
    private readonly Dictionary<SyntaxNode, MemberScope> _scopes = new Dictionary<SyntaxNode, MemberScope>();

    public RegistrationReader(SemanticModel model, KnownSymbols symbols)
    {
        _model = model;
        _symbols = symbols;
        _lookup = new NameLookup(model);
    }

    /// <summary>The look-ups of this reader's tree, for the generator's handles in the same tree to share.</summary>
    public NameLookup Lookup => _lookup;

    public Compilation Compilation => _symbols.Compilation;

    /// <summary>How many calls had to be bound whole (for tests).</summary>
    internal int FullBinds { get; private set; }

    /// <summary>How many names and types a look-up could not tell and were bound speculatively (for tests).</summary>
    internal int SpeculativeBinds { get; private set; }

    /// <summary>The registration made by <paramref name="syntax"/>, or null when it registers no procedure of a constant name.</summary>
    public OwnRegistration? Read(InvocationExpressionSyntax syntax, CancellationToken cancellationToken)
    {
        if (TryWithoutHandler(syntax, out var read, cancellationToken))
        {
            return read;
        }

        FullBinds++;
        return _model.GetOperation(syntax, cancellationToken) is IInvocationOperation invocation
            && CatalogRegistration.Create(invocation, _symbols) is { } registration
                ? new OwnRegistration(registration.Name, registration.Input, registration.Output)
                : null;
    }

    /// <summary>True when the call was read without binding it (<paramref name="read"/> then says what it registers).</summary>
    private bool TryWithoutHandler(InvocationExpressionSyntax syntax, out OwnRegistration? read, CancellationToken cancellationToken)
    {
        read = null;
        if (_symbols.Communication is not { } communication
            || syntax.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
            || syntax.ArgumentList.Arguments is not { Count: 2 } arguments
            || arguments[0] is not { NameColon: null, RefKindKeyword.RawKind: 0 } nameArgument
            || arguments[1].NameColon is not null
            || MemberScope.Of(syntax, _scopes) is not { } scope)
        {
            return false;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!SymbolEqualityComparer.Default.Equals(ReceiverType(access.Expression, scope), communication)
            || !OnlyMariachiRegisterInScope(syntax, scope.Position, communication))
        {
            return false;
        }

        var name = NameOf(nameArgument.Expression, scope, out var handleType);
        if (name is null)
        {
            return false;
        }

        ITypeSymbol? input;
        ITypeSymbol? output;
        if (access.Name is GenericNameSyntax { TypeArgumentList.Arguments: { Count: 2 } typeArguments })
        {
            input = TypeAt(typeArguments[0], scope.Position);
            output = TypeAt(typeArguments[1], scope.Position);
        }
        else if (handleType is not null && access.Name is IdentifierNameSyntax)
        {
            input = handleType.TypeArguments[0];
            output = handleType.TypeArguments[1];
        }
        else
        {
            // A string name with the types inferred from the handler: only binding the handler tells them.
            return false;
        }

        if (input is null or IErrorTypeSymbol || output is null or IErrorTypeSymbol)
        {
            return false;
        }

        read = new OwnRegistration(name, input, output);
        return true;
    }

    /// <summary>
    /// The receiver's type: a parameter's declared type, or a field or property bound in the member's header (where
    /// nothing of the body is in scope, so nothing of it is bound); null for anything else or a name the body declares.
    /// </summary>
    private ITypeSymbol? ReceiverType(ExpressionSyntax receiver, MemberScope scope)
    {
        switch (receiver)
        {
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member }:
                return ValueTypeAt(member, scope.Position);
            case IdentifierNameSyntax identifier:
                if (scope.Parameter(identifier.Identifier.ValueText) is { } parameter)
                {
                    // The parameter's type alone: its declared symbol would bind the member's whole signature.
                    return parameter.Type is { } type ? TypeAt(type, scope.Position) : null;
                }

                return scope.DeclaresInBody(identifier.Identifier.ValueText) ? null : ValueTypeAt(identifier, scope.Position);
            default:
                return null;
        }
    }

    /// <summary>
    /// A literal, a <c>const</c> string, or a <c>Procedure</c> handle (a readonly field or get-only property with a
    /// constant name, whose type is then <paramref name="handleType"/>), bound in the member's header; null for
    /// anything else, or when the name starts with a parameter or a name the body declares.
    /// </summary>
    private string? NameOf(ExpressionSyntax expression, MemberScope scope, out INamedTypeSymbol? handleType)
    {
        handleType = null;
        if (expression is LiteralExpressionSyntax literal)
        {
            return literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
        }

        var first = expression;
        while (first is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } member)
        {
            first = member.Expression;
        }

        if (first is not IdentifierNameSyntax { Identifier.ValueText: var firstName }
            || scope.Parameter(firstName) is not null
            || scope.DeclaresInBody(firstName))
        {
            return null;
        }

        var symbol = _lookup.FieldOrProperty(expression, scope.Position) ?? BindSymbol(expression, scope.Position);
        switch (symbol)
        {
            case IFieldSymbol { IsConst: true, ConstantValue: string constant }:
                return constant;
            case IFieldSymbol { IsReadOnly: true, Type: INamedTypeSymbol type } field when IsProcedure(type):
                handleType = type;
                return ProcedureModel.ConstantNameOfHandle(field, _symbols, _model);
            case IPropertySymbol { SetMethod: null, IsIndexer: false, Type: INamedTypeSymbol type } property when IsProcedure(type):
                handleType = type;
                return ProcedureModel.ConstantNameOfHandle(property, _symbols, _model);
            default:
                return null;
        }
    }

    /// <summary>A type written in the member's header scope: looked up, or bound when a look-up cannot tell.</summary>
    private ITypeSymbol? TypeAt(TypeSyntax syntax, int position) =>
        _lookup.Type(syntax, position) ?? BindType(syntax, position, SpeculativeBindingOption.BindAsTypeOrNamespace);

    /// <summary>The type of the field or property a name refers to in the member's header scope.</summary>
    private ITypeSymbol? ValueTypeAt(IdentifierNameSyntax name, int position) =>
        _lookup.FieldOrProperty(name, position) switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => BindType(name, position, SpeculativeBindingOption.BindAsExpression),
        };

    private ITypeSymbol? BindType(ExpressionSyntax syntax, int position, SpeculativeBindingOption option)
    {
        SpeculativeBinds++;
        return _model.GetSpeculativeTypeInfo(position, syntax, option).Type;
    }

    private ISymbol? BindSymbol(ExpressionSyntax expression, int position)
    {
        SpeculativeBinds++;
        return _model.GetSpeculativeSymbolInfo(position, expression, SpeculativeBindingOption.BindAsExpression).Symbol;
    }

    private bool IsProcedure(INamedTypeSymbol type) =>
        _symbols.Procedure is { } procedure && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, procedure);

    /// <summary>
    /// True when every <c>Register</c> an <c>ICommunication</c> can call here is the interface's or one of
    /// <c>CommunicationExtensions</c>' (an extension method of the code's own could otherwise win overload resolution).
    /// The extension methods in scope depend only on the enclosing namespace declarations and the file's usings, so the
    /// answer is kept per namespace declaration (or file).
    /// </summary>
    private bool OnlyMariachiRegisterInScope(InvocationExpressionSyntax syntax, int position, INamedTypeSymbol communication)
    {
        SyntaxNode scope = syntax.SyntaxTree.GetRoot();
        for (var node = syntax.Parent; node is not null; node = node.Parent)
        {
            if (node is BaseNamespaceDeclarationSyntax)
            {
                scope = node;
                break;
            }
        }

        if (_onlyMariachiInScope.TryGetValue(scope, out var known))
        {
            return known;
        }

        var only = true;
        foreach (var symbol in _model.LookupSymbols(position, communication, ProcedureModel.RegisterName, includeReducedExtensionMethods: true))
        {
            var definition = symbol is IMethodSymbol method ? (method.ReducedFrom ?? method).OriginalDefinition : null;
            if (definition is null
                || !(SymbolEqualityComparer.Default.Equals(definition.ContainingType, communication)
                    || SymbolEqualityComparer.Default.Equals(definition.ContainingType, _symbols.CommunicationExtensions)))
            {
                only = false;
                break;
            }
        }

        _onlyMariachiInScope[scope] = only;
        return only;
    }
}

/// <summary>A registration of the compilation's own catalog: its constant name and its input and output types.</summary>
internal sealed class OwnRegistration
{
    public OwnRegistration(string name, ITypeSymbol input, ITypeSymbol output)
    {
        Name = name;
        Input = input;
        Output = output;
    }

    public string Name { get; }

    public ITypeSymbol Input { get; }

    public ITypeSymbol Output { get; }
}
