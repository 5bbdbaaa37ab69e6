using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The one procedure model every rule and fix uses: recognizes <c>Register</c> calls (<c>ICommunication.Register</c>
/// on the interface or on a type implementing it, and the overloads of <c>CommunicationExtensions</c>),
/// <c>CallAsync</c> (by name on the interface or its implementation, by handle through <c>CommunicationExtensions</c>), event <c>PublishAsync</c> / <c>SubscribeAsync</c>, and evaluates the constant procedure or
/// event name they pass: a literal, a <c>const</c>, a constant interpolation or concatenation, <c>nameof</c>, or a
/// <c>Procedure&lt;TIn, TOut&gt;</c> created with such a constant (directly as the argument, or through a readonly
/// field, a get-only property or a local initialized with one), following constants up to depth 8.
/// </summary>
internal static class ProcedureModel
{
    /// <summary>The name of every Register method: a cheap syntactic filter before the semantic check.</summary>
    internal const string RegisterName = "Register";
    internal const string CallName = "CallAsync";
    private const string PublishName = "PublishAsync";
    private const string SubscribeName = "SubscribeAsync";
    private const int MaxDepth = 8;

    /// <summary>
    /// The cheap syntactic filter before the semantic check of a registration: <c>x.Register(...)</c>,
    /// <c>Register(...)</c> or <c>x.Register&lt;A, B&gt;(...)</c> with two arguments or more.
    /// </summary>
    public static bool IsRegisterCallSyntax(SyntaxNode node) =>
        node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: >= 2 } invocation
        && SyntaxNames.LastIdentifier(invocation.Expression) == RegisterName;

    /// <summary>True when <paramref name="invocation"/> registers a procedure (see <see cref="NameOrdinal"/>).</summary>
    public static bool IsRegister(IInvocationOperation invocation, KnownSymbols symbols) =>
        invocation?.TargetMethod is { } method && NameOrdinal(method, symbols) >= 0;

    /// <summary>
    /// The ordinal of the parameter that names the procedure when <paramref name="method"/> registers one (the
    /// handler is the next parameter), else -1: 0 for <c>ICommunication.Register</c> or its implementation and for
    /// a <c>CommunicationExtensions.Register</c> called as an extension (reduced), 1 for the latter called as a
    /// static method, where the communication comes first.
    /// </summary>
    public static int NameOrdinal(IMethodSymbol method, KnownSymbols symbols) =>
        method.Name == RegisterName
            ? Ordinal(method, symbols.Communication, interfaceParameters: 2, symbols.CommunicationExtensions, extensionParameters: 3, nameOrdinal: 0)
            : -1;

    /// <summary>
    /// What <paramref name="method"/> does with a procedure or event, and the ordinal of the parameter that passes
    /// its name (or <c>Procedure</c> handle) as the call's arguments count (-1 for <see cref="ProcedureCallKind.None"/>).
    /// </summary>
    public static ProcedureCallKind Classify(IMethodSymbol method, KnownSymbols symbols, out int nameOrdinal)
    {
        (nameOrdinal, var kind) = method.Name switch
        {
            RegisterName => (NameOrdinal(method, symbols), ProcedureCallKind.Register),
            CallName => (Ordinal(method, symbols.Communication, interfaceParameters: 4, symbols.CommunicationExtensions, extensionParameters: 5, nameOrdinal: 0), ProcedureCallKind.Call),
            PublishName => (Ordinal(method, symbols.EventBus, interfaceParameters: 4, null, -1, nameOrdinal: 1), ProcedureCallKind.Publish),
            SubscribeName => (Ordinal(method, symbols.EventBus, interfaceParameters: 4, symbols.EventBusExtensions, extensionParameters: 5, nameOrdinal: 0), ProcedureCallKind.Subscribe),
            _ => (-1, ProcedureCallKind.None),
        };
        return nameOrdinal < 0 ? ProcedureCallKind.None : kind;
    }

    /// <summary>
    /// The constant procedure or event name passed to <paramref name="invocation"/> (any
    /// <see cref="ProcedureCallKind"/>), or null when it is not such a call or its name is not a constant.
    /// </summary>
    public static string? ConstantNameOfCall(IInvocationOperation invocation, KnownSymbols symbols, out ProcedureCallKind kind)
    {
        var argument = NameArgumentOfCall(invocation, symbols, out kind);
        return argument is null ? null : GetConstantNameOfValue(argument.Value, symbols);
    }

    /// <summary>
    /// The argument that passes the procedure or event name (a string, or a <c>Procedure</c> handle) of
    /// <paramref name="invocation"/> (any <see cref="ProcedureCallKind"/>), or null when it is not such a call.
    /// </summary>
    public static IArgumentOperation? NameArgumentOfCall(IInvocationOperation invocation, KnownSymbols symbols, out ProcedureCallKind kind)
    {
        var ordinal = -1;
        kind = invocation?.TargetMethod is { } method ? Classify(method, symbols, out ordinal) : ProcedureCallKind.None;
        return kind == ProcedureCallKind.None ? null : ArgumentAt(invocation!, ordinal);
    }

    /// <summary>The name argument of <c>new Procedure&lt;TIn, TOut&gt;(name)</c> (or target-typed <c>new(name)</c>), else null.</summary>
    public static IArgumentOperation? NameArgumentOfCreation(IObjectCreationOperation creation, KnownSymbols symbols) =>
        creation?.Constructor is { Parameters.Length: 1 } constructor && IsProcedure(constructor.ContainingType, symbols)
            ? ArgumentAt(creation.Arguments, 0)
            : null;

    /// <summary>
    /// The ordinal of the name parameter when <paramref name="method"/> is the member named like it on
    /// <paramref name="owner"/> (or its implementation) with <paramref name="interfaceParameters"/> parameters, or
    /// a static overload on <paramref name="extensions"/> with <paramref name="extensionParameters"/> parameters
    /// (one more when called as a static method, where the receiver comes first); else -1.
    /// </summary>
    private static int Ordinal(
        IMethodSymbol method,
        INamedTypeSymbol? owner,
        int interfaceParameters,
        INamedTypeSymbol? extensions,
        int extensionParameters,
        int nameOrdinal)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (definition.IsStatic)
        {
            return definition.Parameters.Length == extensionParameters
                && extensions is not null
                && SymbolEqualityComparer.Default.Equals(definition.ContainingType, extensions)
                    ? nameOrdinal + (method.ReducedFrom is null ? 1 : 0)
                    : -1;
        }

        if (owner is null || definition.Parameters.Length != interfaceParameters)
        {
            return -1;
        }

        if (SymbolEqualityComparer.Default.Equals(definition.ContainingType, owner))
        {
            return nameOrdinal;
        }

        var type = method.ContainingType;
        if (type is null || !type.AllInterfaces.Contains(owner, SymbolEqualityComparer.Default))
        {
            return -1;
        }

        foreach (var member in owner.GetMembers(method.Name))
        {
            var implementation = type.FindImplementationForInterfaceMember(member);
            if (implementation is not null && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, definition))
            {
                return nameOrdinal;
            }
        }

        return -1;
    }

    /// <summary>The argument that names the procedure (the name string or the Procedure handle), or null.</summary>
    public static IArgumentOperation? NameArgument(IInvocationOperation invocation, KnownSymbols symbols) =>
        Argument(invocation, symbols, handler: false);

    /// <summary>The argument that passes the handler, or null.</summary>
    public static IArgumentOperation? HandlerArgument(IInvocationOperation invocation, KnownSymbols symbols) =>
        Argument(invocation, symbols, handler: true);

    /// <summary>
    /// The constant procedure name registered by <paramref name="invocation"/>, or null when it is not a
    /// <c>Register</c> call or its name is not a compile-time constant.
    /// </summary>
    public static string? GetConstantName(IInvocationOperation invocation, KnownSymbols symbols) =>
        GetConstantName(invocation, symbols, out _);

    /// <summary>
    /// As <see cref="GetConstantName(IInvocationOperation, KnownSymbols)"/>; when the name comes from a field or
    /// property whose initializer could not be read from here, <paramref name="unresolvedMember"/> names it (its
    /// initializer can be read where it is declared).
    /// </summary>
    public static string? GetConstantName(IInvocationOperation invocation, KnownSymbols symbols, out ISymbol? unresolvedMember)
    {
        unresolvedMember = null;
        var argument = NameArgument(invocation, symbols);
        return argument is null ? null : ConstantName(argument.Value, symbols, invocation.SemanticModel, 0, ref unresolvedMember);
    }

    /// <summary>
    /// The constant name held by the Procedure field or property <paramref name="member"/> (the unresolved member
    /// of <see cref="GetConstantName(IInvocationOperation, KnownSymbols, out ISymbol?)"/>), read with the semantic
    /// model of the tree that declares it; null when it holds no constant name.
    /// </summary>
    public static string? ConstantNameOfMember(ISymbol member, KnownSymbols symbols)
    {
        if (member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var tree = member.DeclaringSyntaxReferences[0].SyntaxTree;
        if (!symbols.Compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        // `new Procedure<A, B>(constant)` read from the syntax first: binding the initializer costs a semantic model of
        // its own for the catalog generator, which has no shared ones.
        ISymbol? unresolved = null;
        return FromDeclaration(member, symbols, null, 0, ref unresolved)
            ?? FromDeclaration(member, symbols, symbols.Compilation.GetSemanticModel(tree), 0, ref unresolved);
    }

    /// <summary>
    /// The constant name held by the Procedure field or property <paramref name="member"/> as a call in
    /// <paramref name="model"/>'s tree reads it: with that model when declared in the same tree, from the syntax of
    /// <c>new Procedure&lt;A, B&gt;(constant)</c> when declared in another, else with the declaring tree's model.
    /// </summary>
    public static string? ConstantNameOfHandle(ISymbol member, KnownSymbols symbols, SemanticModel model)
    {
        ISymbol? unresolved = null;
        return FromDeclaration(member, symbols, model, 0, ref unresolved)
            ?? (unresolved is null ? null : ConstantNameOfMember(unresolved, symbols));
    }

    private static IArgumentOperation? Argument(IInvocationOperation invocation, KnownSymbols symbols, bool handler)
    {
        var ordinal = invocation?.TargetMethod is { } method ? NameOrdinal(method, symbols) : -1;
        if (ordinal < 0)
        {
            return null;
        }

        return ArgumentAt(invocation!, ordinal + (handler ? 1 : 0));
    }

    private static IArgumentOperation? ArgumentAt(IInvocationOperation invocation, int ordinal) => ArgumentAt(invocation.Arguments, ordinal);

    private static IArgumentOperation? ArgumentAt(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The constant procedure name of a name string or Procedure handle value, or null.</summary>
    public static string? GetConstantNameOfValue(IOperation? value, KnownSymbols symbols)
    {
        ISymbol? unresolved = null;
        return ConstantName(value, symbols, value?.SemanticModel, 0, ref unresolved);
    }

    private static string? ConstantName(IOperation? value, KnownSymbols symbols, SemanticModel? model, int depth, ref ISymbol? unresolved)
    {
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        // Literals, consts, constant interpolations and concatenations, nameof: the compiler folds them.
        if (value.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (!IsProcedure(value.Type, symbols))
        {
            return null;
        }

        switch (value)
        {
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == 0)
                    {
                        return argument.Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;
                    }
                }

                return null;
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                return FromDeclaration(field, symbols, model, depth, ref unresolved);
            case IPropertyReferenceOperation { Property: { SetMethod: null, IsIndexer: false } property }:
                return FromDeclaration(property, symbols, model, depth, ref unresolved);
            case ILocalReferenceOperation { Local: { } local }:
                return FromLocal(local, symbols, model, depth, ref unresolved);
            default:
                return null;
        }
    }

    private static bool IsProcedure(ITypeSymbol? type, KnownSymbols symbols) =>
        symbols.Procedure is not null
        && type is INamedTypeSymbol named
        && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, symbols.Procedure);

    /// <summary>A readonly field or get-only property: the Procedure its initializer (or expression body) creates.</summary>
    private static string? FromDeclaration(ISymbol member, KnownSymbols symbols, SemanticModel? model, int depth, ref ISymbol? unresolved)
    {
        if (member.DeclaringSyntaxReferences.Length == 0 && member.IsStatic)
        {
            // A compiled assembly: the catalog generator wrote its handles' names as assembly attributes.
            return ReferencedCatalogs.Get(symbols.Compilation, System.Threading.CancellationToken.None).HandleName(member);
        }

        if (member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var expression = member.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            VariableDeclaratorSyntax variable => variable.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression ?? GetterExpression(property),
            _ => null,
        };
        if (expression is null)
        {
            return null;
        }

        if (model is not null && expression.SyntaxTree == model.SyntaxTree)
        {
            return ConstantName(model.GetOperation(expression), symbols, model, depth + 1, ref unresolved);
        }

        // Declared in another file: read `new Procedure<A, B>(constant)` / `new(constant)` from the syntax.
        var name = FromCreationSyntax(expression, member.ContainingType, symbols.Compilation);
        if (name is null)
        {
            unresolved = member;
        }

        return name;
    }

    private static ExpressionSyntax? GetterExpression(PropertyDeclarationSyntax property)
    {
        var getter = property.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
        if (getter is null)
        {
            return null;
        }

        if (getter.ExpressionBody is { } arrow)
        {
            return arrow.Expression;
        }

        return getter.Body?.Statements.Count == 1 && getter.Body.Statements[0] is ReturnStatementSyntax { Expression: { } returned }
            ? returned
            : null;
    }

    /// <summary>A local initialized with a Procedure and never assigned again.</summary>
    private static string? FromLocal(ILocalSymbol local, KnownSymbols symbols, SemanticModel? model, int depth, ref ISymbol? unresolved)
    {
        if (model is null
            || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var body = declarator.Ancestors().FirstOrDefault(n =>
            n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax
                or AccessorDeclarationSyntax or CompilationUnitSyntax);
        if (body is null || IsAssignedAgain(body, local.Name))
        {
            return null;
        }

        return ConstantName(model.GetOperation(initializer), symbols, model, depth + 1, ref unresolved);
    }

    private static bool IsAssignedAgain(SyntaxNode body, string name)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } when left.Identifier.ValueText == name:
                    return true;
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax argument } when argument.Identifier.ValueText == name:
                    return true;
            }
        }

        return false;
    }

    /// <summary><c>new Procedure&lt;A, B&gt;(constant)</c> or <c>new(constant)</c>, evaluated from syntax.</summary>
    private static string? FromCreationSyntax(ExpressionSyntax expression, INamedTypeSymbol? type, Compilation compilation)
    {
        var arguments = expression switch
        {
            ObjectCreationExpressionSyntax creation when SyntaxNames.LastIdentifier(creation.Type) == "Procedure" => creation.ArgumentList,
            ImplicitObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        };
        return arguments?.Arguments.Count == 1 ? ConstantFromSyntax(arguments.Arguments[0].Expression, type, compilation, 0) : null;
    }

    /// <summary>
    /// The value of a constant string expression written in another file: literals, interpolations and
    /// concatenations of constants, <c>nameof</c>, and <c>const</c> fields of the declaring type (or, qualified, of
    /// a uniquely named source type).
    /// </summary>
    private static string? ConstantFromSyntax(ExpressionSyntax expression, INamedTypeSymbol? type, Compilation compilation, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return literal.Token.ValueText;
            case ParenthesizedExpressionSyntax parenthesized:
                return ConstantFromSyntax(parenthesized.Expression, type, compilation, depth + 1);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                var left = ConstantFromSyntax(binary.Left, type, compilation, depth + 1);
                var right = left is null ? null : ConstantFromSyntax(binary.Right, type, compilation, depth + 1);
                return right is null ? null : left + right;
            case InterpolatedStringExpressionSyntax interpolated:
                return Interpolation(interpolated, type, compilation, depth);
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments.Count: 1 } nameOf:
                return SyntaxNames.LastIdentifier(nameOf.ArgumentList.Arguments[0].Expression);
            case IdentifierNameSyntax identifier:
                return ConstantOfType(type, identifier.Identifier.ValueText, searchOuter: true);
            case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } access when SyntaxNames.LastIdentifier(access.Expression) is { } typeName:
                return QualifiedConstant(typeName, member.Identifier.ValueText, compilation);
            default:
                return null;
        }
    }

    private static string? Interpolation(InterpolatedStringExpressionSyntax interpolated, INamedTypeSymbol? type, Compilation compilation, int depth)
    {
        var builder = new StringBuilder();
        foreach (var content in interpolated.Contents)
        {
            switch (content)
            {
                case InterpolatedStringTextSyntax text:
                    builder.Append(text.TextToken.ValueText);
                    break;
                case InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole
                    when ConstantFromSyntax(hole.Expression, type, compilation, depth + 1) is { } value:
                    builder.Append(value);
                    break;
                default:
                    return null;
            }
        }

        return builder.ToString();
    }

    private static string? ConstantOfType(INamedTypeSymbol? type, string name, bool searchOuter)
    {
        for (var outer = type; outer is not null; outer = searchOuter ? outer.ContainingType : null)
        {
            for (var current = outer; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IFieldSymbol { IsConst: true, ConstantValue: string value })
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }

    private static string? QualifiedConstant(string typeName, string name, Compilation compilation)
    {
        string? found = null;
        foreach (var type in SourceTypesByName.Of(compilation, CancellationToken.None).Find(typeName))
        {
            if (ConstantOfType(type, name, searchOuter: false) is { } value)
            {
                if (found is not null && !string.Equals(found, value, StringComparison.Ordinal))
                {
                    return null;
                }

                found = value;
            }
        }

        return found;
    }
}
