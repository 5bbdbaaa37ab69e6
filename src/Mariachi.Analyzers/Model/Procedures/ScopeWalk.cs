using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Finds what a name written first means at a member header the way the language looks it up (members of the
/// enclosing types and their bases, then each enclosing namespace's members followed by the aliases and imports of
/// its declaration, the file's and the global usings last), asking each scope for that one name. The semantic model's
/// <c>LookupSymbols</c> with a name lists every name of every scope to filter them (each imported namespace's members
/// copied, every call): on the catalog generator's compilation that was most of its look-ups' time. Where the walk
/// cannot be sure it answers null and the caller asks the semantic model: a type or method type parameter of that
/// name, a primary constructor parameter, an interface or enum around the position, a member it cannot reach, an
/// inaccessible match, a static import or extern alias that could supply the name, several imported matches.
/// </summary>
internal sealed class ScopeWalk
{
    private readonly SemanticModel _model;

    /// <summary>Per namespace declaration or file: the namespaces to search, innermost first, each with the imports of its declaration here.</summary>
    private readonly Dictionary<SyntaxNode, Level[]> _levels = new Dictionary<SyntaxNode, Level[]>();

    public ScopeWalk(SemanticModel model) => _model = model;

    /// <summary>
    /// The namespaces and types (<paramref name="typesOnly"/>) or the symbols of any kind (else) named
    /// <paramref name="name"/> found at <paramref name="position"/>, types of other arities than <paramref name="arity"/>
    /// left out; null when the walk cannot tell.
    /// </summary>
    public ImmutableArray<ISymbol>? Find(int position, string name, int arity, bool typesOnly)
    {
        var node = _model.SyntaxTree.GetRoot().FindToken(position).Parent;
        for (; node is not null and not BaseNamespaceDeclarationSyntax and not CompilationUnitSyntax; node = node.Parent)
        {
            switch (node)
            {
                case MethodDeclarationSyntax method when Declares(method.TypeParameterList, name):
                case DelegateDeclarationSyntax or EnumDeclarationSyntax or InterfaceDeclarationSyntax:
                    return null;
                case TypeDeclarationSyntax type:
                    if (Declares(type.TypeParameterList, name) || Declares(type.ParameterList, name)
                        || _model.GetDeclaredSymbol(type) is not { } symbol)
                    {
                        return null;
                    }

                    var members = InType(symbol, name, arity, typesOnly, position);
                    if (members is not { IsEmpty: true })
                    {
                        return members;
                    }

                    break;
            }
        }

        return node is null ? null : InNamespaces(Levels(node, position), name, arity, position);
    }

    /// <summary>The members named <paramref name="name"/> of a class, struct or record and its base classes (the nearest that has some); null when unsure.</summary>
    private ImmutableArray<ISymbol>? InType(INamedTypeSymbol type, string name, int arity, bool typesOnly, int position)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.TypeKind == TypeKind.Error)
            {
                return null;
            }

            var found = Viable(current.GetMembers(name), arity, typesOnly, position);
            if (found is not { IsEmpty: true })
            {
                return found;
            }
        }

        return ImmutableArray<ISymbol>.Empty;
    }

    private ImmutableArray<ISymbol>? InNamespaces(Level[] levels, string name, int arity, int position)
    {
        foreach (var level in levels)
        {
            var found = Viable(level.Namespace.GetMembers(name), arity, typesOnly: true, position);
            if (found is not { IsEmpty: true })
            {
                return found;
            }

            if (level.Imports is { } imports && FromImports(imports, name, arity, position, out var imported))
            {
                return imported;
            }
        }

        return ImmutableArray<ISymbol>.Empty;
    }

    /// <summary>
    /// The members a look-up can stop at: types of <paramref name="arity"/>, namespaces (arity 0), and values where not
    /// only a type can stand; a type of another arity or a value in a type's place is passed by, as binding does. Null
    /// when one of them is inaccessible (binding would pass it by too, and the walk does not follow it).
    /// </summary>
    private ImmutableArray<ISymbol>? Viable(IEnumerable<ISymbol> members, int arity, bool typesOnly, int position)
    {
        var found = ImmutableArray.CreateBuilder<ISymbol>();
        foreach (var member in members)
        {
            var viable = member switch
            {
                INamedTypeSymbol type => type.Arity == arity,
                INamespaceSymbol => arity == 0,
                _ => !typesOnly && arity == 0,
            };
            if (!viable)
            {
                continue;
            }

            if (!_model.IsAccessible(position, member))
            {
                return null;
            }

            found.Add(member);
        }

        return found.ToImmutable();
    }

    /// <summary>True when a declaration's aliases or imports decide the name (<paramref name="found"/> null: unsure).</summary>
    private bool FromImports(ImportSet imports, string name, int arity, int position, out ImmutableArray<ISymbol>? found)
    {
        found = null;
        foreach (var alias in imports.ExternAliases)
        {
            if (alias.Name == name)
            {
                return true;
            }
        }

        foreach (var alias in imports.Aliases)
        {
            if (alias.Name == name)
            {
                found = arity == 0 ? ImmutableArray.Create<ISymbol>(alias) : null;
                return true;
            }
        }

        ISymbol? single = null;
        foreach (var imported in imports.Imported)
        {
            if (imported is INamedTypeSymbol staticImport)
            {
                // A static import brings its nested types and static members: unsure when it has one of the name.
                if (!staticImport.GetMembers(name).IsEmpty)
                {
                    return true;
                }

                continue;
            }

            foreach (var type in ((INamespaceSymbol)imported).GetTypeMembers(name, arity))
            {
                if (!_model.IsAccessible(position, type) || single is not null)
                {
                    return true;
                }

                single = type;
            }
        }

        if (single is null)
        {
            return false;
        }

        found = ImmutableArray.Create(single);
        return true;
    }

    /// <summary>The namespaces searched from <paramref name="scope"/> (a namespace declaration or the file) outwards, each with the imports declared for it here.</summary>
    private Level[] Levels(SyntaxNode scope, int position)
    {
        if (_levels.TryGetValue(scope, out var levels))
        {
            return levels;
        }

        var declarations = new Dictionary<SyntaxNode, ImportSet>();
        var file = new ImportSet();
        foreach (var importScope in _model.GetImportScopes(position))
        {
            foreach (var alias in importScope.ExternAliases)
            {
                ImportsOf(alias.DeclaringSyntaxReferences.IsEmpty ? null : alias.DeclaringSyntaxReferences[0], declarations, file).ExternAliases.Add(alias);
            }

            foreach (var alias in importScope.Aliases)
            {
                ImportsOf(alias.DeclaringSyntaxReferences.IsEmpty ? null : alias.DeclaringSyntaxReferences[0], declarations, file).Aliases.Add(alias);
            }

            foreach (var imported in importScope.Imports)
            {
                var target = imported.NamespaceOrType is INamespaceSymbol ns ? _model.Compilation.GetCompilationNamespace(ns) ?? ns : imported.NamespaceOrType;
                ImportsOf(imported.DeclaringSyntaxReference, declarations, file).Imported.Add(target);
            }
        }

        var list = new List<Level>();
        var compilation = _model.Compilation;
        for (var node = scope; node is not null; node = node.Parent)
        {
            if (node is BaseNamespaceDeclarationSyntax declaration && _model.GetDeclaredSymbol(declaration) is INamespaceSymbol declared)
            {
                // namespace A.B.C declares C inside B inside A; only C has this declaration's imports. Each is searched
                // as the compilation sees it (with the references' types of that namespace), not as this module does.
                declarations.TryGetValue(declaration, out var own);
                list.Add(new Level(compilation.GetCompilationNamespace(declared) ?? declared, own));
                for (var up = declared.ContainingNamespace; up is not null && !IsDeclaredBy(up, node.Parent); up = up.ContainingNamespace)
                {
                    list.Add(new Level(compilation.GetCompilationNamespace(up) ?? up, null));
                }
            }
        }

        list.Add(new Level(compilation.GlobalNamespace, file));
        levels = list.ToArray();
        _levels[scope] = levels;
        return levels;
    }

    /// <summary>True when <paramref name="ns"/> (of this module) is the namespace an enclosing declaration (or the file, the global one) stands for.</summary>
    private bool IsDeclaredBy(INamespaceSymbol ns, SyntaxNode? outer)
    {
        for (var node = outer; node is not null; node = node.Parent)
        {
            if (node is BaseNamespaceDeclarationSyntax declaration)
            {
                return SymbolEqualityComparer.Default.Equals(_model.GetDeclaredSymbol(declaration), ns);
            }
        }

        return ns.IsGlobalNamespace;
    }

    /// <summary>The imports of the namespace declaration of this file a directive stands in, else the file's (its own and global usings).</summary>
    private ImportSet ImportsOf(SyntaxReference? directive, Dictionary<SyntaxNode, ImportSet> declarations, ImportSet file)
    {
        if (directive is null || directive.SyntaxTree != _model.SyntaxTree
            || directive.GetSyntax() is not { Parent: BaseNamespaceDeclarationSyntax declaration })
        {
            return file;
        }

        if (!declarations.TryGetValue(declaration, out var imports))
        {
            imports = new ImportSet();
            declarations[declaration] = imports;
        }

        return imports;
    }

    private static bool Declares(TypeParameterListSyntax? parameters, string name) =>
        parameters is not null && parameters.Parameters.Any(parameter => parameter.Identifier.ValueText == name);

    private static bool Declares(ParameterListSyntax? parameters, string name) =>
        parameters is not null && parameters.Parameters.Any(parameter => parameter.Identifier.ValueText == name);

    /// <summary>One namespace of the walk and, when a declaration of it encloses the position, that declaration's imports.</summary>
    private readonly struct Level
    {
        public Level(INamespaceSymbol ns, ImportSet? imports)
        {
            Namespace = ns;
            Imports = imports;
        }

        public INamespaceSymbol Namespace { get; }

        public ImportSet? Imports { get; }
    }

    /// <summary>The aliases, extern aliases and imported namespaces or (static) types of one declaration.</summary>
    private sealed class ImportSet
    {
        public List<IAliasSymbol> ExternAliases { get; } = new List<IAliasSymbol>();

        public List<IAliasSymbol> Aliases { get; } = new List<IAliasSymbol>();

        public List<INamespaceOrTypeSymbol> Imported { get; } = new List<INamespaceOrTypeSymbol>();
    }
}
