using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Cli.Analysis.SolutionWide;

/// <summary>
/// What the solution-wide checks need of one analyzed project, read once with the analyzers' own model: its
/// registrations (<see cref="ProcedureCatalog"/>), the procedure names its code calls, whether it is a test project,
/// and whether its own catalog can know what it calls.
/// </summary>
internal sealed class ProjectFacts
{
    private ProjectFacts(ProjectDiagnostics analyzed, KnownSymbols symbols, IReadOnlyList<CatalogRegistration> registrations, IReadOnlySet<string> calledNames)
    {
        Analyzed = analyzed;
        Symbols = symbols;
        Registrations = registrations;
        CalledNames = calledNames;
        IsTest = TestProjects.IsTest(symbols.Compilation);
    }

    public ProjectDiagnostics Analyzed { get; }

    public Project Project => Analyzed.Project;

    public string Name => Finding.ProjectName(Project);

    public Compilation Compilation => Symbols.Compilation;

    public KnownSymbols Symbols { get; }

    public IReadOnlyList<CatalogRegistration> Registrations { get; }

    /// <summary>The constant names of the procedures this project's code calls.</summary>
    public IReadOnlySet<string> CalledNames { get; }

    public bool IsTest { get; }

    /// <summary>Whether the project uses Mariachi's communication types at all.</summary>
    public bool UsesCommunication => Symbols.HasMariachi && Symbols.Communication is not null;

    /// <summary>A pure client: it calls procedures but neither registers any nor references a catalog (MAR0012/13 stay silent in it).</summary>
    public bool IsPureClient(CancellationToken cancellationToken) =>
        UsesCommunication && CalledNames.Count > 0 && !ProcedureCatalog.Get(Symbols, cancellationToken).CanKnow;

    public AnalyzerOptions Options => Project.AnalyzerOptions;

    public static ProjectFacts? Read(ProjectDiagnostics analyzed, CancellationToken cancellationToken)
    {
        if (analyzed.Compilation is not { } compilation)
        {
            return null;
        }

        var symbols = KnownSymbols.Create(compilation);
        if (!symbols.HasMariachi || symbols.Communication is null)
        {
            return new ProjectFacts(analyzed, symbols, [], new HashSet<string>());
        }

        return new ProjectFacts(analyzed, symbols, [.. ProcedureCatalog.OwnRegistrations(symbols, cancellationToken)], ReadCalledNames(symbols, cancellationToken));
    }

    private static HashSet<string> ReadCalledNames(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in symbols.Compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (SyntaxNames.LastIdentifier(invocation.Expression) != ProcedureModel.CallName)
                {
                    continue;
                }

                model ??= symbols.Compilation.GetSemanticModel(tree);
                if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
                    && ProcedureCallSite.Create(operation, symbols) is { } call)
                {
                    names.Add(call.Name);
                }
            }
        }

        return names;
    }
}
