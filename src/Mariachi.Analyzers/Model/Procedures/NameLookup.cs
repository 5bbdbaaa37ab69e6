using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Reads the few shapes of names the catalog needs (a type written with identifiers, generic names, keywords, arrays
/// and <c>?</c>; a dotted name of a type's field or property) by name look-ups at a position, in place of the semantic
/// model's speculative binding: each speculative bind sets up binders for the expression before binding it, which on
/// the catalog generator's compilation (one the build does not share) was most of the generator's time. A look-up
/// follows the language's scopes (usings, aliases, enclosing namespaces and types); where it does not find exactly one
/// symbol of the right kind and arity, or the shape is another, the answer is null and the caller binds as before.
/// A first name is found by walking the scopes (<see cref="ScopeWalk"/>), each asked for that name alone.
/// </summary>
internal sealed class NameLookup
{
    private readonly SemanticModel _model;

    /// <summary>
    /// What a first name finds, per type declaration the position is in (or per file or namespace outside any type): the
    /// positions asked about are those of member headers and field types, where every member of a type sees the same
    /// scopes (generic methods are not read this way), and a type's registrations name the same few types and handles.
    /// </summary>
    private readonly Dictionary<(SyntaxNode Scope, string Name, int Arity, bool TypesOnly), ImmutableArray<ISymbol>> _found =
        new Dictionary<(SyntaxNode, string, int, bool), ImmutableArray<ISymbol>>();

    private readonly ScopeWalk _walk;

    public NameLookup(SemanticModel model)
    {
        _model = model;
        _walk = new ScopeWalk(model);
    }

    /// <summary>How many first names the scope walk could not tell and the semantic model looked up (for tests).</summary>
    internal int SemanticModelLookups { get; private set; }

    /// <summary>The type <paramref name="syntax"/> names at <paramref name="position"/>, or null when a look-up cannot tell.</summary>
    public ITypeSymbol? Type(TypeSyntax syntax, int position) => syntax switch
    {
        PredefinedTypeSyntax predefined => Predefined(predefined.Keyword.Kind()),
        NullableTypeSyntax nullable => Nullable(nullable, position),
        ArrayTypeSyntax array => Array(array, position),
        NameSyntax name => NamespaceOrType(name, position, constructed: true) as ITypeSymbol,
        _ => null,
    };

    /// <summary>The generic type a name such as <c>Procedure&lt;A, B&gt;</c> refers to, unconstructed: its type arguments are not read.</summary>
    public INamedTypeSymbol? GenericDefinition(NameSyntax name, int position) =>
        NamespaceOrType(name, position, constructed: false) as INamedTypeSymbol;

    /// <summary>
    /// The field or property a name such as <c>Name</c>, <c>Type.Name</c> or <c>Namespace.Type.Name</c> refers to in an
    /// expression at <paramref name="position"/>, or null (also when a part before it is a field, property or local:
    /// member access on a value is left to binding).
    /// </summary>
    public ISymbol? FieldOrProperty(ExpressionSyntax expression, int position) =>
        Dotted(expression, position) is { Kind: SymbolKind.Field or SymbolKind.Property } found ? found : null;

    /// <summary>The one symbol a dotted name of identifiers refers to, each part before the last a namespace or a non-generic type; else null.</summary>
    private ISymbol? Dotted(ExpressionSyntax expression, int position) => expression switch
    {
        IdentifierNameSyntax identifier => Single(Find(position, identifier.Identifier.ValueText, arity: 0, typesOnly: false)),

        // A value of the same name as its type (Color Color) would be found on the left as the value: left to binding.
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } access =>
            Dotted(access.Expression, position) is INamespaceOrTypeSymbol container and (INamespaceSymbol or INamedTypeSymbol { Arity: 0 })
                ? Member(container, name.Identifier.ValueText, position)
                : null,
        _ => null,
    };

    private INamespaceOrTypeSymbol? NamespaceOrType(NameSyntax name, int position, bool constructed)
    {
        INamespaceOrTypeSymbol? container = null;
        SimpleNameSyntax simple;
        switch (name)
        {
            case QualifiedNameSyntax qualified:
                container = NamespaceOrType(qualified.Left, position, constructed: true);
                if (container is null)
                {
                    return null;
                }

                simple = qualified.Right;
                break;
            case SimpleNameSyntax simpleName:
                simple = simpleName;
                break;
            default:
                return null;
        }

        var arity = simple is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments.Count : 0;
        var found = OfArity(
            container is null ? Find(position, simple.Identifier.ValueText, arity, typesOnly: true) : NamespacesAndTypes(container, simple.Identifier.ValueText, position),
            arity);
        if (arity == 0 || !constructed || found is not INamedTypeSymbol definition)
        {
            return found;
        }

        var arguments = ((GenericNameSyntax)simple).TypeArgumentList.Arguments;
        var types = new ITypeSymbol[arity];
        for (var i = 0; i < arity; i++)
        {
            if (arguments[i] is OmittedTypeArgumentSyntax || Type(arguments[i], position) is not { } argument)
            {
                return null;
            }

            types[i] = argument;
        }

        return definition.Construct(types);
    }

    /// <summary>
    /// What a name written first finds at <paramref name="position"/> (the language's scopes; types of another arity
    /// left out), kept per scope: walked scope by scope (<see cref="ScopeWalk"/>), or asked of the semantic model where
    /// the walk cannot tell.
    /// </summary>
    private ImmutableArray<ISymbol> Find(int position, string name, int arity, bool typesOnly)
    {
        var key = (ScopeOf(position), name, arity, typesOnly);
        if (!_found.TryGetValue(key, out var symbols))
        {
            if (_walk.Find(position, name, arity, typesOnly) is { } walked)
            {
                symbols = walked;
            }
            else
            {
                SemanticModelLookups++;
                symbols = typesOnly ? _model.LookupNamespacesAndTypes(position, name: name) : _model.LookupSymbols(position, name: name);
            }

            _found[key] = symbols;
        }

        return symbols;
    }

    /// <summary>The innermost type declaration around <paramref name="position"/>, else its namespace declaration, else the file.</summary>
    private SyntaxNode ScopeOf(int position)
    {
        var root = _model.SyntaxTree.GetRoot();
        for (var node = root.FindToken(position).Parent; node is not null; node = node.Parent)
        {
            if (node is BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax)
            {
                return node;
            }
        }

        return root;
    }

    /// <summary>
    /// The accessible members named <paramref name="name"/> of a namespace, or of a type and, when it has none, of its
    /// nearest base type that has some (a derived type's member hides its bases'): read from the symbols, as binding a
    /// qualified name does, rather than through the semantic model's look-up, which lists every member to filter them.
    /// </summary>
    private ImmutableArray<ISymbol> Members(INamespaceOrTypeSymbol container, string name, int position)
    {
        for (var current = container; current is not null; current = (current as ITypeSymbol)?.BaseType)
        {
            var members = current.GetMembers(name);
            if (!members.IsEmpty)
            {
                return members.RemoveAll(member => !_model.IsAccessible(position, member));
            }
        }

        return ImmutableArray<ISymbol>.Empty;
    }

    private ISymbol? Member(INamespaceOrTypeSymbol container, string name, int position) => Single(Members(container, name, position));

    private ImmutableArray<ISymbol> NamespacesAndTypes(INamespaceOrTypeSymbol container, string name, int position) =>
        Members(container, name, position).RemoveAll(member => member is not INamespaceOrTypeSymbol);

    private ITypeSymbol? Nullable(NullableTypeSyntax nullable, int position)
    {
        var element = Type(nullable.ElementType, position);
        if (element is { IsReferenceType: true })
        {
            return element.WithNullableAnnotation(NullableAnnotation.Annotated);
        }

        return element is { IsValueType: true, TypeKind: not TypeKind.TypeParameter, OriginalDefinition.SpecialType: not SpecialType.System_Nullable_T }
            ? _model.Compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(element)
            : null;
    }

    private IArrayTypeSymbol? Array(ArrayTypeSyntax array, int position)
    {
        if (array.RankSpecifiers.Count != 1 || Type(array.ElementType, position) is not { } element)
        {
            return null;
        }

        foreach (var size in array.RankSpecifiers[0].Sizes)
        {
            if (size is not OmittedArraySizeExpressionSyntax)
            {
                return null;
            }
        }

        return _model.Compilation.CreateArrayTypeSymbol(element, array.RankSpecifiers[0].Rank, element.NullableAnnotation);
    }

    private ITypeSymbol? Predefined(SyntaxKind keyword)
    {
        var special = keyword switch
        {
            SyntaxKind.BoolKeyword => SpecialType.System_Boolean,
            SyntaxKind.ByteKeyword => SpecialType.System_Byte,
            SyntaxKind.SByteKeyword => SpecialType.System_SByte,
            SyntaxKind.CharKeyword => SpecialType.System_Char,
            SyntaxKind.DecimalKeyword => SpecialType.System_Decimal,
            SyntaxKind.DoubleKeyword => SpecialType.System_Double,
            SyntaxKind.FloatKeyword => SpecialType.System_Single,
            SyntaxKind.IntKeyword => SpecialType.System_Int32,
            SyntaxKind.UIntKeyword => SpecialType.System_UInt32,
            SyntaxKind.LongKeyword => SpecialType.System_Int64,
            SyntaxKind.ULongKeyword => SpecialType.System_UInt64,
            SyntaxKind.ShortKeyword => SpecialType.System_Int16,
            SyntaxKind.UShortKeyword => SpecialType.System_UInt16,
            SyntaxKind.ObjectKeyword => SpecialType.System_Object,
            SyntaxKind.StringKeyword => SpecialType.System_String,
            _ => SpecialType.None,
        };
        return special == SpecialType.None || _model.Compilation.GetSpecialType(special) is not { TypeKind: not TypeKind.Error } type ? null : type;
    }

    /// <summary>The one namespace (for arity 0) or type of <paramref name="arity"/> found (an alias stands for its target); null for none or several.</summary>
    private static INamespaceOrTypeSymbol? OfArity(ImmutableArray<ISymbol> symbols, int arity)
    {
        INamespaceOrTypeSymbol? found = null;
        foreach (var symbol in symbols)
        {
            var target = symbol is IAliasSymbol alias ? alias.Target : symbol;
            var matches = target switch
            {
                INamespaceSymbol => arity == 0,
                INamedTypeSymbol type => type.Arity == arity,
                ITypeSymbol => arity == 0,
                _ => false,
            };
            if (!matches)
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = (INamespaceOrTypeSymbol)target;
        }

        return found is ITypeSymbol { TypeKind: TypeKind.Error } ? null : found;
    }

    private static ISymbol? Single(ImmutableArray<ISymbol> symbols)
    {
        if (symbols.Length != 1)
        {
            return null;
        }

        return symbols[0] is IAliasSymbol alias ? alias.Target : symbols[0];
    }
}
