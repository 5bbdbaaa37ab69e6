using System;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Catalog;

/// <summary>
/// What the generator writes for one <c>Procedure</c> handle with a constant name that other assemblies can read (a
/// static readonly field or get-only static property, not private): its type as <c>typeof</c> text, member and name.
/// </summary>
internal sealed class HandleEntry : IEquatable<HandleEntry>
{
    private HandleEntry(string declaringType, string member, string name)
    {
        DeclaringType = declaringType;
        Member = member;
        Name = name;
    }

    /// <summary>The name a handle's type is written with (<c>Procedure&lt;A, B&gt;</c>).</summary>
    public const string TypeName = "Procedure";

    public string DeclaringType { get; }

    public string Member { get; }

    public string Name { get; }

    /// <summary>The syntactic filter: a field or property declared with a type named <c>Procedure&lt;A, B&gt;</c> and an initializer.</summary>
    public static bool IsCandidate(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax { Initializer: not null, Parent: VariableDeclarationSyntax { Type: var type, Parent: FieldDeclarationSyntax } } => IsProcedureType(type),
        PropertyDeclarationSyntax property => (property.Initializer is not null || property.ExpressionBody is not null) && IsProcedureType(property.Type),
        _ => false,
    };

    public static HandleEntry? Create(SyntaxNode node, SemanticModel model, NameLookup lookup, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (symbols.Procedure is not { } procedure)
        {
            return null;
        }

        var member = model.GetDeclaredSymbol(node, cancellationToken);
        if (member is not (IFieldSymbol { IsStatic: true, IsReadOnly: true } or IPropertySymbol { IsStatic: true, SetMethod: null, IsIndexer: false })
            || !IsProcedure(member, DeclaredType(node), lookup, procedure)
            || member.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal
            || member.ContainingType is not { } containing
            || !CatalogEntry.CanName(containing, symbols.Compilation)
            || ProcedureModel.ConstantNameOfMember(member, symbols) is not { } name)
        {
            return null;
        }

        return new HandleEntry(containing.ToDisplayString(CatalogEntry.TypeOfFormat), member.Name, name);
    }

    /// <summary>The type syntax of a candidate (see <see cref="IsCandidate"/>).</summary>
    private static TypeSyntax? DeclaredType(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
        PropertyDeclarationSyntax property => property.Type,
        _ => null,
    };

    /// <summary>
    /// True when the member's type is Mariachi's <c>Procedure&lt;,&gt;</c>: the generic name is looked up where it is
    /// written, without binding its type arguments (the entry does not need them, and the generator's compilation is not
    /// the build's); the member's type is bound only when a look-up cannot tell.
    /// </summary>
    private static bool IsProcedure(ISymbol member, TypeSyntax? syntax, NameLookup lookup, INamedTypeSymbol procedure)
    {
        if (syntax is NameSyntax name && lookup.GenericDefinition(name, syntax.SpanStart) is { } definition)
        {
            return SymbolEqualityComparer.Default.Equals(definition, procedure);
        }

        var type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        return type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, procedure);
    }

    private static bool IsProcedureType(TypeSyntax type) =>
        (type is QualifiedNameSyntax qualified ? qualified.Right : type) is GenericNameSyntax { Identifier.ValueText: TypeName, TypeArgumentList.Arguments.Count: 2 };

    public bool Equals(HandleEntry? other) =>
        other is not null
        && string.Equals(DeclaringType, other.DeclaringType, StringComparison.Ordinal)
        && string.Equals(Member, other.Member, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as HandleEntry);

    public override int GetHashCode() =>
        StringComparer.Ordinal.GetHashCode(DeclaringType) ^ (StringComparer.Ordinal.GetHashCode(Member) * 31) ^ (StringComparer.Ordinal.GetHashCode(Name) * 7);
}
