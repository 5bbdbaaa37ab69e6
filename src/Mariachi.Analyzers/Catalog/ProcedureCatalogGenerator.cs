using System.Runtime.CompilerServices;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Catalog;

/// <summary>
/// Writes the procedures a compilation registers into its assembly, one
/// <c>[assembly: Mariachi.Communication.ProcedureCatalogEntry(name, typeof(TIn), typeof(TOut))]</c> each, so that
/// the analyzers of the projects that reference it see its catalog (<see cref="ReferencedCatalogs"/>); and the names
/// of its <c>Procedure</c> handles (<c>[assembly: ProcedureHandleName(typeof(T), "Member", name)]</c>), which a
/// compiled assembly does not otherwise keep in a form the analyzers can read. Incremental: only <c>Register</c>
/// invocations and fields or properties typed <c>Procedure&lt;,&gt;</c> (syntactic tests) reach the semantic step,
/// each yields an equatable <see cref="CatalogEntry"/> or <see cref="HandleEntry"/>, and an edit that changes none of
/// them leaves the output cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProcedureCatalogGenerator : IIncrementalGenerator
{
    /// <summary>The name of the one generated file.</summary>
    public const string HintName = "Mariachi.ProcedureCatalog.g.cs";

    /// <summary>Step names, for the generator driver's step tracking.</summary>
    public const string RegistrationsStep = "Registrations";
    public const string HandlesStep = "Handles";
    public const string CatalogStep = "Catalog";

    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Symbols = new ConditionalWeakTable<Compilation, KnownSymbols>();

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // An older Mariachi.Abstractions has no attribute to write: then there is nothing to generate.
        var canWrite = context.CompilationProvider.Select(static (compilation, _) => CatalogAttribute.IsAvailable(KnownSymbolsOf(compilation)));
        var entries = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => ProcedureModel.IsRegisterCallSyntax(node), static (syntax, token) => Entry(syntax, token))
            .Where(static entry => entry is not null)
            .Select(static (entry, _) => entry!)
            .WithTrackingName(RegistrationsStep);
        var handles = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => HandleEntry.IsCandidate(node), static (syntax, token) => HandleEntry.Create(syntax, KnownSymbolsOf(syntax.SemanticModel.Compilation), token))
            .Where(static entry => entry is not null)
            .Select(static (entry, _) => entry!)
            .WithTrackingName(HandlesStep);
        var catalog = entries.Collect().Combine(handles.Collect()).Combine(canWrite).WithTrackingName(CatalogStep);
        context.RegisterSourceOutput(catalog, static (output, pair) =>
        {
            if (pair.Right && CatalogSource.Write(pair.Left.Left, pair.Left.Right) is { } source)
            {
                output.AddSource(HintName, source);
            }
        });
    }

    private static CatalogEntry? Entry(GeneratorSyntaxContext syntax, CancellationToken cancellationToken)
    {
        var symbols = KnownSymbolsOf(syntax.SemanticModel.Compilation);
        if (symbols.Communication is null
            || syntax.SemanticModel.GetOperation(syntax.Node, cancellationToken) is not IInvocationOperation invocation
            || CatalogRegistration.Create(invocation, symbols) is not { } registration)
        {
            return null;
        }

        return CatalogEntry.Create(registration, symbols.Compilation);
    }

    private static KnownSymbols KnownSymbolsOf(Compilation compilation) =>
        Symbols.GetValue(compilation, KnownSymbols.Create);
}
