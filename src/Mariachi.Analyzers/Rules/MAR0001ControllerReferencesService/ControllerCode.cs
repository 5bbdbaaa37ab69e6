using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>Why a piece of code is controller code.</summary>
internal enum ControllerCodeKind
{
    /// <summary>Not controller code.</summary>
    None,

    /// <summary>Inside a controller type (<see cref="Layers.IsInController"/>).</summary>
    ControllerType,

    /// <summary>Inside a lambda passed as the handler of a minimal-API <c>MapGet/MapPost/...</c> call.</summary>
    HandlerLambda,

    /// <summary>Inside a method or local function passed as a method group to a minimal-API <c>Map*</c> call.</summary>
    HandlerMethod,
}

/// <summary>Where in a type controller code can be.</summary>
internal enum TypeScope
{
    /// <summary>Nowhere: not a controller, and no minimal-API handler can be among its members.</summary>
    None,

    /// <summary>Everywhere: a controller type (or nested in one) in every file that declares it.</summary>
    Controller,

    /// <summary>Somewhere: each piece of code is classified on its own (handlers, partly-controller types).</summary>
    Mixed,
}

/// <summary>
/// Decides, per compilation, whether a syntax node is controller code: members of controller types, and the
/// handlers of minimal-API <c>MapGet/MapPost/MapPut/MapDelete/MapPatch/MapMethods</c> calls (lambdas, and the
/// bodies of methods and local functions passed as method groups). Thread-safe; results are cached.
/// </summary>
internal sealed class ControllerCode
{
    /// <summary>The minimal-API methods whose delegate argument is a route handler.</summary>
    public static readonly ImmutableHashSet<string> MapMethodNames =
        ImmutableHashSet.Create(StringComparer.Ordinal, "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods");

    /// <summary>What a tree's text must spell to hold a Map call: a Map method's name, or an escape that may spell one.</summary>
    private static readonly string[] MapCallWords = [.. MapMethodNames, "\\u", "\\U"];

    private static readonly object Yes = new object();
    private static readonly object No = new object();
    private static readonly PerTreeCache<object> MapCallText = new PerTreeCache<object>(
        (tree, cancellationToken) => SourceTextSearch.ContainsAny(tree.GetText(cancellationToken), MapCallWords, wholeWords: true, cancellationToken) ? Yes : No);

    private readonly Compilation _compilation;
    private readonly KnownSymbols _symbols;
    private readonly bool _hasMinimalApis;
    private readonly ConcurrentDictionary<SyntaxNode, TypeFacts> _types = new ConcurrentDictionary<SyntaxNode, TypeFacts>();
    private readonly ConcurrentDictionary<SyntaxNode, bool> _mapCalls = new ConcurrentDictionary<SyntaxNode, bool>();
    private readonly ConcurrentDictionary<string, HashSet<DeclarationKey>> _handlersByName =
        new ConcurrentDictionary<string, HashSet<DeclarationKey>>(StringComparer.Ordinal);

    private readonly object _scanGate = new object();
    private Dictionary<string, List<ArgumentSyntax>>? _methodGroupArguments;

    public ControllerCode(Compilation compilation, KnownSymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;

        // Minimal-API handlers exist only where ASP.NET Core routing is referenced.
        _hasMinimalApis = symbols.EndpointRouteBuilderExtensions is not null;
    }

