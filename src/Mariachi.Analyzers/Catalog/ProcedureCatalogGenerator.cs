using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Catalog;

/// <summary>
/// Writes the procedures a compilation registers into its assembly, one
/// <c>[assembly: Mariachi.Communication.ProcedureCatalogEntry(name, typeof(TIn), typeof(TOut))]</c> each, so that
/// the analyzers of the projects that reference it see its catalog (<see cref="ReferencedCatalogs"/>); and the names
/// of its <c>Procedure</c> handles (<c>[assembly: ProcedureHandleName(typeof(T), "Member", name)]</c>), which a
/// compiled assembly does not otherwise keep in a form the analyzers can read.
/// <para>
/// Gated first: a compilation whose code cannot name a Mariachi type (<see cref="ContextReach"/>: a registration needs
/// an <c>ICommunication</c>, a handle is a <c>Procedure&lt;,&gt;</c>), or whose Mariachi.Abstractions has no attribute
/// to write, hands no syntax tree on, so the generator reads no tree there (a syntax provider would walk every tree
/// of every compilation). Past the gate it is incremental: each tree is read once for <c>Register</c> invocations and
/// fields or properties typed <c>Procedure&lt;,&gt;</c> (syntactic tests) and kept while the tree is unchanged; only
/// trees with such candidates reach the semantic step, which yields equatable <see cref="CatalogEntry"/> and
/// <see cref="HandleEntry"/> values, so an edit that changes none of them leaves the output cached. Trees whose text
/// spells neither <c>Register</c> nor <c>Procedure</c> are not walked, and a registration's types are read without
/// binding its handler where its syntax declares them (<see cref="RegistrationReader"/>): this compilation is not the
/// one the compile binds, so whatever the generator binds is paid twice in a build.
/// </para>
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProcedureCatalogGenerator : IIncrementalGenerator
{
    /// <summary>The name of the one generated file.</summary>
    public const string HintName = "Mariachi.ProcedureCatalog.g.cs";

    /// <summary>Step names, for the generator driver's step tracking.</summary>
    public const string CandidatesStep = "Candidates";
    public const string RegistrationsStep = "Registrations";
    public const string HandlesStep = "Handles";
    public const string CatalogStep = "Catalog";

    private readonly Action<SyntaxTree>? _treeRead;

    public ProcedureCatalogGenerator()
    {
    }

    /// <summary>For tests: <paramref name="treeRead"/> hears of every syntax tree the generator reads.</summary>
    internal ProcedureCatalogGenerator(Action<SyntaxTree> treeRead) => _treeRead = treeRead;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var treeRead = _treeRead;
        var trees = context.CompilationProvider.SelectMany(static (compilation, token) => CanHaveProcedures(compilation, token) ? compilation.SyntaxTrees : Enumerable.Empty<SyntaxTree>());
        var candidates = trees
            .Select((tree, token) =>
            {
                treeRead?.Invoke(tree);
                return CandidateNodes.Of(tree, token);
            })
            .WithTrackingName(CandidatesStep)
            .Where(static candidates => candidates.Count > 0);
        var found = candidates
            .Combine(context.CompilationProvider)
            .SelectMany(static (pair, token) => Found(pair.Left, pair.Right, token));
        var entries = found
            .Where(static entry => entry is CatalogEntry)
            .Select(static (entry, _) => (CatalogEntry)entry)
            .WithTrackingName(RegistrationsStep);
        var handles = found
            .Where(static entry => entry is HandleEntry)
            .Select(static (entry, _) => (HandleEntry)entry)
            .WithTrackingName(HandlesStep);
        var catalog = entries.Collect().Combine(handles.Collect()).WithTrackingName(CatalogStep);
        var fingerprint = candidates.Select(static (candidates, _) => candidates.Fingerprint).Collect();
        context.RegisterSourceOutput(catalog.Combine(fingerprint), static (output, pair) =>
        {
            if (CatalogSource.Write(pair.Left.Left, pair.Left.Right, CatalogFingerprint.Of(pair.Right)) is { } source)
            {
                output.AddSource(HintName, source);
            }
        });
    }

    /// <summary>
    /// False when no code of the compilation can name a Mariachi type (so none registers a procedure or declares a
    /// handle), or its Mariachi.Abstractions is too old to declare the catalog attribute.
    /// </summary>
    private static bool CanHaveProcedures(Compilation compilation, CancellationToken cancellationToken)
    {
        var symbols = KnownSymbolsOf(compilation);
        if (symbols.Communication is null || !CatalogAttribute.IsAvailable(symbols) || !ContextReach.IsPossible(symbols, cancellationToken))
        {
            return false;
        }

        _ = compilation.Assembly.GetAttributes();
        _ = compilation.SourceModule.GetAttributes();
        return true;
    }

    /// <summary>The catalog entries and handles of one tree's candidates (a tree holds few; most hold none and never get here).</summary>
    private static IEnumerable<object> Found(CandidateNodes candidates, Compilation compilation, CancellationToken cancellationToken)
    {
        var symbols = KnownSymbolsOf(compilation);
        var model = compilation.GetSemanticModel(candidates.Tree);
        var root = candidates.Tree.GetRoot(cancellationToken);
        var found = new List<object>();
        var reader = new RegistrationReader(model, symbols);
        var writesNullable = CatalogAttribute.WritesNullable(symbols);
        foreach (var span in candidates.Spans)
        {
            var node = CandidateNodes.NodeAt(root, span);

            object? entry = node is InvocationExpressionSyntax invocation && ProcedureModel.IsRegisterCallSyntax(node)
                ? Entry(reader, invocation, writesNullable, cancellationToken)
                : HandleEntry.Create(node, model, reader.Lookup, symbols, cancellationToken);
            if (entry is not null)
            {
                found.Add(entry);
            }
        }

        return found;
    }

    private static CatalogEntry? Entry(RegistrationReader reader, InvocationExpressionSyntax invocation, bool writesNullable, CancellationToken cancellationToken) =>
        reader.Read(invocation, cancellationToken) is { } registration ? CatalogEntry.Create(registration, reader.Compilation, writesNullable) : null;

    /// <summary>The symbols shared with the analyzers of the same compilation.</summary>
    private static KnownSymbols KnownSymbolsOf(Compilation compilation) => KnownSymbols.Create(compilation);
}