    /// <summary>
    /// Classifies <paramref name="node"/>. <paramref name="codeType"/> is the type declared around it (null in
    /// top-level statements), for callers that must not report a type's references to itself.
    /// </summary>
    public ControllerCodeKind Classify(
        SyntaxNode node,
        SemanticModel model,
        MariachiOptions options,
        CancellationToken cancellationToken,
        out INamedTypeSymbol? codeType)
    {
        codeType = null;
        SyntaxNode? typeDeclaration = null;
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is TypeDeclarationSyntax)
            {
                typeDeclaration = current;
                break;
            }
        }

        if (typeDeclaration is not null)
        {
            if (!_types.TryGetValue(typeDeclaration, out var facts))
            {
                facts = _types.GetOrAdd(typeDeclaration, ReadType(typeDeclaration, model, options, cancellationToken));
            }

            codeType = facts.Symbol;
            if (facts.IsController)
            {
                return ControllerCodeKind.ControllerType;
            }
        }

        if (!_hasMinimalApis)
        {
            return ControllerCodeKind.None;
        }

        for (var current = node; current is not null && current != typeDeclaration; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax lambda when IsHandlerLambda(lambda, model, cancellationToken):
                    return ControllerCodeKind.HandlerLambda;
                case LocalFunctionStatementSyntax local when IsHandlerMethod(local.Identifier.ValueText, local, model, cancellationToken):
                    return ControllerCodeKind.HandlerMethod;
                case MethodDeclarationSyntax method when IsHandlerMethod(method.Identifier.ValueText, method, model, cancellationToken):
                    return ControllerCodeKind.HandlerMethod;
            }
        }

        return ControllerCodeKind.None;
    }

    /// <summary>
    /// False when no code of the compilation can be controller code, read without binding: ASP.NET Core MVC, Razor
    /// Pages and routing are not referenced (no controller base type, attribute or minimal API), and no type is
    /// named with a controller suffix of any file's options. Most projects of a solution (domain, data access,
    /// tests) then cost nothing.
    /// </summary>
    public static bool MayExist(Compilation compilation, KnownSymbols symbols, OptionsCache options, CancellationToken cancellationToken)
    {
        if (symbols.ControllerBase is not null || symbols.ApiControllerAttribute is not null || symbols.PageModel is not null
            || symbols.EndpointRouteBuilderExtensions is not null)
        {
            return true;
        }

        var suffixes = new HashSet<string>(options.Global.ControllerSuffixes, StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            suffixes.UnionWith(options.For(tree).ControllerSuffixes);
        }

        foreach (var name in compilation.Assembly.TypeNames)
        {
            foreach (var suffix in suffixes)
            {
                if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// How the members of <paramref name="type"/> (not its nested types) relate to controller code, decided from
    /// its symbol and a syntax pre-scan so that the analyzer looks only inside types that can hold controller code.
    /// </summary>
    public TypeScope ScopeOf(INamedTypeSymbol type, OptionsCache options, CancellationToken cancellationToken)
    {
        // Options come per file: a partial type is a controller under the options of some of its files only in
        // unusual configurations, and then each node is classified under its own file's options.
        var controllerIn = 0;
        var references = type.DeclaringSyntaxReferences;
        foreach (var reference in references)
        {
            if (Layers.IsInController(type, _symbols, options.For(reference.SyntaxTree)))
            {
                controllerIn++;
            }
        }

        if (controllerIn > 0 && controllerIn == references.Length)
        {
            return TypeScope.Controller;
        }

        return controllerIn > 0 || MayHoldHandlers(type, references, cancellationToken) ? TypeScope.Mixed : TypeScope.None;
    }

    /// <summary>
    /// True when <paramref name="type"/> may hold minimal-API handler code: one of its declarations contains a
    /// <c>Map*</c> call (handler lambdas and local functions, and method groups at the call), or it declares a
    /// member named like a method group that some <c>Map*</c> call of the compilation passes.
    /// </summary>
    private bool MayHoldHandlers(INamedTypeSymbol type, ImmutableArray<SyntaxReference> references, CancellationToken cancellationToken)
    {
        if (!_hasMinimalApis)
        {
            return false;
        }

        foreach (var reference in references)
        {
            if (MayHoldMapCalls(reference.SyntaxTree, cancellationToken)
                && LayerSyntax.AnyWithin(LayerSyntax.Of(reference.SyntaxTree, cancellationToken).MapCalls, reference.Span))
            {
                return true;
            }
        }

        var methodGroups = MethodGroupArguments(cancellationToken);
        if (methodGroups.Count == 0)
        {
            return false;
        }

        foreach (var name in type.MemberNames)
        {
            if (methodGroups.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for ASP.NET Core's <c>MapGet/MapPost/MapPut/MapDelete/MapPatch/MapMethods</c>.</summary>
    public static bool IsMapMethod(IMethodSymbol? method) =>
        method is not null
        && MapMethodNames.Contains(method.Name)
        && method.ContainingAssembly?.Name is { } assembly
        && assembly.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);

    /// <summary>True when <paramref name="invocation"/> calls a minimal-API Map method (cached).</summary>
    public bool IsMapCall(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!_hasMinimalApis || !MapMethodNames.Contains(SimpleName(invocation.Expression) ?? string.Empty))
        {
            return false;
        }

        if (!_mapCalls.TryGetValue(invocation, out var isMapCall))
        {
            isMapCall = _mapCalls.GetOrAdd(invocation, BindsToMapMethod(invocation, model, cancellationToken));
        }

        return isMapCall;
    }

    /// <summary>
    /// False when the text of <paramref name="tree"/> cannot hold a <c>Map*</c> call: it spells no Map method's name
    /// and no Unicode escape. Read piecewise and kept with the tree, so the trees without one (nearly all of a
    /// solution's, and every huge generated-like file such as an EF Core migration) are never scanned for calls.
    /// </summary>
    internal static bool MayHoldMapCalls(SyntaxTree tree, CancellationToken cancellationToken) =>
        ReferenceEquals(MapCallText.Get(tree, cancellationToken), Yes);

    /// <summary>The simple name an invocation's expression ends with (<c>app.MapGet</c> -> MapGet).</summary>
    public static string? SimpleName(ExpressionSyntax? expression) => expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    private TypeFacts ReadType(SyntaxNode declaration, SemanticModel model, MariachiOptions options, CancellationToken cancellationToken)
    {
        var symbol = model.GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol;
        return new TypeFacts(symbol, Layers.IsInController(symbol, _symbols, options));
    }

    private bool IsHandlerLambda(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken) =>
        lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
        && IsMapCall(invocation, model, cancellationToken);

    private bool IsHandlerMethod(string name, SyntaxNode declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        var candidates = MethodGroupArguments(cancellationToken);
        if (candidates.Count == 0 || !candidates.TryGetValue(name, out var arguments))
        {
            return false;
        }

        var handlers = _handlersByName.GetOrAdd(name, _ => BindHandlers(arguments, model, cancellationToken));
        return handlers.Contains(new DeclarationKey(declaration.SyntaxTree, declaration.Span));
    }

    /// <summary>
    /// The arguments of every <c>Map*</c> call of the compilation that may be method groups, by the method name
    /// they mention. A syntax-only scan, done once per compilation on first need; the scan of a tree is kept
    /// with the tree, so a new compilation (an edit in the IDE) rescans only the trees that changed.
    /// </summary>
    private Dictionary<string, List<ArgumentSyntax>> MethodGroupArguments(CancellationToken cancellationToken)
    {
        var existing = Volatile.Read(ref _methodGroupArguments);
        if (existing is not null)
        {
            return existing;
        }

        lock (_scanGate)
        {
            if (_methodGroupArguments is null)
            {
                var found = new Dictionary<string, List<ArgumentSyntax>>(StringComparer.Ordinal);
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!MayHoldMapCalls(tree, cancellationToken))
                    {
                        continue;
                    }

                    foreach (var argument in LayerSyntax.Of(tree, cancellationToken).MapArguments)
                    {
                        var name = SimpleName(argument.Expression)!;
                        if (!found.TryGetValue(name, out var list))
                        {
                            list = new List<ArgumentSyntax>();
                            found.Add(name, list);
                        }

                        list.Add(argument);
                    }
                }

                Volatile.Write(ref _methodGroupArguments, found);
            }

            return _methodGroupArguments!;
        }
    }

    /// <summary>The declarations of the methods that <paramref name="arguments"/> pass as handlers to Map calls.</summary>
    private HashSet<DeclarationKey> BindHandlers(List<ArgumentSyntax> arguments, SemanticModel model, CancellationToken cancellationToken)
    {
        var result = new HashSet<DeclarationKey>();
        foreach (var argument in arguments)
        {
            if (argument.Parent?.Parent is not InvocationExpressionSyntax invocation)
            {
                continue;
            }

            // The Map call may sit in another file than the code being analyzed: bind it in its own tree. This
            // happens for the few method-group arguments of Map calls only, once per compilation.
            var argumentModel = argument.SyntaxTree == model.SyntaxTree ? model : _compilation.GetSemanticModel(argument.SyntaxTree);
            if (!IsMapCall(invocation, argumentModel, cancellationToken))
            {
                continue;
            }

            var info = argumentModel.GetSymbolInfo(argument.Expression, cancellationToken);
            AddDeclarations(result, info.Symbol);
            foreach (var candidate in info.CandidateSymbols)
            {
                AddDeclarations(result, candidate);
            }
        }

        return result;
    }

    private static void AddDeclarations(HashSet<DeclarationKey> result, ISymbol? symbol)
    {
        if (symbol is not IMethodSymbol method)
        {
            return;
        }

        method = method.ReducedFrom ?? method;
        method = method.OriginalDefinition;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            result.Add(new DeclarationKey(reference.SyntaxTree, reference.Span));
        }

        if (method.PartialImplementationPart is { } implementation)
        {
            foreach (var reference in implementation.DeclaringSyntaxReferences)
            {
                result.Add(new DeclarationKey(reference.SyntaxTree, reference.Span));
            }
        }
    }

    private static bool BindsToMapMethod(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(invocation, cancellationToken);
        if (info.Symbol is not null)
        {
            return IsMapMethod(info.Symbol as IMethodSymbol);
        }

        // Overload resolution failed (often because the handler is still being typed): a Map call when every
        // candidate is one.
        if (info.CandidateSymbols.IsEmpty)
        {
            return false;
        }

        foreach (var candidate in info.CandidateSymbols)
        {
            if (!IsMapMethod(candidate as IMethodSymbol))
            {
                return false;
            }
        }

        return true;
    }

    private readonly struct TypeFacts
    {
        public TypeFacts(INamedTypeSymbol? symbol, bool isController)
        {
            Symbol = symbol;
            IsController = isController;
        }

        public INamedTypeSymbol? Symbol { get; }

        public bool IsController { get; }
    }

    private readonly struct DeclarationKey : IEquatable<DeclarationKey>
    {
        private readonly SyntaxTree _tree;
        private readonly TextSpan _span;

        public DeclarationKey(SyntaxTree tree, TextSpan span)
        {
            _tree = tree;
            _span = span;
        }

        public bool Equals(DeclarationKey other) => _tree == other._tree && _span == other._span;

        public override bool Equals(object? obj) => obj is DeclarationKey other && Equals(other);

        public override int GetHashCode() => (_tree.GetHashCode() * 397) ^ _span.GetHashCode();
    }
}
